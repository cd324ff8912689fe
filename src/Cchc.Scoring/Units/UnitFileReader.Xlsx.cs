using System.Globalization;
using Cchc.Rules.Model;

namespace Cchc.Scoring.Units;

/// <summary>Reading XLSX: the first sheet, its first non-empty row the header, the sheet's own row numbers in errors.</summary>
internal sealed partial class UnitFileReader
{
    /// <summary>An .xlsx that is not a zip with a workbook is refused before any row is read, naming the file.</summary>
    private static string CheckWorkbook(string path)
    {
        try
        {
            using var zip = System.IO.Compression.ZipFile.OpenRead(path);
            if (zip.GetEntry("xl/workbook.xml") is null)
            {
                throw new InvalidDataException($"Không đọc được tệp '{path}': tệp .xlsx không có bảng tính (xl/workbook.xml).");
            }
        }
        catch (InvalidDataException e) when (!e.Message.StartsWith("Không đọc được", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"Không đọc được tệp '{path}': không phải tệp .xlsx hợp lệ ({e.Message}).", e);
        }

        return path;
    }

    private IEnumerable<UnitReadResult> ReadXlsx(string path)
    {
        var shown = Path.GetFileName(path);
        using var stream = File.OpenRead(path);
        string[]? headers = null;
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var sheetRow = 0;
        var headerRow = 0;
        var fractions = new Dictionary<string, (int Numbers, double Largest)>(StringComparer.Ordinal);

        // MiniExcel streams the first sheet row by row, keyed by column letter; rows it yields include empty ones,
        // so counting them gives the sheet's own row numbers for the errors.
        foreach (IDictionary<string, object?> cells in MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: false, excelType: MiniExcelLibs.ExcelType.XLSX))
        {
            sheetRow++;
            if (headers is null)
            {
                var raw = cells.Select(c => (Letter: c.Key, Text: Convert.ToString(c.Value, CultureInfo.InvariantCulture)?.Trim() ?? "")).ToList();
                if (raw.All(c => c.Text.Length == 0))
                {
                    continue;
                }

                // Trailing unnamed columns are ignored; a gap inside the header keeps its place as an unnamed column.
                raw = raw.Take(raw.FindLastIndex(c => c.Text.Length > 0) + 1).ToList();
                headers = raw.Select(c => MapHeader(c.Text)).ToArray();
                for (var i = 0; i < raw.Count; i++)
                {
                    columns[raw[i].Letter] = i;
                }

                CheckColumns(shown, sheetRow, raw.Select(c => c.Text).Where(t => t.Length > 0));
                CheckMissingColumns(shown, sheetRow, headers);
                headerRow = sheetRow;
                continue;
            }

            if (cells.Values.All(v => v is null || v is string s && string.IsNullOrWhiteSpace(s)))
            {
                continue;
            }

            var extra = cells.FirstOrDefault(c => !columns.ContainsKey(c.Key) && c.Value is not null && !(c.Value is string t && string.IsNullOrWhiteSpace(t)));
            if (extra.Key is not null)
            {
                yield return new UnitReadResult(null, new UnitRejection(shown, sheetRow, extra.Key, Convert.ToString(extra.Value, CultureInfo.InvariantCulture), $"ô nằm ngoài các cột có tiêu đề (tiêu đề chỉ có {headers.Length} cột)"));
                continue;
            }

            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var (letter, index) in columns)
            {
                if (headers[index].Length == 0)
                {
                    continue;
                }

                var value = cells.TryGetValue(letter, out var v) ? v : null;
                if (value is double number && _ruleSet?.InputsByName.GetValueOrDefault(headers[index])?.Type == InputType.Percent)
                {
                    var seen = fractions.GetValueOrDefault(headers[index]);
                    fractions[headers[index]] = (seen.Numbers + 1, Math.Max(seen.Largest, number));
                }

                row[headers[index]] = value switch
                {
                    string s when string.IsNullOrWhiteSpace(s) => null,
                    string s => s.Trim(),
                    _ => value,
                };
            }

            yield return Build(row, new UnitSource(shown, sheetRow));
        }

        ReportMissingInputs();
        ReportPercentFractions(shown, headerRow, fractions);
    }

    /// <summary>
    /// A percent column whose numbers are all between 0 and 1 is most likely formatted as % in Excel, where 72,5% is
    /// stored as 0,725 and would be read as 0,725%. The values are kept as they are (a real 0,5% is possible), but the
    /// column is reported once so the officer can check it.
    /// </summary>
    private void ReportPercentFractions(string file, int headerRow, Dictionary<string, (int Numbers, double Largest)> fractions)
    {
        foreach (var (name, (numbers, largest)) in fractions.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (numbers < 3 || largest <= 0 || largest > 1)
            {
                continue;
            }

            var input = _ruleSet!.InputsByName[name];
            var note = $"mọi giá trị của cột '{input.Label} ({name})' đều từ 0 đến 1 (lớn nhất {VietnameseFormat.Number((decimal)largest, 4)}): "
                + "nếu ô được định dạng % trong Excel thì 72,5% được lưu là 0,725 và bị đọc là 0,725% — hãy nhập số phần trăm (72,5) hoặc bỏ định dạng %";
            _warnings.Add($"{file}: {note}.");
            _columnProblems.Add(new UnitRejection(file, headerRow, name, null, note));
        }
    }
}
