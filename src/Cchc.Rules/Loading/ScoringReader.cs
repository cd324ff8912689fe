using Cchc.Rules.Diagnostics;
using Cchc.Rules.Model;
using Cchc.Rules.Texts;
using Newtonsoft.Json.Linq;

namespace Cchc.Rules.Loading;

/// <summary>Reads a rule's <c>Properties.scoring</c>: the method, its fields, and bands in order.</summary>
internal sealed class ScoringReader(DiagnosticBag diagnostics)
{
    private static readonly Dictionary<ScoringMethod, string[]> MethodFields = new()
    {
        [ScoringMethod.PassFail] = [],
        [ScoringMethod.Bands] = ["bands"],
        [ScoringMethod.Linear] = ["zeroAt", "fullAt"],
        [ScoringMethod.PerItem] = ["pointsPerItem"],
        [ScoringMethod.Deduction] = ["deductionPerItem", "floor"],
        [ScoringMethod.Choice] = ["options"],
        [ScoringMethod.Composite] = [],
    };

    private readonly DiagnosticBag _diagnostics = diagnostics;

    internal static string Camel(ScoringMethod method) => char.ToLowerInvariant(method.ToString()[0]) + method.ToString()[1..];

    public ScoringRule? Read(JObject? token, string file, string id)
    {
        var methodText = JsonFile.String(token, "method");
        var points = JsonFile.Number(token, "points");
        if (token is null || methodText is null || points is null || !Enum.TryParse<ScoringMethod>(methodText, ignoreCase: true, out var method) || Camel(method) != methodText)
        {
            return null;
        }

        // A field no method has is a misspelling: suggested only among this method's own fields, and the field it
        // stands for is then not reported missing as well (that error follows from this one).
        var misspelt = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in token.Properties())
        {
            if (property.Name is "method" or "points" || MethodFields[method].Contains(property.Name))
            {
                continue;
            }

            var owners = MethodFields.Where(m => m.Value.Contains(property.Name)).Select(m => Camel(m.Key)).ToList();
            if (owners.Count > 0)
            {
                _diagnostics.Error("CCHC050", file, property, id, RulesText.Format(nameof(RulesStrings.Scoring_FieldOfOtherMethod), methodText, property.Name, string.Join("', '", owners)), RulesText.Get(nameof(RulesStrings.Scoring_FieldOfOtherMethod_Hint)));
                continue;
            }

            string[] own = ["method", "points", .. MethodFields[method]];
            var suggestion = NameSuggestions.Closest(property.Name, own);
            if (suggestion is not null && token[suggestion] is null)
            {
                misspelt[suggestion] = DiagnosticBag.Subject(file, property);
            }

            _diagnostics.Error("CCHC050", file, property, id, RulesText.Format(nameof(RulesStrings.Scoring_UnknownField), methodText, property.Name),
                suggestion is not null ? RulesText.Format(nameof(RulesStrings.DidYouMean), suggestion)
                : MethodFields[method].Length == 0 ? RulesText.Format(nameof(RulesStrings.Scoring_UnknownField_OnlyMethodAndPoints_Hint), methodText)
                : RulesText.Format(nameof(RulesStrings.Scoring_UnknownField_Fields_Hint), methodText, string.Join(", ", own)));
        }

        // A required field that is missing: its own subject (so that what reads it follows from it), and it follows
        // from a misspelling of it or from a value of the wrong type (both reported where they are).
        void Missing(string field, string message, string hint, string code = "CCHC051")
            => _diagnostics.Error(code, file, token, id, message, hint, subject: $"{DiagnosticBag.Subject(file, token)}.{field}/missing",
                dependsOn: [misspelt.GetValueOrDefault(field), token[field] is { } present ? DiagnosticBag.Subject(file, present) : null]);

        var rule = new ScoringRule { Method = method, Points = points.Value };
        switch (method)
        {
            case ScoringMethod.Bands:
                return rule with { Bands = ReadBands(token, rule.Points, file, id, Missing) };
            case ScoringMethod.Linear:
                var fullAt = JsonFile.Number(token, "fullAt");
                var zeroAt = JsonFile.Number(token, "zeroAt") ?? 0;
                if (fullAt is null)
                {
                    Missing("fullAt", RulesText.Get(nameof(RulesStrings.Linear_NeedsFullAt)), RulesText.Get(nameof(RulesStrings.Linear_NeedsFullAt_Hint)));
                    return rule;
                }

                if (fullAt == zeroAt)
                {
                    _diagnostics.Error("CCHC051", file, token["fullAt"], id, RulesText.Get(nameof(RulesStrings.Linear_FullAtIsZeroAt)), RulesText.Get(nameof(RulesStrings.Linear_FullAtIsZeroAt_Hint)));
                }

                return rule with { FullAt = fullAt.Value, ZeroAt = zeroAt };
            case ScoringMethod.PerItem:
                var perItem = JsonFile.Number(token, "pointsPerItem");
                if (perItem is null)
                {
                    Missing("pointsPerItem", RulesText.Get(nameof(RulesStrings.PerItem_NeedsPoints)), RulesText.Get(nameof(RulesStrings.PerItem_NeedsPoints_Hint)));
                }

                return rule with { PointsPerItem = perItem ?? 0 };
            case ScoringMethod.Deduction:
                var deduction = JsonFile.Number(token, "deductionPerItem");
                var floor = JsonFile.Number(token, "floor") ?? 0;
                if (deduction is null)
                {
                    Missing("deductionPerItem", RulesText.Get(nameof(RulesStrings.Deduction_NeedsDeduction)), RulesText.Get(nameof(RulesStrings.Deduction_NeedsDeduction_Hint)));
                }

                if (floor > rule.Points)
                {
                    _diagnostics.Error("CCHC051", file, token["floor"], id, RulesText.Format(nameof(RulesStrings.Deduction_FloorAbovePoints), ManifestReader.Fmt(floor), ManifestReader.Fmt(rule.Points)), null);
                }

                return rule with { DeductionPerItem = deduction ?? 0, Floor = floor };
            case ScoringMethod.Choice:
                var options = new Dictionary<string, decimal>(StringComparer.Ordinal);
                foreach (var option in JsonFile.Object(token, "options")?.Properties() ?? [])
                {
                    if (option.Value is JValue { Type: JTokenType.Integer or JTokenType.Float } v)
                    {
                        options[option.Name] = Convert.ToDecimal(v.Value, System.Globalization.CultureInfo.InvariantCulture);
                    }
                }

                if (options.Count == 0)
                {
                    Missing("options", RulesText.Get(nameof(RulesStrings.Choice_NeedsOptions)), RulesText.Format(nameof(RulesStrings.Choice_NeedsOptions_Hint)));
                }

                return rule with { Options = options };
            default:
                return rule;
        }
    }

    private List<ScoreBand> ReadBands(JObject token, decimal points, string file, string id, Action<string, string, string, string> missing)
    {
        var bands = new List<ScoreBand>();
        var tokens = JsonFile.Array(token, "bands")?.OfType<JObject>().ToList() ?? [];
        if (tokens.Count == 0)
        {
            missing("bands", RulesText.Get(nameof(RulesStrings.Bands_Needed)), RulesText.Format(nameof(RulesStrings.Bands_Needed_Hint)), "CCHC052");
            return bands;
        }

        var usesMin = tokens[0]["min"] is not null;
        for (var i = 0; i < tokens.Count; i++)
        {
            var band = tokens[i];
            var min = JsonFile.Number(band, "min");
            var max = JsonFile.Number(band, "max");
            var bandPoints = JsonFile.Number(band, "points") ?? 0;
            if ((min is null) == (max is null))
            {
                _diagnostics.Error("CCHC052", file, band, id, RulesText.Format(nameof(RulesStrings.Band_MinOrMax), i + 1), null);
                continue;
            }

            if ((min is not null) != usesMin)
            {
                _diagnostics.Error("CCHC052", file, band, id, RulesText.Format(nameof(RulesStrings.Band_MixedBounds), i + 1, usesMin ? "max" : "min", usesMin ? "min" : "max"), RulesText.Get(nameof(RulesStrings.Band_MixedBounds_Hint)));
                continue;
            }

            if (bandPoints > points)
            {
                _diagnostics.Error("CCHC052", file, band["points"], id, RulesText.Format(nameof(RulesStrings.Band_PointsAboveCriterion), i + 1, ManifestReader.Fmt(bandPoints), ManifestReader.Fmt(points)), null);
            }

            if (bands.Count > 0)
            {
                var previous = bands[^1];
                var ordered = usesMin ? min < previous.Min : max > previous.Max;
                if (!ordered)
                {
                    _diagnostics.Error("CCHC053", file, band[usesMin ? "min" : "max"], id,
                        usesMin
                            ? RulesText.Format(nameof(RulesStrings.Band_MinOutOfOrder), i + 1, ManifestReader.Fmt(min!.Value), ManifestReader.Fmt(previous.Min!.Value))
                            : RulesText.Format(nameof(RulesStrings.Band_MaxOutOfOrder), i + 1, ManifestReader.Fmt(max!.Value), ManifestReader.Fmt(previous.Max!.Value)),
                        RulesText.Get(nameof(RulesStrings.Band_OutOfOrder_Hint)));
                }
                else if (bandPoints > previous.Points)
                {
                    _diagnostics.Error("CCHC053", file, band["points"], id, RulesText.Format(nameof(RulesStrings.Band_MorePointsThanBetter), i + 1), RulesText.Get(nameof(RulesStrings.Band_MorePointsThanBetter_Hint)));
                }
            }

            bands.Add(new ScoreBand(min, max, bandPoints));
        }

        if (bands.Count > 0 && bands.Max(b => b.Points) != points)
        {
            _diagnostics.Error("CCHC052", file, token["points"], id, RulesText.Format(nameof(RulesStrings.Bands_BestNotFull), ManifestReader.Fmt(bands.Max(b => b.Points)), ManifestReader.Fmt(points)), RulesText.Get(nameof(RulesStrings.Bands_BestNotFull_Hint)));
        }

        return bands;
    }
}
