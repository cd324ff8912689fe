using Cchc.Scoring.Ranking;

namespace Cchc.Scoring.Tests.Ranking;

/// <summary>OWASP CSV injection: a text cell a spreadsheet would run as a formula gets a leading quote; numbers stay numbers.</summary>
public class RankingCsvInjectionTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")")]
    [InlineData("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("-0.75", "'-0.75")]
    [InlineData("@SUM(1)", "'@SUM(1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    [InlineData("UBND xã Tam Thanh", "UBND xã Tam Thanh")]
    [InlineData("ma-1", "ma-1")]
    [InlineData("", "")]
    public void Text_TextCell_NeutralisedWhenItStartsAFormula(string cell, string written)
        => Assert.Equal(written, RankingCsv.Text(cell));

    [Fact]
    public void Text_NumbersWeWrite_StayNumbers()
    {
        Assert.Equal("-0.75", RankingCsv.Text(-0.75m));
        Assert.Equal("-3", RankingCsv.Text(-3));
        Assert.Equal("90", RankingCsv.Text(90.0m));
        Assert.Equal("true", RankingCsv.Text(true));
    }
}
