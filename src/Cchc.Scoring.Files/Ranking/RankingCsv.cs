using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Cchc.Scoring.Ranking;

/// <summary>
/// The ranking as CSV: UTF-8 with a BOM (Excel then reads the Vietnamese right), comma-separated, CRLF, numbers in
/// invariant form (<c>72.5</c>) since a CSV is read by programs as often as by people; people get the XLSX.
/// </summary>
internal static class RankingCsv
{
    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture) { NewLine = "\r\n" };

    public static void Write(RankingReport report, Stream output, CancellationToken cancellationToken)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true);
        using var csv = new CsvWriter(writer, Configuration);
        WriteRecord(csv, RankingTable.Headers(report));
        foreach (var row in report.Rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            WriteRecord(csv, RankingTable.Cells(report, row));
        }
    }

    public static void WriteErrors(RankingReport report, Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true);
        using var csv = new CsvWriter(writer, Configuration);
        WriteRecord(csv, RankingTable.ErrorHeaders);
        foreach (var error in RankingTable.Errors(report))
        {
            WriteRecord(csv, RankingTable.ErrorCells(error));
        }
    }

    /// <summary>Writes any table the way the ranking is written (BOM, CRLF, invariant numbers, neutralised text): for the analyses' CSV files.</summary>
    internal static void WriteTable(Stream output, IEnumerable<object?> headers, IEnumerable<IEnumerable<object?>> rows, CancellationToken cancellationToken)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true);
        using var csv = new CsvWriter(writer, Configuration);
        WriteRecord(csv, headers);
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            WriteRecord(csv, row);
        }
    }

    private static void WriteRecord(CsvWriter csv, IEnumerable<object?> cells)
    {
        foreach (var cell in cells)
        {
            csv.WriteField(Text(cell));
        }

        csv.NextRecord();
    }

    internal static string Text(object? cell) => cell switch
    {
        null => "",
        string text => Neutralised(text),
        bool b => b ? "true" : "false",

        // A decimal keeps the scale of its computation (90.0); the sheet shows the number (90).
        decimal d => d.ToString("G29", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Neutralised(cell.ToString() ?? ""),
    };

    /// <summary>
    /// A text cell that a spreadsheet would run as a formula (it starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or
    /// a carriage return: <c>=HYPERLINK(…)</c>, <c>+cmd|' /C calc'!A0</c>) gets a leading <c>'</c>, as OWASP recommends
    /// against CSV injection. Only text goes through here: numbers are written as numbers (<c>-0.75</c> stays a number).
    /// </summary>
    internal static string Neutralised(string text)
        => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
