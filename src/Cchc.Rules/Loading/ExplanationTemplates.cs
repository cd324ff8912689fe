using System.Text.RegularExpressions;
using Cchc.Rules.Diagnostics;
using Cchc.Rules.Texts;
using Newtonsoft.Json.Linq;

namespace Cchc.Rules.Loading;

/// <summary>Reads a rule's explanation templates and checks their placeholders.</summary>
internal static partial class ExplanationTemplates
{
    internal static readonly HashSet<string> Placeholders = ["title", "value", "target", "targetText", "gap", "points", "maxPoints", "leadUnit", "missing"];
    internal static readonly HashSet<string> StatusWords = ["met", "partial", "notMet", "noOccurrence", "notApplicable", "missingData"];

    public static Dictionary<string, string> Read(JObject? token, string file, string id, DiagnosticBag diagnostics)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in token?.Properties() ?? [])
        {
            if (property.Value is not JValue { Type: JTokenType.String } text || !StatusWords.Contains(property.Name))
            {
                continue;
            }

            var template = (string)text.Value!;
            foreach (Match match in PlaceholderPattern().Matches(template))
            {
                var name = match.Groups[1].Value;
                if (!Placeholders.Contains(name))
                {
                    var suggestion = NameSuggestions.Closest(name, Placeholders);
                    diagnostics.ErrorInString("CCHC060", file, text, match.Index, id, RulesText.Format(nameof(RulesStrings.Template_UnknownPlaceholder), property.Name, name),
                        suggestion is null ? RulesText.Format(nameof(RulesStrings.Template_UnknownPlaceholder_Hint), string.Join(", ", Placeholders.Select(p => "{" + p + "}"))) : RulesText.Format(nameof(RulesStrings.Template_DidYouMean), suggestion));
                }
            }

            result[property.Name] = template;
        }

        return result;
    }

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex PlaceholderPattern();
}
