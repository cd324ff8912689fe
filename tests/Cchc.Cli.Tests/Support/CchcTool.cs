using System.Collections.Concurrent;
using System.Globalization;

namespace Cchc.Cli.Tests.Support;

/// <summary>What one in-process run of <c>cchc</c> produced.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    /// <summary>Stdout split into lines, without the trailing empty line.</summary>
    public IReadOnlyList<string> OutLines => Lines(Out);

    /// <summary>Stderr split into lines, without the trailing empty line.</summary>
    public IReadOnlyList<string> ErrorLines => Lines(Error);

    /// <summary>Everything the run printed, for assertion messages.</summary>
    public override string ToString() => $"exit {ExitCode}{Environment.NewLine}--- stdout ---{Environment.NewLine}{Out}--- stderr ---{Environment.NewLine}{Error}";

    private static string[] Lines(string text) => text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
}

/// <summary>Runs <c>cchc</c> in-process through <see cref="Program.RunAsync"/> with string writers.</summary>
internal static class CchcTool
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<CliResult>>> Shared = new(StringComparer.Ordinal);

    /// <summary>
    /// Runs a read-only command line once per test run and shares its result, so that tests looking at the same
    /// output of the shipped files do not load the rule set again. Only for arguments naming unchanging files.
    /// </summary>
    public static Task<CliResult> RunSharedAsync(params string[] args)
        => Shared.GetOrAdd(string.Join('\0', args), _ => new Lazy<Task<CliResult>>(() => RunAsync(args))).Value;

    public static async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var exit = await Program.RunAsync(args, output, error);
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    /// <summary>Runs with <see cref="CultureInfo.CurrentCulture"/> and <see cref="CultureInfo.CurrentUICulture"/> set to <paramref name="name"/>, restored after.</summary>
    public static async Task<CliResult> RunInCultureAsync(string name, params string[] args)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);

            // The culture really is in force (no invariant-globalization mode hiding the difference).
            Assert.Equal(name.StartsWith("de", StringComparison.Ordinal) ? "1,5" : "1.5", 1.5m.ToString(CultureInfo.CurrentCulture));
            return await RunAsync(args);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }
}
