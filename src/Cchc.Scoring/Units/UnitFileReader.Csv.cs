using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Cchc.Scoring.Units;

/// <summary>Reading CSV: UTF-8 with or without BOM, comma or semicolon, Vietnamese decimal comma.</summary>
internal sealed partial class UnitFileReader
{
    private IEnumerable<UnitReadResult> ReadCsv(string path)
    {
        var shown = Path.GetFileName(path);
        using var stream = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var delimiter = DetectDelimiter(path);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter,
            HasHeaderRecord = true,
            BadDataFound = null,
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
            TrimOptions = TrimOptions.Trim,
            IgnoreBlankLines = true,
        };
        using var csv = new CsvReader(stream, configuration);
        if (!csv.Read() || !csv.ReadHeader())
        {
            yield break;
        }

        var headers = csv.HeaderRecord!.Select(h => MapHeader(h)).ToArray();
        CheckColumns(shown, csv.Parser.RawRow, csv.HeaderRecord!);
        CheckMissingColumns(shown, csv.Parser.RawRow, headers);

        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            var record = csv.Parser.Record ?? [];
            if (record.Length > headers.Length)
            {
                yield return new UnitReadResult(null, new UnitRejection(shown, line, null, null, $"dòng có {record.Length} cột nhưng tiêu đề chỉ có {headers.Length}"));
                continue;
            }

            if (record.Length < headers.Length)
            {
                // A row that ends early has lost cells (or shifted them): none of its figures can be trusted to be in
                // the right column, so it is refused, naming the first column it lacks.
                yield return new UnitReadResult(null, new UnitRejection(shown, line, csv.HeaderRecord![record.Length], null,
                    $"dòng chỉ có {record.Length} cột nhưng tiêu đề có {headers.Length}: thiếu từ cột '{csv.HeaderRecord![record.Length]}' trở đi"));
                continue;
            }

            for (var i = 0; i < headers.Length; i++)
            {
                var cell = i < record.Length ? record[i] : null;
                row[headers[i]] = string.IsNullOrWhiteSpace(cell) ? null : cell;
            }

            yield return Build(row, new UnitSource(shown, line));
        }

        ReportMissingInputs();
    }

    private static string DetectDelimiter(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var header = reader.ReadLine() ?? "";

        // Labels often hold commas of their own ("Số cán bộ, công chức cấp xã") but not semicolons, so counting
        // commas misreads a semicolon sheet whose labels have many; a semicolon outside quotes decides instead.
        var quoted = false;
        foreach (var c in header)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ';' && !quoted)
            {
                return ";";
            }
        }

        return ",";
    }
}
