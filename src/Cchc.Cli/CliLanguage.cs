using System.Globalization;

namespace Cchc.Cli;

/// <summary>
/// The language of the CLI's help and messages: Vietnamese unless <c>--lang en</c> or <c>CCHC_LANG=en</c> says English.
/// Never the machine's culture, so a run prints the same bytes under any LANG.
/// </summary>
internal static class CliLanguage
{
    /// <summary>The name of the environment variable that chooses the language when <c>--lang</c> is not given.</summary>
    public const string EnvironmentVariable = "CCHC_LANG";

    /// <summary>The languages there are texts for; the first is the default.</summary>
    public static readonly string[] Supported = ["vi", "en"];

    /// <summary>
    /// The language asked for: the last <c>--lang</c> on the command line (before a <c>--</c>), else
    /// <paramref name="environment"/> (CCHC_LANG), else vi. An unknown value counts as vi here; the parser then reports
    /// it (for <c>--lang</c>) in Vietnamese.
    /// </summary>
    public static string From(IReadOnlyList<string> args, string? environment)
    {
        string? chosen = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                break;
            }

            if (arg == "--lang" && i + 1 < args.Count)
            {
                chosen = args[i + 1];
            }
            else if (arg.StartsWith("--lang=", StringComparison.Ordinal) || arg.StartsWith("--lang:", StringComparison.Ordinal))
            {
                chosen = arg["--lang=".Length..];
            }
        }

        return Normalise(chosen ?? environment);
    }

    /// <summary>en or vi (the default) from what a person typed: case and a region (en-US) do not matter.</summary>
    public static string Normalise(string? value)
    {
        var language = value?.Trim().ToLowerInvariant() ?? "";
        return language == "en" || language.StartsWith("en-", StringComparison.Ordinal) || language.StartsWith("en_", StringComparison.Ordinal) ? "en" : "vi";
    }

    /// <summary>The culture whose resources are read for <paramref name="language"/>.</summary>
    public static CultureInfo Culture(string language) => Cchc.Rules.CchcLanguage.FromCode(language);

    /// <summary>string.Format with the invariant culture: the numbers in messages are formatted by the caller.</summary>
    public static string Format(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
