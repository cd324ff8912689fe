using Cchc.Scoring.Ranking;
using Cchc.Scoring.Tests.Support;
using static Cchc.Scoring.Tests.Support.RankingRuleSet;

namespace Cchc.Scoring.Tests.Ranking;

public sealed class UnitRankerTests : IDisposable
{
    private readonly TempRuleSet _ruleSet = Create();

    public void Dispose() => _ruleSet.Dispose();

    private async Task<IReadOnlyList<RankedUnit>> RankAsync(bool groupByParent, params Cchc.Scoring.Units.UnitData[] units)
        => UnitRanker.Rank(await ScoreAsync(_ruleSet, units), _ruleSet.RuleSet, groupByParent);

    private static string Standing(IReadOnlyList<RankedUnit> rows) => string.Join(" ", rows.Select(r => $"{r.Standing.Code}:{r.Rank?.ToString() ?? "-"}"));

    [Fact]
    public async Task Rank_EqualUnits_ShareRankAndTheNextRankSkips()
    {
        var rows = await RankAsync(false,
            Unit("d", 5, 5, 5),
            Unit("c", 9, 10, 10),
            Unit("a", 10, 10, 10),
            Unit("b", 9, 10, 10));

        Assert.Equal("a:1 b:2 c:2 d:4", Standing(rows));
        Assert.Equal([1, 2, 2, 4], rows.Select(r => r.Rank));
    }

    [Fact]
    public async Task Rank_EqualIndex_MorePointsInFirstTieBreakAreaRanksHigher()
    {
        // Both 27 points (index 90): y has 9 in tthc, x has 8.
        var rows = await RankAsync(false, Unit("x", 10, 8, 9), Unit("y", 9, 9, 9));

        Assert.Equal("y:1 x:2", Standing(rows));
        Assert.All(rows, r => Assert.Equal(90m, r.Standing.Index));
    }

    [Fact]
    public async Task Rank_EqualIndexAndFirstTieBreak_SecondTieBreakDecides()
    {
        // Same index, same tthc (9): y has more in tac-dong.
        var rows = await RankAsync(false, Unit("x", 10, 9, 8), Unit("y", 9, 9, 9));

        Assert.Equal("y:1 x:2", Standing(rows));
    }

    [Fact]
    public async Task Rank_NoTieBreaksInRuleSet_EqualIndexesShareRank()
    {
        using var plain = Create(tieBreaks: false);
        var cards = await ScoreAsync(plain, Unit("x", 10, 8, 9), Unit("y", 9, 9, 9), Unit("z", 1, 1, 1));

        var rows = UnitRanker.Rank(cards, plain.RuleSet);

        Assert.Equal("x:1 y:1 z:3", Standing(rows));
    }

    [Fact]
    public async Task Rank_GroupByParent_RanksWithinEachParentAndOrdersRowsByParent()
    {
        var rows = await RankAsync(true,
            Unit("p2-low", 1, 1, 1, "h2"),
            Unit("p1-top", 10, 10, 10, "h1"),
            Unit("p2-top", 9, 9, 9, "h2"),
            Unit("p1-tie-b", 5, 5, 5, "h1"),
            Unit("p1-tie-a", 5, 5, 5, "h1"),
            Unit("orphan", 8, 8, 8));

        Assert.Equal(["p1-top", "p1-tie-a", "p1-tie-b", "p2-top", "p2-low", "orphan"], rows.Select(r => r.Standing.Code));
        Assert.Equal([1, 2, 2, 1, 2, null], rows.Select(r => r.GroupRank));
        Assert.Equal([1, 4, 4, 2, 6, 3], rows.Select(r => r.Rank));
    }

    [Fact]
    public async Task Rank_IncompleteUnit_IsRankedOnItsPointsAndFlagged()
    {
        var rows = await RankAsync(false, Unit("full", 5, 5, 5), Unit("gap", 10, 10, null));

        Assert.Equal("gap:1 full:2", Standing(rows));
        Assert.False(rows[0].Complete);
        Assert.True(rows[1].Complete);
        Assert.Equal("D1", rows[0].TopLosses[0].CriterionId);
        Assert.Equal(10m, rows[0].TopLosses[0].Lost);
    }

    [Fact]
    public async Task Rank_UnitWithoutIndex_ComesLastUnranked()
    {
        // No criterion applies to a district in this rule set: nothing to rank it on.
        var rows = await RankAsync(false, Unit("huyen", 10, 10, 10, level: "huyen"), Unit("xa", 1, 1, 1));

        Assert.Equal("xa:1 huyen:-", Standing(rows));
        Assert.Null(rows[1].Standing.Index);
    }

    [Fact]
    public async Task TopLosses_MostLostFirst_EqualLossesInRuleSetOrder_FullCriteriaLeftOut()
    {
        var rows = await RankAsync(false, Unit("u", 7, 7, 10), Unit("v", 2, 9, 6));

        Assert.Equal(["A1 3", "T1 3"], rows.Single(r => r.Standing.Code == "u").TopLosses.Select(l => $"{l.CriterionId} {l.Lost:0.##}"));
        Assert.Equal(["A1 8", "D1 4", "T1 1"], rows.Single(r => r.Standing.Code == "v").TopLosses.Select(l => $"{l.CriterionId} {l.Lost:0.##}"));
    }

    [Theory]
    [InlineData(9, 9, 9, "90", "Xuất sắc")]
    [InlineData(8.99, 9, 9, "89.97", "Tốt")]
    [InlineData(8, 8, 8, "80", "Tốt")]
    [InlineData(7.99, 8, 8, "79.97", "Khá")]
    [InlineData(6.5, 6.5, 6.5, "65", "Khá")]
    [InlineData(6.49, 6.5, 6.5, "64.97", "Trung bình")]
    [InlineData(5, 5, 5, "50", "Trung bình")]
    [InlineData(4.99, 5, 5, "49.97", "Yếu")]
    [InlineData(0, 0, 0, "0", "Yếu")]
    public async Task Rank_GradeBoundaries_LowerBoundInclusiveUpperExclusive(double a, double tthc, double tacDong, string index, string grade)
    {
        var rows = await RankAsync(false, Unit("u", (decimal)a, (decimal)tthc, (decimal)tacDong));

        Assert.Equal(decimal.Parse(index, System.Globalization.CultureInfo.InvariantCulture), rows[0].Standing.Index);
        Assert.Equal(grade, rows[0].Standing.Grade);
    }
}
