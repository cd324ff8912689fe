using System.Text.Json;
using Cchc.Rules.Diagnostics;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Cchc.Rules.Loading;

/// <summary>A JSON file read with line information, plus small typed accessors that never throw.</summary>
internal sealed class JsonFile
{
    private JsonFile(string path, string relativePath, string text, JToken root)
    {
        Path = path;
        RelativePath = relativePath;
        Text = text;
        Root = root;
    }

    public string Path { get; }

    public string RelativePath { get; }

    public string Text { get; }

    public JToken Root { get; }

    /// <summary>
    /// Reads a file. With <paramref name="plainRulesEngine"/> the file must also be JSON that RulesEngine's own
    /// System.Text.Json reader accepts (no comments, no trailing commas).
    /// </summary>
    public static JsonFile? Read(string directory, string relativePath, bool plainRulesEngine, DiagnosticBag diagnostics)
    {
        var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, relativePath));
        var shown = relativePath.Replace('\\', '/');
        if (!File.Exists(path))
        {
            diagnostics.Error("CCHC001", shown, 0, 0, null, $"Không tìm thấy tệp '{shown}'.", "Kiểm tra đường dẫn trong ruleset.json (đường dẫn tính từ thư mục của bộ tiêu chí).");
            return null;
        }

        var text = File.ReadAllText(path, System.Text.Encoding.UTF8);
        JToken root;
        try
        {
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
            root = JToken.ReadFrom(reader, new JsonLoadSettings
            {
                LineInfoHandling = LineInfoHandling.Load,
                DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
                CommentHandling = CommentHandling.Ignore,
            });
            if (reader.Read() && reader.TokenType != JsonToken.Comment)
            {
                diagnostics.Error("CCHC002", shown, reader.LineNumber, reader.LinePosition, null, "Còn nội dung thừa sau chỗ tài liệu JSON đã kết thúc.", "Xóa phần thừa, hoặc đưa nó vào trong tài liệu JSON.");
                return null;
            }
        }
        catch (JsonReaderException e)
        {
            diagnostics.Error("CCHC002", shown, e.LineNumber, e.LinePosition, null, $"Tệp không phải JSON hợp lệ. Trình đọc JSON báo: {TrimPathSuffix(e.Message)}", "Sửa cú pháp JSON (dấu ngoặc kép, dấu phẩy, dấu ngoặc).");
            return null;
        }

        if (plainRulesEngine)
        {
            try
            {
                using var _ = JsonDocument.Parse(text);
            }
            catch (System.Text.Json.JsonException e)
            {
                diagnostics.Error("CCHC003", shown, (int)(e.LineNumber ?? -1) + 1, (int)(e.BytePositionInLine ?? 0) + 1, null,
                    "RulesEngine không đọc được tệp này. Trình đọc JSON của RulesEngine báo: " + e.Message.Split(" Path:", StringSplitOptions.None)[0],
                    "Tệp workflow phải là JSON thuần: không có chú thích, không có dấu phẩy thừa ở cuối danh sách.");
                return null;
            }
        }

        return new JsonFile(path, shown, text, root);
    }

    private static string TrimPathSuffix(string message)
    {
        var at = message.IndexOf(" Path '", StringComparison.Ordinal);
        return at > 0 ? message[..at] : message;
    }

    public static string? String(JToken? obj, string name) => obj?[name] is JValue { Type: JTokenType.String } v ? (string?)v.Value : null;

    public static decimal? Number(JToken? obj, string name) => obj?[name] is JValue { Type: JTokenType.Integer or JTokenType.Float } v ? Convert.ToDecimal(v.Value, System.Globalization.CultureInfo.InvariantCulture) : null;

    public static bool? Bool(JToken? obj, string name) => obj?[name] is JValue { Type: JTokenType.Boolean } v ? (bool?)v.Value : null;

    public static JArray? Array(JToken? obj, string name) => obj?[name] as JArray;

    public static JObject? Object(JToken? obj, string name) => obj?[name] as JObject;

    public static IEnumerable<string> Strings(JToken? obj, string name)
        => Array(obj, name)?.OfType<JValue>().Where(v => v.Type == JTokenType.String).Select(v => (string)v.Value!) ?? [];
}
