namespace Cchc.Scoring.Ranking;

/// <summary>The files a ranking can be written to.</summary>
public enum RankingFormat
{
    /// <summary>CSV: UTF-8 with BOM, comma-separated, invariant numbers; one row per unit.</summary>
    Csv,

    /// <summary>XLSX: a ranking sheet, an error sheet and a summary sheet; numbers as numbers.</summary>
    Xlsx,

    /// <summary>JSON: every row with its full score card, the rejections and the summary.</summary>
    Json,

    /// <summary>A self-contained HTML report: ranking table, grade distribution, each unit's lost points as a bar.</summary>
    Html,
}

/// <summary>
/// Writes a ranking as CSV, XLSX, JSON or HTML. The bytes depend only on the report: not on the machine, the
/// culture, the clock or the order the units were scored in.
/// </summary>
public static class RankingWriter
{
    /// <summary>The format a file name asks for by its extension, if any.</summary>
    public static RankingFormat? FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".csv" => RankingFormat.Csv,
        ".xlsx" => RankingFormat.Xlsx,
        ".json" => RankingFormat.Json,
        ".html" or ".htm" => RankingFormat.Html,
        _ => null,
    };

    /// <summary>Writes the report in <paramref name="format"/> to <paramref name="output"/>.</summary>
    public static void Write(RankingReport report, RankingFormat format, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        switch (format)
        {
            case RankingFormat.Csv:
                RankingCsv.Write(report, output, cancellationToken);
                break;
            case RankingFormat.Xlsx:
                RankingXlsx.Write(report, output, cancellationToken);
                break;
            case RankingFormat.Json:
                RankingJson.Write(report, output, cancellationToken);
                break;
            case RankingFormat.Html:
                RankingHtml.Write(report, output, cancellationToken);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown ranking format.");
        }
    }

    /// <summary>
    /// Writes the rejections and column problems as CSV (file, row, column, value, reason): the error sheet of a
    /// CSV ranking, which has no room for one.
    /// </summary>
    public static void WriteErrorsCsv(RankingReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        RankingCsv.WriteErrors(report, output);
    }
}
