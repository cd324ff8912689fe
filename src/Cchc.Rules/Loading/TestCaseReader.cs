using System.Globalization;
using Cchc.Rules.Diagnostics;
using Cchc.Rules.Model;
using Cchc.Rules.Testing;
using Cchc.Rules.Texts;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Cchc.Rules.Loading;

/// <summary>Reads analysts' test files and checks that they speak of declared inputs and criteria.</summary>
internal static class TestCaseReader
{
    private static readonly HashSet<string> Identity = ["code", "name", "level", "kind", "parent"];

    /// <param name="file">The test file.</param>
    /// <param name="inputs">The rule set's inputs.</param>
    /// <param name="criterionIds">The criteria read.</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="brokenInputs">Inputs whose declaration is in error: a case naming one follows from that error.</param>
    /// <param name="lostCriteria">
    /// Subjects of errors that cost criteria (an id used twice, a workflow file that could not be read): a case naming a
    /// criterion the rule set does not have may follow from one of them.
    /// </param>
    /// <param name="survey">The rule set's survey, when its index has a survey component: cases may then state survey rows.</param>
    public static IEnumerable<AnalystTestCase> Read(JsonFile file, IReadOnlyList<InputDefinition> inputs, IReadOnlySet<string> criterionIds, DiagnosticBag diagnostics,
        IReadOnlyDictionary<string, string>? brokenInputs = null, IReadOnlyList<string>? lostCriteria = null, SurveyDefinition? survey = null)
    {
        SchemaCatalog.Validate(file, "tests", diagnostics);
        var f = file.RelativePath;
        var inputNames = inputs.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var token in JsonFile.Array(file.Root, "cases")?.OfType<JObject>() ?? [])
        {
            var name = JsonFile.String(token, "name") ?? RulesText.Get(nameof(RulesStrings.Test_Unnamed));
            var unitToken = JsonFile.Object(token, "unit");
            var expectToken = JsonFile.Object(token, "expect");
            if (unitToken is null || expectToken is null)
            {
                continue;
            }

            var unit = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var property in unitToken.Properties())
            {
                if (CriterionColumnNames.TryParse(Text.Nfc.Normalize(property.Name).Trim(), out var field, out var id))
                {
                    // Claimed, appraised points, comments and evidence (tuCham:1.1, or "thamDinh": { "1.1": 2 }): kept
                    // as columns; the engine checks them against the criteria when the case is scored.
                    if (id.Length == 0 && property.Value is JObject nested)
                    {
                        foreach (var item in nested.Properties())
                        {
                            unit[CriterionColumnNames.Name(field) + ":" + item.Name] = ToValue(item.Value);
                        }
                    }
                    else
                    {
                        unit[property.Name] = ToValue(property.Value);
                    }

                    continue;
                }

                if (!Identity.Contains(property.Name) && !inputNames.Contains(property.Name))
                {
                    var suggestion = NameSuggestions.Closest(property.Name, inputNames);
                    diagnostics.Error("CCHC070", f, property, null, RulesText.Format(nameof(RulesStrings.Test_UnknownInput), name, property.Name),
                        suggestion is null ? RulesText.Get(nameof(RulesStrings.Test_UnknownInput_Hint)) : RulesText.Format(nameof(RulesStrings.DidYouMean), suggestion),
                        dependsOn: [brokenInputs?.GetValueOrDefault(property.Name)]);
                    continue;
                }

                unit[property.Name] = ToValue(property.Value);
            }

            var criteria = new Dictionary<string, CriterionExpectation>(StringComparer.Ordinal);
            foreach (var property in JsonFile.Object(expectToken, "criteria")?.Properties() ?? [])
            {
                if (!criterionIds.Contains(property.Name))
                {
                    var suggestion = NameSuggestions.Closest(property.Name, criterionIds);
                    diagnostics.Error("CCHC071", f, property, null, RulesText.Format(nameof(RulesStrings.Test_UnknownCriterion), name, property.Name),
                        suggestion is null ? null : RulesText.Format(nameof(RulesStrings.DidYouMean), suggestion), dependsOn: lostCriteria);
                    continue;
                }

                criteria[property.Name] = new CriterionExpectation(JsonFile.String(property.Value, "status"), JsonFile.Number(property.Value, "points"))
                {
                    Basis = JsonFile.String(property.Value, "basis"),
                    ComputedPoints = JsonFile.Number(property.Value, "computedPoints"),
                };
            }

            IReadOnlyList<string>? problems = null;
            if (JsonFile.Array(expectToken, "problems") is { } problemTokens)
            {
                problems = problemTokens.OfType<JValue>().Select(v => v.ToString(CultureInfo.InvariantCulture)).ToList();
                foreach (var unknown in problems.Where(p => !inputNames.Contains(p) && !Identity.Contains(p)))
                {
                    diagnostics.Error("CCHC070", f, problemTokens, null, RulesText.Format(nameof(RulesStrings.Test_UnknownProblemInput), name, unknown), null,
                        dependsOn: [brokenInputs?.GetValueOrDefault(unknown)]);
                }
            }

            var surveyRows = ReadSurvey(token, name, f, survey, diagnostics);
            yield return new AnalystTestCase(
                name,
                f,
                ((IJsonLineInfo)token).LineNumber,
                unit,
                new TestExpectation(
                    JsonFile.Number(expectToken, "points"),
                    JsonFile.Number(expectToken, "maxPoints"),
                    JsonFile.Number(expectToken, "index"),
                    JsonFile.String(expectToken, "grade"),
                    expectToken["grade"] is not null,
                    problems,
                    criteria)
                {
                    AppraisedCount = JsonFile.Number(expectToken, "appraisedCount") is { } count ? (int)count : null,
                })
            {
                Survey = surveyRows,
            };
        }
    }

    /// <summary>A case's survey rows, checked against the rule set's survey (CCHC072 for what does not fit).</summary>
    private static List<AnalystSurveyRow>? ReadSurvey(JObject token, string name, string file, SurveyDefinition? survey, DiagnosticBag diagnostics)
    {
        if (JsonFile.Array(token, "survey") is not { } rows)
        {
            return null;
        }

        if (survey is null)
        {
            diagnostics.Error("CCHC072", file, token["survey"], null, RulesText.Format(nameof(RulesStrings.TestCase_SurveyWithoutComponent), name), RulesText.Format(nameof(RulesStrings.TestCase_SurveyWithoutComponent_Hint)));
            return null;
        }

        var result = new List<AnalystSurveyRow>();
        foreach (var row in rows.OfType<JObject>())
        {
            var group = JsonFile.String(row, "group");
            var question = JsonFile.String(row, "question");
            if (group is null || question is null)
            {
                continue; // the schema has said it
            }

            string? misfit = !survey.Groups.Any(g => g.Id == group) ? RulesText.Format(nameof(RulesStrings.TestCase_SurveyUnknownGroup), group)
                : survey.Questions.FirstOrDefault(q => q.Id == question) is not { } asked ? RulesText.Format(nameof(RulesStrings.TestCase_SurveyUnknownQuestion), question)
                : !asked.Groups.Contains(group) ? RulesText.Format(nameof(RulesStrings.TestCase_SurveyQuestionNotForGroup), question, group)
                : null;
            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var property in row.Properties().Where(p => p.Name is not "group" and not "question"))
            {
                if (!survey.Answers.Any(a => a.Id == property.Name))
                {
                    misfit ??= RulesText.Format(nameof(RulesStrings.TestCase_SurveyUnknownAnswer), property.Name, string.Join(", ", survey.Answers.Select(a => a.Id)));
                }
                else if (property.Value is JValue { Type: JTokenType.Integer } v && Convert.ToDecimal(v.Value, CultureInfo.InvariantCulture) is var count && count >= 0 && count <= long.MaxValue)
                {
                    counts[property.Name] = (long)count;
                }
            }

            if (misfit is not null)
            {
                diagnostics.Error("CCHC072", file, row, null, RulesText.Format(nameof(RulesStrings.TestCase_SurveyMisfit), name, misfit), null);
                continue;
            }

            result.Add(new AnalystSurveyRow(group, question, counts));
        }

        return result;
    }

    internal static object? ToValue(JToken token) => token switch
    {
        JValue { Type: JTokenType.Null or JTokenType.Undefined } => null,
        JValue { Type: JTokenType.Integer or JTokenType.Float } v => Convert.ToDecimal(v.Value, CultureInfo.InvariantCulture),
        JValue { Type: JTokenType.Boolean } v => (bool)v.Value!,
        JValue v => Convert.ToString(v.Value, CultureInfo.InvariantCulture),
        _ => token.ToString(Formatting.None),
    };
}
