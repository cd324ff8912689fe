using Cchc.Scoring.Cards;
using Cchc.Scoring.Tests.Support;

namespace Cchc.Scoring.Tests.Scoring;

public sealed class BonusPenaltyTests : IDisposable
{
    private const string Inputs = """
        [
          { "name": "dat", "type": "bool", "label": "Đạt" },
          { "name": "soGiaiThuong", "type": "count", "label": "Số giải thưởng" },
          { "name": "coSangKien", "type": "bool", "label": "Có sáng kiến" },
          { "name": "soSaiPham", "type": "count", "label": "Số sai phạm" }
        ]
        """;

    private const string Rules = """
        [
          {
            "RuleName": "BASE",
            "Expression": "dat == true",
            "Properties": { "title": "Tiêu chí cơ bản", "area": "chung", "scoring": { "method": "passFail", "points": 10 } }
          },
          {
            "RuleName": "BONUS_A",
            "LocalParams": [ { "Name": "value", "Expression": "soGiaiThuong" } ],
            "Expression": "value >= 1",
            "Properties": { "title": "Giải thưởng", "kind": "bonus", "format": "count",
              "scoring": { "method": "perItem", "points": 3, "pointsPerItem": 1 } }
          },
          {
            "RuleName": "BONUS_B",
            "Expression": "coSangKien == true",
            "Properties": { "title": "Sáng kiến", "kind": "bonus", "scoring": { "method": "passFail", "points": 1 } }
          },
          {
            "RuleName": "PENALTY",
            "LocalParams": [ { "Name": "value", "Expression": "soSaiPham" } ],
            "Expression": "value > 0",
            "Properties": { "title": "Sai phạm", "kind": "penalty", "format": "count",
              "scoring": { "method": "perItem", "points": 5, "pointsPerItem": 1 } }
          }
        ]
        """;

    private readonly TempRuleSet _set = TempRuleSet.Create(
        Inputs, Rules, areas: """[ { "id": "chung", "title": "Chung", "maxPoints": 10 } ]""", bonusCap: 2, penaltyCap: 3);

    public void Dispose() => _set.Dispose();

    private Task<ScoreCard> ScoreAsync(int giaiThuong, bool sangKien, int saiPham)
        => _set.ScoreAsync("xa", ("dat", true), ("soGiaiThuong", giaiThuong), ("coSangKien", sangKien), ("soSaiPham", saiPham));

    [Fact]
    public async Task Score_BonusBelowCap_IsAddedOutsideTheMaximum()
    {
        var card = await ScoreAsync(giaiThuong: 1, sangKien: false, saiPham: 0);

        Assert.Equal(1m, card.Bonus);
        Assert.Equal(0m, card.Penalty);
        Assert.Equal(11m, card.Points);
        Assert.Equal(10m, card.MaxPoints);
        Assert.Equal(110m, card.Index);
        Assert.Equal(1m, card.Criterion("BONUS_A").Points);
        Assert.Equal(0m, card.Criterion("BONUS_A").MaxPoints);
    }

    [Fact]
    public async Task Score_BonusAboveCap_IsCappedAtBonusCap()
    {
        var card = await ScoreAsync(giaiThuong: 3, sangKien: true, saiPham: 0);

        Assert.Equal(3m, card.Criterion("BONUS_A").Points);
        Assert.Equal(1m, card.Criterion("BONUS_B").Points);
        Assert.Equal(2m, card.Bonus);
        Assert.Equal(12m, card.Points);
        Assert.Equal(10m, card.MaxPoints);
    }

    [Fact]
    public async Task Score_Penalty_IsSubtracted()
    {
        var card = await ScoreAsync(giaiThuong: 0, sangKien: false, saiPham: 2);

        Assert.Equal(-2m, card.Criterion("PENALTY").Points);
        Assert.Equal(0m, card.Criterion("PENALTY").MaxPoints);
        Assert.Equal(2m, card.Penalty);
        Assert.Equal(8m, card.Points);
        Assert.Equal(10m, card.MaxPoints);
        Assert.Equal(80m, card.Index);
    }

    [Fact]
    public async Task Score_PenaltyAboveCap_IsCappedAtPenaltyCap()
    {
        var card = await ScoreAsync(giaiThuong: 0, sangKien: false, saiPham: 5);

        Assert.Equal(-5m, card.Criterion("PENALTY").Points);
        Assert.Equal(3m, card.Penalty);
        Assert.Equal(7m, card.Points);
    }

    [Fact]
    public async Task Score_BonusAndPenalty_StayOutOfTheAreas()
    {
        var card = await ScoreAsync(giaiThuong: 3, sangKien: true, saiPham: 1);

        var area = Assert.Single(card.Areas);
        Assert.Equal(10m, area.Points);
        Assert.Equal(10m, area.MaxPoints);
        Assert.Equal(11m, card.Points); // 10 + 2 (capped bonus) − 1
    }

    [Fact]
    public async Task Score_NoPenaltyIncurred_PenaltyPointsAreAPlainZero()
    {
        var card = await ScoreAsync(giaiThuong: 0, sangKien: false, saiPham: 0);

        var penalty = card.Criterion("PENALTY");
        Assert.Equal(CriterionStatus.NotMet, penalty.Status);
        Assert.Equal("0", penalty.Points.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0m, card.Penalty);
        Assert.Equal(10m, card.Points);
        Assert.DoesNotMatch(@":\s*-0(\.0*)?\s*[,}\n]", ScoreCardJson.Serialize(card));
    }

    [Fact]
    public async Task Score_FullBaseWithBonus_IndexAbove100UnlessTheRuleSetCapsIt()
    {
        using var capped = TempRuleSet.Create(
            Inputs, Rules, areas: """[ { "id": "chung", "title": "Chung", "maxPoints": 10 } ]""", bonusCap: 2, penaltyCap: 3, capAtScale: true);
        (string, object?)[] values = [("dat", true), ("soGiaiThuong", 1), ("coSangKien", false), ("soSaiPham", 0)];

        var open = await _set.ScoreAsync("xa", values);
        var closed = await capped.ScoreAsync("xa", values);

        Assert.Equal((11m, 110m), (open.Points, open.Index!.Value));
        Assert.Equal((11m, 100m), (closed.Points, closed.Index!.Value));
    }
}
