using System.Globalization;
using Cchc.Rules.Diagnostics;
using Cchc.Rules.Model;
using Newtonsoft.Json.Linq;

namespace Cchc.Rules.Loading;

/// <summary>What <c>ruleset.json</c> declares.</summary>
internal sealed record Manifest(
    string Id,
    string Version,
    string Title,
    string? Source,
    IReadOnlyList<UnitLevel> Levels,
    IReadOnlyList<InputDefinition> Inputs,
    IReadOnlyList<AreaDefinition> Areas,
    decimal MaxPoints,
    IndexSettings Index,
    int PointsDecimals,
    IReadOnlyList<GradeBand> Grades,
    decimal BonusCap,
    decimal PenaltyCap,
    IReadOnlyList<string> Workflows,
    IReadOnlyList<string> Tests,
    IReadOnlyList<string> TieBreakAreas,
    JToken? MaxPointsToken,
    IReadOnlyDictionary<string, JToken> AreaTokens);

/// <summary>Reads and checks <c>ruleset.json</c>; every problem goes to the diagnostics, nothing throws.</summary>
internal static class ManifestReader
{
    public const string FileName = "ruleset.json";

    internal static readonly HashSet<string> ReservedNames = ["value", "target", "noOccurrence", "notApplicable", "Fn", "Math", "code", "name", "level", "parent", "it", "true", "false", "null"];

    public static Manifest? Read(JsonFile file, DiagnosticBag diagnostics)
    {
        SchemaCatalog.Validate(file, "ruleset", diagnostics);
        var root = file.Root as JObject;
        if (root is null)
        {
            return null;
        }

        var f = file.RelativePath;
        var levels = JsonFile.Strings(root, "levels").Select(s => UnitLevels.TryParse(s, out var l) ? (UnitLevel?)l : null).OfType<UnitLevel>().Distinct().ToList();

        var inputs = new List<InputDefinition>();
        foreach (var token in JsonFile.Array(root, "inputs")?.OfType<JObject>() ?? [])
        {
            var name = JsonFile.String(token, "name");
            var typeText = JsonFile.String(token, "type");
            if (name is null || typeText is null || !Enum.TryParse<InputType>(typeText, ignoreCase: false, out _) && !TryType(typeText, out _))
            {
                continue;
            }

            TryType(typeText, out var type);
            if (inputs.Exists(i => i.Name == name))
            {
                diagnostics.Error("CCHC020", f, token["name"], null, $"Input '{name}' is declared twice.", "Give each input a unique name.");
                continue;
            }

            if (ReservedNames.Contains(name))
            {
                diagnostics.Error("CCHC021", f, token["name"], null, $"'{name}' is a reserved word and cannot name an input.", "Rename the input.");
            }

            var min = JsonFile.Number(token, "min");
            var max = JsonFile.Number(token, "max");
            if (min is not null && max is not null && min > max)
            {
                diagnostics.Error("CCHC022", f, token["max"], null, $"Input '{name}': min {Fmt(min.Value)} is above max {Fmt(max.Value)}.", "Swap or correct the bounds.");
            }

            if ((min is not null || max is not null) && type is InputType.Bool or InputType.Date or InputType.Choice)
            {
                diagnostics.Error("CCHC022", f, token["min"] ?? token["max"], null, $"Input '{name}' of type '{typeText}' cannot have min/max.", "Remove min and max.");
            }

            var options = (JsonFile.Array(token, "options")?.OfType<JObject>() ?? [])
                .Select(o => new ChoiceOption(Nfc(JsonFile.String(o, "value") ?? ""), Nfc(JsonFile.String(o, "label") ?? "")))
                .ToList();
            if (type == InputType.Choice && options.Count == 0)
            {
                diagnostics.Error("CCHC023", f, token, null, $"Choice input '{name}' has no options.", "Add \"options\": [{\"value\": …, \"label\": …}].");
            }
            else if (type != InputType.Choice && options.Count > 0)
            {
                diagnostics.Error("CCHC023", f, token["options"], null, $"Input '{name}' is of type '{typeText}' but lists options.", "Options belong to inputs of type 'choice'.");
            }

            foreach (var duplicate in options.GroupBy(o => o.Value, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                diagnostics.Error("CCHC023", f, token["options"], null, $"Choice input '{name}' lists option '{duplicate.Key}' twice.", null);
            }

            inputs.Add(new InputDefinition(name, type, Nfc(JsonFile.String(token, "label") ?? name), min, max, options));
        }

        var areas = new List<AreaDefinition>();
        var areaTokens = new Dictionary<string, JToken>(StringComparer.Ordinal);
        foreach (var token in JsonFile.Array(root, "areas")?.OfType<JObject>() ?? [])
        {
            var id = JsonFile.String(token, "id");
            var maxPoints = JsonFile.Number(token, "maxPoints");
            if (id is null || maxPoints is null)
            {
                continue;
            }

            if (areaTokens.ContainsKey(id))
            {
                diagnostics.Error("CCHC024", f, token["id"], null, $"Area '{id}' is declared twice.", "Give each area a unique id.");
                continue;
            }

            areaTokens[id] = token;
            areas.Add(new AreaDefinition(id, JsonFile.String(token, "title") ?? id, maxPoints.Value));
        }

        var maxPointsTotal = JsonFile.Number(root, "maxPoints") ?? 0;
        var areaSum = areas.Sum(a => a.MaxPoints);
        if (areas.Count > 0 && areaSum != maxPointsTotal)
        {
            diagnostics.Error("CCHC025", f, root["maxPoints"], null,
                $"maxPoints is {Fmt(maxPointsTotal)} but the areas add up to {Fmt(areaSum)}.", "Make the areas' maxPoints add up to the rule set's maxPoints.");
        }

        var index = JsonFile.Object(root, "index");
        var indexSettings = new IndexSettings(JsonFile.Number(index, "scale") ?? 100, (int)(JsonFile.Number(index, "decimals") ?? 2));
        var grades = ReadGrades(root, levels, f, diagnostics);

        var workflows = JsonFile.Strings(root, "workflows").ToList();
        foreach (var duplicate in workflows.GroupBy(w => w, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            diagnostics.Error("CCHC026", f, root["workflows"], null, $"Workflow file '{duplicate.Key}' is listed twice.", null);
        }

        return new Manifest(
            JsonFile.String(root, "id") ?? "",
            JsonFile.String(root, "version") ?? "",
            JsonFile.String(root, "title") ?? "",
            JsonFile.String(root, "source"),
            levels,
            inputs,
            areas,
            maxPointsTotal,
            indexSettings,
            (int)(JsonFile.Number(root, "pointsDecimals") ?? 2),
            grades,
            JsonFile.Number(root, "bonusCap") ?? 0,
            JsonFile.Number(root, "penaltyCap") ?? 0,
            workflows.Distinct(StringComparer.Ordinal).ToList(),
            JsonFile.Strings(root, "tests").Distinct(StringComparer.Ordinal).ToList(),
            ReadTieBreaks(root, areaTokens, f, diagnostics),
            root["maxPoints"],
            areaTokens);
    }

    private static List<string> ReadTieBreaks(JObject root, Dictionary<string, JToken> areas, string file, DiagnosticBag diagnostics)
    {
        var result = new List<string>();
        foreach (var token in JsonFile.Array(JsonFile.Object(root, "ranking"), "tieBreaks")?.OfType<JObject>() ?? [])
        {
            var area = JsonFile.String(token, "area");
            if (area is null)
            {
                continue;
            }

            if (!areas.ContainsKey(area))
            {
                diagnostics.Error("CCHC037", file, token["area"], null, $"Tie-break area '{area}' is not an area of this rule set.",
                    NameSuggestions.Closest(area, areas.Keys) is { } near ? $"Did you mean '{near}'?" : "Name one of the ids in \"areas\".");
            }
            else if (result.Contains(area))
            {
                diagnostics.Error("CCHC037", file, token["area"], null, $"Tie-break area '{area}' is listed twice.", "Each area breaks ties once.");
            }
            else
            {
                result.Add(area);
            }
        }

        return result;
    }

    internal static bool TryType(string text, out InputType type)
    {
        switch (text)
        {
            case "count": type = InputType.Count; return true;
            case "percent": type = InputType.Percent; return true;
            case "number": type = InputType.Number; return true;
            case "bool": type = InputType.Bool; return true;
            case "date": type = InputType.Date; return true;
            case "choice": type = InputType.Choice; return true;
            default: type = default; return false;
        }
    }

    private static List<GradeBand> ReadGrades(JObject root, IReadOnlyList<UnitLevel> ruleSetLevels, string file, DiagnosticBag diagnostics)
    {
        var bands = new List<(GradeBand Band, JToken Token)>();
        foreach (var token in JsonFile.Array(root, "grades")?.OfType<JObject>() ?? [])
        {
            var name = JsonFile.String(token, "name");
            var from = JsonFile.Number(token, "from");
            if (name is null || from is null)
            {
                continue;
            }

            var to = JsonFile.Number(token, "to");
            var levels = JsonFile.Strings(token, "levels").Select(s => UnitLevels.TryParse(s, out var l) ? (UnitLevel?)l : null).OfType<UnitLevel>().ToList();
            if (to is not null && to <= from)
            {
                diagnostics.Error("CCHC027", file, token["to"], null, $"Grade '{name}': 'to' ({Fmt(to.Value)}) must be above 'from' ({Fmt(from.Value)}).", "Bands are [from, to).");
            }

            bands.Add((new GradeBand(name, from.Value, to, levels), token));
        }

        var reported = new HashSet<JToken>();
        foreach (var level in ruleSetLevels)
        {
            var forLevel = bands.Where(b => b.Band.AppliesTo(level)).ToList();
            if (forLevel.Count == 0 && bands.Count > 0)
            {
                diagnostics.Error("CCHC027", file, root["grades"], null, $"No grade band applies to level '{level.ToCode()}'.", "Add bands for that level or remove 'levels' from a band.");
                continue;
            }

            for (var i = 0; i < forLevel.Count; i++)
            {
                var (band, token) = forLevel[i];
                if (i == 0 || !reported.Add(token))
                {
                    continue;
                }

                var above = forLevel[i - 1].Band;
                if (band.From >= above.From)
                {
                    diagnostics.Error("CCHC028", file, token["from"], null,
                        $"Grade '{band.Name}' (from {Fmt(band.From)}) is listed after '{above.Name}' (from {Fmt(above.From)}), but bands must go from best to worst.", "Order the grades by 'from', highest first.");
                }
                else if (band.To is null)
                {
                    diagnostics.Error("CCHC028", file, token, null, $"Grade '{band.Name}' has no 'to' but is not the top band.", $"Set \"to\": {Fmt(above.From)}.");
                }
                else if (band.To.Value != above.From)
                {
                    var what = band.To.Value < above.From ? "leaves a gap" : "overlaps";
                    diagnostics.Error("CCHC028", file, token["to"], null,
                        $"Grade '{band.Name}' ends at {Fmt(band.To.Value)} but '{above.Name}' starts at {Fmt(above.From)}: the bands {what}.", $"Set \"to\": {Fmt(above.From)}.");
                }
            }
        }

        return bands.Select(b => b.Band).ToList();
    }

    /// <summary>Vietnamese text is compared after NFC normalisation: editors and spreadsheets mix NFC and NFD.</summary>
    internal static string Nfc(string text) => text.IsNormalized(System.Text.NormalizationForm.FormC) ? text : text.Normalize(System.Text.NormalizationForm.FormC);

    internal static string Fmt(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);
}
