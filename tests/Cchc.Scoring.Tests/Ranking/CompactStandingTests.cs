using Cchc.Rules.Loading;
using Cchc.Scoring.Ranking;
using Cchc.Scoring.Scoring;
using Cchc.Scoring.Units;

namespace Cchc.Scoring.Tests.Ranking;

/// <summary>
/// The ranking keeps a standing per unit made by the compact core, never a card: for every unit it must hold the
/// very numbers, grade, completeness and top losses that the unit's full card gives.
/// </summary>
public class CompactStandingTests
{
    [Theory]
    [InlineData("chi-so-cchc-xa", "samples/national/xa-10600.csv", 400)]
    [InlineData("ke-hoach-cchc-2023-phu-quy", "samples/phu-quy/phu-quy.csv", 10)]
    [InlineData("chi-so-cchc-xa", "samples/phu-quy/chi-so-cchc-xa.csv", 10)]
    public async Task Standing_FromTheCompactCore_EqualsTheStandingOfTheCard(string ruleSetId, string data, int count)
    {
        var engine = new ScoringEngine(new RuleSetLoader().LoadOrThrow(Path.Combine(AppContext.BaseDirectory, "rules", ruleSetId)));
        var batch = await new UnitPipeline(engine.RuleSet).ReadAllAsync([Locate(data)]);
        var score = new UnitScore(engine.Plan);
        foreach (var unit in batch.Units.Take(count))
        {
            engine.Convert(unit, score.Values);
            engine.Score(score, unit.Level);
            var compact = UnitStanding.Of(unit, score, null, 0);
            var fromCard = UnitStanding.Of(await engine.ScoreAsync(unit), engine.RuleSet);

            Assert.Equal(
                (fromCard.Code, fromCard.Name, fromCard.Level, fromCard.Parent, fromCard.Points, fromCard.MaxPoints, fromCard.Index, fromCard.Grade, fromCard.Complete),
                (compact.Code, compact.Name, compact.Level, compact.Parent, compact.Points, compact.MaxPoints, compact.Index, compact.Grade, compact.Complete));
            Assert.Equal(fromCard.Areas, compact.Areas);
            Assert.Equal(fromCard.TopLosses, compact.TopLosses);
        }
    }

    /// <summary>A file of the repository: beside the tests when copied there, else found from the repository root.</summary>
    private static string Locate(string relative)
    {
        var beside = Path.Combine(AppContext.BaseDirectory, relative);
        if (File.Exists(beside))
        {
            return beside;
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Cchc.Scoring.sln")))
            {
                return Path.Combine(folder.FullName, relative);
            }
        }

        throw new FileNotFoundException(relative);
    }
}
