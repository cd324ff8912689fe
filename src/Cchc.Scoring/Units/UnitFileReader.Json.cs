using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

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
}
