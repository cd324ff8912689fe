using System.Globalization;
using System.Text;
using Cchc.Rules;
using Cchc.Rules.Model;
using CsvHelper;
using CsvHelper.Configuration;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Cchc.Scoring.Units;

/// <summary>A unit that could not be read at all, with the place and the reason.</summary>
/// <param name="File">The data file.</param>
/// <param name="Row">1-based row (CSV line, or JSON line).</param>
/// <param name="Column">The column or field at fault, if one.</param>
/// <param name="Value">The value found.</param>
/// <param name="Reason">Why, in Vietnamese.</param>
public sealed record UnitRejection(string File, int Row, string? Column, string? Value, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}, dòng {Row}{(Column is null ? "" : $", cột {Column}")}{(Value is null ? "" : $" = '{Value}'")}: {Reason}";
}

/// <summary>One item read from a data file: a unit, or the reason it was rejected.</summary>
/// <param name="Unit">The unit, when it could be read.</param>
/// <param name="Rejection">The rejection, when it could not.</param>
public sealed record UnitReadResult(UnitData? Unit, UnitRejection? Rejection);

/// <summary>
/// Reads units from JSON (an object, an array, or one object per line), CSV (UTF-8 with or without BOM,
/// comma or semicolon, Vietnamese decimal comma accepted) and XLSX (the first sheet, its first row the header),
/// streaming. Column headers may be the input's name, its Vietnamese label, or "label (name)"; they are compared
/// after Unicode NFC normalisation. A JSON file that is a response of the national public-service portal is read by
/// <see cref="PortalDataReader"/>.
/// </summary>
public sealed class UnitFileReader
{
    private static readonly string[] RequiredColumns = ["code", "level"];
    private readonly CompiledRuleSet? _ruleSet;
    private readonly List<string> _warnings = [];
    private readonly List<UnitRejection> _columnProblems = [];
    private readonly HashSet<UnitLevel> _levelsRead = [];
    private (string File, int HeaderRow, List<InputDefinition> Inputs)? _missingInputs;

    /// <summary>Creates a reader; with a rule set, headers can be labels and unknown columns are reported.</summary>
    public UnitFileReader(CompiledRuleSet? ruleSet = null) => _ruleSet = ruleSet;

    /// <summary>File-level notes (unknown columns, missing identity columns), filled while reading.</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>
    /// The header's problems, filled while reading a CSV or XLSX file: a missing identity column, a column that is not
    /// an input, and (once the whole file is read) a declared input with no column that a criterion applying to the
    /// units' levels reads (every unit then lacks it). Row is the header's row.
    /// </summary>
    public IReadOnlyList<UnitRejection> ColumnProblems => _columnProblems;

    /// <summary>Reads every unit of a file, streaming; rows that cannot be units are returned as rejections.</summary>
    /// <exception cref="NotSupportedException">The file is not .json, .jsonl, .ndjson, .csv, .txt or .xlsx.</exception>
    /// <exception cref="InvalidDataException">An .xlsx file is not a workbook.</exception>
    public IEnumerable<UnitReadResult> Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".csv" or ".txt" => ReadCsv(path),
            ".json" when PortalDataReader.IsPortalResponse(path) => ReadPortal(path),
            ".json" or ".jsonl" or ".ndjson" => ReadJson(path),
            ".xlsx" => ReadXlsx(CheckWorkbook(path)),
            _ => throw new NotSupportedException($"Không đọc được tệp '{path}': chỉ hỗ trợ .json, .jsonl, .ndjson, .csv và .xlsx."),
        };
    }

    /// <summary>A response of the national public-service portal (<see cref="PortalDataReader"/>), one file on its own.</summary>
    private IEnumerable<UnitReadResult> ReadPortal(string path)
    {
        var result = PortalDataReader.Read([path]);
        _warnings.AddRange(result.Warnings);
        foreach (var unit in result.Units)
        {
            yield return new UnitReadResult(unit.Unit, null);
        }

        foreach (var rejection in result.Rejections)
        {
            yield return new UnitReadResult(null, rejection);
        }
    }

    private IEnumerable<UnitReadResult> ReadJson(string path)
    {
        var shown = Path.GetFileName(path);
        using var stream = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var reader = new JsonTextReader(stream)
        {
            SupportMultipleContent = true,
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
        };
        var checkedHeaders = false;
        while (true)
        {
            JToken? token;
            int line;
            string? syntaxError = null;
            try
            {
                if (!reader.Read())
                {
                    yield break;
                }

                if (reader.TokenType == JsonToken.StartArray)
                {
                    continue;
                }

                if (reader.TokenType == JsonToken.EndArray || reader.TokenType == JsonToken.Comment)
                {
                    continue;
                }

                line = reader.LineNumber;
                token = JToken.ReadFrom(reader);
            }
            catch (JsonReaderException e)
            {
                token = null;
                line = e.LineNumber;
                syntaxError = e.Message.Split(" Path '", StringSplitOptions.None)[0];
            }

            if (syntaxError is not null)
            {
                // The rest of the file cannot be trusted after a syntax error; report it once and stop.
                yield return new UnitReadResult(null, new UnitRejection(shown, line, null, null, $"JSON không hợp lệ, dừng đọc tệp: {syntaxError}"));
                yield break;
            }

            if (token is not JObject obj)
            {
                yield return new UnitReadResult(null, new UnitRejection(shown, line, null, token?.ToString(Formatting.None), "mỗi đơn vị phải là một đối tượng JSON"));
                continue;
            }

            if (!checkedHeaders)
            {
                CheckColumns(shown, line, obj.Properties().Select(p => p.Name));
                checkedHeaders = true;
            }

            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var property in obj.Properties())
            {
                UnitData.AddProperty(row, MapHeader(property.Name), property.Value);
            }

            yield return Build(row, new UnitSource(shown, line));
        }
    }

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

    /// <summary>A declared input or identity column absent from a sheet's header is reported once, not once per row.</summary>
    private void CheckMissingColumns(string file, int headerRow, IReadOnlyCollection<string> headers)
    {
        foreach (var identity in RequiredColumns.Where(i => !headers.Contains(i)))
        {
            _warnings.Add($"{file}: thiếu cột bắt buộc '{identity}'.");
            _columnProblems.Add(new UnitRejection(file, headerRow, identity, null, $"thiếu cột bắt buộc '{identity}': mọi dòng đều bị loại"));
        }

        if (_ruleSet is null)
        {
            return;
        }

        _missingInputs = (file, headerRow, [.. _ruleSet.Inputs.Where(i => !headers.Contains(i.Name))]);
    }

    /// <summary>
    /// Once the sheet is read: a missing input column is a problem only when a criterion that applies to a level of
    /// the units read needs it, so that a sheet made for one level (<c>cchc template --level xa</c>) is not faulted
    /// for lacking the inputs of another.
    /// </summary>
    private void ReportMissingInputs()
    {
        if (_missingInputs is not var (file, headerRow, inputs) || _ruleSet is null)
        {
            return;
        }

        var needed = _ruleSet.Criteria.Flatten()
            .Where(c => _levelsRead.Count == 0 || _levelsRead.Any(c.AppliesTo))
            .SelectMany(c => c.Inputs)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var input in inputs.Where(i => needed.Contains(i.Name)))
        {
            _columnProblems.Add(new UnitRejection(file, headerRow, input.Name, null, $"thiếu cột '{input.Label} ({input.Name})': mọi đơn vị đều thiếu dữ liệu này"));
        }

        _missingInputs = null;
    }

    private UnitReadResult Build(Dictionary<string, object?> row, UnitSource source)
    {
        try
        {
            var unit = UnitData.FromRow(row, source);
            _levelsRead.Add(unit.Level);
            return new UnitReadResult(unit, null);
        }
        catch (UnitDataException e)
        {
            return new UnitReadResult(null, new UnitRejection(source.File, source.Row, e.Field, e.Value, e.Reason));
        }
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

    /// <summary>Maps a header to an input or identity name: the name itself, "label (name)", or the label.</summary>
    private string MapHeader(string header)
    {
        var text = UnitData.Normalize(header)!.Trim().TrimStart('\uFEFF');
        if (_ruleSet is null || UnitData.IdentityFields.Contains(text) || _ruleSet.InputsByName.ContainsKey(text))
        {
            return text;
        }

        var open = text.LastIndexOf('(');
        if (open >= 0 && text.EndsWith(')'))
        {
            var inner = text[(open + 1)..^1].Trim();
            if (_ruleSet.InputsByName.ContainsKey(inner) || UnitData.IdentityFields.Contains(inner) || UnitData.IsClaimColumn(inner))
            {
                return inner;
            }
        }

        var byLabel = _ruleSet.Inputs.FirstOrDefault(i => string.Equals(UnitData.Normalize(i.Label), text, StringComparison.OrdinalIgnoreCase));
        return byLabel?.Name ?? text;
    }

    private void CheckColumns(string file, int headerRow, IEnumerable<string> headers)
    {
        if (_ruleSet is null)
        {
            return;
        }

        foreach (var header in headers)
        {
            var name = MapHeader(header);
            if (!UnitData.IdentityFields.Contains(name) && !_ruleSet.InputsByName.ContainsKey(name) && !UnitData.IsClaimColumn(name))
            {
                var suggestion = Cchc.Rules.Diagnostics.NameSuggestions.Closest(name, _ruleSet.InputsByName.Keys);
                var note = $"cột '{header}' không phải dữ liệu đầu vào của bộ tiêu chí {_ruleSet.Id}, bị bỏ qua{(suggestion is null ? "" : $" (có phải '{suggestion}'?)")}";
                _warnings.Add($"{file}: {note}.");
                _columnProblems.Add(new UnitRejection(file, headerRow, header, null, note));
            }
        }
    }
}
