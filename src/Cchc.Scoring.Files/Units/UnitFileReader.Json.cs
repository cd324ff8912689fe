using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Cchc.Scoring.Texts;

namespace Cchc.Scoring.Units;

/// <summary>Reading JSON: an object, an array or one object per line; and a response of the national portal.</summary>
internal sealed partial class UnitFileReader
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
    private IEnumerable<UnitReadResult> ReadJson(string path) => IsOneObjectPerLine(path) ? ReadJsonLines(path) : ReadJsonStream(path);

    /// <summary>Whether the file is JSON Lines: named .jsonl/.ndjson, or its first non-blank line is a whole JSON object on its own.</summary>
    private static bool IsOneObjectPerLine(string path)
    {
        if (Path.GetExtension(path).ToLowerInvariant() is ".jsonl" or ".ndjson")
        {
            return true;
        }

        using var lines = new Utf8LineReader(path);
        while (lines.TryRead(out var line))
        {
            if (line.Problem is null && string.IsNullOrWhiteSpace(line.Text))
            {
                continue;
            }

            return line.Problem is null && line.Text.TrimStart().StartsWith('{') && TryParseLine(line.Text, out _, out _) is null;
        }

        return false;
    }

    /// <summary>
    /// One object per line (JSON Lines): each line is read on its own, so a line that is broken — bad syntax, bytes that
    /// are not UTF-8 — is rejected alone and every other line is still read. Items are numbered by line.
    /// </summary>
    private IEnumerable<UnitReadResult> ReadJsonLines(string path)
    {
        var shown = Path.GetFileName(path);
        using var lines = new Utf8LineReader(path);
        var checkedHeaders = false;
        var item = 0;
        while (lines.TryRead(out var line))
        {
            if (line.Problem is null && string.IsNullOrWhiteSpace(line.Text))
            {
                continue;
            }

            item++;
            var source = new UnitSource(shown, item) { Line = line.Number };
            if (line.Problem is not null)
            {
                yield return Reject(source, null, null, null, line.Problem.Replace("CSV UTF-8 (Comma delimited)", "UTF-8", StringComparison.Ordinal));
                continue;
            }

            if (TryParseLine(line.Text, out var properties, out var other) is { } error)
            {
                yield return Reject(source, null, null, null, FileText.Format(nameof(FileStrings.Json_BadLine), error));
                continue;
            }

            if (!checkedHeaders && properties is not null)
            {
                CheckColumns(shown, 1, properties.Select(p => p.Name).Distinct(StringComparer.Ordinal));
                checkedHeaders = true;
            }

            yield return Item(source, properties, other);
        }
    }

    /// <summary>Parses one line as one JSON value; returns the syntax error, or null with the object's properties (or the other value).</summary>
    private static string? TryParseLine(string text, out List<(string Name, JToken Value)>? properties, out JToken? other)
    {
        properties = null;
        other = null;
        try
        {
            using var reader = new JsonTextReader(new JsonNumberGuard(new StringReader(text)))
            {
                DateParseHandling = DateParseHandling.None,
                FloatParseHandling = FloatParseHandling.Decimal,
                MaxDepth = 64,
            };
            while (reader.Read() && reader.TokenType == JsonToken.Comment)
            {
            }

            if (reader.TokenType == JsonToken.None)
            {
                return FileText.Get(nameof(FileStrings.Json_EmptyLine));
            }

            if (reader.TokenType == JsonToken.StartObject)
            {
                properties = ReadProperties(reader);
            }
            else
            {
                other = JToken.ReadFrom(reader);
            }

            while (reader.Read())
            {
                if (reader.TokenType != JsonToken.Comment)
                {
                    properties = null;
                    other = null;
                    return FileText.Get(nameof(FileStrings.Json_TrailingContent));
                }
            }

            return null;
        }
        catch (JsonReaderException e)
        {
            properties = null;
            other = null;
            return e.Message.Split(" Path '", StringSplitOptions.None)[0];
        }
    }

    private IEnumerable<UnitReadResult> ReadJsonStream(string path)
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
                stop = FileText.Format(nameof(FileStrings.Json_StopHere), e.Message.Split(" Path '", StringSplitOptions.None)[0]);
            }
            catch (DecoderFallbackException)
            {
                line = guard.Line;
                stop = FileText.Get(nameof(FileStrings.Json_NotUtf8Stop));
            }

            if (stop is not null)
            {
                var at = Math.Max(item, 1);
                yield return new UnitReadResult(null, new UnitRejection(shown, at, null, null, stop) { Line = line });
                yield break;
            }

            if (!checkedHeaders && properties is not null)
            {
                CheckColumns(shown, 1, properties.Select(p => p.Name).Distinct(StringComparer.Ordinal));
                checkedHeaders = true;
            }

            yield return Item(new UnitSource(shown, item) { Line = line }, properties, other);
        }
    }

    /// <summary>One JSON item as a unit, or its rejection: not an object, or one input given twice with two values.</summary>
    private UnitReadResult Item(UnitSource source, List<(string Name, JToken Value)>? properties, JToken? other)
    {
        if (properties is null)
        {
            var text = other?.ToString(Formatting.None);
            return Reject(source, null, null, text is { Length: > 200 } ? text[..200] + "…" : text, FileText.Get(nameof(FileStrings.Json_UnitNotObject)));
        }

        if (properties.FirstOrDefault(p => p.Value.Type == JTokenType.String && ((string?)p.Value)?.Length > MaxCellChars) is { Name: not null } tooLong)
        {
            var code = properties.FirstOrDefault(p => p.Name == "code").Value;
            var identity = new Dictionary<string, object?> { ["code"] = code is JValue { Type: JTokenType.String } c && ((string?)c)?.Length <= MaxCellChars ? (string?)c : null };
            return Reject(source, identity, tooLong.Name, null, FileText.Get(nameof(FileStrings.Json_ValueTooLong)));
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
                    conflict ??= FileText.Format(nameof(FileStrings.Json_DuplicateProperties), origin[key], name, key, Shown(seen), Shown(cell));
                }
                else if (!row.ContainsKey(key) || seen is null)
                {
                    row[key] = cell;
                    origin[key] = name;
                }
            }
        }

        return conflict is not null ? Reject(source, row, conflictColumn, null, conflict) : Build(row, source);
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
                        throw new JsonReaderException(FileText.Format(nameof(FileStrings.Json_MissingValue), name), reader.Path, reader.LineNumber, reader.LinePosition, null);
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
                    throw new JsonReaderException(FileText.Format(nameof(FileStrings.Json_UnexpectedToken), reader.TokenType), reader.Path, reader.LineNumber, reader.LinePosition, null);
            }
        }

        throw new JsonReaderException(FileText.Get(nameof(FileStrings.Json_UnclosedObject)), reader.Path, reader.LineNumber, reader.LinePosition, null);
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
