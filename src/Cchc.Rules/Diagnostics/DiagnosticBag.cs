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
        => _items.Add(new RuleDiagnostic(DiagnosticSeverity.Error, code, message, file, line, column, ruleId, hint));

    public void Warning(string code, string file, IJsonLineInfo? at, string? ruleId, string message, string? hint = null)
        => Add(DiagnosticSeverity.Warning, code, file, at, ruleId, message, hint, 0);

    /// <summary>An error inside a JSON string (an expression), at character <paramref name="offset"/> of its text.</summary>
    public void ErrorInString(string code, string file, JToken? stringToken, int offset, string? ruleId, string message, string? hint = null)
        => Add(DiagnosticSeverity.Error, code, file, stringToken, ruleId, message, hint, offset + 1);

    private void Add(DiagnosticSeverity severity, string code, string file, IJsonLineInfo? at, string? ruleId, string message, string? hint, int offsetInString)
    {
        var (line, column) = Position(at, offsetInString);
        _items.Add(new RuleDiagnostic(severity, code, message, file, line, column, ruleId, hint));
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
