using Cchc.Rules.Texts;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Cchc.Rules.Diagnostics;

/// <summary>
/// Collects diagnostics while a rule set is read, so that every error is reported in one run — and only once per
/// mistake: each diagnostic is about a <em>subject</em> (by default the place it points at, <c>file#json.path</c>) and
/// may <em>depend on</em> other subjects. A diagnostic whose dependency is the subject of an error is a follow-on of that
/// error (a parameter whose expression did not parse is "missing" afterwards; a misspelt field leaves the right one
/// "missing"; a criterion dropped for a duplicate id is "unknown" to the tests) and is left out by
/// <see cref="RootCauses"/>. See <see cref="Dependency"/>.
/// </summary>
internal sealed class DiagnosticBag
{
    private readonly List<Entry> _entries = [];

    /// <summary>Every diagnostic recorded, follow-ons included.</summary>
    public IReadOnlyList<RuleDiagnostic> Items => _entries.ConvertAll(e => e.Diagnostic);

    internal IReadOnlyList<Entry> Entries => _entries;

    public bool HasErrors => _entries.Exists(e => e.Diagnostic.Severity == DiagnosticSeverity.Error);

    public int ErrorCount => _entries.Count(e => e.Diagnostic.Severity == DiagnosticSeverity.Error);

    /// <summary>
    /// The subject of a diagnostic pointing at <paramref name="at"/>: the file and the JSON path (a property's path is the
    /// path of its value), or the whole file when there is no token.
    /// </summary>
    public static string Subject(string file, JToken? at) => at is null ? file + "#" : $"{file}#{at.Path}";

    /// <summary>
    /// Whether an error about <paramref name="subject"/> explains a diagnostic that depends on
    /// <paramref name="dependency"/>: the same subject, or one inside it (<c>f#Rules[3]</c> holds <c>f#Rules[3].Properties</c>,
    /// <c>f#</c> the whole file).
    /// </summary>
    public static bool Dependency(string dependency, string subject)
        => subject.Length >= dependency.Length && subject.StartsWith(dependency, StringComparison.Ordinal)
           && (subject.Length == dependency.Length || dependency.EndsWith('#') || subject[dependency.Length] is '.' or '[' or '/');

    public void Error(string code, string file, IJsonLineInfo? at, string? ruleId, string message, string? hint = null, string? subject = null, IEnumerable<string?>? dependsOn = null)
        => Add(DiagnosticSeverity.Error, code, file, at, ruleId, message, hint, 0, subject, dependsOn);

    public void Error(string code, string file, int line, int column, string? ruleId, string message, string? hint = null, string? subject = null, IEnumerable<string?>? dependsOn = null, bool weak = false)
        => _entries.Add(new Entry(new RuleDiagnostic(DiagnosticSeverity.Error, code, Capped(message)!, Capped(file)!, line, column, Capped(ruleId), Capped(hint)), subject ?? Capped(file) + "#", Deps(dependsOn), weak));

    /// <summary>
    /// The diagnostics an analyst is shown: one per mistake. Left out are a diagnostic that depends on the subject of an
    /// error (recorded or itself left out: a chain of follow-ons goes with its root), and a <em>weak</em> one (the
    /// schema's generic wording) when a reader's own error is about the same subject. If that would leave no error at all
    /// while there are errors (a cycle), every diagnostic is shown.
    /// </summary>
    public static IReadOnlyList<RuleDiagnostic> RootCauses(IEnumerable<Entry> entries)
    {
        var all = entries.ToList();
        var errors = all.Where(e => e.Diagnostic.Severity == DiagnosticSeverity.Error).ToList();

        // How many errors are about each subject and about something inside it: one pass, so that a hostile file with
        // thousands of errors is still grouped in linear time.
        var within = new Dictionary<string, int>(StringComparer.Ordinal);
        var strong = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var error in errors)
        {
            foreach (var region in Regions(error.Subject))
            {
                within[region] = within.GetValueOrDefault(region) + 1;
            }

            if (!error.Weak)
            {
                strong[error.Subject] = strong.GetValueOrDefault(error.Subject) + 1;
            }
        }

        var kept = all.Where(e => !FollowOn(e)).Select(e => e.Diagnostic).ToList();
        return errors.Count > 0 && !kept.Exists(d => d.Severity == DiagnosticSeverity.Error) ? all.ConvertAll(e => e.Diagnostic) : kept;

        bool FollowOn(Entry entry)
        {
            var isError = entry.Diagnostic.Severity == DiagnosticSeverity.Error;
            if (entry.Weak && strong.GetValueOrDefault(entry.Subject) > 0)
            {
                return true;
            }

            foreach (var dependency in entry.DependsOn)
            {
                var own = isError && Dependency(dependency, entry.Subject) ? 1 : 0;
                if (within.GetValueOrDefault(dependency) - own > 0)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>A subject and every subject that holds it: <c>f#a.b[1]</c>, <c>f#a.b</c>, <c>f#a</c>, <c>f#</c>.</summary>
    private static IEnumerable<string> Regions(string subject)
    {
        yield return subject;
        var hash = subject.IndexOf('#', StringComparison.Ordinal);
        for (var i = subject.Length - 1; i > hash; i--)
        {
            if (subject[i] is '.' or '[' or '/')
            {
                yield return subject[..i];
            }
        }

        if (hash >= 0 && hash < subject.Length - 1)
        {
            yield return subject[..(hash + 1)];
        }
    }

    /// <summary>
    /// Marks the diagnostics about <paramref name="subject"/> already recorded as following from
    /// <paramref name="dependency"/>: for a cause found only later (a total that is off because one of its parts is).
    /// </summary>
    public void AddDependency(string subject, string dependency)
    {
        for (var i = 0; i < _entries.Count; i++)
        {
            if (_entries[i].Subject == subject)
            {
                _entries[i] = _entries[i] with { DependsOn = [.. _entries[i].DependsOn, dependency] };
            }
        }
    }

    /// <summary>A diagnostic with what it is about and what it follows from.</summary>
    internal sealed record Entry(RuleDiagnostic Diagnostic, string Subject, IReadOnlyList<string> DependsOn, bool Weak);

    private static string[] Deps(IEnumerable<string?>? dependsOn) => dependsOn is null ? [] : [.. dependsOn.OfType<string>().Distinct(StringComparer.Ordinal)];

    /// <summary>The longest text a diagnostic carries: one that quotes a huge name or value from a hostile file is cut.</summary>
    internal const int MaxTextLength = 2_000;

    private static string? Capped(string? text) => text is null || text.Length <= MaxTextLength ? text : string.Concat(text.AsSpan(0, MaxTextLength - 1), "…");

    public void Warning(string code, string file, IJsonLineInfo? at, string? ruleId, string message, string? hint = null)
        => Add(DiagnosticSeverity.Warning, code, file, at, ruleId, message, hint, 0, null, null);

    /// <summary>
    /// The last resort: an exception nothing expected while <paramref name="file"/> (or one of its rules) was read. It
    /// becomes a located error, so the run goes on, every other diagnostic is kept and the rule set is refused.
    /// </summary>
    public void Unexpected(string file, IJsonLineInfo? at, string? ruleId, Exception exception)
        => Add(DiagnosticSeverity.Error, "CCHC090", file, at, ruleId,
            RulesText.Format(ruleId is null ? nameof(RulesStrings.Unexpected_File) : nameof(RulesStrings.Unexpected_Rule), exception.GetType().Name, FirstLine(exception.Message)),
            RulesText.Get(nameof(RulesStrings.Unexpected_Hint)), 0, null, null);

    private static string FirstLine(string text)
    {
        var line = text.Split('\n')[0].Trim();
        return line.Length <= 200 ? line : string.Concat(line.AsSpan(0, 197), "…");
    }

    /// <summary>An error inside a JSON string (an expression), at character <paramref name="offset"/> of its text.</summary>
    public void ErrorInString(string code, string file, JToken? stringToken, int offset, string? ruleId, string message, string? hint = null, IEnumerable<string?>? dependsOn = null)
        => Add(DiagnosticSeverity.Error, code, file, stringToken, ruleId, message, hint, offset + 1, null, dependsOn);

    private void Add(DiagnosticSeverity severity, string code, string file, IJsonLineInfo? at, string? ruleId, string message, string? hint, int offsetInString, string? subject, IEnumerable<string?>? dependsOn)
    {
        var (line, column) = Position(at, offsetInString);
        _entries.Add(new Entry(
            new RuleDiagnostic(severity, code, Capped(message)!, Capped(file)!, line, column, Capped(ruleId), Capped(hint)),
            subject ?? Subject(Capped(file)!, at as JToken),
            Deps(dependsOn),
            Weak: false));
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
