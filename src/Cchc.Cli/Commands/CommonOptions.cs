using System.CommandLine;

namespace Cchc.Cli.Commands;

/// <summary>Arguments and options shared by several commands.</summary>
internal static class CommonOptions
{
    public static Argument<string> RuleSet() => new("rule-set")
    {
        Description = Strings.Argument_RuleSet,
    };

    /// <summary>
    /// The output format of <c>sensitivity</c> and <c>impact</c>: the one asked for, else the output file's extension
    /// (<c>.csv</c>, <c>.xlsx</c>, <c>.json</c>, <c>.html</c>, and <c>.md</c> when <paramref name="markdown"/>), else
    /// the table. Null, with the reason printed, when it cannot be written: an unknown extension, XLSX to the console,
    /// the table to a file, or an output that is an input, a folder or a device.
    /// </summary>
    public static string? OutputFormat(CliContext context, string? requested, string? outputPath, IReadOnlyList<string> dataPaths, bool markdown = false)
    {
        var format = requested ?? (outputPath is null ? "table"
            : markdown && Path.GetExtension(outputPath).Equals(".md", StringComparison.OrdinalIgnoreCase) ? "markdown"
            : Cchc.Scoring.Ranking.RankingWriter.FormatOf(outputPath)?.ToString().ToLowerInvariant());
        var problem = format is null ? CliLanguage.Format(Strings.Rank_UnknownFormat, outputPath)
            : format == "xlsx" && outputPath is null ? Strings.Rank_XlsxToFile
            : format == "table" && outputPath is not null ? Strings.Rank_TableNotToFile
            : outputPath is not null ? OutputTarget.ProblemOrUnwritable(outputPath, dataPaths)
            : null;
        if (problem is null)
        {
            return format;
        }

        context.Error.WriteLine(problem);
        return null;
    }

    public static Option<string> Format(params string[] formats)
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = CliLanguage.Format(Strings.Option_Format, string.Join(", ", formats)),
            DefaultValueFactory = _ => formats[0],
        };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }

    /// <summary><c>--appraisal &lt;file&gt;</c>, repeatable: the appraisal council's sheets, merged into the units by code.</summary>
    public static Option<string[]> Appraisal() => new("--appraisal")
    {
        Description = Strings.Option_Appraisal,
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };
}
