using Cchc.Rules.Model;
using Cchc.Scoring.Scoring;

namespace Cchc.Scoring.Tests.Scoring;

public class PointsCalculatorTests
{
    private static readonly ScoringRule BandsMin = new()
    {
        Method = ScoringMethod.Bands,
        Points = 4,
        Bands = [new ScoreBand(100, null, 4), new ScoreBand(80, null, 2), new ScoreBand(50, null, 1)],
    };

    private static readonly ScoringRule BandsMax = new()
    {
        Method = ScoringMethod.Bands,
        Points = 3,
        Bands = [new ScoreBand(null, 0, 3), new ScoreBand(null, 2, 2), new ScoreBand(null, 5, 1)],
    };

    [Theory]
    [InlineData(true, 2)]
    [InlineData(false, 0)]
    public void Points_PassFail_FollowsTheMetTest(bool passed, int expected)
        => Assert.Equal(expected, PointsCalculator.Points(new ScoringRule { Method = ScoringMethod.PassFail, Points = 2 }, passed, null));

    [Theory]
    [InlineData(100, 4)]
    [InlineData(99.99, 2)]
    [InlineData(80, 2)]
    [InlineData(79.99, 1)]
    [InlineData(50, 1)]
    [InlineData(49.99, 0)] // below every band
    public void Points_BandsWithMin_BandEdgeBelongsToTheBand(double value, int expected)
        => Assert.Equal(expected, PointsCalculator.Points(BandsMin, passed: false, (decimal)value));

    [Theory]
    [InlineData(0, 3)]
    [InlineData(0.01, 2)]
    [InlineData(2, 2)]
    [InlineData(2.01, 1)]
    [InlineData(5, 1)]
    [InlineData(5.01, 0)] // worse than every band
    public void Points_BandsWithMax_BandEdgeBelongsToTheBand(double value, int expected)
        => Assert.Equal(expected, PointsCalculator.Points(BandsMax, passed: false, (decimal)value));

    [Theory]
    [InlineData(-10, 0)]
    [InlineData(0, 0)]
    [InlineData(40, 3)]
    [InlineData(60, 4.5)]
    [InlineData(80, 6)]
    [InlineData(200, 6)]
    public void Points_Linear_ClampsBetweenZeroAtAndFullAt(double value, double expected)
    {
        var rule = new ScoringRule { Method = ScoringMethod.Linear, Points = 6, FullAt = 80 };

        Assert.Equal((decimal)expected, PointsCalculator.Points(rule, passed: false, (decimal)value));
    }

    [Fact]
    public void Points_LinearLowerIsBetter_FullAtBelowZeroAt_GrowsAsValueFalls()
    {
        var rule = new ScoringRule { Method = ScoringMethod.Linear, Points = 4, ZeroAt = 10, FullAt = 2 };

        Assert.Equal(4m, PointsCalculator.Points(rule, false, 0m));
        Assert.Equal(2m, PointsCalculator.Points(rule, false, 6m));
        Assert.Equal(0m, PointsCalculator.Points(rule, false, 12m));
    }

    [Theory]
    [InlineData(-3, 0)]
    [InlineData(0, 0)]
    [InlineData(3, 0.75)]
    [InlineData(8, 2)]
    [InlineData(100, 2)]
    public void Points_PerItem_IsCappedAtThePoints(int value, double expected)
    {
        var rule = new ScoringRule { Method = ScoringMethod.PerItem, Points = 2, PointsPerItem = 0.25m };

        Assert.Equal((decimal)expected, PointsCalculator.Points(rule, passed: false, (decimal)value));
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(1, 2.5)]
    [InlineData(4, 1)]
    [InlineData(5, 1)]
    [InlineData(50, 1)]
    public void Points_Deduction_StopsAtTheFloor(int value, double expected)
    {
        var rule = new ScoringRule { Method = ScoringMethod.Deduction, Points = 3, DeductionPerItem = 0.5m, Floor = 1 };

        Assert.Equal((decimal)expected, PointsCalculator.Points(rule, passed: false, (decimal)value));
    }

    [Fact]
    public void Points_DeductionWithoutFloor_StopsAtZero()
    {
        var rule = new ScoringRule { Method = ScoringMethod.Deduction, Points = 1, DeductionPerItem = 0.4m };

        Assert.Equal(0.2m, PointsCalculator.Points(rule, false, 2m));
        Assert.Equal(0m, PointsCalculator.Points(rule, false, 3m));
    }

    [Theory]
    [InlineData("tot", 4)]
    [InlineData("kha", 2)]
    [InlineData("kem", 0)]
    [InlineData("khong-co", 0)]
    public void Points_Choice_IsTheOptionsFractionOfThePoints(string option, double expected)
    {
        var rule = new ScoringRule
        {
            Method = ScoringMethod.Choice,
            Points = 4,
            Options = new Dictionary<string, decimal> { ["tot"] = 1, ["kha"] = 0.5m, ["kem"] = 0 },
        };

        Assert.Equal((decimal)expected, PointsCalculator.Points(rule, passed: false, option));
    }
}
