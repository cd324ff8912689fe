using System.Globalization;
using System.Text;
using Cchc.Rules.Model;
using Cchc.Scoring.Texts;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Cchc.Scoring.Units;

/// <summary>
/// Reads the evaluation data the national public-service portal (Cổng DVCQG) publishes for Decision 766, one
/// response per endpoint, into units for the <c>qd766</c> rule set plus the scores the portal published for them.
/// Two shapes are read: <c>data.evaluation[]</c> (each unit with <c>departmentId</c>, <c>departmentName</c>,
/// <c>departmentLevel</c> and <c>metrics[]</c> of <c>code</c>, <c>numerator</c>, <c>denominator</c>, <c>score</c>,
/// <c>maxScore</c>) and <c>data.parent</c> / <c>data.children[]</c> (raw counts under the input names, and the
/// group's <c>score</c> or <c>totalScore</c>). A unit's data is merged across files by its department id (or, without
/// one, its name). A metric's numerator and denominator become the rule set's <c>…Num</c> / <c>…Den</c> inputs.
/// </summary>
public static class PortalDataReader
{
    private static readonly JsonLoadSettings LoadSettings = new() { LineInfoHandling = LineInfoHandling.Load };

    private static readonly Dictionary<string, UnitLevel?> LevelWords = BuildLevelWords();

    /// <summary>The <c>departmentLevel</c> words read (any case, <c>_</c> read as a space), for messages.</summary>
    private const string AcceptedLevelWords = "xa, xã, cấp xã, phường, đặc khu, thị trấn, COMMUNE, WARD, TOWN; huyen, huyện, cấp huyện, DISTRICT; so, sở, cấp sở, sở ban ngành, DEPARTMENT, PROVINCIAL_DEPARTMENT; tỉnh, cấp tỉnh, PROVINCE";

    private static string AcceptedLevels => AcceptedLevelWords + FileText.Get(nameof(FileStrings.Portal_ProvinceNote));

    /// <summary>Whether a file is a portal response: a JSON object whose <c>data</c> holds <c>evaluation</c>, <c>parent</c> or <c>children</c>.</summary>
    public static bool IsPortalResponse(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            using var stream = new JsonNumberGuard(new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true));
            using var reader = new JsonTextReader(stream) { DateParseHandling = DateParseHandling.None, MaxDepth = 64 };
            if (!reader.Read() || reader.TokenType != JsonToken.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
            {
                var name = (string)reader.Value!;
                reader.Read();
                if (name == "data" && reader.TokenType == JsonToken.StartObject)
                {
                    while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
                    {
                        if ((string)reader.Value! is "evaluation" or "parent" or "children")
                        {
                            return true;
                        }

                        reader.Read();
                        reader.Skip();
                    }

                    return false;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Not JSON, or broken JSON: not a portal file; the ordinary reader reports where it breaks.
        }

        return false;
    }

    /// <summary>Reads and merges portal responses, one file per endpoint; files are read in the order given.</summary>
    /// <exception cref="IOException">A file cannot be opened.</exception>
    public static PortalReadResult Read(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var merge = new PortalMerge();
        foreach (var path in paths)
        {
            ReadFile(path, merge);
        }

        return merge.Result();
    }

    private static void ReadFile(string path, PortalMerge merge)
    {
        var file = Path.GetFileName(path);
        JObject root;
        try
        {
            // A number beyond the decimal range (or NaN) is read as its text and reported by the scoring, not the end of the file.
            using var stream = new JsonNumberGuard(new StreamReader(path, UnitFileReader.StrictUtf8, detectEncodingFromByteOrderMarks: true));
            using var reader = new JsonTextReader(stream) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal, MaxDepth = 64 };
            var token = JToken.ReadFrom(reader, LoadSettings);
            root = token as JObject ?? throw new JsonReaderException(FileText.Get(nameof(FileStrings.Portal_NotObject)), "", 1, 1, null);
        }
        catch (JsonReaderException e)
        {
            merge.Reject(new UnitRejection(file, e.LineNumber, null, null, FileText.Format(nameof(FileStrings.Portal_BadJson), e.Message.Split(" Path '", StringSplitOptions.None)[0])));
            return;
        }
        catch (DecoderFallbackException)
        {
            merge.Reject(new UnitRejection(file, 1, null, null, FileText.Get(nameof(FileStrings.Portal_NotUtf8))));
            return;
        }

        if (root["data"] is not JObject data || (data["evaluation"] is null && data["parent"] is null && data["children"] is null))
        {
            merge.Reject(new UnitRejection(file, 1, "data", null, FileText.Get(nameof(FileStrings.Portal_NotPortalData))));
            return;
        }

        if (data["evaluation"] is { } evaluation)
        {
            var scope = data["overview"] as JObject;
            var scopeId = scope is null ? null : Identity(scope).Id;
            ReadScope(scope, file, merge);
            ReadMembers(evaluation, "data.evaluation", scopeId, file, merge);
        }

        if (data["parent"] is not null || data["children"] is not null)
        {
            var scope = data["parent"] as JObject;
            var scopeId = scope is null ? null : Identity(scope).Id;
            ReadScope(scope, file, merge);
            ReadMembers(data["children"], "data.children", scopeId, file, merge);
        }
    }

    /// <summary>The overview / parent node is the scope's aggregate (the province); it is a unit only when its level says so.</summary>
    private static void ReadScope(JObject? scope, string file, PortalMerge merge)
    {
        if (scope is not null && scope["departmentLevel"] is JValue { Type: not JTokenType.Null } value
            && LevelWords.TryGetValue(LevelKey(value), out var level) && level is not null)
        {
            ReadNode(scope, file, null, merge);
        }
    }

    private static void ReadMembers(JToken? members, string path, string? scopeId, string file, PortalMerge merge)
    {
        if (members is null or JValue { Type: JTokenType.Null })
        {
            return;
        }

        if (members is not JArray array)
        {
            merge.Reject(new UnitRejection(file, Line(members), path, Short(members), FileText.Get(nameof(FileStrings.Portal_NotArray))));
            return;
        }

        foreach (var item in array)
        {
            if (item is JObject node)
            {
                ReadNode(node, file, scopeId, merge);
            }
            else
            {
                merge.Reject(new UnitRejection(file, Line(item), path, Short(item), FileText.Get(nameof(FileStrings.Json_UnitNotObject))));
            }
        }
    }

    private static void ReadNode(JObject node, string file, string? scopeId, PortalMerge merge)
    {
        var source = new UnitSource(file, Line(node));
        var (id, name) = Identity(node);
        if (id is null && name is null)
        {
            merge.Reject(new UnitRejection(file, source.Row, "departmentId", null, FileText.Get(nameof(FileStrings.Portal_NoIdentity))));
            return;
        }

        UnitLevel? level = null;
        UnitKind? kind = null;
        if (node["departmentLevel"] is JValue { Type: not JTokenType.Null } levelToken)
        {
            // The data files' words first (one place for xã, phường, đặc khu…), then the portal's own (COMMUNE, tỉnh…).
            if (UnitLevels.TryParseWord(Convert.ToString(levelToken.Value, CultureInfo.InvariantCulture), out var word, out kind))
            {
                level = word;
            }
            else if (!LevelWords.TryGetValue(LevelKey(levelToken), out level))
            {
                merge.Reject(new UnitRejection(file, Line(levelToken), "departmentLevel", Short(levelToken), FileText.Format(nameof(FileStrings.Portal_BadLevel), name ?? id, AcceptedLevels)) { Unit = id ?? name });
                return;
            }

            if (level is null)
            {
                merge.Warn(FileText.Format(nameof(FileStrings.Portal_ProvinceAggregate), file, source.Row, name ?? id));
                return;
            }
        }

        var parent = Text(node["parentDepartmentId"]) ?? Text(node["parentId"]) ?? scopeId;
        var unit = merge.Unit(id ?? name!, name, parent, source);
        if (level is { } known)
        {
            unit.SetLevel(known, kind, source);
        }

        var groups = new SortedSet<string>(StringComparer.Ordinal);
        if (node["metrics"] is JArray metrics)
        {
            foreach (var metric in metrics.OfType<JObject>())
            {
                ReadMetric(metric, unit, file, merge, groups);
            }
        }

        var treeGroup = default(string);
        foreach (var (group, fields) in PortalMetrics.TreeFields)
        {
            foreach (var field in fields)
            {
                if (node.TryGetValue(field, StringComparison.Ordinal, out var value))
                {
                    treeGroup = group;
                    unit.SetValue(field, value, new UnitSource(file, Line(value)));
                }
            }
        }

        // A node's own score is its group's total: the tree endpoints carry one group each, and an evaluation row
        // whose metrics all belong to one group carries that group's.
        var scoreGroup = treeGroup ?? (groups.Count == 1 ? groups.Min : null);
        if (scoreGroup is not null && (node.ContainsKey("score") || node.ContainsKey("totalScore")))
        {
            var score = node["totalScore"] ?? node["score"];
            unit.Publish(new PublishedScore(scoreGroup, PublishedScoreKind.Group, Number(score), Number(node["totalMaxScore"] ?? node["maxScore"]), new UnitSource(file, Line(score!))));
        }
    }

    private static void ReadMetric(JObject metric, PortalUnitBuilder unit, string file, PortalMerge merge, SortedSet<string> groups)
    {
        var line = Line(metric);
        var code = Text(metric["code"]);
        if (code is null)
        {
            merge.Warn(FileText.Format(nameof(FileStrings.Portal_MetricNoCode), file, line, unit.Display));
            return;
        }

        if (PortalMetrics.Informational.Contains(code))
        {
            return;
        }

        if (!PortalMetrics.Codes.TryGetValue(code, out var map))
        {
            merge.Warn(FileText.Format(nameof(FileStrings.Portal_UnknownMetric), file, line, code, unit.Display, Short(metric["numerator"]), Short(metric["denominator"]), Short(metric["score"])));
            return;
        }

        groups.Add(map.Group);
        if (map.Numerator is not null && metric["numerator"] is { } numerator)
        {
            unit.SetValue(map.Numerator, numerator, new UnitSource(file, Line(numerator)));
        }

        if (map.Denominator is not null && metric["denominator"] is { } denominator)
        {
            unit.SetValue(map.Denominator, denominator, new UnitSource(file, Line(denominator)));
        }

        if (metric.ContainsKey("score"))
        {
            unit.Publish(new PublishedScore(code, PublishedScoreKind.Criterion, Number(metric["score"]), Number(metric["maxScore"]), new UnitSource(file, line)));
        }
    }

    private static (string? Id, string? Name) Identity(JObject node) => (Text(node["departmentId"]), Text(node["departmentName"]));

    private static string? Text(JToken? token) => token is JValue { Type: not JTokenType.Null } value && Convert.ToString(value.Value, CultureInfo.InvariantCulture) is { } text && !string.IsNullOrWhiteSpace(text)
        ? UnitData.Normalize(text)!.Trim()
        : null;

    /// <summary>A published score as a decimal; one the engine cannot hold (beyond the decimal range) is left out.</summary>
    private static decimal? Number(JToken? token) => token is JValue { Type: JTokenType.Integer or JTokenType.Float } value
        && InputConverter.TryNumber(UnitData.FromToken(value) ?? "", out var number)
            ? number
            : null;

    private static int Line(JToken token) => token is IJsonLineInfo info && info.HasLineInfo() ? info.LineNumber : 1;

    private static string Short(JToken? token) => token switch
    {
        null => "—",
        JValue { Type: JTokenType.Null } => "null",
        JValue value => Convert.ToString(value.Value, CultureInfo.InvariantCulture) ?? "",
        _ => token.ToString(Formatting.None) is var text && text.Length > 40 ? text[..40] + "…" : text,
    };

    private static string LevelKey(JValue value) => UnitData.Normalize(Convert.ToString(value.Value, CultureInfo.InvariantCulture) ?? "")!.Trim().Replace('_', ' ').ToLowerInvariant();

    private static Dictionary<string, UnitLevel?> BuildLevelWords()
    {
        var words = new Dictionary<string, UnitLevel?>(StringComparer.Ordinal);
        void Add(UnitLevel? level, params string[] keys)
        {
            foreach (var key in keys)
            {
                words[UnitData.Normalize(key)!] = level;
            }
        }

        Add(UnitLevel.Xa, "thị trấn", "thi tran", "commune", "ward", "town");
        Add(UnitLevel.Huyen, "district");
        Add(UnitLevel.So, "sở ban ngành", "sở, ban, ngành", "department", "provincial department");
        Add(null, "tinh", "tỉnh", "cấp tỉnh", "cap tinh", "province");
        return words;
    }
}
