using Cchc.Scoring.Cards;
using Cchc.Scoring.Tests.Support;

namespace Cchc.Scoring.Tests.Scoring;

/// <summary>Every scoring method through the engine, on <see cref="MethodsRuleSet"/>.</summary>
public sealed class ScoringMethodsTests(MethodsRuleSet fixture) : IClassFixture<MethodsRuleSet>
{
    private readonly TempRuleSet _set = fixture.Set;

    private async Task<CriterionScore> ScoreAsync(string criterion, string input, object? value)
        => (await _set.ScoreAsync("xa", (input, value))).Criterion(criterion);

    [Theory]
    [InlineData(true, "met", 1)]
    [InlineData(false, "notMet", 0)]
    public async Task PassFail_MetTest_GivesAllOrNothing(bool value, string status, int points)
    {
        var score = await ScoreAsync("PF", "daBanHanh", value);

        Assert.Equal(status, Word(score.Status));
        Assert.Equal(points, score.Points);
        Assert.Equal(1m, score.MaxPoints);
    }

    [Theory]
    [InlineData("100", "met", "4")]
    [InlineData("90", "met", "4")]
    [InlineData("89.99", "partial", "2")]
    [InlineData("70", "partial", "2")]
    [InlineData("69.99", "partial", "1")]
    [InlineData("50", "partial", "1")]
    [InlineData("49.99", "notMet", "0")]
    [InlineData("0", "notMet", "0")]
    public async Task Bands_HigherIsBetter_FirstBandWhoseMinIsReachedWins(string value, string status, string points)
    {
        var score = await ScoreAsync("BANDS_MIN", "tyLe", value);

        Assert.Equal(status, Word(score.Status));
        Assert.Equal(decimal.Parse(points, System.Globalization.CultureInfo.InvariantCulture), score.Points);
        Assert.Equal(4m, score.MaxPoints);
    }

    [Theory]
    [InlineData(0, "met", 3)]
    [InlineData(1, "partial", 2)]
    [InlineData(5, "partial", 2)]
    [InlineData(6, "partial", 1)]
    [InlineData(10, "partial", 1)]
    [InlineData(11, "notMet", 0)]
    public async Task Bands_LowerIsBetter_FirstBandWhoseMaxIsNotExceededWins(int value, string status, int points)
    {
        var score = await ScoreAsync("BANDS_MAX", "soNgayCham", value);

        Assert.Equal(status, Word(score.Status));
        Assert.Equal(points, score.Points);
        Assert.Equal(3m, score.MaxPoints);
    }

    [Theory]
    [InlineData("0", "notMet", "0")]
    [InlineData("3", "partial", "0.23")] // 0.225 rounded half away from zero to 2 decimals
    [InlineData("20", "partial", "1.5")]
    [InlineData("40", "partial", "3")]
    [InlineData("79.99", "partial", "6")] // 5.99925 → 6.00 after rounding, yet the met test is false
    [InlineData("80", "met", "6")]
    [InlineData("100", "met", "6")]
    public async Task Linear_FromZeroToFullAt_IsProportionalThenSaturates(string value, string status, string points)
    {
        var score = await ScoreAsync("LINEAR", "tyLeSoHoa", value);

        Assert.Equal(status, Word(score.Status));
        Assert.Equal(decimal.Parse(points, System.Globalization.CultureInfo.InvariantCulture), score.Points);
    }

    [Theory]
    [InlineData("10", "notMet", "0")]
    [InlineData("20", "notMet", "0")]
    [InlineData("35", "partial", "1.5")]
    [InlineData("50", "partial", "3")]
    [InlineData("80", "met", "6")]
    [InlineData("95", "met", "6")]
    public async Task Linear_WithZeroAt_IsZeroBelowZeroAtAndFullFromFullAt(string value, string status, string points)
    {
        var score = await ScoreAsync("LINEAR_Z", "tyLeSoHoa", value);

        Assert.Equal(status, Word(score.Status));
        Assert.Equal(decimal.Parse(points, System.Globalization.CultureInfo.InvariantCulture), score.Points);
    }

    [Theory]
    [InlineData(0, "notMet", "0")]
    [InlineData(1, "partial", "0.5")]
    [InlineData(3, "partial", "1.5")]
    [InlineData(4, "met", "2")]
    [InlineData(10, "met", "2")]
    public async Task PerItem_PointsPerItem_AreCappedAtThePoints(int value, string status, string points)
    {
        var score = await ScoreAsync("PER_ITEM", "soSangKien", value);

        Assert.Equal(status, Word(score.Status));
        Assert.Equal(decimal.Parse(points, System.Globalization.CultureInfo.InvariantCulture), score.Points);
        Assert.Equal(2m, score.MaxPoints);
    }

    [Theory]
    [InlineData(0, "met", "2")]
    [InlineData(1, "partial", "1.5")]
    [InlineData(3, "partial", "0.5")]
    [InlineData(10, "partial", "0.5")]
    public async Task Deduction_PerItem_StopsAtTheFloor(int value, string status, string points)
    {
        var score = await ScoreAsync("DEDUCTION", "soViPham", value);

        Assert.Equal(status, Word(score.Status));
        Assert.Equal(decimal.Parse(points, System.Globalization.CultureInfo.InvariantCulture), score.Points);
        Assert.Equal(2m, score.MaxPoints);
    }

    [Theory]
    [InlineData("tot", "met", "2")]
    [InlineData("kha", "partial", "1")]
    [InlineData("Khá", "partial", "1")] // the label is accepted too
    [InlineData("kem", "notMet", "0")]
    public async Task Choice_Option_GivesItsFractionOfThePoints(string value, string status, string points)
    {
        var score = await ScoreAsync("CHOICE", "xepLoai", value);

        Assert.Equal(status, Word(score.Status));
        Assert.Equal(decimal.Parse(points, System.Globalization.CultureInfo.InvariantCulture), score.Points);
    }

    [Fact]
    public async Task Choice_Option_IsShownByItsLabel()
    {
        var score = await ScoreAsync("CHOICE", "xepLoai", "kha");

        Assert.Equal("Khá", score.ValueText);
        Assert.Equal("kha", score.Value?.Text);
    }

    [Fact]
    public async Task Composite_AllChildrenMet_IsMetWithTheSumOfTheChildren()
    {
        var card = await _set.ScoreAsync("xa", ("soKeHoach", 2), ("tyLeThucHien", 100));

        var composite = card.Criterion("COMPOSITE");
        Assert.Equal(CriterionStatus.Met, composite.Status);
        Assert.Equal(3m, composite.Points);
        Assert.Equal(3m, composite.MaxPoints);
        Assert.Equal(["COMPOSITE.1", "COMPOSITE.2"], composite.Children.Select(c => c.Id));
        Assert.All(composite.Children, c => Assert.Equal(CriterionStatus.Met, c.Status));
    }

    [Fact]
    public async Task Composite_SomeChildrenLosePoints_IsPartialWithTheSumOfTheChildren()
    {
        var card = await _set.ScoreAsync("xa", ("soKeHoach", 1), ("tyLeThucHien", 50));

        var composite = card.Criterion("COMPOSITE");
        Assert.Equal(CriterionStatus.Partial, composite.Status);
        Assert.Equal(2m, composite.Points); // 1 (plan) + 2 × 50%
        Assert.Equal(CriterionStatus.Met, card.Criterion("COMPOSITE.1").Status);
        Assert.Equal(1m, card.Criterion("COMPOSITE.1").Points);
        Assert.Equal(CriterionStatus.Partial, card.Criterion("COMPOSITE.2").Status);
        Assert.Equal(1m, card.Criterion("COMPOSITE.2").Points);
        Assert.Equal(50m, card.Criterion("COMPOSITE.2").Value?.Number);
    }

    [Fact]
    public async Task Composite_NoChildEarnsPoints_IsNotMet()
    {
        var card = await _set.ScoreAsync("xa", ("soKeHoach", 0), ("tyLeThucHien", 0));

        var composite = card.Criterion("COMPOSITE");
        Assert.Equal(CriterionStatus.NotMet, composite.Status);
        Assert.Equal(0m, composite.Points);
        Assert.Equal(3m, composite.MaxPoints);
    }

    [Fact]
    public async Task Composite_CountsOnceInTheAreaAndTheTotal()
    {
        var card = await _set.ScoreAsync(
            "xa",
            ("daBanHanh", true), ("tyLe", 90), ("soNgayCham", 0), ("tyLeSoHoa", 80), ("soSangKien", 4),
            ("soViPham", 0), ("xepLoai", "tot"), ("soKeHoach", 1), ("tyLeThucHien", 100));

        Assert.Equal(29m, card.MaxPoints);
        Assert.Equal(29m, card.Points);
        Assert.Equal(100m, card.Index);
        var area = Assert.Single(card.Areas);
        Assert.Equal(29m, area.Points);
        Assert.Equal(29m, area.MaxPoints);
        Assert.Empty(card.Problems);
        Assert.True(card.Complete);
    }

    private static string Word(CriterionStatus status) => StatusWords.Word(status);
}
