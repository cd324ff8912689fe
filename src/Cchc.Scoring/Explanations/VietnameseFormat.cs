using System.Globalization;
using System.Text;
using Cchc.Rules.Model;
using Cchc.Scoring.Cards;

namespace Cchc.Scoring;

/// <summary>
/// Numbers, percentages and dates as Vietnamese readers write them (<c>1.234,5</c>, <c>72,5%</c>, <c>19/02/2023</c>),
/// the same on every machine whatever its culture: the text is built from the invariant form, not from ICU data.
/// </summary>
public static class VietnameseFormat
{
    /// <summary>A number with up to <paramref name="maxDecimals"/> decimals, trailing zeros dropped: <c>1.234,5</c>.</summary>
    public static string Number(decimal value, int maxDecimals = 2)
    {
        var rounded = Math.Round(value, maxDecimals, MidpointRounding.AwayFromZero);
        var invariant = rounded.ToString("0." + new string('#', Math.Max(1, maxDecimals)), CultureInfo.InvariantCulture);
        var negative = invariant.StartsWith('-');
        var digits = negative ? invariant[1..] : invariant;
        var dot = digits.IndexOf('.', StringComparison.Ordinal);
        var whole = dot < 0 ? digits : digits[..dot];
        var fraction = dot < 0 ? "" : digits[(dot + 1)..];
        var builder = new StringBuilder();
        if (negative && (whole != "0" || fraction.Length > 0))
        {
            builder.Append('-');
        }

        for (var i = 0; i < whole.Length; i++)
        {
            if (i > 0 && (whole.Length - i) % 3 == 0)
            {
                builder.Append('.');
            }

            builder.Append(whole[i]);
        }

        if (fraction.Length > 0)
        {
            builder.Append(',').Append(fraction);
        }

        return builder.ToString();
    }

    /// <summary>A percentage: <c>72,5%</c>.</summary>
    public static string Percent(decimal value) => Number(value) + "%";

    /// <summary>A date: <c>19/02/2023</c>.</summary>
    public static string Date(DateTime value) => value.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>A value in the given format; null when there is no value.</summary>
    public static string? Value(object? value, ValueFormat format, IReadOnlyList<ChoiceOption>? options = null) => value switch
    {
        null => null,
        DateTime d => Date(d),
        bool b => b ? "có" : "không",
        string s => options?.FirstOrDefault(o => o.Value == s)?.Label ?? s,
        _ => Numeric(Convert.ToDecimal(value, CultureInfo.InvariantCulture), format),
    };

    private static string Numeric(decimal value, ValueFormat format) => format switch
    {
        ValueFormat.Percent => Percent(value),
        ValueFormat.Count => Number(value, 0),
        _ => Number(value),
    };

    /// <summary>The comparison symbol people read: ≥, &gt;, ≤, &lt;, =.</summary>
    public static string Symbol(Comparison comparison) => comparison switch
    {
        Comparison.AtLeast => "≥",
        Comparison.MoreThan => ">",
        Comparison.AtMost => "≤",
        Comparison.LessThan => "<",
        _ => "=",
    };

    /// <summary>The comparison for dates, in words: "trước", "không muộn hơn", …</summary>
    public static string DateWords(Comparison comparison) => comparison switch
    {
        Comparison.LessThan => "trước ngày",
        Comparison.AtMost => "chậm nhất ngày",
        Comparison.AtLeast => "từ ngày",
        Comparison.MoreThan => "sau ngày",
        _ => "đúng ngày",
    };

}
