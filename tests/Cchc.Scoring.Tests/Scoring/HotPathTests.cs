using Cchc.Rules.Loading;
using Cchc.Scoring.Scoring;
using Cchc.Scoring.Tests.Support;
using Cchc.Scoring.Units;

namespace Cchc.Scoring.Tests.Scoring;

/// <summary>
/// The compiled hot path (typed values in → statuses, points, area totals, index, grade out) allocates nothing per
/// unit. Bytes, not time: the speed figures live in the benchmarks.
/// </summary>
public class HotPathTests
{
    [Theory]
    [InlineData("chi-so-cchc-xa", "chi-so-cchc-xa.csv")]
    [InlineData("ke-hoach-cchc-2023-phu-quy", "phu-quy.csv")]
    public void Score_TypedUnits_AllocatesNothing(string ruleSetId, string sample)
    {
        var engine = new ScoringEngine(new RuleSetLoader().LoadOrThrow(Path.Combine(AppContext.BaseDirectory, "rules", ruleSetId)));
        var units = new UnitFileReader(engine.RuleSet).Read(Path.Combine(Paths.Samples, sample)).Select(r => r.Unit!).ToList();
        var scores = units.Select(u =>
        {
            var score = new UnitScore(engine.Plan);
            engine.Convert(u, score.Values);
            return (score, u.Level);
        }).ToList();
        for (var warm = 0; warm < 50; warm++)
        {
            foreach (var (score, level) in scores)
            {
                engine.Score(score, level);
            }
        }

        const int Rounds = 200;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var (score, level) in scores)
            {
                engine.Score(score, level);
            }
        }

        var perUnit = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)(Rounds * scores.Count);
        Assert.True(perUnit <= 0, $"the hot path allocated {perUnit:0.#} bytes per unit");
        Assert.All(scores, s => Assert.NotNull(s.score.Totals.Index));
    }
}
