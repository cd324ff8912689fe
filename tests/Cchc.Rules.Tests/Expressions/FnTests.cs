using Cchc.Rules.Expressions;

namespace Cchc.Rules.Tests.Expressions;

public class FnTests
{
    [Theory]
    [InlineData(60, 100, 60)]
    [InlineData(1, 4, 25)]
    [InlineData(5, 0, 0)]
    [InlineData(0, 0, 0)]
    public void Percent_ComputesExactlyAndIsZeroOnZeroDenominator(decimal numerator, decimal denominator, decimal expected)
        => Assert.Equal(expected, Fn.Percent(numerator, denominator));

    [Fact]
    public void Ratio_IsZeroOnZeroDenominator() => Assert.Equal(0m, Fn.Ratio(3, 0));

    [Theory]
    [InlineData(20, 19, 5)]
    [InlineData(20, 20, 0)]
    [InlineData(20, 22, -10)]
    [InlineData(0, 3, 0)]
    public void Reduction_IsPercentOfTheBase(decimal baseValue, decimal current, decimal expected)
        => Assert.Equal(expected, Fn.Reduction(baseValue, current));

    [Theory]
    [InlineData(2020, 0)]
    [InlineData(2021, 0)]
    [InlineData(2022, 2.5)]
    [InlineData(2023, 5)]
    [InlineData(2025, 10)]
    [InlineData(2026, 10)]
    public void Roadmap_IsAStraightLineToTheFinalYear(decimal year, decimal expected)
        => Assert.Equal(expected, Fn.Roadmap(10, 2021, 2025, year));

    [Fact]
    public void Days_CountsWholeDays()
    {
        Assert.Equal(2m, Fn.Days(Fn.Date(2023, 2, 18), Fn.Date(2023, 2, 20)));
        Assert.Equal(-1m, Fn.Days(Fn.Date(2023, 3, 1), Fn.Date(2023, 2, 28)));
    }
}
