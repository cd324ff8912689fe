using System.Text.RegularExpressions;

namespace Cchc.Cli.Tests.Support;

/// <summary>One diagnostic line as <c>cchc check</c> prints it: <c>file(line,col): error CODE [rule]: message hint</c>.</summary>
internal sealed partial record DiagnosticLine(string File, int Line, int Column, string Severity, string Code, string? Rule, string Text)
{
    public static IReadOnlyList<DiagnosticLine> Parse(string stderr)
        => [.. stderr.ReplaceLineEndings("\n").Split('\n').Select(l => Pattern().Match(l)).Where(m => m.Success).Select(m => new DiagnosticLine(
            m.Groups["file"].Value,
            int.Parse(m.Groups["line"].Value),
            int.Parse(m.Groups["col"].Value),
            m.Groups["severity"].Value,
            m.Groups["code"].Value,
            m.Groups["rule"].Success ? m.Groups["rule"].Value : null,
            m.Groups["text"].Value))];

    /// <summary>Asserts that an error names the file, a line, the rule in brackets and the reason; returns it.</summary>
    public static DiagnosticLine AssertError(CliResult result, string file, string? rule, string reason, int? line = null)
    {
        var matches = Parse(result.Error).Where(d => d.Severity == "error" && d.File == file && d.Rule == rule && d.Text.Contains(reason, StringComparison.Ordinal)).ToList();
        Assert.True(matches.Count > 0, $"No error in {file} [{rule}] saying \"{reason}\".{Environment.NewLine}{result}");
        var diagnostic = matches[0];
        Assert.True(diagnostic.Line > 0, $"No line number: {diagnostic}");
        Assert.True(diagnostic.Column > 0, $"No column number: {diagnostic}");
        if (line is not null)
        {
            Assert.Equal(line.Value, diagnostic.Line);
        }

        return diagnostic;
    }

    [GeneratedRegex(@"^(?<file>[^()]+)\((?<line>\d+),(?<col>\d+)\): (?<severity>error|warning) (?<code>CCHC\d+)( \[(?<rule>[^\]]+)\])?: (?<text>.*)$")]
    private static partial Regex Pattern();
}
