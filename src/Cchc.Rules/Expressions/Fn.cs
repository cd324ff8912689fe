namespace Cchc.Rules.Expressions;

/// <summary>
/// The helper functions rule expressions may call as <c>Fn.Name(…)</c>. Pure, exact (decimal) and
/// total: no helper throws on a zero denominator.
/// </summary>
public static class Fn
{
    /// <summary>numerator ÷ denominator × 100; 0 when the denominator is 0.</summary>
    public static decimal Percent(decimal numerator, decimal denominator)
        => denominator == 0 ? 0 : numerator * 100m / denominator;

    /// <summary>numerator ÷ denominator; 0 when the denominator is 0.</summary>
    public static decimal Ratio(decimal numerator, decimal denominator)
        => denominator == 0 ? 0 : numerator / denominator;

    /// <summary>The reduction from <paramref name="baseValue"/> to <paramref name="current"/>, in percent of the base; 0 when the base is 0.</summary>
    public static decimal Reduction(decimal baseValue, decimal current)
        => baseValue == 0 ? 0 : (baseValue - current) * 100m / baseValue;

    /// <summary>
    /// The straight-line target for <paramref name="year"/> on a roadmap that starts at 0 in
    /// <paramref name="baseYear"/> and reaches <paramref name="finalTarget"/> in <paramref name="finalYear"/>.
    /// Before the base year it is 0; from the final year on it is the final target.
    /// </summary>
    public static decimal Roadmap(decimal finalTarget, decimal baseYear, decimal finalYear, decimal year)
    {
        if (finalYear <= baseYear || year >= finalYear)
        {
            return finalTarget;
        }

        return year <= baseYear ? 0 : finalTarget * (year - baseYear) / (finalYear - baseYear);
    }

    /// <summary>A date constant.</summary>
    public static DateTime Date(int year, int month, int day) => new(year, month, day, 0, 0, 0, DateTimeKind.Unspecified);

    /// <summary>
    /// Whether <paramref name="text"/> starts with <paramref name="prefix"/>, character by character (ordinal): the same
    /// answer on every machine, whatever its culture. False when either is null.
    /// </summary>
    public static bool StartsWith(string? text, string? prefix)
        => text is not null && prefix is not null && text.StartsWith(prefix, StringComparison.Ordinal);

    /// <summary>Whether <paramref name="text"/> ends with <paramref name="suffix"/>, ordinal like <see cref="StartsWith"/>. False when either is null.</summary>
    public static bool EndsWith(string? text, string? suffix)
        => text is not null && suffix is not null && text.EndsWith(suffix, StringComparison.Ordinal);

    /// <summary>Whole days from <paramref name="from"/> to <paramref name="to"/> (negative when <paramref name="to"/> is earlier).</summary>
    public static decimal Days(DateTime from, DateTime to) => (decimal)(to.Date - from.Date).TotalDays;
}
