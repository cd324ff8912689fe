using Cchc.Rules.Model;
using Cchc.Scoring.Scoring;
using Cchc.Scoring.Tests.Support;
using FsCheck.Xunit;

namespace Cchc.Scoring.Tests.Scoring;

public class PointsCalculatorProperties
{
    [Property(Arbitrary = [typeof(Generators)], MaxTest = 500)]
    public bool Points_AnyMethod_StaysWithinZeroAndThePoints(RuleCase c)
    {
        var points = PointsCalculator.Points(c.Rule, c.Passed, c.Value);

        var lowest = c.Rule.Method == ScoringMethod.Deduction ? c.Rule.Floor : 0m;
        return points >= lowest && points <= c.Rule.Points;
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 500)]
    public bool Points_BandsMinLinearPerItem_AreMonotoneInTheValue(MonotoneCase c)
        => PointsCalculator.Points(c.Rule, false, c.Low) <= PointsCalculator.Points(c.Rule, false, c.High);
}
