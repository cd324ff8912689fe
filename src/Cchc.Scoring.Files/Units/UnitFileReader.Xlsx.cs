using System.Globalization;
using Cchc.Rules.Model;
using Cchc.Scoring.Texts;

namespace Cchc.Scoring.Units;

/// <summary>Reading XLSX: the first sheet, its first non-empty row the header, the sheet's own row numbers in errors.</summary>
internal sealed partial class UnitFileReader
{
    /// <summary>The largest XML part of a workbook read (uncompressed): a national sheet is about 50 MB.</summary>
    private const long MaxXlsxPartBytes = 256L << 20;

    /// <summary>
    /// An .xlsx that is not a zip with a workbook is refused before any row is read, naming the file; so is one whose
    /// XML declares a DTD (entity expansion), holds a cell or string longer than Excel's 32,767 characters, or a part
    /// larger than <see cref="MaxXlsxPartBytes"/>. Every XML part is streamed once for this, in bounded memory, so that
    /// the sheet reader never meets them.
    /// </summary>
    internal static string CheckWorkbook(string path)
    {
        try
        {
            using var zip = System.IO.Compression.ZipFile.OpenRead(path);
            if (zip.GetEntry("xl/workbook.xml") is null)
            {
                throw new InvalidDataException(FileText.Format(nameof(FileStrings.Read_CannotReadFile), path, FileText.Get(nameof(FileStrings.Xlsx_NoWorkbook))));
            }

            foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || e.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)))
            {
                if (entry.Length > MaxXlsxPartBytes)
                {
                    throw new InvalidDataException(FileText.Format(nameof(FileStrings.Read_CannotReadFile), path, FileText.Format(nameof(FileStrings.Xlsx_PartTooLarge), entry.FullName, entry.Length / (1 << 20), MaxXlsxPartBytes / (1 << 20))));
                }

                CheckXmlPart(path, entry);
            }
        }
        catch (InvalidDataException e) when (!e.Message.StartsWith(FileText.Format(nameof(FileStrings.Read_CannotReadFile), path, ""), StringComparison.Ordinal))
        {
            throw new InvalidDataException(FileText.Format(nameof(FileStrings.Read_CannotReadFile), path, FileText.Format(nameof(FileStrings.Xlsx_NotValid), e.Message)), e);
        }

        return path;
    }

    private static void CheckXmlPart(string path, System.IO.Compression.ZipArchiveEntry entry)
    {
        var settings = new System.Xml.XmlReaderSettings
        {
            DtdProcessing = System.Xml.DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxXlsxPartBytes,
            MaxCharactersFromEntities = 1024,
            CloseInput = true,
        };
        var chunk = new char[4096];
        try
        {
            using var xml = System.Xml.XmlReader.Create(entry.Open(), settings);
            while (xml.Read())
            {
                if (xml.NodeType is not (System.Xml.XmlNodeType.Text or System.Xml.XmlNodeType.CDATA or System.Xml.XmlNodeType.SignificantWhitespace or System.Xml.XmlNodeType.Whitespace))
                {
                    continue;
                }

                var length = 0;
                int read;
                while ((read = xml.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                {
                    length += read;
                    if (length > MaxCellChars)
                    {
                        var line = xml is System.Xml.IXmlLineInfo info ? info.LineNumber : 0;
                        throw new InvalidDataException(FileText.Format(nameof(FileStrings.Read_CannotReadFile), path, FileText.Format(nameof(FileStrings.Xlsx_CellTooLong), entry.FullName, line)));
                    }
                }
            }
        }
        catch (System.Xml.XmlException e) when (e.Message.Contains("DTD", StringComparison.Ordinal))
        {
            throw new InvalidDataException(FileText.Format(nameof(FileStrings.Read_CannotReadFile), path, FileText.Format(nameof(FileStrings.Xlsx_Dtd), entry.FullName)), e);
        }
        catch (System.Xml.XmlException e)
        {
            throw new InvalidDataException(FileText.Format(nameof(FileStrings.Read_CannotReadFile), path, FileText.Format(nameof(FileStrings.Xlsx_BrokenXml), entry.FullName, e.LineNumber, e.Message)), e);
        }
    }

    /// <summary>The sheet's rows as MiniExcel reads them; anything it throws becomes a refusal of the file, naming it.</summary>
    internal static IEnumerable<IDictionary<string, object?>> SheetRows(string path, Stream stream)
    {
        using var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: false, excelType: MiniExcelLibs.ExcelType.XLSX).GetEnumerator();
        while (true)
        {
            IDictionary<string, object?> row;
            try
            {
                if (!rows.MoveNext())
                {
                    yield break;
                }

                row = (IDictionary<string, object?>)rows.Current;
            }
            catch (Exception e) when (e is not (OutOfMemoryException or InvalidDataException or OperationCanceledException))
            {
                throw new InvalidDataException(FileText.Format(nameof(FileStrings.Read_CannotReadFile), path, FileText.Format(nameof(FileStrings.Xlsx_Unreadable), e.GetType().Name, e.Message)), e);
            }

            yield return row;
        }
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
        List<(string Name, int[] Indices)> duplicates = [];
        string[] rawHeaders = [];
        foreach (var cells in SheetRows(path, stream))
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
                rawHeaders = [.. raw.Select(c => $"{c.Text} ({c.Letter})")];
                duplicates = DuplicateColumns(shown, sheetRow, rawHeaders, headers);
                headerRow = sheetRow;
                continue;
            }

            if (cells.Values.All(v => v is null || v is string s && string.IsNullOrWhiteSpace(s)))
            {
                continue;
            }

            var extra = cells.FirstOrDefault(c => !columns.ContainsKey(c.Key) && c.Value is not null && !(c.Value is string t && string.IsNullOrWhiteSpace(t)));
            var source = new UnitSource(shown, sheetRow);
            var byIndex = new object?[headers.Length];
            foreach (var (letter, index) in columns)
            {
                byIndex[index] = cells.TryGetValue(letter, out var v) ? v : null;
            }

            var codeCell = Array.IndexOf(headers, "code") is var codeIndex and >= 0 ? byIndex[codeIndex] : null;
            var identity = new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = codeCell };
            if (extra.Key is not null)
            {
                yield return Reject(source, identity, extra.Key, Convert.ToString(extra.Value, CultureInfo.InvariantCulture), FileText.Format(nameof(FileStrings.Xlsx_CellOutsideHeader), headers.Length));
                continue;
            }

            if (Disagreement(duplicates, rawHeaders, i => byIndex[i]) is { } disagreement)
            {
                yield return Reject(source, identity, disagreement.Column, null, disagreement.Reason);
                continue;
            }

            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var (letter, index) in columns)
            {
                if (headers[index].Length == 0)
                {
                    continue;
                }

                var value = byIndex[index];
                if (row.GetValueOrDefault(headers[index]) is not null && (value is null || value is string blank && string.IsNullOrWhiteSpace(blank)))
                {
                    // A repeated column whose cell is empty here: the other column's value (they agree) stands.
                    continue;
                }

                if (value is double number && double.IsFinite(number) && _ruleSet?.InputsByName.GetValueOrDefault(headers[index])?.Type == InputType.Percent)
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

            yield return Build(row, source);
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
            var shown = CchcText.English ? Math.Round((decimal)largest, 4, MidpointRounding.AwayFromZero).ToString("0.####", CultureInfo.InvariantCulture) : VietnameseFormat.Number((decimal)largest, 4);
            var note = FileText.Format(nameof(FileStrings.Reader_PercentAsFraction), input.Label, name, shown);
            _warnings.Add($"{file}: {note}.");
            _columnProblems.Add(new UnitRejection(file, headerRow, name, null, note));
        }
    }
}
