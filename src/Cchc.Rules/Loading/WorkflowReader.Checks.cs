using System.Linq.Expressions;
using Cchc.Rules.Diagnostics;
using Cchc.Rules.Expressions;
using Cchc.Rules.Model;
using Cchc.Rules.Texts;
using Newtonsoft.Json.Linq;

namespace Cchc.Rules.Loading;

/// <summary>The checks of one rule's parameters, conventional names, choice options and levels.</summary>
internal sealed partial class WorkflowReader
{
    private static readonly ScoringRule Placeholder = new() { Method = ScoringMethod.PassFail, Points = 0 };

    private static ValueFormat DefaultFormat(Type? type) => type == typeof(DateTime) ? ValueFormat.Date
        : type == typeof(bool) ? ValueFormat.Bool
        : type == typeof(string) ? ValueFormat.Choice
        : ValueFormat.Number;

    private ParameterExpression? AddParameter(JObject token, List<ParameterExpression> scope, NameContext names, JsonFile file, string? ruleId, bool isGlobal)
    {
        var name = JsonFile.String(token, "Name");
        var text = JsonFile.String(token, "Expression");
        if (name is null || text is null)
        {
            return null;
        }

        if (_manifest.Inputs.Any(i => i.Name == name))
        {
            _diagnostics.Error("CCHC033", file.RelativePath, token["Name"], ruleId, RulesText.Format(nameof(RulesStrings.Param_SameAsInput), name), RulesText.Get(nameof(RulesStrings.Param_SameAsInput_Hint)));
            return null;
        }

        if (scope.Skip(_inputParameters.Count).Any(p => p.Name == name))
        {
            _diagnostics.Error("CCHC033", file.RelativePath, token["Name"], ruleId, RulesText.Format(nameof(RulesStrings.Param_Twice), name), RulesText.Get(nameof(RulesStrings.Param_Twice_Hint)));
            return null;
        }

        if (isGlobal && name is "value" or "target" or "noOccurrence" or "notApplicable")
        {
            _diagnostics.Error("CCHC033", file.RelativePath, token["Name"], ruleId, RulesText.Format(nameof(RulesStrings.Param_ConventionalGlobal), name), RulesText.Get(nameof(RulesStrings.Param_ConventionalGlobal_Hint)));
            return null;
        }

        var parsed = _parser.Parse(text, scope, file.RelativePath, token["Expression"], ruleId, _diagnostics, names);
        if (parsed is null)
        {
            // What reads this parameter afterwards follows from the error just reported (the broken map is the scope's).
            names.Broken.TryAdd(name, DiagnosticBag.Subject(file.RelativePath, token));
            return null;
        }

        var inputs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var used in parsed.Parameters)
        {
            if (_inputsOf.TryGetValue(used, out var set))
            {
                inputs.UnionWith(set);
            }
        }

        var parameter = Expression.Parameter(parsed.Type, name);
        scope.Add(parameter);
        _bodies[parameter] = parsed.Body;
        _inputsOf[name] = inputs;
        if (ruleId is not null && name is "noOccurrence" or "notApplicable")
        {
            _inputsOf[$"{ruleId}\u0000{name}"] = inputs;
        }

        return parameter;
    }

    private static readonly string[] ConventionalNames = ["value", "target", "noOccurrence", "notApplicable"];

    /// <summary>
    /// A conventional parameter the rule needs (its method reads <c>value</c>, or its expression names it) that is not
    /// declared, while a parameter with a name close to it is (<c>vaule</c>): that name is the one mistake. It is reported
    /// there, and what reads the conventional name (the expression, the method) follows from it.
    /// </summary>
    private void CheckMisnamedParameters(Dictionary<string, ParameterExpression> locals, Dictionary<string, string> broken, List<JObject> tokens, JObject rule, string file, string id, ScoringRule? scoring)
    {
        var expression = JsonFile.String(rule, "Expression") ?? "";
        foreach (var conventional in ConventionalNames)
        {
            if (locals.ContainsKey(conventional) || broken.ContainsKey(conventional))
            {
                continue;
            }

            var needed = conventional == "value" && scoring?.Method is ScoringMethod.Bands or ScoringMethod.Linear or ScoringMethod.PerItem or ScoringMethod.Deduction or ScoringMethod.Choice
                         || System.Text.RegularExpressions.Regex.IsMatch(expression, $@"(?<![\w.]){conventional}(?!\w)", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
            var misnamed = needed ? NameSuggestions.Closest(conventional, locals.Keys.Where(n => !ConventionalNames.Contains(n))) : null;
            if (misnamed is null || tokens.FirstOrDefault(p => JsonFile.String(p, "Name") == misnamed)?["Name"] is not { } at)
            {
                continue;
            }

            _diagnostics.Error("CCHC035", file, at, id, RulesText.Format(nameof(RulesStrings.Param_Misnamed), misnamed, conventional), RulesText.Format(nameof(RulesStrings.Param_Misnamed_Hint), conventional));
            broken[conventional] = DiagnosticBag.Subject(file, at);
        }
    }

    private void CheckConventionalParameters(Dictionary<string, ParameterExpression> locals, Dictionary<string, string> broken, JObject rule, string file, string id, ScoringRule? scoring)
    {
        JToken? At(string name) => JsonFile.Array(rule, "LocalParams")?.OfType<JObject>().FirstOrDefault(p => JsonFile.String(p, "Name") == name)?["Expression"];

        if (locals.TryGetValue("noOccurrence", out var noOccurrence) && noOccurrence.Type != typeof(bool))
        {
            _diagnostics.ErrorInString("CCHC034", file, At("noOccurrence"), 0, id, RulesText.Format(nameof(RulesStrings.Param_NotBool), "noOccurrence", Friendly(noOccurrence.Type)), RulesText.Get(nameof(RulesStrings.Param_NoOccurrence_Hint)));
        }

        if (locals.TryGetValue("notApplicable", out var notApplicable) && notApplicable.Type != typeof(bool))
        {
            _diagnostics.ErrorInString("CCHC034", file, At("notApplicable"), 0, id, RulesText.Format(nameof(RulesStrings.Param_NotBool), "notApplicable", Friendly(notApplicable.Type)), RulesText.Get(nameof(RulesStrings.Param_NotApplicable_Hint)));
        }

        locals.TryGetValue("value", out var value);
        if (value is not null && !IsNumeric(value.Type) && value.Type != typeof(DateTime) && value.Type != typeof(bool) && value.Type != typeof(string))
        {
            _diagnostics.ErrorInString("CCHC034", file, At("value"), 0, id, RulesText.Format(nameof(RulesStrings.Param_ValueType), Friendly(value.Type)), null);
        }

        if (locals.TryGetValue("target", out var target) && value is not null && !(IsNumeric(target.Type) && IsNumeric(value.Type)) && target.Type != value.Type)
        {
            _diagnostics.ErrorInString("CCHC034", file, At("target"), 0, id, RulesText.Format(nameof(RulesStrings.Param_TargetType), Friendly(target.Type), Friendly(value.Type)), RulesText.Get(nameof(RulesStrings.Param_TargetType_Hint)));
        }

        if (scoring is { Method: ScoringMethod.Bands or ScoringMethod.Linear or ScoringMethod.PerItem or ScoringMethod.Deduction })
        {
            if (value is null)
            {
                _diagnostics.Error("CCHC035", file, rule["RuleName"], id, RulesText.Format(nameof(RulesStrings.Method_NeedsValue), ScoringReader.Camel(scoring.Method)),
                    RulesText.Format(nameof(RulesStrings.Method_NeedsValue_Hint)), dependsOn: [broken.GetValueOrDefault("value")]);
            }
            else if (!IsNumeric(value.Type))
            {
                _diagnostics.ErrorInString("CCHC035", file, At("value"), 0, id, RulesText.Format(nameof(RulesStrings.Method_NeedsNumericValue), ScoringReader.Camel(scoring.Method), Friendly(value.Type)), null);
            }
        }

        if (scoring is { Method: ScoringMethod.Choice } && value?.Type != typeof(string))
        {
            _diagnostics.Error("CCHC035", file, rule["RuleName"], id, RulesText.Get(nameof(RulesStrings.Method_ChoiceNeedsValue)), RulesText.Format(nameof(RulesStrings.Method_ChoiceNeedsValue_Hint)),
                dependsOn: [broken.GetValueOrDefault("value")]);
        }
    }

    private void CheckChoiceOptions(JObject rule, ParameterExpression value, ScoringRule scoring, string file, string id)
    {
        var expression = JsonFile.Array(rule, "LocalParams")?.OfType<JObject>().FirstOrDefault(p => JsonFile.String(p, "Name") == "value");
        var inputName = JsonFile.String(expression, "Expression")?.Trim();
        var input = _manifest.Inputs.FirstOrDefault(i => i.Name == inputName && i.Type == InputType.Choice);
        if (input is null || value.Type != typeof(string))
        {
            return;
        }

        foreach (var option in scoring.Options.Keys.Where(k => !input.Options.Any(o => o.Value == k)))
        {
            _diagnostics.Error("CCHC036", file, JsonFile.Object(JsonFile.Object(rule, "Properties"), "scoring")?["options"], id,
                RulesText.Format(nameof(RulesStrings.Choice_NotAnOption), option, input.Name), RulesText.Format(nameof(RulesStrings.Choice_NotAnOption_Hint), string.Join(", ", input.Options.Select(o => o.Value))));
        }

        foreach (var missing in input.Options.Where(o => !scoring.Options.ContainsKey(o.Value)))
        {
            _diagnostics.Error("CCHC036", file, JsonFile.Object(JsonFile.Object(rule, "Properties"), "scoring")?["options"], id,
                RulesText.Format(nameof(RulesStrings.Choice_Unscored), missing.Value, input.Name), RulesText.Get(nameof(RulesStrings.Choice_Unscored_Hint)));
        }
    }

    /// <summary>
    /// Properties.<c>source</c>: the basis (stated, borrowed, inferred, reconstructed), the public documents cited and a
    /// note. A criterion that says it is stated in, borrowed from or inferred from a document must name it (CCHC049).
    /// </summary>
    private CriterionSource? ReadSource(JObject properties, string file, string id)
    {
        if (JsonFile.Object(properties, "source") is not { } source)
        {
            return null;
        }

        var basis = JsonFile.String(source, "basis") switch
        {
            "stated" => SourceBasis.Stated,
            "borrowed" => SourceBasis.Borrowed,
            "inferred" => SourceBasis.Inferred,
            "reconstructed" => SourceBasis.Reconstructed,
            _ => (SourceBasis?)null,
        };
        if (basis is null)
        {
            return null; // the schema names the field and the words it accepts
        }

        var cites = JsonFile.Strings(source, "cites").Select(c => Text.Nfc.Normalize(c).Trim()).Where(c => c.Length > 0).ToList();
        if (cites.Count == 0 && basis != SourceBasis.Reconstructed)
        {
            _diagnostics.Error("CCHC049", file, source, id, RulesText.Format(nameof(RulesStrings.Source_CitesMissing), id, CriterionSource.Code(basis.Value)),
                RulesText.Format(nameof(RulesStrings.Source_CitesMissing_Hint)));
        }

        var note = JsonFile.String(source, "note");
        return new CriterionSource(basis.Value, cites, note is null ? null : Text.Nfc.Normalize(note));
    }

    private List<UnitLevel> ReadLevels(JObject properties, string file, string id, CriterionDefinition? parent)
    {
        var inherited = parent?.Levels ?? _manifest.Levels;
        if (properties["levels"] is null)
        {
            return [.. inherited];
        }

        var levels = new List<UnitLevel>();
        foreach (var text in JsonFile.Strings(properties, "levels"))
        {
            if (UnitLevels.TryParse(text, out var level))
            {
                if (!inherited.Contains(level))
                {
                    _diagnostics.Error("CCHC046", file, properties["levels"], id, RulesText.Format(parent is null ? nameof(RulesStrings.Level_NotOfRuleSet) : nameof(RulesStrings.Level_NotOfParent), text), inherited.Count == 0
                        ? RulesText.Get(nameof(RulesStrings.Level_NoneDeclared_Hint))
                        : RulesText.Format(nameof(RulesStrings.Level_Choose_Hint), string.Join(", ", inherited.Select(l => l.ToCode()))));
                }
                else
                {
                    levels.Add(level);
                }
            }
        }

        return levels;
    }

    internal static bool IsNumeric(Type type) => type == typeof(decimal) || type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(float) || type == typeof(short);

    internal static string Friendly(Type type) => type == typeof(bool) ? RulesText.Get(nameof(RulesStrings.Type_Bool))
        : type == typeof(DateTime) ? RulesText.Get(nameof(RulesStrings.Type_Date))
        : type == typeof(string) ? RulesText.Get(nameof(RulesStrings.Type_Text))
        : IsNumeric(type) ? RulesText.Get(nameof(RulesStrings.Type_Number))
        : RulesText.Format(nameof(RulesStrings.Type_Other), type.Name);

    /// <summary>
    /// A threshold is written once: when the met test reads <c>value &gt;= 60</c> and the scoring also names the point
    /// where points become full (a linear method's <c>fullAt</c>, the best band's <c>min</c> or <c>max</c>), the two
    /// must be the same number and point the same way — otherwise a unit could be "met" with points missing, or miss
    /// the target with full points (CCHC047, naming both places). Per-item and deduction methods saturate by their
    /// own arithmetic and the test only says what counts as met, so they are not compared.
    /// </summary>
    private void CheckOneThreshold(ScoringRule? scoring, Comparison? comparison, object? constantTarget, JObject rule, JObject properties, string file, string id)
    {
        if (scoring is null || comparison is null or Comparison.EqualTo || constantTarget is not decimal target)
        {
            return;
        }

        var higherIsBetter = comparison is Comparison.AtLeast or Comparison.MoreThan;
        var scoringToken = JsonFile.Object(properties, "scoring");
        var expressionLine = ((Newtonsoft.Json.IJsonLineInfo)rule["Expression"]!).LineNumber;
        var expression = JsonFile.String(rule, "Expression");

        // The comparison follows from any error in the fields it compares (a misspelt or missing fullAt reads as 0).
        var scoringSubject = DiagnosticBag.Subject(file, scoringToken);
        string[] compared = [scoringSubject + ".fullAt", scoringSubject + ".zeroAt", scoringSubject + ".bands"];
        void Disagree(JToken? at, string field, decimal written, string more)
            => _diagnostics.Error("CCHC047", file, at ?? scoringToken, id,
                RulesText.Format(nameof(RulesStrings.Threshold_Disagree), id, expression, expressionLine, ManifestReader.Fmt(target), field, ManifestReader.Fmt(written), more),
                RulesText.Format(nameof(RulesStrings.Threshold_Disagree_Hint), field, ManifestReader.Fmt(target)),
                dependsOn: compared);

        switch (scoring.Method)
        {
            case ScoringMethod.Linear:
                if (scoring.FullAt != target)
                {
                    Disagree(scoringToken?["fullAt"], "fullAt", scoring.FullAt, "");
                }
                else if (higherIsBetter != scoring.FullAt > scoring.ZeroAt)
                {
                    Disagree(scoringToken?["zeroAt"] ?? scoringToken?["fullAt"], "zeroAt", scoring.ZeroAt,
                        RulesText.Get(higherIsBetter ? nameof(RulesStrings.Threshold_ZeroAtHigherIsBetter) : nameof(RulesStrings.Threshold_ZeroAtLowerIsBetter)));
                }

                break;
            case ScoringMethod.Bands when scoring.Bands.Count > 0:
                var best = scoring.Bands[0];
                var bandToken = (JsonFile.Array(scoringToken ?? new JObject(), "bands")?.FirstOrDefault() as JObject);
                if (higherIsBetter && best.Min is { } min && min != target)
                {
                    Disagree(bandToken?["min"], "bands[0].min", min, RulesText.Get(nameof(RulesStrings.Threshold_BestBand)));
                }
                else if (!higherIsBetter && best.Max is { } max && max != target)
                {
                    Disagree(bandToken?["max"], "bands[0].max", max, RulesText.Get(nameof(RulesStrings.Threshold_BestBand)));
                }

                break;
        }
    }
}
