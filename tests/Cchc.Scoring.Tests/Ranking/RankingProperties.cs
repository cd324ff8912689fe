using Cchc.Scoring.Cards;
using Cchc.Scoring.Ranking;
using Cchc.Scoring.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Cchc.Scoring.Tests.Ranking;

/// <summary>Units of <see cref="RankingRuleSet"/> (few distinct values, so ties are common), and the same units shuffled.</summary>
public sealed record RankingBatch(IReadOnlyList<(string Code, string Parent, decimal A, decimal Tthc, decimal TacDong)> Units, IReadOnlyList<int> Order)
{
    public override string ToString() => string.Join("; ", Units.Select(u => $"{u.Code}@{u.Parent}:{u.A}/{u.Tthc}/{u.TacDong}")) + $" order {string.Join(",", Order)}";

    public static Arbitrary<RankingBatch> Batches()
    {
        var value = Gen.Elements(0m, 5m, 8.5m, 9m, 10m);
        var values = Gen.Zip(Gen.Zip(value, value, (a, t) => (A: a, Tthc: t)), value, (at, d) => (at.A, at.Tthc, TacDong: d));
        var unit = Gen.Zip(Gen.Elements("h1", "h2", "h3"), values, (parent, v) => (Parent: parent, v.A, v.Tthc, v.TacDong));
        return Gen.Choose(1, 18)
            .SelectMany(n => Gen.ArrayOf(unit, n))
            .Select(units => units.Select((u, i) => (Code: $"xa-{i:00}", u.Parent, u.A, u.Tthc, u.TacDong)).ToList())
            .SelectMany(units => Gen.Shuffle(Enumerable.Range(0, units.Count).ToArray()).Select(order => new RankingBatch(units, order)))
            .ToArbitrary();
    }
}

public sealed class RankingProperties : IDisposable
{
    private readonly TempRuleSet _ruleSet = RankingRuleSet.Create();

    public void Dispose() => _ruleSet.Dispose();

    private static byte[] Bytes(RankingReport report, RankingFormat format)
    {
        using var stream = new MemoryStream();
        RankingWriter.Write(report, format, stream, CancellationToken.None);
        return stream.ToArray();
    }

    [Property(Arbitrary = [typeof(RankingBatch)], MaxTest = 40)]
    public async Task Rank_AnyOrderAnyParallelism_SameBytesInEveryFormat(RankingBatch batch)
    {
        var units = batch.Units.Select(u => RankingRuleSet.Unit(u.Code, u.A, u.Tthc, u.TacDong, u.Parent)).ToArray();
        var reports = new List<RankingReport>();
        foreach (var (order, parallelism) in new[] { (units, 1), (batch.Order.Select(i => units[i]).ToArray(), 4) })
        {
            var cards = new List<ScoreCard>();
            await foreach (var card in _ruleSet.Engine.ScoreManyAsync(order, parallelism))
            {
                cards.Add(card);
            }

            reports.Add(RankingReport.Of(cards, _ruleSet.RuleSet, groupByParent: true));
        }

        foreach (var format in Enum.GetValues<RankingFormat>())
        {
            Assert.Equal(Bytes(reports[0], format), Bytes(reports[1], format));
        }
    }

    [Property(Arbitrary = [typeof(RankingBatch)], MaxTest = 40)]
    public async Task Rank_EachRankIsOnePlusTheUnitsStrictlyAhead(RankingBatch batch)
    {
        var units = batch.Units.Select(u => RankingRuleSet.Unit(u.Code, u.A, u.Tthc, u.TacDong, u.Parent)).ToArray();
        var cards = await RankingRuleSet.ScoreAsync(_ruleSet, units);

        var rows = UnitRanker.Rank(cards, _ruleSet.RuleSet);

        // "Ahead" spelled out independently of the ranker: the standing key compared as a tuple.
        static (decimal, decimal, decimal) Key(ScoreCard c) => (c.Index!.Value, c.Areas.Single(a => a.Id == "tthc").Points, c.Areas.Single(a => a.Id == "tac-dong").Points);
        Assert.Equal(cards.Count, rows.Count);
        foreach (var row in rows)
        {
            var ahead = cards.Count(c => Key(c).CompareTo(Key(cards.Single(u => u.Unit.Code == row.Standing.Code))) > 0);
            Assert.Equal(ahead + 1, row.Rank);
        }

        Assert.True(rows.Zip(rows.Skip(1)).All(p => p.First.Rank <= p.Second.Rank));
    }
}
