using System.Linq.Expressions;
using Cchc.Rules.Diagnostics;
using Cchc.Rules.Expressions;
using Cchc.Rules.Model;
using Cchc.Rules.Texts;
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

    /// <summary>
    /// Criteria left out of a sum because of an error elsewhere (an id used twice, scoring or area in error): the
    /// composite parent and the area they would count in (null: any), and the subject of that error. A sum missing them
    /// follows from that error.
    /// </summary>
    private readonly List<(string? Parent, string? Area, string Cause)> _uncounted = [];

    /// <summary>The subjects of errors that cost the rule set criteria (an id used twice, a rule that could not be read).</summary>
    public IEnumerable<string> LostCriteria => _lostIds;

    private readonly HashSet<string> _lostIds = new(StringComparer.Ordinal);

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
                _diagnostics.Error("CCHC041", file.RelativePath, root["WorkflowName"], null, RulesText.Format(nameof(RulesStrings.Workflow_NameUsed), name, other), RulesText.Get(nameof(RulesStrings.Workflow_NameUsed_Hint)));
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
        var broken = new Dictionary<string, string>(_manifest.BrokenInputs, StringComparer.Ordinal);
        var globals = new List<(ParameterExpression, Expression)>();
        var globalTokens = JsonFile.Array(root, "GlobalParams")?.OfType<JObject>().ToList() ?? [];
        for (var i = 0; i < globalTokens.Count; i++)
        {
            var global = globalTokens[i];
            if (AddParameter(global, scope, new NameContext(broken, Later(globalTokens, i)), file, null, isGlobal: true) is { } parameter)
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
                criterion = ReadRule(rule, file, scope, broken, parent: null);
            }
#pragma warning disable CA1031 // The last resort per rule: the other rules of the file are still checked.
            catch (Exception e)
#pragma warning restore CA1031
            {
                _diagnostics.Unexpected(file.RelativePath, rule["RuleName"] ?? rule, JsonFile.String(rule, "RuleName"), e);
                Lose(null, null, DiagnosticBag.Subject(file.RelativePath, rule["RuleName"] ?? rule));
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
        var criteriaTotal = 0m;
        var offAreas = new List<string>();
        foreach (var area in _manifest.Areas)
        {
            var terms = Criteria.Where(c => c.Kind == CriterionKind.Base && c.Area == area.Id).ToList();
            var sum = terms.Sum(c => c.Scoring.Points);
            criteriaTotal += sum;
            if (sum != area.MaxPoints)
            {
                offAreas.Add(DiagnosticBag.Subject(ManifestReader.FileName, _manifest.AreaTokens[area.Id]["maxPoints"]));
                _diagnostics.Error("CCHC025", ManifestReader.FileName, _manifest.AreaTokens[area.Id]["maxPoints"], null,
                    RulesText.Format(nameof(RulesStrings.Area_SumDiffers), area.Id, ManifestReader.Fmt(area.MaxPoints), ManifestReader.Fmt(sum), Terms(terms)),
                    RulesText.Get(nameof(RulesStrings.Area_SumDiffers_Hint)),
                    dependsOn: _uncounted.Where(u => u.Parent is null && (u.Area is null || u.Area == area.Id)).Select(u => u.Cause));
            }
        }

        // One area's 'maxPoints' edited: its criteria no longer add up to it, and the areas no longer add up to the
        // rule set's 'maxPoints'. When the criteria do add up to the rule set's total, the area is the one mistake and
        // the total's error follows from it.
        if (offAreas.Count > 0 && criteriaTotal == _manifest.MaxPoints && _manifest.MaxPointsToken is { } total)
        {
            foreach (var area in offAreas)
            {
                _diagnostics.AddDependency(DiagnosticBag.Subject(ManifestReader.FileName, total), area);
            }
        }
    }

    /// <summary>The most rules (criteria and sub-criteria) a rule set may hold: each is compiled, and the real ones hold a few hundred.</summary>
    internal const int MaxRules = 5_000;

    private int _ruleCount;

    private void Lose(string? parent, string? area, string cause)
    {
        _uncounted.Add((parent, area, cause));
        _lostIds.Add(cause);
    }

    /// <summary>The parameters of a LocalParams/GlobalParams list declared after the one at <paramref name="index"/>, with their lines.</summary>
    private static Dictionary<string, int> Later(List<JObject> parameters, int index)
    {
        var later = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var j = index + 1; j < parameters.Count; j++)
        {
            if (JsonFile.String(parameters[j], "Name") is { } name && parameters[j]["Name"] is Newtonsoft.Json.IJsonLineInfo at)
            {
                later.TryAdd(name, at.LineNumber);
            }
        }

        for (var j = 0; j <= index; j++)
        {
            if (JsonFile.String(parameters[j], "Name") is { } name)
            {
                later.Remove(name);
            }
        }

        return later;
    }

    private CriterionDefinition? ReadRule(JObject rule, JsonFile file, List<ParameterExpression> outerScope, Dictionary<string, string> outerBroken, CriterionDefinition? parent)
    {
        var f = file.RelativePath;
        if (++_ruleCount > MaxRules)
        {
            if (_ruleCount == MaxRules + 1)
            {
                _diagnostics.Error("CCHC004", f, rule, JsonFile.String(rule, "RuleName"), RulesText.Format(nameof(RulesStrings.Rules_TooMany), RulesText.Count(MaxRules)),
                    RulesText.Get(nameof(RulesStrings.Rules_TooMany_Hint)));
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
            // The rule is dropped: a sum, and a test naming it, then miss it because of this error.
            _uncounted.Add((parent?.Id, parent?.Area ?? JsonFile.String(JsonFile.Object(rule, "Properties"), "area"), DiagnosticBag.Subject(f, rule["RuleName"])));
            _lostIds.Add(DiagnosticBag.Subject(f, rule["RuleName"]));
            _diagnostics.Error("CCHC040", f, rule["RuleName"], id, RulesText.Format(nameof(RulesStrings.Rule_IdTwice), id, first.File, ((Newtonsoft.Json.IJsonLineInfo)first.Token).LineNumber),
                RulesText.Get(nameof(RulesStrings.Rule_IdTwice_Hint)));
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
            Lose(parent?.Id, parent?.Area, DiagnosticBag.Subject(f, rule));
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
                _diagnostics.Error("CCHC042", f, properties["area"], id, RulesText.Format(nameof(RulesStrings.Rule_ChildArea), id, area, parent.Id, parent.Area), RulesText.Get(nameof(RulesStrings.Rule_ChildArea_Hint)));
            }

            area = parent.Area;
        }
        else if (area is null)
        {
            if (kind == CriterionKind.Base)
            {
                _diagnostics.Error("CCHC042", f, properties, id, RulesText.Format(nameof(RulesStrings.Rule_NoArea), id), RulesText.Format(nameof(RulesStrings.Rule_NoArea_Hint), string.Join(", ", _manifest.Areas.Select(a => a.Id))),
                    subject: DiagnosticBag.Subject(f, properties) + ".area/missing");
                _uncounted.Add((null, null, DiagnosticBag.Subject(f, properties) + ".area/missing"));
            }

            area = kind == CriterionKind.Bonus ? "bonus" : kind == CriterionKind.Penalty ? "penalty" : "";
        }
        else if (!_manifest.AreaTokens.ContainsKey(area))
        {
            var suggestion = NameSuggestions.Closest(area, _manifest.AreaTokens.Keys);
            _diagnostics.Error("CCHC042", f, properties["area"], id, RulesText.Format(nameof(RulesStrings.Rule_UnknownArea), area),
                suggestion is null ? RulesText.Format(nameof(RulesStrings.Rule_UnknownArea_Hint), string.Join(", ", _manifest.AreaTokens.Keys)) : RulesText.Format(nameof(RulesStrings.DidYouMean), suggestion));
            _uncounted.Add((null, null, DiagnosticBag.Subject(f, properties["area"])));
        }

        if (scoring is null)
        {
            // The scoring is in error (reported where it is): the criterion counts 0 in its sums because of that.
            _uncounted.Add((parent?.Id, area, DiagnosticBag.Subject(f, properties)));
        }

        var levels = ReadLevels(properties, f, id, parent);
        var explanations = ExplanationTemplates.Read(JsonFile.Object(properties, "explanations"), f, id, _diagnostics);

        // Parameters: the rule's LocalParams are visible to its own expression and to its children.
        var scope = new List<ParameterExpression>(outerScope);
        var broken = new Dictionary<string, string>(outerBroken, StringComparer.Ordinal);
        var localNames = new Dictionary<string, ParameterExpression>(StringComparer.Ordinal);
        var locals = new List<(ParameterExpression, Expression)>();
        var localTokens = JsonFile.Array(rule, "LocalParams")?.OfType<JObject>().ToList() ?? [];
        for (var i = 0; i < localTokens.Count; i++)
        {
            var local = localTokens[i];
            var parameter = AddParameter(local, scope, new NameContext(broken, Later(localTokens, i)), file, id, isGlobal: false);
            if (parameter is not null)
            {
                localNames[parameter.Name!] = parameter;
                locals.Add((parameter, _bodies[parameter]));
            }
        }

        CheckMisnamedParameters(localNames, broken, localTokens, rule, f, id, scoring);
        CheckConventionalParameters(localNames, broken, rule, f, id, scoring);

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
                _diagnostics.Error("CCHC043", f, rule["Rules"] ?? rule["Operator"], id, RulesText.Format(nameof(RulesStrings.Rule_ChildrenNotComposite), id), RulesText.Get(nameof(RulesStrings.Rule_ChildrenNotComposite_Hint)));
            }
            else if (childRules is null || JsonFile.String(rule, "Operator") is null)
            {
                _diagnostics.Error("CCHC043", f, rule, id, RulesText.Format(nameof(RulesStrings.Rule_CompositeIncomplete), id), RulesText.Get(nameof(RulesStrings.Rule_CompositeIncomplete_Hint)));
            }

            if (rule["Expression"] is not null)
            {
                _diagnostics.Error("CCHC043", f, rule["Expression"], id, RulesText.Format(nameof(RulesStrings.Rule_CompositeExpression), id), RulesText.Get(nameof(RulesStrings.Rule_CompositeExpression_Hint)));
            }

            // Sub-criteria inherit the parent's area, levels, kind and lead unit through this shell.
            var shell = new CriterionDefinition { Id = id, Title = "", Area = area, Levels = levels, Kind = kind, Scoring = scoring ?? Placeholder, LeadUnit = JsonFile.String(properties, "leadUnit") ?? parent?.LeadUnit };
            foreach (var childRule in childRules?.OfType<JObject>() ?? [])
            {
                var child = ReadRule(childRule, file, scope, broken, shell);
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
                    RulesText.Format(nameof(RulesStrings.Composite_SumDiffers), id, ManifestReader.Fmt(scoring.Points), ManifestReader.Fmt(sum), Terms(children)),
                    RulesText.Get(nameof(RulesStrings.Composite_SumDiffers_Hint)),
                    dependsOn: _uncounted.Where(u => u.Parent == id).Select(u => u.Cause));
            }
        }
        else
        {
            var text = JsonFile.String(rule, "Expression");
            if (text is null)
            {
                if (rule["Expression"] is null)
                {
                    _diagnostics.Error("CCHC045", f, rule["RuleName"], id, RulesText.Format(nameof(RulesStrings.Rule_NoExpression), id), RulesText.Get(nameof(RulesStrings.Rule_NoExpression_Hint)));
                }
            }
            else
            {
                var parsed = _parser.Parse(text, scope, f, rule["Expression"], id, _diagnostics, new NameContext(broken, new Dictionary<string, int>()));
                if (parsed is not null)
                {
                    if (parsed.Type != typeof(bool))
                    {
                        _diagnostics.ErrorInString("CCHC032", f, rule["Expression"], 0, id,
                            RulesText.Format(nameof(RulesStrings.Rule_ExpressionNotBool), text, Friendly(parsed.Type)), RulesText.Get(nameof(RulesStrings.Rule_ExpressionNotBool_Hint)));
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
            Source = ReadSource(properties, f, id) ?? parent?.Source,
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
