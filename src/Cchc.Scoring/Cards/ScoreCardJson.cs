using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cchc.Scoring.Cards;

/// <summary>Score cards as JSON (camelCase), the same bytes on every machine.</summary>
public static class ScoreCardJson
{
    /// <summary>The serializer options used for score cards: camelCase, camelCase enum words, Vietnamese kept as UTF-8.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions(indented: true);

    /// <summary>The same options without indentation, for one card per line.</summary>
    public static JsonSerializerOptions CompactOptions { get; } = CreateOptions(indented: false);

    private static JsonSerializerOptions CreateOptions(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = indented,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.Strict,
            RespectNullableAnnotations = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Serializes one card.</summary>
    public static string Serialize(ScoreCard card, bool indented = true) => JsonSerializer.Serialize(card, indented ? Options : CompactOptions);

    /// <summary>Serializes a list of cards as a JSON array.</summary>
    public static string SerializeMany(IEnumerable<ScoreCard> cards, bool indented = true) => JsonSerializer.Serialize(cards, indented ? Options : CompactOptions);

    /// <summary>Reads a card back.</summary>
    public static ScoreCard Deserialize(string json) => JsonSerializer.Deserialize<ScoreCard>(json, Options) ?? throw new JsonException("The JSON holds no score card.");
}
