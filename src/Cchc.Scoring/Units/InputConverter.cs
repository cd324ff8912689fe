using System.Globalization;
using Cchc.Rules.Model;
using Cchc.Scoring.Cards;
using Cchc.Scoring.Texts;

namespace Cchc.Scoring.Units;

/// <summary>Turns raw values into the typed values a rule set's expressions read, reporting every bad one.</summary>
internal static class InputConverter
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss"];

    private static bool? BooleanWord(string? word) => word switch
    {
        "true" or "có" or "co" or "x" or "1" or "yes" or "đúng" or "đạt" => true,
        "false" or "không" or "khong" or "0" or "no" or "sai" or "không đạt" => false,
        _ => null,
    };

    // The words of BooleanWord that NFC, Trim and ToLowerInvariant leave unchanged: such a cell maps to the same value
    // without being normalised.
    private static readonly Dictionary<string, bool> ExactBooleans = new[] { "true", "có", "co", "x", "1", "yes", "đúng", "đạt", "false", "không", "khong", "0", "no", "sai", "không đạt" }
        .Where(w => string.Equals(UnitData.Normalize(w)!.Trim().ToLowerInvariant(), w, StringComparison.Ordinal) && BooleanWord(w) is not null)
        .ToDictionary(w => w, w => BooleanWord(w)!.Value, StringComparer.Ordinal);

    // The first option whose value is choice: a loop, as this runs for every choice cell (twice when ranking).
    private static ChoiceOption? OptionByValue(InputDefinition input, string choice)
    {
        foreach (var o in input.Options)
        {
            if (o.Value == choice)
            {
                return o;
            }
        }

        return null;
    }

    // The first option whose label (NFC) is choice, ignoring case. Kept out of Convert: a lambda capturing choice
    // there would allocate its closure on every call, whatever the input's type.
    private static ChoiceOption? OptionByLabel(InputDefinition input, string choice)
        => input.Options.FirstOrDefault(o => string.Equals(UnitData.Normalize(o.Label), choice, StringComparison.OrdinalIgnoreCase));

    /// <summary>Converts one value; returns null with a problem when it is missing or invalid.</summary>
    public static object? Convert(InputDefinition input, object? raw, out DataProblem? problem)
    {
        problem = null;
        if (raw is null || raw is string s && string.IsNullOrWhiteSpace(s))
        {
            return null;
        }

        var text = raw as string;
        switch (input.Type)
        {
            case InputType.Bool:
                if (raw is bool b)
                {
                    return b;
                }

                // A cell that is already one of the words below as written (the usual case) needs no normalising.
                if (text is not null && ExactBooleans.TryGetValue(text, out var exact))
                {
                    return exact;
                }

                switch (BooleanWord(UnitData.Normalize(text)?.Trim().ToLowerInvariant()))
                {
                    case true:
                        return true;
                    case false:
                        return false;
                }

                if (raw is decimal d01 && d01 is 0 or 1)
                {
                    return d01 == 1;
                }

                problem = Invalid(input, raw, CchcText.Get(nameof(ScoringStrings.Input_NotBoolean)));
                return null;

            case InputType.Date:
                switch (raw)
                {
                    case DateTime dt:
                        return dt.Date;
                    case DateOnly date:
                        return date.ToDateTime(TimeOnly.MinValue);
                    case DateTimeOffset dto:
                        return dto.Date;
                }

                if (text is not null && DateTime.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    return parsed.Date;
                }

                problem = Invalid(input, raw, CchcText.Get(nameof(ScoringStrings.Input_NotDate)));
                return null;

            case InputType.Choice:
                var choice = UnitData.Normalize(System.Convert.ToString(raw, CultureInfo.InvariantCulture))!.Trim();
                var option = OptionByValue(input, choice) ?? OptionByLabel(input, choice);
                if (option is null)
                {
                    problem = Invalid(input, raw, CchcText.Format(nameof(ScoringStrings.Input_NotAnOption), string.Join(", ", input.Options.Select(o => o.Value))));
                    return null;
                }

                return option.Value;

            default:
                if (!TryNumber(raw, out var number))
                {
                    problem = Invalid(input, raw, CchcText.Get(IsOutOfRange(raw) ? nameof(ScoringStrings.Input_OutOfRange) : nameof(ScoringStrings.Input_NotNumber)));
                    return null;
                }

                if (input.Type == InputType.Count && number != decimal.Truncate(number))
                {
                    problem = Invalid(input, raw, CchcText.Get(nameof(ScoringStrings.Input_NotWhole)));
                    return null;
                }

                if (input.EffectiveMin is { } min && number < min)
                {
                    problem = Invalid(input, raw, min == 0 && input.Type is InputType.Count or InputType.Percent ? CchcText.Get(nameof(ScoringStrings.Input_Negative)) : CchcText.Format(nameof(ScoringStrings.Input_BelowMin), CchcText.Number(min)));
                    return null;
                }

                if (input.EffectiveMax is { } max && number > max)
                {
                    problem = Invalid(input, raw, input.Type == InputType.Percent && max == 100 ? CchcText.Get(nameof(ScoringStrings.Input_PercentOver100)) : CchcText.Format(nameof(ScoringStrings.Input_AboveMax), CchcText.Number(max)));
                    return null;
                }

                return number;
        }
    }

    /// <summary>Reads a number from a host value or from text in either decimal style (<c>72,5</c> or <c>72.5</c>).</summary>
    public static bool TryNumber(object raw, out decimal number)
    {
        switch (raw)
        {
            case decimal d:
                number = d;
                return true;
            case int or long or short or byte or uint or ulong:
                number = System.Convert.ToDecimal(raw, CultureInfo.InvariantCulture);
                return true;
            case double or float:
                var x = System.Convert.ToDouble(raw, CultureInfo.InvariantCulture);

                // The shortest round-trip text keeps 0.1 as 0.1, not 0.1000000000000000055…; a number beyond the
                // decimal range (1e30 in a spreadsheet cell) is not a number we can score, never an exception.
                if (double.IsFinite(x) && decimal.TryParse(x.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out number))
                {
                    return true;
                }

                break;
            case System.Numerics.BigInteger big when big >= (System.Numerics.BigInteger)decimal.MinValue && big <= (System.Numerics.BigInteger)decimal.MaxValue:
                number = (decimal)big;
                return true;
            case string s:
                return TryParseText(s, out number);
        }

        number = 0;
        return false;
    }

    /// <summary>The reason given for a number outside the range the engine computes in.</summary>
    internal static string OutOfRange => CchcText.Get(nameof(ScoringStrings.Input_OutOfRange));

    /// <summary>Whether a value that is not a decimal is nevertheless a number (too large, NaN or infinite).</summary>
    internal static bool IsOutOfRange(object? raw) => raw switch
    {
        double or float => true,
        System.Numerics.BigInteger => true,
        string s => s.Length <= 4096 && Normalized(s) is var t
                    && (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                        || t.TrimStart('+', '-') is "NaN" or "Infinity" or "∞" or "inf"),
        _ => false,
    };

    private static bool TryParseText(string text, out decimal number)
        => TryParsePlain(text, out number)
           || decimal.TryParse(Normalized(text), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out number);

    /// <summary>
    /// The common cell, read without making strings: digits with at most one decimal separator (comma or dot) and a
    /// leading minus — <c>12</c>, <c>72,5</c>, <c>-3.25</c>. Anything else (spaces, %, grouping, exponents) goes the
    /// long way; both ways give the same number.
    /// </summary>
    private static bool TryParsePlain(string text, out decimal number)
    {
        number = 0;
        if (text.Length is 0 or > 30)
        {
            return false;
        }

        Span<char> buffer = stackalloc char[30];
        var separators = 0;
        var digits = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= '0' and <= '9')
            {
                digits++;
                buffer[i] = c;
            }
            else if (c is ',' or '.')
            {
                if (++separators > 1)
                {
                    return false;
                }

                buffer[i] = '.';
            }
            else if (c == '-' && i == 0)
            {
                buffer[i] = c;
            }
            else
            {
                return false;
            }
        }

        return digits > 0 && decimal.TryParse(buffer[..text.Length], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>Text in either decimal style, spaces and a trailing % removed, as invariant text.</summary>
    private static string Normalized(string text)
    {
        var t = text.Trim().Replace("\u00A0", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        if (t.EndsWith('%'))
        {
            t = t[..^1];
        }

        var comma = t.LastIndexOf(',');
        var dot = t.LastIndexOf('.');
        if (comma >= 0 && dot >= 0)
        {
            // Both present: the later one is the decimal separator, the other groups thousands.
            t = comma > dot ? t.Replace(".", "", StringComparison.Ordinal).Replace(',', '.') : t.Replace(",", "", StringComparison.Ordinal);
        }
        else if (comma >= 0)
        {
            t = t.Replace(',', '.');
        }

        return t;
    }

    private static DataProblem Invalid(InputDefinition input, object raw, string reason)
        => new(input.Name, input.Label, Show(raw), DataProblemKind.Invalid, reason);

    internal static string Show(object? raw) => raw switch
    {
        null => "",
        DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => raw.ToString() ?? "",
    };
}
