using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Cchc.Scoring.Units;

/// <summary>Reading JSON: an object, an array or one object per line; and a response of the national portal.</summary>
public sealed partial class UnitFileReader
{
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

    /// <summary>Strict UTF-8: a byte that is not UTF-8 is reported, never read as U+FFFD.</summary>
    internal static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Reads the items of a JSON file, numbering them 1, 2, 3… (a one-line array holds many units on line 1): an item's
    /// <see cref="UnitSource.Row"/> is its number and <see cref="UnitSource.Line"/> the line where it starts. A value the
    /// engine cannot hold (1e308, NaN, 10^40) is read as text and reported with its unit by the scoring; a syntax error
    /// ends the file with one rejection naming the item and line where reading stopped.
    /// </summary>
    private IEnumerable<UnitReadResult> ReadJson(string path)
    {
        var shown = Path.GetFileName(path);
        using var guard = new JsonNumberGuard(new StreamReader(path, StrictUtf8, detectEncodingFromByteOrderMarks: true));
        using var reader = new JsonTextReader(guard)
        {
            SupportMultipleContent = true,
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
            MaxDepth = 64,
        };
        var checkedHeaders = false;
        var item = 0;
        var inArray = false;
        var seenArray = false;
        while (true)
        {
            List<(string Name, JToken Value)>? properties = null;
            JToken? other = null;
            var line = 0;
            string? stop = null;
            try
            {
                if (!reader.Read())
                {
                    yield break;
                }

                if (reader.TokenType == JsonToken.Comment || (reader.TokenType == JsonToken.EndArray && inArray))
                {
                    inArray &= reader.TokenType != JsonToken.EndArray;
                    continue;
                }

                // The file's first value, when an array, holds the units; any other array is an item (not a unit).
                if (reader.TokenType == JsonToken.StartArray && item == 0 && !inArray && !seenArray)
                {
                    inArray = seenArray = true;
                    continue;
                }

                item++;
                line = reader.LineNumber;
                if (reader.TokenType == JsonToken.StartObject)
                {
                    properties = ReadProperties(reader);
                }
                else
                {
                    other = JToken.ReadFrom(reader);
                }
            }
            catch (JsonReaderException e)
            {
                line = e.LineNumber;
                stop = $"JSON không hợp lệ, dừng đọc tệp tại đây (các mục sau không được đọc): {e.Message.Split(" Path '", StringSplitOptions.None)[0]}";
            }
            catch (DecoderFallbackException)
            {
                line = guard.Line;
                stop = "tệp có byte không phải UTF-8 (có lẽ được lưu theo mã ANSI/Windows-1258), dừng đọc tệp tại đây: hãy lưu lại tệp với mã UTF-8";
            }

            if (stop is not null)
            {
                var at = Math.Max(item, 1);
                yield return new UnitReadResult(null, new UnitRejection(shown, at, null, null, stop) { Line = line });
                yield break;
            }

            var source = new UnitSource(shown, item) { Line = line };
            if (properties is null)
            {
                var text = other?.ToString(Formatting.None);
                yield return Reject(source, null, null, text is { Length: > 200 } ? text[..200] + "…" : text, "mỗi đơn vị phải là một đối tượng JSON");
                continue;
            }

            if (!checkedHeaders)
            {
                CheckColumns(shown, 1, properties.Select(p => p.Name).Distinct(StringComparer.Ordinal));
                checkedHeaders = true;
            }

            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            var origin = new Dictionary<string, string>(StringComparer.Ordinal);
            string? conflict = null;
            string? conflictColumn = null;
            foreach (var (name, value) in properties)
            {
                var cells = new Dictionary<string, object?>(StringComparer.Ordinal);
                UnitData.AddProperty(cells, MapHeader(name), value);
                foreach (var (key, cell) in cells)
                {
                    if (row.TryGetValue(key, out var seen) && !SameCell(seen, cell))
                    {
                        conflictColumn ??= key;
                        conflict ??= $"thuộc tính '{origin[key]}' và '{name}' cùng là dữ liệu '{key}' nhưng khác giá trị ('{Shown(seen)}' và '{Shown(cell)}'): không biết dùng giá trị nào, đơn vị bị loại";
                    }
                    else if (!row.ContainsKey(key) || seen is null)
                    {
                        row[key] = cell;
                        origin[key] = name;
                    }
                }
            }

            if (conflict is not null)
            {
                yield return Reject(source, row, conflictColumn, null, conflict);
                continue;
            }

            yield return Build(row, source);
        }
    }

    /// <summary>The properties of the object the reader is at, in order, repeated names kept (JObject would keep the last).</summary>
    private static List<(string Name, JToken Value)> ReadProperties(JsonTextReader reader)
    {
        var properties = new List<(string, JToken)>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonToken.PropertyName:
                    var name = (string)reader.Value!;
                    if (!reader.Read())
                    {
                        throw new JsonReaderException($"thiếu giá trị của thuộc tính '{name}'", reader.Path, reader.LineNumber, reader.LinePosition, null);
                    }

                    while (reader.TokenType == JsonToken.Comment && reader.Read())
                    {
                    }

                    properties.Add((name, JToken.ReadFrom(reader)));
                    break;
                case JsonToken.Comment:
                    break;
                case JsonToken.EndObject:
                    return properties;
                default:
                    throw new JsonReaderException($"gặp {reader.TokenType} trong đối tượng", reader.Path, reader.LineNumber, reader.LinePosition, null);
            }
        }

        throw new JsonReaderException("đối tượng JSON chưa đóng (thiếu '}') ở cuối tệp", reader.Path, reader.LineNumber, reader.LinePosition, null);
    }

    /// <summary>Two cells of one input agree when either is empty or they read the same (trimmed, NFC, ordinal).</summary>
    private static bool SameCell(object? a, object? b)
        => a is null || b is null || (a is string sa && string.IsNullOrWhiteSpace(sa)) || (b is string sb && string.IsNullOrWhiteSpace(sb))
           || string.Equals(Shown(a), Shown(b), StringComparison.Ordinal);

    private static string Shown(object? value)
    {
        var text = UnitData.Normalize(InputConverter.Show(value))!.Trim();
        return text.Length > 100 ? text[..100] + "…" : text;
    }
}
