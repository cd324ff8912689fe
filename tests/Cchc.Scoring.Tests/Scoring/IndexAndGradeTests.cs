using Cchc.Scoring.Cards;
using Cchc.Scoring.Tests.Support;

namespace Cchc.Scoring.Tests.Scoring;

public sealed class IndexAndGradeTests : IDisposable
{
    // points = diem exactly (linear 0 → 100 over 100 points), kept to 4 decimals, so the index can be steered.
    private const string Inputs = """
        [
          { "name": "diem", "type": "number", "label": "Điểm tự chấm", "min": 0, "max": 100 },
          { "name": "coBaoCao", "type": "bool", "label": "Có báo cáo" }
        ]
        """;

    private const string Rules = """
        [
          { "RuleName": "DIEM", "LocalParams": [ { "Name": "value", "Expression": "diem" } ], "Expression": "value >= 100",
            "Properties": { "title": "Điểm", "area": "chung", "levels": [ "xa" ], "scoring": { "method": "linear", "points": 100, "fullAt": 100 } } },
          { "RuleName": "HUYEN", "Expression": "coBaoCao == true",
            "Properties": { "title": "Báo cáo của huyện", "area": "huyen", "levels": [ "huyen" ], "scoring": { "method": "passFail", "points": 1 } } }
        ]
        """;

    private const string Grades = """
        [
          { "name": "Xuất sắc", "from": 90 },
          { "name": "Tốt", "from": 70, "to": 90 },
          { "name": "Đạt", "from": 0, "to": 70 }
        ]
        """;

    private readonly TempRuleSet _set = TempRuleSet.Create(
        Inputs,
        Rules,
        areas: """[ { "id": "chung", "title": "Chung", "maxPoints": 100 }, { "id": "huyen", "title": "Huyện", "maxPoints": 1 } ]""",
        grades: Grades,
        pointsDecimals: 4);

    public void Dispose() => _set.Dispose();

    private Task<ScoreCard> ScoreAsync(decimal diem) => _set.ScoreAsync("xa", ("diem", diem));

    [Theory]
    [InlineData("100", "100", "Xuất sắc")]
    [InlineData("90", "90", "Xuất sắc")]
    [InlineData("89.99", "89.99", "Tốt")]
    [InlineData("89.995", "90", "Xuất sắc")] // rounded first, then graded
    [InlineData("70", "70", "Tốt")]
    [InlineData("69.99", "69.99", "Đạt")]
    [InlineData("0", "0", "Đạt")]
    public async Task Score_GradeBands_AreFromInclusiveToExclusiveOnTheRoundedIndex(string diem, string index, string grade)
    {
        var card = await ScoreAsync(decimal.Parse(diem, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(decimal.Parse(index, System.Globalization.CultureInfo.InvariantCulture), card.Index);
        Assert.Equal(grade, card.Grade);
    }

    [Theory]
    [InlineData("66.665", "66.67")]
    [InlineData("66.675", "66.68")]
    [InlineData("89.985", "89.99")]
    [InlineData("12.345", "12.35")]
    public async Task Score_Index_IsRoundedHalfAwayFromZero(string diem, string index)
    {
        var card = await ScoreAsync(decimal.Parse(diem, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(decimal.Parse(index, System.Globalization.CultureInfo.InvariantCulture), card.Index);
    }

    [Fact]
    public async Task Score_NothingApplies_IndexAndGradeAreNull()
    {
        using var set = TempRuleSet.Create(
            """[ { "name": "coBaoCao", "type": "bool", "label": "Có báo cáo" } ]""",
            """
            [ { "RuleName": "HUYEN", "Expression": "coBaoCao == true",
                "Properties": { "title": "Báo cáo", "area": "chung", "levels": [ "huyen" ], "scoring": { "method": "passFail", "points": 1 } } } ]
            """);

        var card = await set.ScoreAsync("xa");

        Assert.Equal(0m, card.MaxPoints);
        Assert.Equal(0m, card.Points);
        Assert.Null(card.Index);
        Assert.Null(card.Grade);
        Assert.Empty(card.Problems);
        Assert.Equal(CriterionStatus.NotApplicable, Assert.Single(card.Criteria).Status);
    }

    [Fact]
    public async Task Score_TwoOfThree_IndexIs6667()
    {
        using var set = TempRuleSet.Create(
            """[ { "name": "a", "type": "bool", "label": "A" }, { "name": "b", "type": "bool", "label": "B" }, { "name": "c", "type": "bool", "label": "C" } ]""",
            """
            [
              { "RuleName": "A", "Expression": "a", "Properties": { "title": "A", "area": "chung", "scoring": { "method": "passFail", "points": 1 } } },
              { "RuleName": "B", "Expression": "b", "Properties": { "title": "B", "area": "chung", "scoring": { "method": "passFail", "points": 1 } } },
              { "RuleName": "C", "Expression": "c", "Properties": { "title": "C", "area": "chung", "scoring": { "method": "passFail", "points": 1 } } }
            ]
            """,
            areas: """[ { "id": "chung", "title": "Chung", "maxPoints": 3 } ]""");

        var card = await set.ScoreAsync("xa", ("a", true), ("b", "có"), ("c", "không"));

        Assert.Equal(2m, card.Points);
        Assert.Equal(3m, card.MaxPoints);
        Assert.Equal(66.67m, card.Index);
        Assert.Equal("Khá", card.Grade);
    }

    [Fact]
    public async Task Score_IndexDecimalsZero_RoundsToWholeNumbersHalfAwayFromZero()
    {
        using var set = TempRuleSet.Create(
            """[ { "name": "diem", "type": "number", "label": "Điểm", "min": 0, "max": 8 } ]""",
            """
            [ { "RuleName": "DIEM", "LocalParams": [ { "Name": "value", "Expression": "diem" } ], "Expression": "value >= 8",
                "Properties": { "title": "Điểm", "area": "chung", "scoring": { "method": "linear", "points": 8, "fullAt": 8 } } } ]
            """,
            areas: """[ { "id": "chung", "title": "Chung", "maxPoints": 8 } ]""",
            indexDecimals: 0);

        var card = await set.ScoreAsync("xa", ("diem", 1)); // 1/8 = 12.5 → 13 (banker's rounding would give 12)

        Assert.Equal(13m, card.Index);
    }

    [Fact]
    public async Task Score_GradeBandsPerLevel_UseTheUnitsLevel()
    {
        using var set = TempRuleSet.Create(
            """[ { "name": "a", "type": "bool", "label": "A" }, { "name": "b", "type": "bool", "label": "B" } ]""",
            """
            [
              { "RuleName": "A", "Expression": "a", "Properties": { "title": "A", "area": "chung", "scoring": { "method": "passFail", "points": 1 } } },
              { "RuleName": "B", "Expression": "b", "Properties": { "title": "B", "area": "chung", "scoring": { "method": "passFail", "points": 1 } } }
            ]
            """,
            areas: """[ { "id": "chung", "title": "Chung", "maxPoints": 2 } ]""",
            grades: """
            [
              { "name": "Xã tốt", "from": 50, "levels": [ "xa" ] },
              { "name": "Xã chưa tốt", "from": 0, "to": 50, "levels": [ "xa" ] },
              { "name": "Huyện tốt", "from": 100, "levels": [ "huyen" ] },
              { "name": "Huyện chưa tốt", "from": 0, "to": 100, "levels": [ "huyen" ] }
            ]
            """);

        var xa = await set.ScoreAsync("xa", ("a", true), ("b", false));
        var huyen = await set.ScoreAsync("huyen", ("a", true), ("b", false));

        Assert.Equal(50m, xa.Index);
        Assert.Equal("Xã tốt", xa.Grade);
        Assert.Equal("Huyện chưa tốt", huyen.Grade);
    }
}
