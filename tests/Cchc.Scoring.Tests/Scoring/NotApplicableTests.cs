using Cchc.Scoring.Cards;
using Cchc.Scoring.Tests.Support;

namespace Cchc.Scoring.Tests.Scoring;

/// <summary>The <c>notApplicable</c> parameter: "Không áp dụng" for one unit, out of the maximum.</summary>
public sealed class NotApplicableTests : IDisposable
{
    private const string Inputs = """
        [
          { "name": "coDuAn", "type": "bool", "label": "Có dự án đầu tư công" },
          { "name": "vonKeHoach", "type": "number", "label": "Kế hoạch vốn", "min": 0 },
          { "name": "vonGiaiNgan", "type": "number", "label": "Vốn đã giải ngân", "min": 0 },
          { "name": "coKeHoach", "type": "bool", "label": "Có kế hoạch" }
        ]
        """;

    private const string Rules = """
        [
          {
            "RuleName": "GIAI_NGAN",
            "LocalParams": [
              { "Name": "notApplicable", "Expression": "coDuAn == false" },
              { "Name": "value", "Expression": "Fn.Percent(vonGiaiNgan, vonKeHoach)" }
            ],
            "Expression": "value >= 95",
            "Properties": { "title": "Giải ngân vốn đầu tư công", "area": "chung", "format": "percent",
              "scoring": { "method": "linear", "points": 2, "fullAt": 95 } }
          },
          {
            "RuleName": "NHOM",
            "LocalParams": [ { "Name": "notApplicable", "Expression": "coDuAn == false" } ],
            "Operator": "And",
            "Rules": [
              {
                "RuleName": "NHOM.a",
                "Expression": "vonKeHoach > 0",
                "Properties": { "title": "Có kế hoạch vốn", "scoring": { "method": "passFail", "points": 1 } }
              }
            ],
            "Properties": { "title": "Nhóm đầu tư công", "area": "chung", "scoring": { "method": "composite", "points": 1 } }
          },
          {
            "RuleName": "PLAN",
            "Expression": "coKeHoach == true",
            "Properties": { "title": "Có kế hoạch", "area": "chung", "scoring": { "method": "passFail", "points": 2 } }
          }
        ]
        """;

    private readonly TempRuleSet _set = TempRuleSet.Create(Inputs, Rules, areas: """[ { "id": "chung", "title": "Chung", "maxPoints": 5 } ]""");

    public void Dispose() => _set.Dispose();

    [Fact]
    public async Task Score_NotApplicableTrue_LeavesTheMaximumAndReNormalisesTheIndex()
    {
        var card = await _set.ScoreAsync("xa", ("coDuAn", false), ("coKeHoach", true));

        var criterion = card.Criterion("GIAI_NGAN");
        Assert.Equal(CriterionStatus.NotApplicable, criterion.Status);
        Assert.Equal((0m, 0m), (criterion.Points, criterion.MaxPoints));
        Assert.Null(criterion.Value);
        Assert.Equal("Giải ngân vốn đầu tư công: không áp dụng đối với đơn vị này, không tính vào điểm tối đa.", criterion.Explanation);
        Assert.Equal((2m, 2m, 100m), (card.Points, card.MaxPoints, card.Index));
    }

    [Fact]
    public async Task Score_NotApplicableTrue_InputsOnlyTheRestReadsMayBeMissing()
    {
        var card = await _set.ScoreAsync("xa", ("coDuAn", false), ("coKeHoach", true));

        Assert.Empty(card.Problems);
        Assert.True(card.Complete);
    }

    [Fact]
    public async Task Score_NotApplicableFalse_ScoresTheCriterion()
    {
        var card = await _set.ScoreAsync("xa", ("coDuAn", true), ("vonKeHoach", 1000), ("vonGiaiNgan", 475), ("coKeHoach", true));

        var criterion = card.Criterion("GIAI_NGAN");
        Assert.Equal(CriterionStatus.Partial, criterion.Status);
        Assert.Equal((1m, 2m), (criterion.Points, criterion.MaxPoints));
        Assert.Equal(CriterionStatus.Met, card.Criterion("NHOM").Status);
        Assert.Equal((4m, 5m), (card.Points, card.MaxPoints));
    }

    [Fact]
    public async Task Score_NotApplicableInputMissing_IsMissingDataKeptInTheMaximum()
    {
        var card = await _set.ScoreAsync("xa", ("vonKeHoach", 1000), ("vonGiaiNgan", 1000), ("coKeHoach", true));

        var criterion = card.Criterion("GIAI_NGAN");
        Assert.Equal(CriterionStatus.MissingData, criterion.Status);
        Assert.Equal((0m, 2m), (criterion.Points, criterion.MaxPoints));
        Assert.Equal("coDuAn", Assert.Single(card.Problems).Input);
    }

    [Fact]
    public async Task Score_CompositeNotApplicable_TakesItsSubCriteriaOutOfTheMaximum()
    {
        var card = await _set.ScoreAsync("xa", ("coDuAn", false), ("coKeHoach", false));

        var composite = card.Criterion("NHOM");
        Assert.Equal(CriterionStatus.NotApplicable, composite.Status);
        Assert.Equal((0m, 0m), (composite.Points, composite.MaxPoints));
        Assert.Equal((0m, 2m, 0m), (card.Points, card.MaxPoints, card.Index));
    }
}
