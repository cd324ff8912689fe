using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Cchc.Rules.Diagnostics;

/// <summary>Collects diagnostics while a rule set is read, so that every error is reported in one run.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<RuleDiagnostic> _items = [];

    public IReadOnlyList<RuleDiagnostic> Items => _items;

    public bool HasErrors => _items.Exists(d => d.Severity == DiagnosticSeverity.Error);

    public int ErrorCount => _items.Count(d => d.Severity == DiagnosticSeverity.Error);

    public void Error(string code, string file, IJsonLineInfo? at, string? ruleId, string message, string? hint = null)
        => Add(DiagnosticSeverity.Error, code, file, at, ruleId, message, hint, 0);

    public void Error(string code, string file, int line, int column, string? ruleId, string message, string? hint = null)
        => _items.Add(new RuleDiagnostic(DiagnosticSeverity.Error, code, Capped(message)!, Capped(file)!, line, column, Capped(ruleId), Capped(hint)));

    /// <summary>The longest text a diagnostic carries: one that quotes a huge name or value from a hostile file is cut.</summary>
    internal const int MaxTextLength = 2_000;

    private static string? Capped(string? text) => text is null || text.Length <= MaxTextLength ? text : string.Concat(text.AsSpan(0, MaxTextLength - 1), "…");

    public void Warning(string code, string file, IJsonLineInfo? at, string? ruleId, string message, string? hint = null)
        => Add(DiagnosticSeverity.Warning, code, file, at, ruleId, message, hint, 0);

    /// <summary>
    /// The last resort: an exception nothing expected while <paramref name="file"/> (or one of its rules) was read. It
    /// becomes a located error, so the run goes on, every other diagnostic is kept and the rule set is refused.
    /// </summary>
    public void Unexpected(string file, IJsonLineInfo? at, string? ruleId, Exception exception)
        => Add(DiagnosticSeverity.Error, "CCHC090", file, at, ruleId,
            $"Không kiểm tra được {(ruleId is null ? "tệp này" : "quy tắc này")} do lỗi không lường trước ({exception.GetType().Name}: {FirstLine(exception.Message)}).",
            "Bộ tiêu chí bị từ chối. Hãy sửa những lỗi khác trước; nếu lỗi này vẫn còn, báo cho nhóm phát triển kèm tệp này.", 0);

    private static string FirstLine(string text)
    {
        var line = text.Split('\n')[0].Trim();
        return line.Length <= 200 ? line : string.Concat(line.AsSpan(0, 197), "…");
    }

    /// <summary>An error inside a JSON string (an expression), at character <paramref name="offset"/> of its text.</summary>
    public void ErrorInString(string code, string file, JToken? stringToken, int offset, string? ruleId, string message, string? hint = null)
        => Add(DiagnosticSeverity.Error, code, file, stringToken, ruleId, message, hint, offset + 1);

    private void Add(DiagnosticSeverity severity, string code, string file, IJsonLineInfo? at, string? ruleId, string message, string? hint, int offsetInString)
    {
        var (line, column) = Position(at, offsetInString);
        _items.Add(new RuleDiagnostic(severity, code, Capped(message)!, Capped(file)!, line, column, Capped(ruleId), Capped(hint)));
    }

    /// <summary>
    /// Newtonsoft records the position just after a token. For a string value that is past its closing quote,
    /// so the start is found by stepping back over the string as JSON writes it.
    /// </summary>
    private static (int Line, int Column) Position(IJsonLineInfo? at, int offsetInString)
    {
        if (at is null || !at.HasLineInfo())
        {
            return (0, 0);
        }

        if (at is JValue { Type: JTokenType.String } value)
        {
            var written = JsonConvert.ToString((string?)value.Value ?? "").Length;
            var start = Math.Max(1, at.LinePosition - written + 1);
            return (at.LineNumber, offsetInString > 0 ? start + offsetInString : start);
        }

        if (at is JProperty property)
        {
            var written = JsonConvert.ToString(property.Name).Length;
            return (at.LineNumber, Math.Max(1, at.LinePosition - written + 1));
        }

        return (at.LineNumber, Math.Max(1, at.LinePosition));
    }
}
