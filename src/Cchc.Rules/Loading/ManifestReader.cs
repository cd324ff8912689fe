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
    IReadOnlyDictionary<string, JToken> AreaTokens)
{
    /// <summary>The rule set's evidence policy for claims (<c>"evidence"</c>), which a criterion's own may override.</summary>
    public EvidencePolicy Evidence { get; init; }
}

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
                diagnostics.Error("CCHC020", f, token["name"], null, $"Đầu vào '{name}' được khai báo hai lần.", "Đặt cho mỗi đầu vào một tên riêng.");
                continue;
            }

            if (ReservedNames.Contains(name))
            {
                diagnostics.Error("CCHC021", f, token["name"], null, $"'{name}' là từ dành riêng, không dùng làm tên đầu vào được.", "Đổi tên đầu vào.");
            }

            var min = JsonFile.Number(token, "min");
            var max = JsonFile.Number(token, "max");
            if (min is not null && max is not null && min > max)
            {
                diagnostics.Error("CCHC022", f, token["max"], null, $"Đầu vào '{name}': 'min' là {Fmt(min.Value)}, lớn hơn 'max' là {Fmt(max.Value)}.", "Đổi chỗ hoặc sửa lại hai giới hạn.");
            }

            if ((min is not null || max is not null) && type is InputType.Bool or InputType.Date or InputType.Choice)
            {
                diagnostics.Error("CCHC022", f, token["min"] ?? token["max"], null, $"Đầu vào '{name}' có kiểu '{typeText}' nên không có 'min'/'max'.", "Xóa 'min' và 'max'.");
            }

            var options = (JsonFile.Array(token, "options")?.OfType<JObject>() ?? [])
                .Select(o => new ChoiceOption(Nfc(JsonFile.String(o, "value") ?? ""), Nfc(JsonFile.String(o, "label") ?? "")))
                .ToList();
            if (type == InputType.Choice && options.Count == 0)
            {
                diagnostics.Error("CCHC023", f, token, null, $"Đầu vào lựa chọn '{name}' chưa có phương án nào.", "Thêm \"options\": [{\"value\": …, \"label\": …}].");
            }
            else if (type != InputType.Choice && options.Count > 0)
            {
                diagnostics.Error("CCHC023", f, token["options"], null, $"Đầu vào '{name}' có kiểu '{typeText}' nhưng lại liệt kê 'options'.", "Chỉ đầu vào kiểu 'choice' mới có 'options'.");
            }

            foreach (var duplicate in options.GroupBy(o => o.Value, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                diagnostics.Error("CCHC023", f, token["options"], null, $"Đầu vào lựa chọn '{name}' liệt kê phương án '{duplicate.Key}' hai lần.", null);
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
                diagnostics.Error("CCHC024", f, token["id"], null, $"Lĩnh vực '{id}' được khai báo hai lần.", "Đặt cho mỗi lĩnh vực một 'id' riêng.");
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
                $"Điểm của các lĩnh vực cộng lại là {Fmt(areaSum)} nhưng 'maxPoints' là {Fmt(maxPointsTotal)}.", "Sửa 'maxPoints' cho bằng tổng điểm các lĩnh vực (hoặc sửa 'maxPoints' của lĩnh vực).");
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
            diagnostics.Error("CCHC026", f, root["workflows"], null, $"Tệp workflow '{duplicate.Key}' được liệt kê hai lần.", null);
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
                diagnostics.Error("CCHC037", file, token["area"], null, $"Lĩnh vực xét khi bằng điểm '{area}' không phải lĩnh vực của bộ tiêu chí này.",
                    NameSuggestions.Closest(area, areas.Keys) is { } near ? $"Có phải ý bạn là '{near}'?" : "Ghi một trong các 'id' trong \"areas\".");
            }
            else if (result.Contains(area))
            {
                diagnostics.Error("CCHC037", file, token["area"], null, $"Lĩnh vực xét khi bằng điểm '{area}' được liệt kê hai lần.", "Mỗi lĩnh vực chỉ được dùng một lần để xét khi bằng điểm.");
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
                diagnostics.Error("CCHC027", file, token["to"], null, $"Mức xếp loại '{name}': 'to' ({Fmt(to.Value)}) phải lớn hơn 'from' ({Fmt(from.Value)}).", "Mỗi mức gồm các điểm từ 'from' (tính cả 'from') đến dưới 'to'.");
            }

            bands.Add((new GradeBand(name, from.Value, to, levels), token));
        }

        var reported = new HashSet<JToken>();
        foreach (var level in ruleSetLevels)
        {
            var forLevel = bands.Where(b => b.Band.AppliesTo(level)).ToList();
            if (forLevel.Count == 0 && bands.Count > 0)
            {
                diagnostics.Error("CCHC027", file, root["grades"], null, $"Không có mức xếp loại nào áp dụng cho cấp '{level.ToCode()}'.", "Thêm mức xếp loại cho cấp đó, hoặc bỏ 'levels' khỏi một mức.");
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
                        $"Mức xếp loại '{band.Name}' ('from' {Fmt(band.From)}) đứng sau '{above.Name}' ('from' {Fmt(above.From)}), nhưng các mức phải xếp từ cao xuống thấp.", "Sắp xếp 'grades' theo 'from', mức cao nhất trước.");
                }
                else if (band.To is null)
                {
                    diagnostics.Error("CCHC028", file, token, null, $"Mức xếp loại '{band.Name}' không có 'to' nhưng không phải mức cao nhất.", $"Đặt \"to\": {Fmt(above.From)}.");
                }
                else if (band.To.Value != above.From)
                {
                    var what = band.To.Value < above.From ? "để hở một khoảng" : "chồng lên nhau";
                    diagnostics.Error("CCHC028", file, token["to"], null,
                        $"Mức xếp loại '{band.Name}' kết thúc ở {Fmt(band.To.Value)} nhưng '{above.Name}' bắt đầu từ {Fmt(above.From)}: hai mức {what}.", $"Đặt \"to\": {Fmt(above.From)}.");
                }
            }
        }

        return bands.Select(b => b.Band).ToList();
    }

    /// <summary>Vietnamese text is compared after NFC normalisation: editors and spreadsheets mix NFC and NFD.</summary>
    internal static string Nfc(string text) => Text.Nfc.Normalize(text);

    /// <summary>A number in a message, the Vietnamese way whatever the machine's culture: decimal comma, no trailing zeros (<c>20,5</c>).</summary>
    internal static string Fmt(decimal value) => value.ToString("0.############", VietnameseNumbers);

    private static readonly NumberFormatInfo VietnameseNumbers = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = ".", NegativeSign = "-" };
}
