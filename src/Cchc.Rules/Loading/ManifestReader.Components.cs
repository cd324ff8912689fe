using System.Globalization;
using Cchc.Rules.Diagnostics;
using Cchc.Rules.Model;
using Cchc.Rules.Texts;
using Newtonsoft.Json.Linq;

namespace Cchc.Rules.Loading;

internal static partial class ManifestReader
{
    /// <summary>
    /// Reads <c>index.components</c>: ids unique, weights positive and adding up to the scale, exactly one component
    /// from the criteria and at most one from the survey. Null when the index is the criteria alone.
    /// </summary>
    private static (IndexComposition? Composition, JToken? SurveyToken) ReadComponents(JObject? index, decimal scale, string file, DiagnosticBag diagnostics)
    {
        if (JsonFile.Array(index, "components") is not { } array)
        {
            if (index?["whenNoSurvey"] is { } stray)
            {
                diagnostics.Warning("CCHC059", file, stray, null, RulesText.Format(nameof(RulesStrings.Index_WhenNoSurveyWithoutComponents)), RulesText.Format(nameof(RulesStrings.Index_WhenNoSurveyWithoutComponents_Hint)));
            }

            return (null, null);
        }

        var components = new List<IndexComponent>();
        JToken? surveyToken = null;
        foreach (var token in array.OfType<JObject>())
        {
            var id = JsonFile.String(token, "id");
            var weight = JsonFile.Number(token, "weight");
            var sourceText = JsonFile.String(token, "source");
            if (id is null || weight is null || sourceText is null)
            {
                continue; // the schema has said what is missing
            }

            IndexComponentSource? source = sourceText switch
            {
                "criteria" => IndexComponentSource.Criteria,
                "survey" => IndexComponentSource.Survey,
                _ => null,
            };
            if (source is null)
            {
                continue; // the schema's enumeration has said it
            }

            if (components.Exists(c => c.Id == id))
            {
                diagnostics.Error("CCHC054", file, token["id"], null, RulesText.Format(nameof(RulesStrings.Index_ComponentTwice), id), RulesText.Format(nameof(RulesStrings.Index_ComponentTwice_Hint)));
                continue;
            }

            if (weight <= 0)
            {
                diagnostics.Error("CCHC055", file, token["weight"], null, RulesText.Format(nameof(RulesStrings.Index_WeightNotPositive), id, Fmt(weight.Value)), RulesText.Format(nameof(RulesStrings.Index_WeightNotPositive_Hint)));
                continue;
            }

            if (source == IndexComponentSource.Criteria && components.Exists(c => c.Source == IndexComponentSource.Criteria))
            {
                diagnostics.Error("CCHC056", file, token["source"], null, RulesText.Format(nameof(RulesStrings.Index_SecondCriteria), id), RulesText.Format(nameof(RulesStrings.Index_SecondCriteria_Hint)));
                continue;
            }

            if (source == IndexComponentSource.Survey)
            {
                if (surveyToken is not null)
                {
                    diagnostics.Error("CCHC056", file, token["source"], null, RulesText.Format(nameof(RulesStrings.Index_SecondSurvey), id), RulesText.Format(nameof(RulesStrings.Index_SecondSurvey_Hint)));
                    continue;
                }

                surveyToken = token;
            }

            components.Add(new IndexComponent(id, Nfc(JsonFile.String(token, "title") ?? id), weight.Value, source.Value));
        }

        if (components.Count == 0)
        {
            return (null, null);
        }

        if (!components.Exists(c => c.Source == IndexComponentSource.Criteria))
        {
            diagnostics.Error("CCHC056", file, index!["components"], null, RulesText.Format(nameof(RulesStrings.Index_NoCriteriaComponent)), RulesText.Format(nameof(RulesStrings.Index_NoCriteriaComponent_Hint)));
        }

        var sum = components.Sum(c => c.Weight);
        if (sum != scale)
        {
            diagnostics.Error("CCHC055", file, index!["components"], null,
                RulesText.Format(nameof(RulesStrings.Index_WeightsSum), Fmt(sum), string.Join(" + ", components.Select(c => $"{c.Id} {Fmt(c.Weight)}")), Fmt(scale)),
                RulesText.Format(nameof(RulesStrings.Index_WeightsSum_Hint)));
        }

        var when = JsonFile.String(index, "whenNoSurvey") == "zero" ? WhenNoSurvey.Zero : WhenNoSurvey.Renormalize;
        if (surveyToken is not null && index?["whenNoSurvey"] is null)
        {
            diagnostics.Error("CCHC057", file, surveyToken, null, RulesText.Format(nameof(RulesStrings.Index_NoWhenNoSurvey)),
                RulesText.Format(nameof(RulesStrings.Index_NoWhenNoSurvey_Hint)));
        }

        if (index?["whenNoSurvey"] is { } whenToken && surveyToken is null)
        {
            diagnostics.Warning("CCHC059", file, whenToken, null, RulesText.Format(nameof(RulesStrings.Index_WhenNoSurveyWithoutSurvey)), null);
        }

        return (new IndexComposition(components, when), surveyToken);
    }
}
