using Cchc.Scoring.Ranking;
using Cchc.Scoring.Tests.Support;
using static Cchc.Scoring.Tests.Support.RankingRuleSet;

namespace Cchc.Scoring.Tests.Ranking;

public sealed class ParentSummaryTests : IDisposable
{
    private readonly TempRuleSet _ruleSet = Create();

    public void Dispose() => _ruleSet.Dispose();

    private async Task<IReadOnlyList<ParentSummary>> SummarizeAsync(params Cchc.Scoring.Units.UnitData[] units)
    {
        var rows = UnitRanker.Rank(await ScoreAsync(_ruleSet, units), _ruleSet.RuleSet, groupByParent: true);
        return ParentSummary.Of(new RankingReport { RuleSet = _ruleSet.RuleSet, Rows = rows, GroupedByParent = true });
    }

    [Fact]
    public async Task Of_ParentsWithEqualAverages_ShareARank_AndTheNextSkips()
    {
        var parents = await SummarizeAsync(
            Unit("a1", 10, 10, 10, "h-b"), Unit("a2", 9, 9, 9, "h-b"),     // 100 and 90 → 95
            Unit("b1", 9, 9, 9, "h-a"), Unit("b2", 10, 10, 10, "h-a"),     // 90 and 100 → 95
            Unit("c1", 5, 5, 5, "h-c"));                                     // 50

        Assert.Equal(["h-a", "h-b", "h-c"], parents.Select(p => p.Parent));
        Assert.Equal([1, 1, 3], parents.Select(p => p.Rank));
        Assert.Equal([95m, 95m, 50m], parents.Select(p => p.AverageIndex));
        Assert.Equal(100m, parents[0].BestIndex);
        Assert.Equal(90m, parents[0].WorstIndex);
        Assert.Equal(2, parents[0].Units);
    }

    [Fact]
    public async Task Of_GradesAreCountedPerParentInTheRuleSetsOrder()
    {
        var parents = await SummarizeAsync(Unit("a1", 10, 10, 10, "h"), Unit("a2", 9, 9, 9, "h"), Unit("a3", 8, 8, 8, "h"), Unit("a4", 1, 1, 1, "h"));

        var grades = Assert.Single(parents).Grades;
        Assert.Equal(["Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu"], grades.Select(g => g.Grade));
        Assert.Equal([2, 1, 0, 0, 1], grades.Select(g => g.Count));
    }

    [Fact]
    public async Task Of_AverageIsRoundedLikeTheIndex()
    {
        // 100, 90 and 90 → 93.333… → 93.33 (index decimals 2).
        var parents = await SummarizeAsync(Unit("a1", 10, 10, 10, "h"), Unit("a2", 9, 9, 9, "h"), Unit("a3", 9, 9, 9, "h"));

        Assert.Equal(93.33m, Assert.Single(parents).AverageIndex);
    }
}
