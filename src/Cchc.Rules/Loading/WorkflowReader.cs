using System.Linq.Expressions;
using Cchc.Rules.Diagnostics;
using Cchc.Rules.Expressions;
using Cchc.Rules.Model;
using Newtonsoft.Json.Linq;

namespace Cchc.Rules.Loading;

/// <summary>A workflow file that was read: its name, its text and the inputs it reads.</summary>
internal sealed record WorkflowEntry(string Name, JsonFile File, IReadOnlySet<string> Inputs, IReadOnlySet<string> RuleIds)
{
    /// <summary>The workflow's GlobalParams, parsed, in order.</summary>
    public IReadOnlyList<(ParameterExpression Parameter, Expression Body)> Globals { get; init; } = [];

    /// <summary>The top-level criteria of the workflow, in file order.</summary>
    public IReadOnlyList<CriterionDefinition> Criteria { get; init; } = [];
}

/// <summary>Reads the workflow files of a rule set into criteria, checking each rule and each expression.</summary>
internal sealed partial class WorkflowReader
{

    private readonly Manifest _manifest;
    private readonly DiagnosticBag _diagnostics;
    private readonly ExpressionParser _parser;
    private readonly ScoringReader _scoring;
    private readonly List<ParameterExpression> _inputParameters;
    private readonly Dictionary<string, IReadOnlySet<string>> _inputsOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string File, JToken Token)> _ruleNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _workflowNames = new(StringComparer.Ordinal);
    private readonly Dictionary<ParameterExpression, Expression> _bodies = [];

    public WorkflowReader(Manifest manifest, DiagnosticBag diagnostics)
    {
        _manifest = manifest;
        _diagnostics = diagnostics;
        _parser = new ExpressionParser(manifest.Inputs.Select(i => i.Name).ToList());
        _scoring = new ScoringReader(diagnostics);
        _inputParameters = manifest.Inputs.Select(i => Expression.Parameter(ClrType(i.Type), i.Name)).ToList();
        foreach (var input in manifest.Inputs)
        {
            _inputsOf[input.Name] = new HashSet<string>(StringComparer.Ordinal) { input.Name };
        }
    }

    public List<CriterionDefinition> Criteria { get; } = [];

    /// <summary>The inputs as expression parameters, in manifest order: every parsed expression reads these objects.</summary>
    public IReadOnlyList<ParameterExpression> InputParameters => _inputParameters;

    /// <summary>The workflows read, each with the inputs its rules and global parameters read.</summary>
    public List<WorkflowEntry> Workflows { get; } = [];

    internal static Type ClrType(InputType type) => type switch
    {
        InputType.Bool => typeof(bool),
        InputType.Date => typeof(DateTime),
        InputType.Choice => typeof(string),
        _ => typeof(decimal),
    };

    public void Read(JsonFile file)
    {
        SchemaCatalog.Validate(file, "workflow", _diagnostics);
        if (file.Root is not JObject root)
        {
            return;
        }

        var name = JsonFile.String(root, "WorkflowName");
        if (name is not null)
        {
            if (_workflowNames.TryGetValue(name, out var other))
            {
                _diagnostics.Error("CCHC041", file.RelativePath, root["WorkflowName"], null, $"WorkflowName '{name}' đã được dùng trong '{other}'.", "Mỗi tệp workflow cần một WorkflowName riêng.");
            }
            else
            {
                _workflowNames[name] = file.RelativePath;
            }
        }

        // RulesEngine copies every input into every rule's result, so a workflow is given only the inputs it reads.
        var inputs = new HashSet<string>(StringComparer.Ordinal);
        var firstCriterion = Criteria.Count;
        var scope = new List<ParameterExpression>(_inputParameters);
        var globals = new List<(ParameterExpression, Expression)>();
        foreach (var global in JsonFile.Array(root, "GlobalParams")?.OfType<JObject>() ?? [])
        {
            if (AddParameter(global, scope, file, null, isGlobal: true) is { } parameter)
            {
                inputs.UnionWith(_inputsOf[parameter.Name!]);
                globals.Add((parameter, _bodies[parameter]));
            }
        }

        foreach (var rule in JsonFile.Array(root, "Rules")?.OfType<JObject>() ?? [])
        {
            CriterionDefinition? criterion;
            try
            {
                criterion = ReadRule(rule, file, scope, parent: null);
            }
#pragma warning disable CA1031 // The last resort per rule: the other rules of the file are still checked.
            catch (Exception e)
#pragma warning restore CA1031
            {
                _diagnostics.Unexpected(file.RelativePath, rule["RuleName"] ?? rule, JsonFile.String(rule, "RuleName"), e);
                continue;
            }

            if (criterion is not null)
            {
                Criteria.Add(criterion);
                inputs.UnionWith(criterion.Inputs);
            }
        }

        if (name is not null && _workflowNames[name] == file.RelativePath)
        {
            Workflows.Add(new WorkflowEntry(name, file, inputs, Criteria.Skip(firstCriterion).Flatten().Select(c => c.Id).ToHashSet(StringComparer.Ordinal))
            {
                Globals = globals,
                Criteria = [.. Criteria.Skip(firstCriterion)],
            });
        }
    }

    /// <summary>Checks what only makes sense once every file is read: area sums.</summary>
    public void CheckTotals()
    {
        foreach (var area in _manifest.Areas)
        {
            var terms = Criteria.Where(c => c.Kind == CriterionKind.Base && c.Area == area.Id).ToList();
            var sum = terms.Sum(c => c.Scoring.Points);
            if (sum != area.MaxPoints)
            {
                _diagnostics.Error("CCHC025", ManifestReader.FileName, _manifest.AreaTokens[area.Id]["maxPoints"], null,
                    $"Lĩnh vực '{area.Id}' khai báo 'maxPoints' là {ManifestReader.Fmt(area.MaxPoints)} nhưng điểm các tiêu chí của lĩnh vực cộng lại là {ManifestReader.Fmt(sum)}{Terms(terms)}.",
                    "Sửa 'scoring.points' của các tiêu chí cho tổng bằng 'maxPoints' của lĩnh vực (hoặc sửa lại lĩnh vực).");
            }
        }
    }

    /// <summary>The most rules (criteria and sub-criteria) a rule set may hold: each is compiled, and the real ones hold a few hundred.</summary>
    internal const int MaxRules = 5_000;

    private int _ruleCount;

    private CriterionDefinition? ReadRule(JObject rule, JsonFile file, List<ParameterExpression> outerScope, CriterionDefinition? parent)
    {
        var f = file.RelativePath;
        if (++_ruleCount > MaxRules)
        {
            if (_ruleCount == MaxRules + 1)
            {
                _diagnostics.Error("CCHC004", f, rule, JsonFile.String(rule, "RuleName"), $"Bộ tiêu chí có hơn {MaxRules:#,0} quy tắc (kể cả tiêu chí con), vượt giới hạn; các quy tắc từ đây trở đi không được đọc.".Replace(',', '.'),
                    "Kiểm tra lại tệp: một bộ tiêu chí thật chỉ có vài trăm tiêu chí.");
            }

            return null;
        }

        var id = JsonFile.String(rule, "RuleName");
        if (id is null)
        {
            return null;
        }

        if (_ruleNames.TryGetValue(id, out var first))
        {
            _diagnostics.Error("CCHC040", f, rule["RuleName"], id, $"RuleName '{id}' bị dùng hai lần (lần đầu ở {first.File}, dòng {((Newtonsoft.Json.IJsonLineInfo)first.Token).LineNumber}).",
                "Mã tiêu chí phải là duy nhất trong bộ tiêu chí; nếu trùng, RulesEngine sẽ lỗi ngay lần chạy đầu tiên.");
            return null;
        }

        _ruleNames[id] = (f, rule["RuleName"]!);
        if (JsonFile.Bool(rule, "Enabled") == false)
        {
            return null;
        }

        var properties = JsonFile.Object(rule, "Properties");
        if (properties is null)
        {
            return null;
        }

        var scoring = _scoring.Read(JsonFile.Object(properties, "scoring"), f, id);
        var kind = JsonFile.String(properties, "kind") switch
        {
            "bonus" => CriterionKind.Bonus,
            "penalty" => CriterionKind.Penalty,
            _ => parent?.Kind ?? CriterionKind.Base,
        };

        var area = JsonFile.String(properties, "area");
        if (parent is not null)
        {
            if (area is not null && area != parent.Area)
            {
                _diagnostics.Error("CCHC042", f, properties["area"], id, $"Tiêu chí con '{id}' ghi lĩnh vực '{area}' nhưng tiêu chí cha '{parent.Id}' thuộc lĩnh vực '{parent.Area}'.", "Bỏ 'area' khỏi tiêu chí con: tiêu chí con theo lĩnh vực của tiêu chí cha.");
            }

            area = parent.Area;
        }
        else if (area is null)
        {
            if (kind == CriterionKind.Base)
            {
                _diagnostics.Error("CCHC042", f, properties, id, $"Tiêu chí '{id}' chưa có 'area'.", $"Thêm \"area\" với một trong các lĩnh vực: {string.Join(", ", _manifest.Areas.Select(a => a.Id))}.");
            }

            area = kind == CriterionKind.Bonus ? "bonus" : kind == CriterionKind.Penalty ? "penalty" : "";
        }
        else if (!_manifest.AreaTokens.ContainsKey(area))
        {
            var suggestion = NameSuggestions.Closest(area, _manifest.AreaTokens.Keys);
            _diagnostics.Error("CCHC042", f, properties["area"], id, $"Lĩnh vực '{area}' chưa được khai báo trong ruleset.json.",
                suggestion is null ? $"Dùng một trong các lĩnh vực: {string.Join(", ", _manifest.AreaTokens.Keys)}." : $"Có phải ý bạn là '{suggestion}'?");
        }

        var levels = ReadLevels(properties, f, id, parent);
        var explanations = ExplanationTemplates.Read(JsonFile.Object(properties, "explanations"), f, id, _diagnostics);

        // Parameters: the rule's LocalParams are visible to its own expression and to its children.
        var scope = new List<ParameterExpression>(outerScope);
        var localNames = new Dictionary<string, ParameterExpression>(StringComparer.Ordinal);
        var locals = new List<(ParameterExpression, Expression)>();
        foreach (var local in JsonFile.Array(rule, "LocalParams")?.OfType<JObject>() ?? [])
        {
            var parameter = AddParameter(local, scope, file, id, isGlobal: false);
            if (parameter is not null)
            {
                localNames[parameter.Name!] = parameter;
                locals.Add((parameter, _bodies[parameter]));
            }
        }

        CheckConventionalParameters(localNames, rule, f, id, scoring);

        var children = new List<CriterionDefinition>();
        var isComposite = scoring?.Method == ScoringMethod.Composite;
        var childRules = JsonFile.Array(rule, "Rules");
        Comparison? comparison = null;
        object? constantTarget = null;
        Expression? test = null;
        var referencedInputs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var local in localNames.Keys)
        {
            referencedInputs.UnionWith(_inputsOf[local]);
        }

        if (childRules is not null || JsonFile.String(rule, "Operator") is not null || isComposite)
        {
            if (!isComposite)
            {
                _diagnostics.Error("CCHC043", f, rule["Rules"] ?? rule["Operator"], id, $"Quy tắc '{id}' có quy tắc con nhưng phương pháp chấm không phải 'composite'.", "Đặt \"method\": \"composite\", hoặc bỏ Operator/Rules.");
            }
            else if (childRules is null || JsonFile.String(rule, "Operator") is null)
            {
                _diagnostics.Error("CCHC043", f, rule, id, $"Tiêu chí tổng hợp '{id}' cần có cả 'Operator' và 'Rules'.", "Thêm \"Operator\": \"And\" và đặt các quy tắc con trong \"Rules\".");
            }

            if (rule["Expression"] is not null)
            {
                _diagnostics.Error("CCHC043", f, rule["Expression"], id, $"Tiêu chí tổng hợp '{id}' có 'Expression', nhưng RulesEngine bỏ qua Expression của quy tắc có quy tắc con.", "Chuyển điều kiện xuống các quy tắc con.");
            }

            // Sub-criteria inherit the parent's area, levels, kind and lead unit through this shell.
            var shell = new CriterionDefinition { Id = id, Title = "", Area = area, Levels = levels, Kind = kind, Scoring = scoring ?? Placeholder, LeadUnit = JsonFile.String(properties, "leadUnit") ?? parent?.LeadUnit };
            foreach (var childRule in childRules?.OfType<JObject>() ?? [])
            {
                var child = ReadRule(childRule, file, scope, shell);
                if (child is not null)
                {
                    children.Add(child);
                    referencedInputs.UnionWith(child.Inputs);
                }
            }

            var sum = children.Sum(c => c.Scoring.Points);
            if (scoring is not null && children.Count > 0 && sum != scoring.Points)
            {
                _diagnostics.Error("CCHC044", f, JsonFile.Object(properties, "scoring")?["points"], id,
                    $"Tiêu chí tổng hợp '{id}' có {ManifestReader.Fmt(scoring.Points)} điểm nhưng điểm các tiêu chí con cộng lại là {ManifestReader.Fmt(sum)}{Terms(children)}.",
                    "Sửa điểm các tiêu chí con cho tổng bằng điểm của tiêu chí tổng hợp.");
            }
        }
        else
        {
            var text = JsonFile.String(rule, "Expression");
            if (text is null)
            {
                if (rule["Expression"] is null)
                {
                    _diagnostics.Error("CCHC045", f, rule["RuleName"], id, $"Quy tắc '{id}' chưa có 'Expression'.", "Thêm điều kiện đạt, ví dụ \"Expression\": \"value >= 60\".");
                }
            }
            else
            {
                var parsed = _parser.Parse(text, scope, f, rule["Expression"], id, _diagnostics);
                if (parsed is not null)
                {
                    if (parsed.Type != typeof(bool))
                    {
                        _diagnostics.ErrorInString("CCHC032", f, rule["Expression"], 0, id,
                            $"Biểu thức `{text}` cho ra {Friendly(parsed.Type)}, nhưng điều kiện đạt phải cho ra true hoặc false.", "So sánh giá trị với mục tiêu, ví dụ `value >= 60`.");
                    }

                    foreach (var name in parsed.Parameters)
                    {
                        if (_inputsOf.TryGetValue(name, out var inputs))
                        {
                            referencedInputs.UnionWith(inputs);
                        }
                    }

                    (comparison, constantTarget) = TargetReader.Read(parsed.Body, localNames.ContainsKey("value"));
                    test = parsed.Body;
                    CheckOneThreshold(scoring, comparison, constantTarget, rule, properties, f, id);
                }
            }
        }

        if (scoring is not null && scoring.Method is ScoringMethod.Choice && localNames.TryGetValue("value", out var choiceValue))
        {
            CheckChoiceOptions(rule, choiceValue, scoring, f, id);
        }

        var format = JsonFile.String(properties, "format") is { } formatText && Enum.TryParse<ValueFormat>(formatText, ignoreCase: true, out var parsedFormat)
            ? parsedFormat
            : DefaultFormat(localNames.GetValueOrDefault("value")?.Type);

        return new CriterionDefinition
        {
            Id = id,
            Title = JsonFile.String(properties, "title") ?? id,
            Area = area,
            Levels = levels,
            LeadUnit = JsonFile.String(properties, "leadUnit") ?? parent?.LeadUnit,
            CoordinatingUnits = JsonFile.Strings(properties, "coordinatingUnits").ToList(),
            Kind = kind,
            Scoring = scoring ?? Placeholder,
            Format = format,
            WhenNoOccurrence = JsonFile.String(properties, "whenNoOccurrence") switch
            {
                "zero" => NoOccurrencePolicy.Zero,
                "exclude" => NoOccurrencePolicy.Exclude,
                _ => NoOccurrencePolicy.Full,
            },
            Evidence = ManifestReader.EvidencePolicyOf(JsonFile.String(properties, "evidence")),
            Explanations = explanations,
            Comparison = comparison,
            ConstantTarget = constantTarget,
            Children = children,
            Inputs = [.. referencedInputs.Order(StringComparer.Ordinal)],
            HasNoOccurrence = localNames.ContainsKey("noOccurrence"),
            NoOccurrenceInputs = localNames.ContainsKey("noOccurrence") ? [.. _inputsOf[$"{id}\u0000noOccurrence"].Order(StringComparer.Ordinal)] : [],
            HasNotApplicable = localNames.ContainsKey("notApplicable"),
            NotApplicableInputs = localNames.ContainsKey("notApplicable") ? [.. _inputsOf[$"{id}\u0000notApplicable"].Order(StringComparer.Ordinal)] : [],
            MetadataJson = JsonFile.Object(properties, "metadata")?.ToString(Newtonsoft.Json.Formatting.None),
            Program = new Compilation.RuleProgram(
                locals,
                test,
                JsonFile.String(rule, "Operator") is "Or" or "OrElse",
                Visible(outerScope, "value"),
                Visible(scope, "value"),
                Visible(outerScope, "target"),
                Visible(scope, "target"),
                localNames.GetValueOrDefault("noOccurrence"),
                localNames.GetValueOrDefault("notApplicable")),
        };
    }

    /// <summary>The terms of a sum, for a message: <c> (1.1: 2 + 1.2: 2,5)</c>; nothing when there are none.</summary>
    private static string Terms(List<CriterionDefinition> terms)
        => terms.Count == 0 ? "" : $" ({string.Join(" + ", terms.Select(c => $"{c.Id}: {ManifestReader.Fmt(c.Scoring.Points)}"))})";

    /// <summary>The parameter a rule's result reports under <paramref name="name"/>: the last one in scope (RulesEngine copies every one in scope into the result).</summary>
    private static ParameterExpression? Visible(List<ParameterExpression> scope, string name)
        => scope.LastOrDefault(p => p.Name == name);
}
