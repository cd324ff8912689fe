using Cchc.Rules.Testing;
using Cchc.Scoring.Tests.Support;
using Cchc.Scoring.Testing;

namespace Cchc.Scoring.Tests.Testing;

public class AnalystTestRunnerTests
{
    private static readonly Dictionary<string, object?> OnTimeXa = new(StringComparer.Ordinal)
    {
        ["code"] = "T-XA",
        ["name"] = "Xã thử",
        ["level"] = "xa",
        ["ngayBanHanhKeHoachCchc"] = "2023-02-18",
    };

    private static TestExpectation Expect(
        IReadOnlyDictionary<string, CriterionExpectation>? criteria = null,
        decimal? points = null,
        decimal? maxPoints = null,
        decimal? index = null,
        string? grade = null,
        bool checksGrade = false,
        IReadOnlyList<string>? problems = null)
        => new(points, maxPoints, index, grade, checksGrade, problems, criteria ?? new Dictionary<string, CriterionExpectation>());

    private static AnalystTestCase Case(TestExpectation expect, IReadOnlyDictionary<string, object?>? unit = null)
        => new("viết tay", "tests/viet-tay.json", 1, unit ?? OnTimeXa, expect);

    [Fact]
    public async Task RunAsync_ShippedRuleSet_EveryCasePasses()
    {
        var results = await AnalystTestRunner.RunAsync(Shipped.Engine);

        Assert.Equal(Shipped.RuleSet.TestCases.Count, results.Count);
        Assert.True(results.Count >= 20, $"only {results.Count} cases were found");
        var failures = results.Where(r => !r.Passed).Select(r => $"{r.Case.File}:{r.Case.Line} {r.Case.Name}: {string.Join("; ", r.Failures)}").ToList();
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.All(results, r => Assert.NotNull(r.Card));
    }

    [Fact]
    public async Task RunAsync_WrongStatus_IsAFailureNamingTheCriterion()
    {
        var wrong = Case(Expect(new Dictionary<string, CriterionExpectation> { ["MT7.1"] = new("notMet", null) }));

        var result = await AnalystTestRunner.RunCaseAsync(Shipped.Engine, wrong);

        Assert.False(result.Passed);
        var failure = Assert.Single(result.Failures);
        Assert.StartsWith("MT7.1 status: mong đợi notMet, kết quả met", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_RightStatusAndPoints_Passes()
    {
        var right = Case(Expect(new Dictionary<string, CriterionExpectation>
        {
            ["MT7.1"] = new("met", 1),
            ["MT7.2"] = new("notApplicable", 0),
            ["MT2.5a"] = new("missingData", 0),
        }));

        var result = await AnalystTestRunner.RunCaseAsync(Shipped.Engine, right);

        Assert.True(result.Passed, string.Join("; ", result.Failures));
    }

    [Fact]
    public async Task RunAsync_UnknownCriterion_IsAFailureNamingIt()
    {
        var wrong = Case(Expect(new Dictionary<string, CriterionExpectation> { ["MT9.9"] = new("met", null), ["MT7.1"] = new("met", 1) }));

        var result = await AnalystTestRunner.RunCaseAsync(Shipped.Engine, wrong);

        Assert.False(result.Passed);
        Assert.Equal("MT9.9: bộ tiêu chí không có tiêu chí này", Assert.Single(result.Failures));
    }

    [Fact]
    public async Task RunAsync_WrongPoints_IsAFailureNamingTheCriterion()
    {
        var wrong = Case(Expect(new Dictionary<string, CriterionExpectation> { ["MT7.1"] = new(null, 0.5m) }));

        var result = await AnalystTestRunner.RunCaseAsync(Shipped.Engine, wrong);

        Assert.StartsWith("MT7.1 points: mong đợi 0.5, kết quả 1", Assert.Single(result.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_WrongTotals_ReportsEachOne()
    {
        // Only MT7.1 can be scored; every other criterion of a xã is missing data: 1 point of 18.
        var wrong = Case(Expect(points: 2, maxPoints: 17, index: 5.55m, grade: "Hoàn thành một phần mục tiêu", checksGrade: true, problems: ["tyLeHaiLong"]));

        var result = await AnalystTestRunner.RunCaseAsync(Shipped.Engine, wrong);

        Assert.Equal(5, result.Failures.Count);
        Assert.Contains("points: mong đợi 2, kết quả 1", result.Failures);
        Assert.Contains("maxPoints: mong đợi 17, kết quả 18", result.Failures);
        Assert.Contains("index: mong đợi 5.55, kết quả 5.56", result.Failures);
        Assert.Contains("grade: mong đợi 'Hoàn thành một phần mục tiêu', kết quả 'Chưa hoàn thành mục tiêu'", result.Failures);
        Assert.Contains(result.Failures, f => f.StartsWith("problems: mong đợi [tyLeHaiLong], kết quả [", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_UnitWithoutCode_IsAFailureNotAnException()
    {
        var unit = new Dictionary<string, object?>(OnTimeXa) { ["code"] = null };

        var result = await AnalystTestRunner.RunCaseAsync(Shipped.Engine, Case(Expect(), unit));

        Assert.False(result.Passed);
        Assert.Null(result.Card);
        Assert.StartsWith("không chấm điểm được đơn vị: tests/viet-tay.json, dòng 1: code", Assert.Single(result.Failures), StringComparison.Ordinal);
    }
}
