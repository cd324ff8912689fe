using System.Globalization;
using System.Text;
using Cchc.Rules;
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
/// Reads units from JSON (an object, an array, or one object per line) and CSV (UTF-8 with or without BOM,
/// comma or semicolon, Vietnamese decimal comma accepted), streaming. Column headers may be the input's name,
/// its Vietnamese label, or "label (name)"; they are compared after Unicode NFC normalisation. A JSON file that is a
/// response of the national public-service portal is read by <see cref="PortalDataReader"/>.
/// </summary>
public sealed class UnitFileReader
{
    private static readonly string[] RequiredColumns = ["code", "level"];
    private readonly CompiledRuleSet? _ruleSet;
    private readonly List<string> _warnings = [];

    /// <summary>Creates a reader; with a rule set, headers can be labels and unknown columns are reported.</summary>
    public UnitFileReader(CompiledRuleSet? ruleSet = null) => _ruleSet = ruleSet;

    /// <summary>File-level notes (unknown columns), filled while reading.</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>Reads every unit of a file, streaming; rows that cannot be units are returned as rejections.</summary>
    public IEnumerable<UnitReadResult> Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".csv" or ".txt" => ReadCsv(path),
            ".json" when PortalDataReader.IsPortalResponse(path) => ReadPortal(path),
            ".json" or ".jsonl" or ".ndjson" => ReadJson(path),
            _ => throw new NotSupportedException($"Không đọc được tệp '{path}': chỉ hỗ trợ .json, .jsonl, .ndjson và .csv."),
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
                CheckColumns(shown, obj.Properties().Select(p => p.Name));
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
        CheckColumns(shown, csv.HeaderRecord!);
        foreach (var identity in RequiredColumns.Where(i => !headers.Contains(i)))
        {
            _warnings.Add($"{shown}: thiếu cột bắt buộc '{identity}'.");
        }

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

            for (var i = 0; i < headers.Length; i++)
            {
                var cell = i < record.Length ? record[i] : null;
                row[headers[i]] = string.IsNullOrWhiteSpace(cell) ? null : cell;
            }

            yield return Build(row, new UnitSource(shown, line));
        }
    }

    private static UnitReadResult Build(Dictionary<string, object?> row, UnitSource source)
    {
        try
        {
            return new UnitReadResult(UnitData.FromRow(row, source), null);
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

    private void CheckColumns(string file, IEnumerable<string> headers)
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
                _warnings.Add($"{file}: cột '{header}' không phải dữ liệu đầu vào của bộ tiêu chí {_ruleSet.Id}, bị bỏ qua{(suggestion is null ? "" : $" (có phải '{suggestion}'?)")}.");
            }
        }
    }
}
