using System.Globalization;
using Cchc.Rules.Diagnostics;
using Cchc.Rules.Model;
using Cchc.Rules.Texts;
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
    IReadOnlyDictionary<string, JToken> AreaTokens)
{
    /// <summary>The index as weighted components, when the manifest declares them.</summary>
    public IndexComposition? Composition { get; init; }

    /// <summary>The survey definition file (<c>"survey"</c>), relative to the folder, when declared.</summary>
    public string? SurveyFile { get; init; }

    /// <summary>Where the survey component is declared (for the diagnostic when no survey file is).</summary>
    public JToken? SurveyComponentToken { get; init; }

    /// <summary>
    /// Inputs declared but not read because their declaration is in error (a type misspelt, a name used twice): name →
    /// the subject of that declaration. What reads them elsewhere follows from that error and is not reported again.
    /// </summary>
    public IReadOnlyDictionary<string, string> BrokenInputs { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The rule set's evidence policy for claims (<c>"evidence"</c>), which a criterion's own may override.</summary>
    public EvidencePolicy Evidence { get; init; }
}

/// <summary>Reads and checks <c>ruleset.json</c>; every problem goes to the diagnostics, nothing throws.</summary>
internal static partial class ManifestReader
{
    public const string FileName = "ruleset.json";

    internal static readonly HashSet<string> ReservedNames = ["value", "target", "noOccurrence", "notApplicable", "Fn", "Math", "code", "name", "level", "kind", "parent", "it", "true", "false", "null"];

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
        var brokenInputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var token in JsonFile.Array(root, "inputs")?.OfType<JObject>() ?? [])
        {
            var name = JsonFile.String(token, "name");
            var typeText = JsonFile.String(token, "type");
            if (name is null || typeText is null || !Enum.TryParse<InputType>(typeText, ignoreCase: false, out _) && !TryType(typeText, out _))
            {
                if (name is not null)
                {
                    brokenInputs.TryAdd(name, DiagnosticBag.Subject(f, token));
                }

                continue;
            }

            TryType(typeText, out var type);
            if (inputs.Exists(i => i.Name == name))
            {
                diagnostics.Error("CCHC020", f, token["name"], null, RulesText.Format(nameof(RulesStrings.Input_DeclaredTwice), name), RulesText.Get(nameof(RulesStrings.Input_DeclaredTwice_Hint)));
                continue;
            }

            if (ReservedNames.Contains(name))
            {
                diagnostics.Error("CCHC021", f, token["name"], null, RulesText.Format(nameof(RulesStrings.Input_Reserved), name), RulesText.Get(nameof(RulesStrings.Input_Reserved_Hint)));
            }

            var min = JsonFile.Number(token, "min");
            var max = JsonFile.Number(token, "max");
            if (min is not null && max is not null && min > max)
            {
                diagnostics.Error("CCHC022", f, token["max"], null, RulesText.Format(nameof(RulesStrings.Input_MinAboveMax), name, Fmt(min.Value), Fmt(max.Value)), RulesText.Get(nameof(RulesStrings.Input_MinAboveMax_Hint)));
            }

            if ((min is not null || max is not null) && type is InputType.Bool or InputType.Date or InputType.Choice)
            {
                diagnostics.Error("CCHC022", f, token["min"] ?? token["max"], null, RulesText.Format(nameof(RulesStrings.Input_NoRangeForType), name, typeText), RulesText.Get(nameof(RulesStrings.Input_NoRangeForType_Hint)));
            }

            var options = (JsonFile.Array(token, "options")?.OfType<JObject>() ?? [])
                .Select(o => new ChoiceOption(Nfc(JsonFile.String(o, "value") ?? ""), Nfc(JsonFile.String(o, "label") ?? "")))
                .ToList();
            if (type == InputType.Choice && options.Count == 0)
            {
                diagnostics.Error("CCHC023", f, token, null, RulesText.Format(nameof(RulesStrings.Input_ChoiceWithoutOptions), name), RulesText.Format(nameof(RulesStrings.Input_ChoiceWithoutOptions_Hint)));
            }
            else if (type != InputType.Choice && options.Count > 0)
            {
                diagnostics.Error("CCHC023", f, token["options"], null, RulesText.Format(nameof(RulesStrings.Input_OptionsWithoutChoice), name, typeText), RulesText.Get(nameof(RulesStrings.Input_OptionsWithoutChoice_Hint)));
            }

            foreach (var duplicate in options.GroupBy(o => o.Value, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                diagnostics.Error("CCHC023", f, token["options"], null, RulesText.Format(nameof(RulesStrings.Input_OptionTwice), name, duplicate.Key), null);
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
                diagnostics.Error("CCHC024", f, token["id"], null, RulesText.Format(nameof(RulesStrings.Area_DeclaredTwice), id), RulesText.Get(nameof(RulesStrings.Area_DeclaredTwice_Hint)));
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
                RulesText.Format(nameof(RulesStrings.Areas_SumDiffers), Fmt(areaSum), Fmt(maxPointsTotal)), RulesText.Get(nameof(RulesStrings.Areas_SumDiffers_Hint)));
        }

        var index = JsonFile.Object(root, "index");
        var indexSettings = new IndexSettings(JsonFile.Number(index, "scale") ?? 100, (int)Math.Clamp(JsonFile.Number(index, "decimals") ?? 2, 0, 28))
        {
            CapAtScale = index is not null && JsonFile.Bool(index, "capAtScale") == true,
        };
        var grades = ReadGrades(root, levels, f, diagnostics);

        var workflows = JsonFile.Strings(root, "workflows").ToList();
        foreach (var duplicate in workflows.GroupBy(w => w, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            diagnostics.Error("CCHC026", f, root["workflows"], null, RulesText.Format(nameof(RulesStrings.Workflow_ListedTwice), duplicate.Key), null);
        }

        var (composition, surveyComponent) = ReadComponents(index, indexSettings.Scale, f, diagnostics);
        var surveyFile = JsonFile.String(root, "survey");
        if (surveyFile is not null && composition?.Survey is null)
        {
            diagnostics.Warning("CCHC059", f, root["survey"], null, RulesText.Format(nameof(RulesStrings.Survey_NoSurveyComponent), surveyFile),
                RulesText.Format(nameof(RulesStrings.Survey_NoSurveyComponent_Hint)));
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
            (int)Math.Clamp(JsonFile.Number(root, "pointsDecimals") ?? 2, 0, 28),
            grades,
            JsonFile.Number(root, "bonusCap") ?? 0,
            JsonFile.Number(root, "penaltyCap") ?? 0,
            workflows.Distinct(StringComparer.Ordinal).ToList(),
            JsonFile.Strings(root, "tests").Distinct(StringComparer.Ordinal).ToList(),
            ReadTieBreaks(root, areaTokens, f, diagnostics),
            root["maxPoints"],
            areaTokens)
        {
            Composition = composition,
            SurveyFile = surveyFile,
            SurveyComponentToken = surveyComponent,
            BrokenInputs = brokenInputs,
            Evidence = EvidencePolicyOf(JsonFile.String(root, "evidence")) ?? EvidencePolicy.None,
        };
    }

    /// <summary>The policy a word names (<c>none</c>, <c>flag</c>, <c>rejectClaim</c>); null for no word (the schema refuses any other).</summary>
    internal static EvidencePolicy? EvidencePolicyOf(string? word) => word switch
    {
        "flag" => EvidencePolicy.Flag,
        "rejectClaim" => EvidencePolicy.RejectClaim,
        "none" => EvidencePolicy.None,
        _ => null,
    };

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
                diagnostics.Error("CCHC037", file, token["area"], null, RulesText.Format(nameof(RulesStrings.TieBreak_UnknownArea), area),
                    NameSuggestions.Closest(area, areas.Keys) is { } near ? RulesText.Format(nameof(RulesStrings.DidYouMean), near) : RulesText.Get(nameof(RulesStrings.TieBreak_UnknownArea_Hint)));
            }
            else if (result.Contains(area))
            {
                diagnostics.Error("CCHC037", file, token["area"], null, RulesText.Format(nameof(RulesStrings.TieBreak_Twice), area), RulesText.Get(nameof(RulesStrings.TieBreak_Twice_Hint)));
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
                diagnostics.Error("CCHC027", file, token["to"], null, RulesText.Format(nameof(RulesStrings.Grade_ToNotAboveFrom), name, Fmt(to.Value), Fmt(from.Value)), RulesText.Get(nameof(RulesStrings.Grade_ToNotAboveFrom_Hint)));
            }

            bands.Add((new GradeBand(name, from.Value, to, levels), token));
        }

        var reported = new HashSet<JToken>();
        foreach (var level in ruleSetLevels)
        {
            var forLevel = bands.Where(b => b.Band.AppliesTo(level)).ToList();
            if (forLevel.Count == 0 && bands.Count > 0)
            {
                diagnostics.Error("CCHC027", file, root["grades"], null, RulesText.Format(nameof(RulesStrings.Grade_NoneForLevel), level.ToCode()), RulesText.Get(nameof(RulesStrings.Grade_NoneForLevel_Hint)));
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
                        RulesText.Format(nameof(RulesStrings.Grade_OutOfOrder), band.Name, Fmt(band.From), above.Name, Fmt(above.From)), RulesText.Get(nameof(RulesStrings.Grade_OutOfOrder_Hint)));
                }
                else if (band.To is null)
                {
                    diagnostics.Error("CCHC028", file, token, null, RulesText.Format(nameof(RulesStrings.Grade_NoTo), band.Name), RulesText.Format(nameof(RulesStrings.Grade_SetTo_Hint), Fmt(above.From)));
                }
                else if (band.To.Value != above.From)
                {
                    var what = band.To.Value < above.From ? nameof(RulesStrings.Grade_Gap) : nameof(RulesStrings.Grade_Overlap);
                    diagnostics.Error("CCHC028", file, token["to"], null,
                        RulesText.Format(what, band.Name, Fmt(band.To.Value), above.Name, Fmt(above.From)), RulesText.Format(nameof(RulesStrings.Grade_SetTo_Hint), Fmt(above.From)));
                }
            }
        }

        return bands.Select(b => b.Band).ToList();
    }

    /// <summary>Vietnamese text is compared after NFC normalisation: editors and spreadsheets mix NFC and NFD.</summary>
    internal static string Nfc(string text) => Text.Nfc.Normalize(text);

    /// <summary>A number in a message, the Vietnamese way whatever the machine's culture: decimal comma, no trailing zeros (<c>20,5</c>).</summary>
    /// <remarks>In English messages (<see cref="CchcLanguage"/>) the invariant way: <c>20.5</c>.</remarks>
    internal static string Fmt(decimal value) => RulesText.Number(value);
}
