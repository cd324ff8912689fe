using Cchc.Rules.Model;
using Cchc.Scoring.Cards;
using Cchc.Scoring.Explanations;
using Cchc.Scoring.Tests.Support;
using FsCheck.Xunit;

namespace Cchc.Scoring.Tests.Explanations;

public class WhatIfProperties
{
    [Property(Arbitrary = [typeof(Generators)], MaxTest = 60)]
    public async Task Analyze_AnyUnit_ItemsSortedAndTheNextGradeIsReachedExactly(ShippedUnit u)
    {
        var card = await Shipped.Engine.ScoreAsync(u.Unit);

        var analysis = WhatIf.Analyze(card, Shipped.RuleSet);

        var sorted = analysis.Items.OrderByDescending(i => i.Recoverable).ThenBy(i => i.Id, StringComparer.Ordinal);
        Assert.Equal(sorted, analysis.Items);
        Assert.All(analysis.Items, i => Assert.True(i.Recoverable > 0));
        Assert.Equal(card.Points + analysis.Items.Sum(i => i.Recoverable), analysis.BestPoints); // no bonus or penalty in the plan
        Assert.Equal(card.Index is not null && analysis.NextGrade is null, analysis.TopGrade);
        if (analysis.NextGrade is { } next)
        {
            var level = UnitLevels.TryParse(card.Unit.Level, out var l) ? l : UnitLevel.Xa;
            var reached = Shipped.RuleSet.Grades.First(g => g.AppliesTo(level) && g.Contains(next.Index));
            Assert.Equal(next.Name, reached.Name);
            Assert.True(Math.Round((next.PointsTotal - 0.01m) / card.MaxPoints * 100, 2, MidpointRounding.AwayFromZero) < next.From);
            Assert.Equal(next.PointsTotal - card.Points, next.PointsNeeded);
        }
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 40)]
    public async Task Score_ClaimsEqualToTheComputedPoints_HaveNoDifferencesAndTheSameTotal(ShippedUnit u)
    {
        var card = await Shipped.Engine.ScoreAsync(u.Unit);
        var claims = card.Criteria.Where(c => c.Status != CriterionStatus.NotApplicable)
            .ToDictionary(c => c.Id, c => (object?)c.Points.ToString(System.Globalization.CultureInfo.InvariantCulture).Replace('.', ','));

        var claimed = await Shipped.Engine.ScoreAsync(u.Unit with { Claims = claims });

        Assert.Empty(claimed.SelfAssessment!.Differences);
        Assert.Equal(card.Points, claimed.SelfAssessment.ClaimedPoints);
        Assert.Equal(card.Index, claimed.SelfAssessment.ClaimedIndex);
        Assert.Equal(card.Grade, claimed.SelfAssessment.ClaimedGrade);
        Assert.Equal(card.Problems, claimed.Problems);
        Assert.Equal(ScoreCardJson.Serialize(claimed), ScoreCardJson.Serialize(ScoreCardJson.Deserialize(ScoreCardJson.Serialize(claimed))));
    }
}
