using Cchc.Rules;
using Cchc.Rules.Compilation;
using Cchc.Rules.Model;
using Cchc.Scoring.Cards;
using Cchc.Scoring.Ranking;
using Cchc.Scoring.Scoring;
using Cchc.Scoring.Units;

namespace Cchc.Scoring.Analysis;

internal sealed partial class SensitivityModel
{
    /// <summary>
    /// A criterion whose thresholds can be moved and its points recomputed from its measured value: pass/fail on
    /// <c>value &lt;op&gt; constant</c>, linear (fullAt and zeroAt), bands (every band's min and max). Per item,
    /// deduction, choice, composites' own tests and tests on booleans, dates or other expressions are not moved.
    /// </summary>
    internal sealed class Slot
    {
        private ScoringMethod _method;
        private double _max;
        private Comparison _comparison;
        private double _target;
        private double _fullAt;
        private double _zeroAt;
        private (double? Min, double? Max, double Points)[] _bands = [];

        public required string Id { get; init; }

        public required int Number { get; init; }

        public required int Area { get; init; }

        public static Slot? Of(CriterionDefinition criterion, int number, int area)
        {
            var rule = criterion.Scoring;
            var slot = new Slot { Id = criterion.Id, Number = number, Area = area, _method = rule.Method, _max = (double)rule.Points };
            switch (rule.Method)
            {
                case ScoringMethod.PassFail when criterion.Comparison is { } comparison and not Comparison.EqualTo && criterion.ConstantTarget is decimal target:
                    slot._comparison = comparison;
                    slot._target = (double)target;
                    return slot;
                case ScoringMethod.Linear when rule.FullAt != rule.ZeroAt:
                    slot._fullAt = (double)rule.FullAt;
                    slot._zeroAt = (double)rule.ZeroAt;
                    return slot;
                case ScoringMethod.Bands when rule.Bands.Count > 0:
                    slot._bands = [.. rule.Bands.Select(b => ((double?)b.Min, (double?)b.Max, Math.Min((double)b.Points, (double)rule.Points)))];
                    return slot;
                default:
                    return null;
            }
        }

        /// <summary>The points of <paramref name="value"/> with every threshold multiplied by <paramref name="factor"/>, rounded as the rule set rounds points.</summary>
        public double Points(double value, double factor, int decimals)
        {
            double points;
            switch (_method)
            {
                case ScoringMethod.PassFail:
                    var target = _target * factor;
                    var passed = _comparison switch
                    {
                        Comparison.AtLeast => value >= target,
                        Comparison.MoreThan => value > target,
                        Comparison.AtMost => value <= target,
                        _ => value < target,
                    };
                    points = passed ? _max : 0;
                    break;
                case ScoringMethod.Linear:
                    // The only method whose points need rounding: pass/fail and bands give written point values.
                    return Math.Round(_max * Math.Clamp((value - (_zeroAt * factor)) / ((_fullAt - _zeroAt) * factor), 0, 1), decimals, MidpointRounding.AwayFromZero);
                default:
                    points = 0;
                    foreach (var (min, max, bandPoints) in _bands)
                    {
                        if (min is { } m ? value >= m * factor : value <= max!.Value * factor)
                        {
                            points = bandPoints;
                            break;
                        }
                    }

                    break;
            }

            return points;
        }
    }
}
