using Cchc.Rules.Diagnostics;
using Cchc.Rules.Model;
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

        foreach (var property in token.Properties())
        {
            if (property.Name is "method" or "points")
            {
                continue;
            }

            var owner = MethodFields.FirstOrDefault(m => m.Value.Contains(property.Name)).Key;
            if (!MethodFields[method].Contains(property.Name))
            {
                _diagnostics.Error("CCHC050", file, property, id, $"'{property.Name}' is not used by scoring method '{methodText}' (it belongs to '{Camel(owner)}').", "Remove it, or change the method.");
            }
        }

        var rule = new ScoringRule { Method = method, Points = points.Value };
        switch (method)
        {
            case ScoringMethod.Bands:
                return rule with { Bands = ReadBands(token, rule.Points, file, id) };
            case ScoringMethod.Linear:
                var fullAt = JsonFile.Number(token, "fullAt");
                var zeroAt = JsonFile.Number(token, "zeroAt") ?? 0;
                if (fullAt is null)
                {
                    _diagnostics.Error("CCHC051", file, token, id, "Scoring method 'linear' needs 'fullAt' (the value from which points are full).", "For example: \"fullAt\": 80.");
                    return rule;
                }

                if (fullAt == zeroAt)
                {
                    _diagnostics.Error("CCHC051", file, token["fullAt"], id, "'fullAt' equals 'zeroAt'; the line has no slope.", null);
                }

                return rule with { FullAt = fullAt.Value, ZeroAt = zeroAt };
            case ScoringMethod.PerItem:
                var perItem = JsonFile.Number(token, "pointsPerItem");
                if (perItem is null)
                {
                    _diagnostics.Error("CCHC051", file, token, id, "Scoring method 'perItem' needs 'pointsPerItem'.", "For example: \"pointsPerItem\": 0.5.");
                }

                return rule with { PointsPerItem = perItem ?? 0 };
            case ScoringMethod.Deduction:
                var deduction = JsonFile.Number(token, "deductionPerItem");
                var floor = JsonFile.Number(token, "floor") ?? 0;
                if (deduction is null)
                {
                    _diagnostics.Error("CCHC051", file, token, id, "Scoring method 'deduction' needs 'deductionPerItem'.", "For example: \"deductionPerItem\": 0.25.");
                }

                if (floor > rule.Points)
                {
                    _diagnostics.Error("CCHC051", file, token["floor"], id, $"'floor' ({ManifestReader.Fmt(floor)}) is above the criterion's points ({ManifestReader.Fmt(rule.Points)}).", null);
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
                    _diagnostics.Error("CCHC051", file, token, id, "Scoring method 'choice' needs 'options' (each option's fraction of the points).", "For example: \"options\": { \"tot\": 1, \"kha\": 0.5 }.");
                }

                return rule with { Options = options };
            default:
                return rule;
        }
    }

    private List<ScoreBand> ReadBands(JObject token, decimal points, string file, string id)
    {
        var bands = new List<ScoreBand>();
        var tokens = JsonFile.Array(token, "bands")?.OfType<JObject>().ToList() ?? [];
        if (tokens.Count == 0)
        {
            _diagnostics.Error("CCHC052", file, token, id, "Scoring method 'bands' needs 'bands'.", "For example: [{ \"min\": 100, \"points\": 4 }, { \"min\": 80, \"points\": 2 }, { \"min\": 0, \"points\": 0 }].");
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
                _diagnostics.Error("CCHC052", file, band, id, $"Band {i + 1} must have exactly one of 'min' (higher is better) or 'max' (lower is better).", null);
                continue;
            }

            if ((min is not null) != usesMin)
            {
                _diagnostics.Error("CCHC052", file, band, id, $"Band {i + 1} uses '{(usesMin ? "max" : "min")}' but band 1 uses '{(usesMin ? "min" : "max")}'.", "All bands of a criterion use the same bound.");
                continue;
            }

            if (bandPoints > points)
            {
                _diagnostics.Error("CCHC052", file, band["points"], id, $"Band {i + 1} gives {ManifestReader.Fmt(bandPoints)} points, more than the criterion's {ManifestReader.Fmt(points)}.", null);
            }

            if (bands.Count > 0)
            {
                var previous = bands[^1];
                var ordered = usesMin ? min < previous.Min : max > previous.Max;
                if (!ordered)
                {
                    _diagnostics.Error("CCHC053", file, band[usesMin ? "min" : "max"], id,
                        usesMin
                            ? $"Bands are out of order: band {i + 1} has min {ManifestReader.Fmt(min!.Value)}, not below the band before it ({ManifestReader.Fmt(previous.Min!.Value)})."
                            : $"Bands are out of order: band {i + 1} has max {ManifestReader.Fmt(max!.Value)}, not above the band before it ({ManifestReader.Fmt(previous.Max!.Value)}).",
                        "List bands best first; the first band the value reaches gives its points.");
                }
                else if (bandPoints > previous.Points)
                {
                    _diagnostics.Error("CCHC053", file, band["points"], id, $"Band {i + 1} gives more points than the better band before it.", "Points must not rise as the value gets worse.");
                }
            }

            bands.Add(new ScoreBand(min, max, bandPoints));
        }

        if (bands.Count > 0 && bands.Max(b => b.Points) != points)
        {
            _diagnostics.Error("CCHC052", file, token["points"], id, $"The best band gives {ManifestReader.Fmt(bands.Max(b => b.Points))} points but the criterion has {ManifestReader.Fmt(points)}.", "The best band should give the criterion's full points.");
        }

        return bands;
    }
}
