using System.Globalization;
using System.Text;
using Cchc.Scoring.Texts;

namespace Cchc.Scoring.Units;

/// <summary>
/// Reading CSV: strict UTF-8 with or without BOM, comma or semicolon, Vietnamese decimal comma; every data line is a
/// unit or a rejection. A line with bytes that are not UTF-8 is rejected (the file was saved as ANSI), a quote that
/// is not closed on its line is rejected there and the lines after it are read again on their own (a reader that lost
/// sync never swallows rows), a cell longer than Excel's 32,767 characters is rejected, and two columns that mean the
/// same input must agree on a row or the row is rejected.
/// </summary>
internal sealed partial class UnitFileReader
{
    /// <summary>Excel's limit for one cell, applied to every format: a longer cell is not data a unit holds.</summary>
    internal const int MaxCellChars = 32_767;

    /// <summary>A quoted cell may hold line breaks, up to this many lines, and only while the rows stay in sync.</summary>
    private const int MaxCellLines = 20;

    private IEnumerable<UnitReadResult> ReadCsv(string path)
    {
        var shown = Path.GetFileName(path);
        using var lines = new Utf8LineReader(path);
        var replay = new Stack<RawLine>();
        bool Next(out RawLine line)
        {
            if (replay.Count > 0)
            {
                line = replay.Pop();
                return true;
            }

            return lines.TryRead(out line);
        }

        RawLine header;
        do
        {
            if (!Next(out header))
            {
                yield break;
            }
        }
        while (header.Problem is null && string.IsNullOrWhiteSpace(header.Text));

        if (lines.IsUtf16)
        {
            // No line of a UTF-16 file is UTF-8: the file is refused once rather than every line rejected.
            throw new InvalidDataException(FileText.Format(nameof(FileStrings.Read_CannotReadFile), path, FileText.Get(nameof(FileStrings.Read_Utf16File))));
        }

        var delimiter = DetectDelimiter(header.Text);
        var raw = CsvRecord.Parse(header.Text, delimiter).Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
        var headers = raw.Select(h => MapHeader(h)).ToArray();
        var codeIndex = Array.IndexOf(headers, "code");
        var nameIndex = Array.IndexOf(headers, "name");
        if (header.Problem is null)
        {
            CheckColumns(shown, header.Number, raw);
            CheckMissingColumns(shown, header.Number, headers);
        }
        else
        {
            _warnings.Add(FileText.Format(nameof(FileStrings.Csv_HeaderWarning), shown, header.Number, header.Problem));
        }

        var duplicates = DuplicateColumns(shown, header.Number, raw, headers);
        string? Code(IReadOnlyList<string> fields) => codeIndex >= 0 && codeIndex < fields.Count && !string.IsNullOrWhiteSpace(fields[codeIndex])
            ? CodeOf(new Dictionary<string, object?> { ["code"] = fields[codeIndex] })
            : null;
        string? Name(IReadOnlyList<string> fields) => nameIndex >= 0 && nameIndex < fields.Count
            ? NameOf(new Dictionary<string, object?> { ["name"] = fields[nameIndex] })
            : null;
        var warnedEncoding = false;

        while (Next(out var first))
        {
            if (first.Problem is null && string.IsNullOrWhiteSpace(first.Text))
            {
                continue;
            }

            var source = new UnitSource(shown, first.Number);
            if (header.Problem is not null)
            {
                yield return Reject(source, null, null, null, FileText.Format(nameof(FileStrings.Csv_HeaderUnreadable), header.Number, header.Problem));
                continue;
            }

            if (first.Problem is not null)
            {
                if (!warnedEncoding && first.Problem.Contains("UTF", StringComparison.Ordinal))
                {
                    _warnings.Add(FileText.Format(nameof(FileStrings.Csv_FirstBadLine), shown, first.Problem, first.Number));
                    warnedEncoding = true;
                }

                var guess = Code(CsvRecord.Parse(first.Text, delimiter));
                yield return new UnitReadResult(null, new UnitRejection(shown, first.Number, null, null, first.Problem) { Unit = guess });
                continue;
            }

            var record = new CsvRecord(delimiter);
            record.Feed(first.Text);
            var continued = new List<RawLine>();
            while (record.Open && continued.Count < MaxCellLines && Next(out var more))
            {
                continued.Add(more);
                if (more.Problem is not null)
                {
                    break;
                }

                record.NextLine(more.Text);
            }

            if (!record.Open)
            {
                record.End();
            }

            var lostSync = record.Open
                || (continued.Count > 0 && (record.Fields.Count != headers.Length || record.SpansDelimiter));
            if (lostSync)
            {
                // The quote opened on this line runs over what are most likely rows of their own: this line is
                // refused, and the lines it swallowed are read again, each on its own.
                for (var i = continued.Count - 1; i >= 0; i--)
                {
                    replay.Push(continued[i]);
                }

                var column = record.OpenColumn is { } open && open < raw.Length ? raw[open] : null;
                var reason = (column is null ? FileText.Get(nameof(FileStrings.Csv_OpenQuote)) : FileText.Format(nameof(FileStrings.Csv_OpenQuoteInColumn), column))
                    + (continued.Count > 0 ? FileText.Format(nameof(FileStrings.Csv_OpenQuoteSwallowed), continued.Count) : "")
                    + FileText.Get(nameof(FileStrings.Csv_OpenQuoteEnd));
                yield return new UnitReadResult(null, new UnitRejection(shown, first.Number, column, null, reason) { Unit = Code(CsvRecord.Parse(first.Text, delimiter)), UnitName = Name(CsvRecord.Parse(first.Text, delimiter)) });
                continue;
            }

            var fields = record.Fields;
            if (record.LongColumn is { } longColumn)
            {
                var name = longColumn < raw.Length ? raw[longColumn] : FileText.Format(nameof(FileStrings.Csv_ColumnNumber), longColumn + 1);
                yield return new UnitReadResult(null, new UnitRejection(shown, first.Number, name, null, FileText.Get(nameof(FileStrings.Csv_CellTooLong))) { Unit = Code(fields), UnitName = Name(fields) });
                continue;
            }

            if (fields.Count > headers.Length)
            {
                yield return new UnitReadResult(null, new UnitRejection(shown, first.Number, null, null, FileText.Format(nameof(FileStrings.Csv_TooManyCells), fields.Count, headers.Length)) { Unit = Code(fields), UnitName = Name(fields) });
                continue;
            }

            if (fields.Count < headers.Length)
            {
                // A row that ends early has lost cells (or shifted them): none of its figures can be trusted to be in
                // the right column, so it is refused, naming the first column it lacks.
                yield return new UnitReadResult(null, new UnitRejection(shown, first.Number, raw[fields.Count], null,
                    FileText.Format(nameof(FileStrings.Csv_TooFewCells), fields.Count, headers.Length, raw[fields.Count])) { Unit = Code(fields), UnitName = Name(fields) });
                continue;
            }

            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < headers.Length; i++)
            {
                var cell = fields[i];
                row[headers[i]] = string.IsNullOrWhiteSpace(cell) ? null : cell;
            }

            if (Disagreement(duplicates, raw, i => fields[i]) is { } disagreement)
            {
                yield return Reject(source, new Dictionary<string, object?> { ["code"] = Code(fields) }, disagreement.Column, null, disagreement.Reason);
                continue;
            }

            foreach (var (name, indices) in duplicates)
            {
                row[name] = indices.Select(i => fields[i]).FirstOrDefault(c => !string.IsNullOrWhiteSpace(c));
            }

            yield return Build(row, source);
        }

        ReportMissingInputs();
    }

    /// <summary>
    /// Columns that map to the same input or identity field (a repeated header, or a label and its name), each reported
    /// once as a column problem naming both. Rows are then read cell by cell: where the columns agree (or all but one
    /// are empty) the value is used; where they differ the row is rejected. Nothing is "last wins".
    /// </summary>
    private List<(string Name, int[] Indices)> DuplicateColumns(string file, int headerRow, string[] raw, string[] headers)
    {
        var groups = Enumerable.Range(0, headers.Length)
            .Where(i => headers[i].Length > 0)
            .GroupBy(i => headers[i], StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => (g.Key, g.ToArray()))
            .ToList();
        foreach (var (name, indices) in groups)
        {
            var columns = string.Join(FileText.Get(nameof(FileStrings.Csv_DuplicateColumnsAnd)), indices.Select(i => FileText.Format(nameof(FileStrings.Csv_DuplicateColumnItem), raw[i], i + 1)));
            var note = FileText.Format(nameof(FileStrings.Csv_DuplicateColumns), columns, name);
            _warnings.Add($"{file}: {note}.");
            _columnProblems.Add(new UnitRejection(file, headerRow, raw[indices[1]], null, note));
        }

        return groups;
    }

    /// <summary>The first repeated column whose cells disagree on a row, with the reason naming both columns and values.</summary>
    private static (string Column, string Reason)? Disagreement(List<(string Name, int[] Indices)> duplicates, string[] raw, Func<int, object?> cell)
    {
        foreach (var (name, indices) in duplicates)
        {
            var filled = indices.Where(i => !(cell(i) is null or string { Length: 0 } || cell(i) is string s && string.IsNullOrWhiteSpace(s))).ToList();
            for (var k = 1; k < filled.Count; k++)
            {
                if (!SameCell(cell(filled[0]), cell(filled[k])))
                {
                    return (raw[filled[k]], FileText.Format(nameof(FileStrings.Csv_DuplicateColumnsDisagree), raw[filled[0]], filled[0] + 1, Shown(cell(filled[0])), raw[filled[k]], filled[k] + 1, name, Shown(cell(filled[k]))));
                }
            }
        }

        return null;
    }

    private static char DetectDelimiter(string header)
    {
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
                return ';';
            }
        }

        return ',';
    }

    /// <summary>
    /// One CSV record, fed line by line: RFC 4180 quoting (a doubled quote inside quotes is a quote), leniently (a quote
    /// inside an unquoted cell is a character), cells trimmed outside quotes, each cell capped at
    /// <see cref="MaxCellChars"/> characters in memory.
    /// </summary>
    private sealed class CsvRecord(char delimiter)
    {
        private readonly StringBuilder _cell = new();
        private bool _started;
        private bool _quoted;
        private bool _inQuotes;
        private bool _multiLine;

        public List<string> Fields { get; } = [];

        /// <summary>Whether a quoted cell is still open at the end of the text fed so far.</summary>
        public bool Open => _inQuotes;

        /// <summary>The column whose quote is open (or was opened last).</summary>
        public int? OpenColumn { get; private set; }

        /// <summary>The first column whose cell is longer than <see cref="MaxCellChars"/>.</summary>
        public int? LongColumn { get; private set; }

        /// <summary>Whether a cell that spans lines holds the delimiter: rows swallowed by a quote, not a cell.</summary>
        public bool SpansDelimiter { get; private set; }

        /// <summary>The cells of one line on its own; a quote still open at its end is closed there.</summary>
        public static List<string> Parse(string line, char delimiter)
        {
            var record = new CsvRecord(delimiter);
            record.Feed(line);
            record._inQuotes = false;
            record.End();
            return record.Fields;
        }

        public void Feed(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (_inQuotes)
                {
                    if (c == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            Append('"');
                            i++;
                        }
                        else
                        {
                            _inQuotes = false;
                        }
                    }
                    else
                    {
                        Append(c);
                    }
                }
                else if (c == delimiter)
                {
                    EndCell();
                }
                else if (!_started && c is ' ' or '\t')
                {
                    continue;
                }
                else if (!_started && c == '"')
                {
                    _started = true;
                    _quoted = true;
                    _inQuotes = true;
                    OpenColumn = Fields.Count;
                }
                else
                {
                    _started = true;
                    Append(c);
                }
            }
        }

        public void NextLine(string text)
        {
            Append('\n');
            _multiLine = true;
            Feed(text);
        }

        public void End() => EndCell();

        private void Append(char c)
        {
            if (_cell.Length < MaxCellChars)
            {
                _cell.Append(c);
            }
            else
            {
                LongColumn ??= Fields.Count;
            }
        }

        private void EndCell()
        {
            var text = _quoted ? _cell.ToString().TrimEnd(' ', '\t') : _cell.ToString().Trim();
            if (_multiLine && text.Contains(delimiter, StringComparison.Ordinal))
            {
                SpansDelimiter = true;
            }

            Fields.Add(text);
            _cell.Clear();
            _started = false;
            _quoted = false;
            _multiLine = false;
        }
    }
}
