using System.Globalization;
using Cchc.Rules.Model;

namespace Cchc.Scoring.Scoring;

/// <summary>The scoring methods, as pure functions of a criterion's rule, its met test and its value.</summary>
internal static class PointsCalculator
{
    /// <summary>Points for a leaf criterion, not yet rounded; always within [0, max] (or [floor, max] for deductions).</summary>
    public static decimal Points(ScoringRule rule, bool passed, object? value) => Points(rule, passed, AsNumber(value), value as string);

    /// <summary>Points for criterion <paramref name="index"/> of an evaluation, reading its typed value without boxing.</summary>
    public static decimal Points(ScoringRule rule, bool passed, Cchc.Rules.Compilation.ValueColumn values, int index)
        => Points(rule, passed, values.AsNumber(index), values.Kinds[index] == Cchc.Rules.Compilation.ValueKind.Text ? values.Texts[index] : null);

    /// <summary>Points from the value as a number (1/0 for a boolean, 0 for text and dates) and, for a choice, as text.</summary>
    private static decimal Points(ScoringRule rule, bool passed, decimal number, string? option)
    {
        switch (rule.Method)
        {
            case ScoringMethod.PassFail:
                return passed ? rule.Points : 0;
            case ScoringMethod.Bands:
                // Indexed, not foreach: foreach over an IReadOnlyList boxes its enumerator (40 B per call on the hot path).
                var bands = rule.Bands;
                for (var b = 0; b < bands.Count; b++)
                {
                    if (bands[b].IsReachedBy(number))
                    {
                        return Math.Min(bands[b].Points, rule.Points);
                    }
                }

                return 0;
            case ScoringMethod.Linear:
                var span = rule.FullAt - rule.ZeroAt;
                if (span == 0)
                {
                    return 0;
                }

                var fraction = (number - rule.ZeroAt) / span;
                return rule.Points * Math.Clamp(fraction, 0m, 1m);
            case ScoringMethod.PerItem:
                return Math.Clamp(Math.Max(number, 0) * rule.PointsPerItem, 0m, rule.Points);
            case ScoringMethod.Deduction:
                var deducted = rule.Points - Math.Max(number, 0) * rule.DeductionPerItem;
                return Math.Min(rule.Points, Math.Max(deducted, rule.Floor));
            case ScoringMethod.Choice:
                return option is not null && rule.Options.TryGetValue(option, out var share) ? rule.Points * Math.Clamp(share, 0m, 1m) : 0;
            default:
                return 0;
        }
    }

    private static decimal AsNumber(object? value) => value switch
    {
        null => 0,
        decimal d => d,
        bool b => b ? 1 : 0,
        IConvertible c when value is not string and not DateTime => c.ToDecimal(CultureInfo.InvariantCulture),
        _ => 0,
    };
}
