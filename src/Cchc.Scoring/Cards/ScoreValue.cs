using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cchc.Scoring.Cards;

/// <summary>A measured value or target on a score card: a number, a date, yes/no or a choice.</summary>
[JsonConverter(typeof(ScoreValueJsonConverter))]
public sealed record ScoreValue
{
    private ScoreValue()
    {
    }

    /// <summary>The number, when the value is numeric.</summary>
    public decimal? Number { get; private init; }

    /// <summary>The date, when the value is a date.</summary>
    public DateTime? Date { get; private init; }

    /// <summary>The flag, when the value is yes/no.</summary>
    public bool? Flag { get; private init; }

    /// <summary>The text, when the value is a choice.</summary>
    public string? Text { get; private init; }

    /// <summary>A numeric value.</summary>
    public static ScoreValue FromNumber(decimal number) => new() { Number = number };

    /// <summary>A date value.</summary>
    public static ScoreValue FromDate(DateTime date) => new() { Date = date.Date };

    /// <summary>A yes/no value.</summary>
    public static ScoreValue FromFlag(bool flag) => new() { Flag = flag };

    /// <summary>A choice value.</summary>
    public static ScoreValue FromText(string text) => new() { Text = text };

    /// <summary>Wraps what an expression produced; null for nothing.</summary>
    public static ScoreValue? From(object? value) => value switch
    {
        null => null,
        decimal d => FromNumber(d),
        int or long or short or double or float => FromNumber(Convert.ToDecimal(value, CultureInfo.InvariantCulture)),
        DateTime dt => FromDate(dt),
        bool b => FromFlag(b),
        string s => FromText(s),
        _ => FromText(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    /// <inheritdoc />
    public override string ToString()
        => Number?.ToString(CultureInfo.InvariantCulture) ?? Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? Flag?.ToString() ?? Text ?? "";
}

/// <summary>Writes a <see cref="ScoreValue"/> as a plain JSON number, date string (<c>yyyy-MM-dd</c>), boolean or string.</summary>
public sealed class ScoreValueJsonConverter : JsonConverter<ScoreValue>
{
    /// <inheritdoc />
    public override ScoreValue? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.Number => ScoreValue.FromNumber(reader.GetDecimal()),
        JsonTokenType.True => ScoreValue.FromFlag(true),
        JsonTokenType.False => ScoreValue.FromFlag(false),
        JsonTokenType.String => DateTime.TryParseExact(reader.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? ScoreValue.FromDate(date)
            : ScoreValue.FromText(reader.GetString()!),
        _ => throw new JsonException($"A score value must be a number, a date string, a boolean or a string, not {reader.TokenType}."),
    };

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ScoreValue value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        if (value.Number is { } number)
        {
            writer.WriteNumberValue(number);
        }
        else if (value.Date is { } date)
        {
            writer.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        else if (value.Flag is { } flag)
        {
            writer.WriteBooleanValue(flag);
        }
        else
        {
            writer.WriteStringValue(value.Text);
        }
    }
}
