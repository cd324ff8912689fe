using Cchc.Scoring.Cards;
using Cchc.Scoring.Tests.Support;

namespace Cchc.Scoring.Tests.Scoring;

/// <summary>noOccurrence, missing data and levels: what each does to the points and the maximum.</summary>
public sealed class PolicyTests : IDisposable
{
    private const string Inputs = """
        [
          { "name": "tongHoSo", "type": "count", "label": "Tổng số hồ sơ" },
          { "name": "hoSoDungHan", "type": "count", "label": "Số hồ sơ đúng hạn" },
          { "name": "coKeHoach", "type": "bool", "label": "Có kế hoạch" },
          { "name": "coBaoCaoHuyen", "type": "bool", "label": "Có báo cáo của huyện" }
        ]
        """;

    private const string Rules = """
        [
          {
            "RuleName": "NO_FULL",
            "LocalParams": [
              { "Name": "noOccurrence", "Expression": "tongHoSo == 0" },
              { "Name": "value", "Expression": "Fn.Percent(hoSoDungHan, tongHoSo)" }
            ],
            "Expression": "value >= 90",
            "Properties": { "title": "Hồ sơ đúng hạn (đủ điểm)", "area": "chung", "format": "percent", "whenNoOccurrence": "full",
              "scoring": { "method": "passFail", "points": 1 } }
          },
          {
            "RuleName": "NO_ZERO",
            "LocalParams": [
              { "Name": "noOccurrence", "Expression": "tongHoSo == 0" },
              { "Name": "value", "Expression": "Fn.Percent(hoSoDungHan, tongHoSo)" }
            ],
            "Expression": "value >= 90",
            "Properties": { "title": "Hồ sơ đúng hạn (không điểm)", "area": "chung", "format": "percent", "whenNoOccurrence": "zero",
              "scoring": { "method": "passFail", "points": 1 } }
          },
          {
            "RuleName": "NO_EXCLUDE",
            "LocalParams": [
              { "Name": "noOccurrence", "Expression": "tongHoSo == 0" },
              { "Name": "value", "Expression": "Fn.Percent(hoSoDungHan, tongHoSo)" }
            ],
            "Expression": "value >= 90",
            "Properties": { "title": "Hồ sơ đúng hạn (loại trừ)", "area": "chung", "format": "percent", "whenNoOccurrence": "exclude",
              "scoring": { "method": "passFail", "points": 1 } }
          },
          {
            "RuleName": "PLAN",
            "Expression": "coKeHoach == true",
            "Properties": { "title": "Có kế hoạch", "area": "chung", "scoring": { "method": "passFail", "points": 1 } }
          },
          {
            "RuleName": "HUYEN_ONLY",
            "Expression": "coBaoCaoHuyen == true",
            "Properties": { "title": "Báo cáo của huyện", "area": "chung", "levels": [ "huyen" ], "scoring": { "method": "passFail", "points": 1 } }
          }
        ]
        """;

    private readonly TempRuleSet _set = TempRuleSet.Create(Inputs, Rules, areas: """[ { "id": "chung", "title": "Chung", "maxPoints": 5 } ]""");

    public void Dispose() => _set.Dispose();

    [Fact]
    public async Task Score_NoOccurrence_FollowsEachCriterionsPolicy()
    {
        var card = await _set.ScoreAsync("xa", ("tongHoSo", 0), ("hoSoDungHan", 0), ("coKeHoach", true));

        var full = card.Criterion("NO_FULL");
        var zero = card.Criterion("NO_ZERO");
        var exclude = card.Criterion("NO_EXCLUDE");
        Assert.All([full, zero, exclude], c => Assert.Equal(CriterionStatus.NoOccurrence, c.Status));
        Assert.Equal((1m, 1m), (full.Points, full.MaxPoints));
        Assert.Equal((0m, 1m), (zero.Points, zero.MaxPoints));
        Assert.Equal((0m, 0m), (exclude.Points, exclude.MaxPoints));
    }

    [Fact]
    public async Task Score_NoOccurrenceExclude_RemovesTheCriterionFromTheMaximum()
    {
        var card = await _set.ScoreAsync("xa", ("tongHoSo", 0), ("hoSoDungHan", 0), ("coKeHoach", true));

        // NO_FULL 1/1 + NO_ZERO 0/1 + NO_EXCLUDE out + PLAN 1/1; HUYEN_ONLY does not apply to a xã.
        Assert.Equal(3m, card.MaxPoints);
        Assert.Equal(2m, card.Points);
        Assert.Equal(66.67m, card.Index);
        Assert.Equal(3m, Assert.Single(card.Areas).MaxPoints);
    }

    [Fact]
    public async Task Score_NoOccurrenceKnown_OtherInputMayBeMissing()
    {
        var card = await _set.ScoreAsync("xa", ("tongHoSo", 0), ("coKeHoach", true));

        Assert.Equal(CriterionStatus.NoOccurrence, card.Criterion("NO_FULL").Status);
        Assert.Equal(1m, card.Criterion("NO_FULL").Points);
        Assert.Empty(card.Problems);
    }

    [Fact]
    public async Task Score_MissingInput_IsMissingDataWithZeroPointsKeptInTheMaximum()
    {
        var card = await _set.ScoreAsync("xa", ("tongHoSo", 10), ("coKeHoach", true));

        foreach (var id in new[] { "NO_FULL", "NO_ZERO", "NO_EXCLUDE" })
        {
            var score = card.Criterion(id);
            Assert.Equal(CriterionStatus.MissingData, score.Status);
            Assert.Equal(0m, score.Points);
            Assert.Equal(1m, score.MaxPoints);
            Assert.Null(score.Value);
        }

        Assert.Equal(4m, card.MaxPoints);
        Assert.Equal(1m, card.Points);
        Assert.False(card.Complete);
    }

    [Fact]
    public async Task Score_MissingInput_IsReportedOnceAsMissingProblem()
    {
        var card = await _set.ScoreAsync("xa", ("tongHoSo", 10), ("coKeHoach", true));

        var problem = Assert.Single(card.Problems);
        Assert.Equal("hoSoDungHan", problem.Input);
        Assert.Equal("Số hồ sơ đúng hạn", problem.Label);
        Assert.Equal(DataProblemKind.Missing, problem.Kind);
        Assert.Equal("", problem.Value);
    }

    [Fact]
    public async Task Score_MissingNoOccurrenceInput_IsMissingDataNotNoOccurrence()
    {
        // tongHoSo missing would read as 0 (no occurrence) if missing were taken for zero.
        var card = await _set.ScoreAsync("xa", ("hoSoDungHan", 5), ("coKeHoach", true));

        Assert.Equal(CriterionStatus.MissingData, card.Criterion("NO_FULL").Status);
        Assert.Equal(0m, card.Criterion("NO_FULL").Points);
        Assert.Equal("tongHoSo", Assert.Single(card.Problems).Input);
    }

    [Fact]
    public async Task Score_EmptyText_IsMissing()
    {
        var card = await _set.ScoreAsync("xa", ("tongHoSo", 10), ("hoSoDungHan", "  "), ("coKeHoach", true));

        Assert.Equal(CriterionStatus.MissingData, card.Criterion("NO_FULL").Status);
        Assert.Equal(DataProblemKind.Missing, Assert.Single(card.Problems).Kind);
    }

    [Fact]
    public async Task Score_LevelNotListed_IsNotApplicableAndOutOfTheMaximum()
    {
        var xa = await _set.ScoreAsync("xa", ("tongHoSo", 10), ("hoSoDungHan", 10), ("coKeHoach", true));
        var huyen = await _set.ScoreAsync("huyen", ("tongHoSo", 10), ("hoSoDungHan", 10), ("coKeHoach", true), ("coBaoCaoHuyen", true));

        var notApplicable = xa.Criterion("HUYEN_ONLY");
        Assert.Equal(CriterionStatus.NotApplicable, notApplicable.Status);
        Assert.Equal(0m, notApplicable.Points);
        Assert.Equal(0m, notApplicable.MaxPoints);
        Assert.Equal(4m, xa.MaxPoints);
        Assert.Equal(100m, xa.Index);
        Assert.Equal(5m, huyen.MaxPoints);
        Assert.Equal(CriterionStatus.Met, huyen.Criterion("HUYEN_ONLY").Status);
    }

    [Fact]
    public async Task Score_NotApplicableCriterionsInput_IsNotReportedMissing()
    {
        var card = await _set.ScoreAsync("xa", ("tongHoSo", 10), ("hoSoDungHan", 10), ("coKeHoach", true));

        Assert.Empty(card.Problems);
        Assert.True(card.Complete);
    }
}
