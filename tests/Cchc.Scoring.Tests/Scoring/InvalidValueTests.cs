using Cchc.Scoring.Cards;
using Cchc.Scoring.Tests.Support;

namespace Cchc.Scoring.Tests.Scoring;

/// <summary>One criterion per input type: a bad value spoils its own criterion only.</summary>
public sealed class InvalidValueTests : IDisposable
{
    private const string Inputs = """
        [
          { "name": "soLuong", "type": "count", "label": "Số lượng" },
          { "name": "tyLe", "type": "percent", "label": "Tỷ lệ (%)" },
          { "name": "giaTri", "type": "number", "label": "Giá trị", "min": 0, "max": 1000 },
          { "name": "ngay", "type": "date", "label": "Ngày ban hành" },
          { "name": "xepLoai", "type": "choice", "label": "Xếp loại",
            "options": [ { "value": "tot", "label": "Tốt" }, { "value": "kha", "label": "Khá" } ] },
          { "name": "coKhong", "type": "bool", "label": "Có thực hiện" }
        ]
        """;

    private const string Rules = """
        [
          { "RuleName": "C_COUNT", "LocalParams": [ { "Name": "value", "Expression": "soLuong" } ], "Expression": "value >= 1",
            "Properties": { "title": "Số lượng", "area": "chung", "format": "count", "scoring": { "method": "passFail", "points": 1 } } },
          { "RuleName": "C_PERCENT", "LocalParams": [ { "Name": "value", "Expression": "tyLe" } ], "Expression": "value >= 50",
            "Properties": { "title": "Tỷ lệ", "area": "chung", "format": "percent", "scoring": { "method": "passFail", "points": 1 } } },
          { "RuleName": "C_NUMBER", "LocalParams": [ { "Name": "value", "Expression": "giaTri" } ], "Expression": "value >= 10",
            "Properties": { "title": "Giá trị", "area": "chung", "scoring": { "method": "passFail", "points": 1 } } },
          { "RuleName": "C_DATE", "LocalParams": [ { "Name": "value", "Expression": "ngay" } ], "Expression": "value <= Fn.Date(2023, 2, 28)",
            "Properties": { "title": "Ngày", "area": "chung", "format": "date", "scoring": { "method": "passFail", "points": 1 } } },
          { "RuleName": "C_CHOICE", "LocalParams": [ { "Name": "value", "Expression": "xepLoai" } ], "Expression": "value == \"tot\"",
            "Properties": { "title": "Xếp loại", "area": "chung", "scoring": { "method": "passFail", "points": 1 } } },
          { "RuleName": "C_BOOL", "LocalParams": [ { "Name": "value", "Expression": "coKhong" } ], "Expression": "value == true",
            "Properties": { "title": "Có thực hiện", "area": "chung", "format": "bool", "scoring": { "method": "passFail", "points": 1 } } }
        ]
        """;

    private static readonly Dictionary<string, string> Criterion = new()
    {
        ["soLuong"] = "C_COUNT",
        ["tyLe"] = "C_PERCENT",
        ["giaTri"] = "C_NUMBER",
        ["ngay"] = "C_DATE",
        ["xepLoai"] = "C_CHOICE",
        ["coKhong"] = "C_BOOL",
    };

    private readonly TempRuleSet _set = TempRuleSet.Create(Inputs, Rules, areas: """[ { "id": "chung", "title": "Chung", "maxPoints": 6 } ]""");

    public void Dispose() => _set.Dispose();

    public static TheoryData<string, string, string> BadText => new()
    {
        { "soLuong", "-1", "không được âm" },
        { "soLuong", "2,5", "phải là số nguyên" },
        { "tyLe", "120", "vượt quá 100" },
        { "tyLe", "-0,5", "không được âm" },
        { "giaTri", "abc", "không phải số" },
        { "giaTri", "1000,5", "lớn hơn giá trị tối đa 1.000" },
        { "ngay", "2023-02-30", "không phải ngày hợp lệ" },
        { "ngay", "31/02/2023", "không phải ngày hợp lệ" },
        { "xepLoai", "xuat-sac", "không thuộc các lựa chọn: tot, kha" },
        { "coKhong", "có lẽ", "không phải giá trị có/không" },
    };

    private Task<ScoreCard> ScoreWithAsync(string input, object bad)
    {
        var values = new Dictionary<string, object?>
        {
            ["soLuong"] = 3,
            ["tyLe"] = "72,5",
            ["giaTri"] = 12.5m,
            ["ngay"] = "2023-02-18",
            ["xepLoai"] = "tot",
            ["coKhong"] = "có",
            [input] = bad,
        };
        return _set.ScoreAsync("xa", [.. values.Select(kv => (kv.Key, kv.Value))]);
    }

    [Fact]
    public async Task Score_AllValuesValid_EveryCriterionIsMet()
    {
        var card = await ScoreWithAsync("soLuong", 3);

        Assert.All(card.Criteria, c => Assert.Equal(CriterionStatus.Met, c.Status));
        Assert.Equal(6m, card.Points);
        Assert.Empty(card.Problems);
    }

    [Theory]
    [MemberData(nameof(BadText))]
    public async Task Score_InvalidText_IsReportedAndOnlyItsCriterionIsMissingData(string input, string bad, string reason)
    {
        var card = await ScoreWithAsync(input, bad);

        AssertInvalid(card, input, bad, reason);
    }

    [Fact]
    public async Task Score_NegativeCountAsNumber_IsInvalid()
    {
        var card = await ScoreWithAsync("soLuong", -1m);

        AssertInvalid(card, "soLuong", "-1", "không được âm");
    }

    [Fact]
    public async Task Score_PercentAbove100AsNumber_IsInvalid()
    {
        var card = await ScoreWithAsync("tyLe", 120m);

        AssertInvalid(card, "tyLe", "120", "tỷ lệ phần trăm vượt quá 100");
    }

    [Fact]
    public async Task Score_NonIntegerCountAsNumber_IsInvalid()
    {
        var card = await ScoreWithAsync("soLuong", 2.5m);

        AssertInvalid(card, "soLuong", "2.5", "phải là số nguyên");
    }

    [Fact]
    public async Task Score_InvalidValue_ExplanationNamesTheLabelValueAndReason()
    {
        var card = await ScoreWithAsync("tyLe", "120");

        Assert.Contains("Tỷ lệ (%): '120' tỷ lệ phần trăm vượt quá 100", card.Criterion("C_PERCENT").Explanation, StringComparison.Ordinal);
    }

    private static void AssertInvalid(ScoreCard card, string input, string shown, string reason)
    {
        var problem = Assert.Single(card.Problems);
        Assert.Equal(input, problem.Input);
        Assert.Equal(DataProblemKind.Invalid, problem.Kind);
        Assert.Equal(shown, problem.Value);
        Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);

        var spoiled = card.Criterion(Criterion[input]);
        Assert.Equal(CriterionStatus.MissingData, spoiled.Status);
        Assert.Equal(0m, spoiled.Points);
        Assert.Equal(1m, spoiled.MaxPoints);

        Assert.All(card.Criteria.Where(c => c.Id != spoiled.Id), c => Assert.Equal(CriterionStatus.Met, c.Status));
        Assert.Equal(5m, card.Points);
        Assert.Equal(6m, card.MaxPoints);
        Assert.Equal(83.33m, card.Index);
    }
}
