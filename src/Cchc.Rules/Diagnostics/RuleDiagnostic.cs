using Cchc.Rules.Texts;

namespace Cchc.Rules.Diagnostics;

/// <summary>How serious a diagnostic is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Worth a look; the rule set still loads.</summary>
    Warning,

    /// <summary>The rule set is refused.</summary>
    Error,
}

/// <summary>A problem found in a rule set, with the place it was found and what to do.</summary>
/// <param name="Severity">Error or warning.</param>
/// <param name="Code">A stable code such as <c>CCHC101</c>.</param>
/// <param name="Message">What is wrong, in one Vietnamese sentence; names and values quoted as written in the files.</param>
/// <param name="File">The file, relative to the rule-set folder.</param>
/// <param name="Line">1-based line, or 0 when unknown.</param>
/// <param name="Column">1-based column, or 0 when unknown.</param>
/// <param name="RuleId">The criterion (rule) concerned, if any.</param>
/// <param name="Hint">What to do about it, in Vietnamese, if there is advice.</param>
public sealed record RuleDiagnostic(
    DiagnosticSeverity Severity,
    string Code,
    string Message,
    string File,
    int Line,
    int Column,
    string? RuleId,
    string? Hint)
{
    /// <summary>
    /// The diagnostic as one line: <c>file(line,col): error CODE [rule]: message Hint</c>. The message and hint are
    /// Vietnamese, for the analysts who edit rule files; the words <c>error</c>/<c>warning</c> stay English because
    /// editors and CI tools parse them (the MSBuild diagnostic format).
    /// </summary>
    public override string ToString()
    {
        var place = Line > 0 ? $"{File}({Line},{Column})" : File;
        var rule = RuleId is null ? "" : $" [{RuleId}]";
        var hint = Hint is null ? "" : $" {Hint}";
        var severity = Severity == DiagnosticSeverity.Error ? "error" : "warning";
        return $"{place}: {severity} {Code}{rule}: {Message}{hint}";
    }
}

/// <summary>Thrown when a rule set is refused; carries every diagnostic found.</summary>
public sealed class RuleSetValidationException : Exception
{
    /// <summary>Creates the exception for the given diagnostics.</summary>
    public RuleSetValidationException(string directory, IReadOnlyList<RuleDiagnostic> diagnostics)
        : base(RulesText.Format(nameof(RulesStrings.Validation_Refused), directory, diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error))
               + Environment.NewLine + string.Join(Environment.NewLine, diagnostics))
    {
        Directory = directory;
        Diagnostics = diagnostics;
    }

    /// <summary>The rule-set folder.</summary>
    public string Directory { get; }

    /// <summary>Every diagnostic found.</summary>
    public IReadOnlyList<RuleDiagnostic> Diagnostics { get; }
}
