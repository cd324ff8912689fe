using System.Text.Json;
using Cchc.Rules.Loading;
using Cchc.Rules.Model;

namespace Cchc.Rules.Tests;

/// <summary>The commune PAR Index: the contract other tools rely on, and what the issue asks of its structure.</summary>
public class ChiSoCchcXaTests
{
    private static readonly Lazy<CompiledRuleSet> Lazy = new(() => new RuleSetLoader().LoadOrThrow(Path.Combine(Paths.Rules, "chi-so-cchc-xa")));

    private static CompiledRuleSet RuleSet => Lazy.Value;

    private static IEnumerable<CriterionDefinition> All => RuleSet.Criteria.Flatten();

    private static JsonElement Metadata(CriterionDefinition criterion) => JsonDocument.Parse(criterion.MetadataJson ?? "{}").RootElement;

    [Fact]
    public void Manifest_HasTheFixedIdLevelAreasTieBreaksAndGrades()
    {
        Assert.Equal("chi-so-cchc-xa", RuleSet.Id);
        Assert.Equal([UnitLevel.Xa], RuleSet.Levels);
        Assert.Equal(
            ["chi-dao-dieu-hanh", "the-che", "tthc", "bo-may", "cong-vu", "tai-chinh-cong", "chinh-quyen-so", "tac-dong"],
            RuleSet.Areas.Select(a => a.Id));
        Assert.Equal(100m, RuleSet.MaxPoints);
        Assert.Equal(100m, RuleSet.Areas.Sum(a => a.MaxPoints));
        Assert.Equal(["tthc", "tac-dong"], RuleSet.TieBreakAreas);
        Assert.Equal(
            [("Xuất sắc", 90m, (decimal?)null), ("Tốt", 80m, 90m), ("Khá", 70m, 80m), ("Trung bình", 50m, 70m), ("Yếu", 0m, 50m)],
            RuleSet.Grades.Select(g => (g.Name, g.From, g.To)));
    }

    [Fact]
    public void Criteria_AddUpAtEveryLevel()
    {
        foreach (var area in RuleSet.Areas)
        {
            Assert.Equal(area.MaxPoints, RuleSet.Criteria.Where(c => c.Kind == CriterionKind.Base && c.Area == area.Id).Sum(c => c.Scoring.Points));
        }

        Assert.All(All.Where(c => c.Children.Count > 0), c => Assert.Equal(c.Scoring.Points, c.Children.Sum(child => child.Scoring.Points)));
    }

    [Fact]
    public void Criteria_AreARealIndexNotAToy()
    {
        var baseCriteria = RuleSet.Criteria.Where(c => c.Kind == CriterionKind.Base).ToList();

        Assert.InRange(baseCriteria.Count, 30, 45);
        Assert.True(baseCriteria.Count(c => c.Children.Count > 0) >= 5);
        Assert.All(RuleSet.Areas, a => Assert.Contains(baseCriteria, c => c.Area == a.Id));
        Assert.Contains(RuleSet.Criteria, c => c.Kind == CriterionKind.Bonus);
        Assert.Contains(RuleSet.Criteria, c => c.Kind == CriterionKind.Penalty);
        Assert.True(RuleSet.Criteria.Where(c => c.Kind == CriterionKind.Bonus).Sum(c => c.Scoring.Points) > RuleSet.BonusCap);
        Assert.True(RuleSet.Criteria.Where(c => c.Kind == CriterionKind.Penalty).Sum(c => c.Scoring.Points) > RuleSet.PenaltyCap);
    }

    [Fact]
    public void Criteria_UseEveryScoringMethodAndEveryPolicy()
    {
        Assert.Equal(Enum.GetValues<ScoringMethod>().Order(), All.Select(c => c.Scoring.Method).Distinct().Order());
        Assert.Equal(Enum.GetValues<NoOccurrencePolicy>().Order(), All.Where(c => c.HasNoOccurrence).Select(c => c.WhenNoOccurrence).Distinct().Order());
        Assert.Contains(All, c => c.HasNotApplicable && c.Kind == CriterionKind.Base);
        Assert.Contains(All, c => c.Scoring.Method == ScoringMethod.Deduction && c.Kind == CriterionKind.Base);
    }

    [Fact]
    public void EveryCriterion_HasASourceAndReconstructedFiguresSaySo()
    {
        foreach (var criterion in All)
        {
            var metadata = Metadata(criterion);
            Assert.True(metadata.TryGetProperty("source", out var source) && source.GetString()!.Length > 0, criterion.Id);
            if (metadata.TryGetProperty("reconstructed", out var reconstructed))
            {
                Assert.True(reconstructed.GetBoolean(), criterion.Id);
                Assert.True(metadata.TryGetProperty("note", out _), $"{criterion.Id}: a reconstructed figure needs a note");
            }
        }
    }

    [Theory]
    [InlineData("MT1.1", "2.1.a", 100)]
    [InlineData("MT1.2", "2.2", 100)]
    [InlineData("MT2.2b", "3.4", 60)]
    [InlineData("MT2.3a", "3.5.b", 60)]
    [InlineData("MT2.4", "3.5.c", 50)]
    [InlineData("MT2.6", "3.1.b", 90)]
    [InlineData("MT2.7c", "3.5.a", 35)]
    [InlineData("MT2.8", "3.7", 50)]
    [InlineData("MT4.1", "5.1", 100)]
    [InlineData("MT6.1b", "7.1", 50)]
    [InlineData("MT6.2", "7.3.c", 15)]
    [InlineData("MT2.5a", "8.4", 87)]
    public void PlanTarget_IsTheThresholdOfItsCriterion(string target, string id, int threshold)
    {
        var criterion = RuleSet.FindCriterion(id)!;

        Assert.Equal(Comparison.AtLeast, criterion.Comparison);
        Assert.Equal((decimal)threshold, Convert.ToDecimal(criterion.ConstantTarget, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(target, Metadata(criterion).GetProperty("target").GetString());
    }

    [Fact]
    public void AnalystsTests_CoverEveryCriterionAndTheGradeBoundaries()
    {
        var covered = RuleSet.TestCases.SelectMany(t => t.Expect.Criteria.Keys).ToHashSet(StringComparer.Ordinal);

        var uncovered = All.Select(c => c.Id).Except(covered).ToList();
        Assert.True(uncovered.Count == 0, $"No analysts' case checks: {string.Join(", ", uncovered)}");
        var indexes = RuleSet.TestCases.Where(t => t.Expect.Index is not null).Select(t => t.Expect.Index!.Value).ToHashSet();
        Assert.Superset(new HashSet<decimal> { 90m, 89.99m, 80m, 79.99m, 70m, 69.99m, 50m, 49.99m }, indexes);
    }
}
