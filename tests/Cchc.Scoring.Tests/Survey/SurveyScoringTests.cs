using Cchc.Scoring.Explanations;
using Cchc.Scoring.Ranking;
using Cchc.Scoring.Scoring;
using Cchc.Scoring.Survey;

namespace Cchc.Scoring.Tests.Survey;

/// <summary>The survey component of the index: the worked example, the groups' weights, a missing survey both ways, and every path agreeing.</summary>
public sealed class SurveyScoringTests : IDisposable
{
    private readonly SurveySet _set = new();

    public void Dispose() => _set.Dispose();

    [Fact]
    public async Task Score_WorkedExample_Appraisal61_25Plus24_6Is85_85()
    {
        // 87,5/100 points → 61,25/70; satisfaction 0,82 → 24,6/30; index 85,85 (the analysts' guide's example).
        var card = await _set.ScoreAsync(87.5m, SurveySet.Uniform82());

        Assert.Equal(85.85m, card.Index);
        Assert.Equal("Tốt", card.Grade);
        Assert.Equal([("thamDinh", 61.25m), ("xhh", 24.6m)], card.Components!.Select(c => (c.Id, c.Points!.Value)));
        Assert.Equal([70m, 30m], card.Components!.Select(c => c.Weight));
        var survey = card.Survey!;
        Assert.Equal(SurveyStatus.Given, survey.Status);
        Assert.Equal(0.82m, survey.Satisfaction);
        Assert.Equal(24.6m, survey.Points);
        Assert.Equal(200, survey.Respondents);
        Assert.Equal([("nguoi-dan", 100L, 0.82m), ("doanh-nghiep", 100L, 0.82m)], survey.Groups.Select(g => (g.Id, g.Respondents, g.Satisfaction!.Value)));
        Assert.Equal(3, survey.Questions.Count);
        Assert.Empty(survey.Problems);
    }

    [Fact]
    public async Task Score_GroupWeights_WeighTheGroupsMeans()
    {
        // Người dân all "rất hài lòng" (1), doanh nghiệp all "không hài lòng" (0): 0,6 × 1 + 0,4 × 0 = 0,6 → 18 points.
        var survey = new SurveyResponses([SurveySet.Row("nguoi-dan", "CH1", 10, 0, 0, 0), SurveySet.Row("nguoi-dan", "CH2", 30, 0, 0, 0), SurveySet.Row("doanh-nghiep", "CH1", 0, 0, 0, 5)]);
        var card = await _set.ScoreAsync(100, survey);

        Assert.Equal(0.6m, card.Survey!.Satisfaction);
        Assert.Equal(18m, card.Survey.Points);
        Assert.Equal(88m, card.Index);
        Assert.Equal([30L, 5L], card.Survey.Groups.Select(g => g.Respondents));
    }

    [Fact]
    public async Task Score_QuestionSatisfaction_IsTheWeightedShareOfItsAnswers()
    {
        // CH1: (2 × 1 + 2 × 0,75 + 0 + 0) ÷ 4 = 0,875; CH2: (0 + 0 + 4 × 0,5) ÷ 4 = 0,5; người dân = 0,6875.
        var survey = new SurveyResponses([SurveySet.Row("nguoi-dan", "CH1", 2, 2, 0, 0), SurveySet.Row("nguoi-dan", "CH2", 0, 0, 4, 0), SurveySet.Row("doanh-nghiep", "CH1", 1, 0, 0, 0)]);
        var card = await _set.ScoreAsync(0, survey);

        Assert.Equal([0.875m, 0.5m, 1m], card.Survey!.Questions.Select(q => q.Satisfaction!.Value));
        Assert.Equal(0.6875m, card.Survey.Groups[0].Satisfaction);
        Assert.Equal(0.8125m, card.Survey.Satisfaction); // 0,6 × 0,6875 + 0,4 × 1
        Assert.Equal(24.38m, card.Survey.Points); // 0,8125 × 30 = 24,375, half away from zero
    }

    [Fact]
    public async Task Score_NoSurvey_Renormalised_IsTheIndexOfTheCriteriaAlone()
    {
        var card = await _set.ScoreAsync(87.5m);

        Assert.Equal(87.5m, card.Index);
        Assert.Equal(SurveyStatus.Missing, card.Survey!.Status);
        Assert.Equal("renormalize", card.Survey.WhenMissing);
        Assert.Null(card.Survey.Points);
        Assert.Equal(61.25m, card.Components![0].Points);
        Assert.Null(card.Components[1].Points);
    }

    [Fact]
    public async Task Score_NoSurvey_Zero_ScoresTheSurvey0()
    {
        using var set = new SurveySet(whenNoSurvey: "zero");
        var card = await set.ScoreAsync(87.5m);

        Assert.Equal(61.25m, card.Index);
        Assert.Equal("Đạt", card.Grade);
        Assert.Equal(0m, card.Survey!.Points);
        Assert.Equal("zero", card.Survey.WhenMissing);
        Assert.Equal(0m, card.Components![1].Points);
    }

    [Fact]
    public async Task Score_MissingQuestion_IsFlaggedAndTheMeanIsOverTheAnsweredOnes()
    {
        var survey = new SurveyResponses([SurveySet.Row("nguoi-dan", "CH1", 10, 0, 0, 0), SurveySet.Row("doanh-nghiep", "CH1", 0, 10, 0, 0)]);
        var card = await _set.ScoreAsync(50, survey);

        Assert.Contains(card.Survey!.Problems, p => p.Contains("CH2", StringComparison.Ordinal) && p.Contains("nguoi-dan", StringComparison.Ordinal));
        Assert.Equal(1m, card.Survey.Groups[0].Satisfaction);
        Assert.Equal(0.9m, card.Survey.Satisfaction); // 0,6 × 1 + 0,4 × 0,75
    }

    [Fact]
    public async Task Score_GroupWithoutAnswers_IsFlaggedAndTheOtherGroupsCarryTheWeight()
    {
        var survey = new SurveyResponses([SurveySet.Row("nguoi-dan", "CH1", 0, 10, 0, 0), SurveySet.Row("nguoi-dan", "CH2", 0, 10, 0, 0)]);
        var card = await _set.ScoreAsync(50, survey);

        Assert.Equal(0.75m, card.Survey!.Satisfaction);
        Assert.Null(card.Survey.Groups[1].Satisfaction);
        Assert.Contains(card.Survey.Problems, p => p.Contains("doanh-nghiep", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Score_RowsThatDoNotFitTheSurvey_AreIgnoredAndSaid()
    {
        var survey = new SurveyResponses(
        [
            SurveySet.Row("nguoi-dan", "CH1", 10, 0, 0, 0),
            SurveySet.Row("nguoi-dan", "CH1", 0, 0, 0, 10), // repeated: the first is kept
            SurveySet.Row("hoc-sinh", "CH1", 1, 0, 0, 0),
            SurveySet.Row("doanh-nghiep", "CH2", 1, 0, 0, 0),
            SurveySet.Row("doanh-nghiep", "CH9", 1, 0, 0, 0),
            SurveySet.Row("nguoi-dan", "CH2", -1, 0, 0, 0),
            new("doanh-nghiep", "CH1", new Dictionary<string, long> { ["rat-hai-long"] = 5, ["tot"] = 1 }),
        ]);
        var card = await _set.ScoreAsync(50, survey);

        var problems = card.Survey!.Problems;
        Assert.Contains(problems, p => p.Contains("hai dòng", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("hoc-sinh", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("không hỏi nhóm 'doanh-nghiep'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("CH9", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("âm", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'tot'", StringComparison.Ordinal));
        Assert.Equal(1m, card.Survey.Satisfaction); // only người dân CH1 (10 × rất hài lòng) counted
    }

    [Fact]
    public async Task Score_CapAtScale_CapsTheSumOfTheComponents()
    {
        using var set = new SurveySet(capAtScale: true);
        var card = await set.ScoreAsync(100, new SurveyResponses([SurveySet.Row("nguoi-dan", "CH1", 1, 0, 0, 0), SurveySet.Row("nguoi-dan", "CH2", 1, 0, 0, 0), SurveySet.Row("doanh-nghiep", "CH1", 1, 0, 0, 0)]));

        Assert.Equal(100m, card.Index);
    }

    [Fact]
    public async Task Standing_FromTheCompactCore_CarriesTheSameComponentsAsTheCard()
    {
        foreach (var (diem, survey) in new (decimal, SurveyResponses?)[] { (87.5m, SurveySet.Uniform82()), (40m, null), (99.99m, new SurveyResponses([SurveySet.Row("nguoi-dan", "CH1", 3, 1, 0, 0)])) })
        {
            var unit = SurveySet.Unit(diem, survey);
            var card = await _set.Engine.ScoreAsync(unit);
            var score = new UnitScore(_set.Engine.Plan);
            await _set.Engine.ScoreIntoAsync(unit, score);
            var fromCard = UnitStanding.Of(card, _set.RuleSet);
            var compact = UnitStanding.Of(unit, score, null, 0);

            Assert.Equal(fromCard.Components, compact.Components);
            Assert.Equal(fromCard.SurveyMissing, compact.SurveyMissing);
            Assert.Equal(fromCard.Index, compact.Index);
            Assert.Equal(card.Index, compact.Index);
            Assert.Equal(survey is null, compact.SurveyMissing);
        }
    }

    [Fact]
    public async Task Score_ThroughRulesEngine_GivesTheSameCard()
    {
        var reference = new ScoringEngine(_set.RuleSet, ScoringEvaluator.RulesEngine);
        var unit = SurveySet.Unit(87.5m, SurveySet.Uniform82());

        var expected = Cchc.Scoring.Cards.ScoreCardJson.Serialize(await reference.ScoreAsync(unit), indented: false);
        var actual = Cchc.Scoring.Cards.ScoreCardJson.Serialize(await _set.Engine.ScoreAsync(unit), indented: false);

        Assert.Equal(expected, actual);
        Assert.Contains("\"survey\":{\"component\":\"xhh\",\"status\":\"given\"", actual, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Card_RoundTripsThroughJson()
    {
        var card = await _set.ScoreAsync(87.5m, SurveySet.Uniform82());
        var back = Cchc.Scoring.Cards.ScoreCardJson.Deserialize(Cchc.Scoring.Cards.ScoreCardJson.Serialize(card));

        Assert.Equal(Cchc.Scoring.Cards.ScoreCardJson.Serialize(card), Cchc.Scoring.Cards.ScoreCardJson.Serialize(back));
    }

    [Fact]
    public async Task WhatIf_WithTheSurvey_AsksTheCriteriaOnlyForWhatTheSurveyDoesNotBring()
    {
        // 24,6 from the survey: "Xuất sắc" (90) needs 65,4 from the appraisal, i.e. 93,4215 of 100 points.
        var card = await _set.ScoreAsync(87.5m, SurveySet.Uniform82());
        var total = WhatIf.SmallestTotalReaching(90, card.MaxPoints, _set.RuleSet, card.Survey!.Points);

        Assert.Equal(93.4215m, total);
        Assert.True(IndexMath.Index(_set.RuleSet, total, 100, 24.6m) >= 90);
        Assert.True(IndexMath.Index(_set.RuleSet, total - 0.0001m, 100, 24.6m) < 90);
        Assert.Equal(93.4215m, WhatIf.Analyze(card, _set.RuleSet).NextGrade!.PointsTotal);
    }

    [Fact]
    public async Task FromJObject_SurveyProperty_GivesTheUnitsSurvey()
    {
        var json = Newtonsoft.Json.Linq.JObject.Parse("""
            { "code": "X1", "name": "Xã Một", "level": "xa", "diem": 87.5,
              "survey": [
                { "group": "nguoi-dan", "question": "CH1", "rat-hai-long": 74, "hai-long": 8, "binh-thuong": 4, "khong-hai-long": 14 },
                { "group": "nguoi-dan", "question": "CH2", "rat-hai-long": 74, "hai-long": 8, "binh-thuong": 4, "khong-hai-long": 14 },
                { "group": "doanh-nghiep", "question": "CH1", "rat-hai-long": 74, "hai-long": 8, "binh-thuong": 4, "khong-hai-long": 14.5 }
              ] }
            """);
        var unit = Cchc.Scoring.Units.UnitData.FromJObject(json);

        Assert.False(unit.Values.ContainsKey("survey"));
        var card = await _set.Engine.ScoreAsync(unit);
        Assert.Equal(0.82m, card.Survey!.Satisfaction); // the third row is refused: 14,5 is not a count
        Assert.Contains(card.Survey.Problems, p => p.Contains("không phải số nguyên", StringComparison.Ordinal));
        Assert.Contains(card.Survey.Problems, p => p.Contains("doanh-nghiep", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Score_WithoutComponents_HasNoComponentsOnTheCard()
    {
        var card = await Support.Shipped.Engine.ScoreAsync(Cchc.Scoring.Units.UnitData.FromRow(new Dictionary<string, object?> { ["code"] = "A", ["name"] = "A", ["level"] = "xa" }));

        Assert.Null(card.Components);
        Assert.Null(card.Survey);
        Assert.DoesNotContain("\"components\"", Cchc.Scoring.Cards.ScoreCardJson.Serialize(card), StringComparison.Ordinal);
    }
}
