using Cchc.Rules.Diagnostics;
using Cchc.Rules.Loading;

namespace Cchc.Rules.Tests.Diagnostics;

/// <summary>
/// Issue 11: one mistake in a copy of the shipped commune rule set gives exactly one error — its code, its file and
/// line, and a hint that is true (the name it suggests exists where it says). Follow-on errors are grouped under it.
/// </summary>
public sealed class OneMistakeOneErrorTests
{
    private const string Tthc = "workflows/3-tthc.json";

    private static string Shipped => Path.Combine(Paths.Rules, "chi-so-cchc-xa");

    /// <summary>Makes one edit (the first occurrence of <paramref name="old"/> after <paramref name="after"/>) in a copy and loads it.</summary>
    private static (RuleSetLoadResult Result, RuleDiagnostic Error, string[] Lines) Mistake(string file, string old, string replacement, string? after = null)
    {
        using var copy = new RuleSetCopy(Shipped);
        string[] lines = [];
        copy.Edit(file, text =>
        {
            var from = after is null ? 0 : text.IndexOf(after, StringComparison.Ordinal);
            Assert.True(from >= 0, after);
            var at = text.IndexOf(old, from, StringComparison.Ordinal);
            Assert.True(at >= 0, old);
            var edited = string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + old.Length));
            lines = edited.Split('\n');
            return edited;
        });
        var result = new RuleSetLoader { CheckWithRulesEngine = false }.Load(copy.Directory);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 1, string.Join(Environment.NewLine, errors));
        return (result, errors[0], lines);
    }

    private static string LineOf(string[] lines, RuleDiagnostic error) => lines[error.Line - 1];

    private static void AssertSuggests(RuleDiagnostic error, string name)
        => Assert.True(error.Hint?.StartsWith($"Có phải ý bạn là '{name}'?", StringComparison.Ordinal) == true, error.ToString());

    [Fact]
    public void InputNameTypoInAParameter_OneErrorNamingTheInput_ClosestDeclaredInputSuggested()
    {
        var (result, error, lines) = Mistake(Tthc, "Fn.Percent(hoSoLuanChuyenDienTu, hoSoLuanChuyen)", "Fn.Percent(hoSoLuanChuyenDienTuu, hoSoLuanChuyen)", "\"RuleName\": \"3.4\"");

        Assert.Equal(("CCHC030", Tthc, "3.4"), (error.Code, error.File, error.RuleId));
        Assert.Contains("hoSoLuanChuyenDienTuu", LineOf(lines, error), StringComparison.Ordinal);
        Assert.Contains("'hoSoLuanChuyenDienTuu' không phải đầu vào", error.Message, StringComparison.Ordinal);
        AssertSuggests(error, "hoSoLuanChuyenDienTu");
        Assert.Contains(Inputs(), i => i == "hoSoLuanChuyenDienTu");
        Assert.Null(result.RuleSet);
    }

    [Fact]
    public void InputNameTypoInTheExpression_OneError_NoHintWhenNothingIsClose()
    {
        var (_, error, lines) = Mistake(Tthc, "\"Expression\": \"value >= 60\"", "\"Expression\": \"value >= 60 && khongCoTenNayDauCa > 0\"", "\"RuleName\": \"3.4\"");

        Assert.Equal(("CCHC030", "3.4"), (error.Code, error.RuleId));
        Assert.Contains("khongCoTenNayDauCa", LineOf(lines, error), StringComparison.Ordinal);
        Assert.DoesNotContain("Có phải ý bạn là", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void MisspeltFullAt_OneErrorOnTheField_HintIsTheMethodsOwnField()
    {
        var (_, error, lines) = Mistake(Tthc, "\"fullAt\": 60", "\"fulAt\": 60", "\"RuleName\": \"3.4\"");

        Assert.Equal(("CCHC050", "3.4"), (error.Code, error.RuleId));
        Assert.Contains("\"fulAt\"", LineOf(lines, error), StringComparison.Ordinal);
        Assert.Equal("Phương pháp chấm 'linear' không có trường 'fulAt'.", error.Message);
        AssertSuggests(error, "fullAt");
    }

    [Fact]
    public void MisspeltFullAtOnAPassFailRule_NoFullAtSuggested()
    {
        var (_, error, _) = Mistake("workflows/1-chi-dao-dieu-hanh.json", "\"method\": \"passFail\",", "\"method\": \"passFail\", \"fulAt\": 60,");

        Assert.Equal("CCHC050", error.Code);
        Assert.DoesNotContain("fullAt", error.Hint, StringComparison.Ordinal);
        Assert.DoesNotContain("fullAt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ThresholdChangedInTheExpressionOnly_OneErrorNamingBothPlaces()
    {
        var (_, error, lines) = Mistake(Tthc, "\"Expression\": \"value >= 60\"", "\"Expression\": \"value >= 70\"", "\"RuleName\": \"3.4\"");

        Assert.Equal(("CCHC047", "3.4"), (error.Code, error.RuleId));
        Assert.Contains("\"fullAt\": 60", LineOf(lines, error), StringComparison.Ordinal);
        var expressionLine = Array.FindIndex(lines, l => l.Contains("\"value >= 70\"", StringComparison.Ordinal)) + 1;
        Assert.Contains($"`value >= 70` (dòng {expressionLine})", error.Message, StringComparison.Ordinal);
        Assert.Contains("'fullAt' là 60", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingComma_OneErrorWithLineAndColumn_NothingElseFromTheFileNorItsTests()
    {
        var (_, error, lines) = Mistake(Tthc, "\"method\": \"linear\",", "\"method\": \"linear\"", "\"RuleName\": \"3.4\"");

        Assert.Equal(("CCHC002", Tthc), (error.Code, error.File));
        Assert.Contains("\"points\"", LineOf(lines, error), StringComparison.Ordinal);
        Assert.Contains("\"method\": \"linear\"", lines[error.Line - 2], StringComparison.Ordinal);
        Assert.True(error.Column > 0);
        Assert.Contains("thiếu dấu phẩy", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void RuleIdDuplicated_OneError_NeitherTheAreaSumNorTheTestsOfTheLostId()
    {
        var (_, error, lines) = Mistake(Tthc, "\"RuleName\": \"3.4\"", "\"RuleName\": \"3.3\"");

        Assert.Equal(("CCHC040", "3.3"), (error.Code, error.RuleId));
        Assert.Contains("\"RuleName\": \"3.3\"", LineOf(lines, error), StringComparison.Ordinal);
        var first = Array.FindIndex(lines, l => l.Contains("\"RuleName\": \"3.3\"", StringComparison.Ordinal)) + 1;
        Assert.NotEqual(first, error.Line);
        Assert.Contains($"dòng {first}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PointsThatDoNotAddUp_OneErrorListingTheTerms()
    {
        var (_, error, _) = Mistake(Tthc, "\"points\": 2,", "\"points\": 2.5,", "\"RuleName\": \"3.4\"");

        Assert.Equal(("CCHC025", "ruleset.json"), (error.Code, error.File));
        Assert.Contains("cộng lại là 20,5 (3.1: 3 + 3.2: 5 + 3.3: 1 + 3.4: 2,5 + 3.5: 4 + 3.6: 2 + 3.7: 1,5 + 3.8: 1,5)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AreaMaxPointsEdited_OneErrorAtTheArea_NotAlsoTheRuleSetTotal()
    {
        var (_, error, lines) = Mistake("ruleset.json", "\"maxPoints\": 20", "\"maxPoints\": 18", "\"id\": \"tthc\"");

        Assert.Equal(("CCHC025", "ruleset.json"), (error.Code, error.File));
        Assert.Contains("\"maxPoints\": 18", LineOf(lines, error), StringComparison.Ordinal);
        Assert.StartsWith("Lĩnh vực 'tthc' khai báo 'maxPoints' là 18 nhưng điểm các tiêu chí của lĩnh vực cộng lại là 20 (", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValueParameterMisnamed_OneErrorAtTheName_NotTheExpressionNorTheMethodThatReadIt()
    {
        var (_, error, lines) = Mistake(Tthc, "\"Name\": \"value\"", "\"Name\": \"vaule\"", "\"RuleName\": \"3.4\"");

        Assert.Equal(("CCHC035", "3.4"), (error.Code, error.RuleId));
        Assert.Contains("\"vaule\"", LineOf(lines, error), StringComparison.Ordinal);
        Assert.Equal("Đổi tên tham số thành 'value'.", error.Hint);
    }

    [Fact]
    public void UnknownMethod_OneError_ClosestMethodSuggested_NoSumFollowsFromIt()
    {
        var (_, error, lines) = Mistake(Tthc, "\"method\": \"linear\",", "\"method\": \"lineal\",", "\"RuleName\": \"3.4\"");

        Assert.Equal(("CCHC010", "3.4"), (error.Code, error.RuleId));
        Assert.Contains("lineal", LineOf(lines, error), StringComparison.Ordinal);
        AssertSuggests(error, "linear");
    }

    [Fact]
    public void ParameterReadingALaterOne_OneErrorSayingItIsDeclaredLater()
    {
        var (_, error, lines) = Mistake(Tthc, "\"Expression\": \"hoSoLuanChuyen == 0\"",
            "\"Expression\": \"tong == 0\" }, { \"Name\": \"tong\", \"Expression\": \"hoSoLuanChuyen\"", "\"RuleName\": \"3.4\"");

        Assert.Equal(("CCHC030", "3.4"), (error.Code, error.RuleId));
        Assert.Contains("tong == 0", LineOf(lines, error), StringComparison.Ordinal);
        Assert.Contains($"tham số 'tong' được khai báo sau (dòng {error.Line})", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownArea_OneError_TransposedLettersSuggestTheArea_NoSumFollowsFromIt()
    {
        var (_, error, lines) = Mistake(Tthc, "\"area\": \"tthc\"", "\"area\": \"ttch\"");

        Assert.Equal(("CCHC042", "3.1"), (error.Code, error.RuleId));
        Assert.Contains("ttch", LineOf(lines, error), StringComparison.Ordinal);
        AssertSuggests(error, "tthc");
    }

    [Fact]
    public void InputTypeMisspelt_OneError_ExpressionsAndTestsReadingTheInputFollowFromIt()
    {
        var (_, error, lines) = Mistake("ruleset.json", "\"type\": \"percent\"", "\"type\": \"procent\"", "\"name\": \"tyLeHaiLong\"");

        Assert.Equal(("CCHC010", "ruleset.json"), (error.Code, error.File));
        Assert.Contains("procent", LineOf(lines, error), StringComparison.Ordinal);
        AssertSuggests(error, "percent");
    }

    [Fact]
    public void TestFileTypo_OneErrorInTheTestFile_RuleSetStillLoads()
    {
        var (result, error, lines) = Mistake("tests/3-tthc.json", "\"hoSoLuanChuyen\"", "\"hoSoLuanChuyn\"");

        Assert.Equal(("CCHC070", "tests/3-tthc.json"), (error.Code, error.File));
        Assert.Contains("hoSoLuanChuyn", LineOf(lines, error), StringComparison.Ordinal);
        AssertSuggests(error, "hoSoLuanChuyen");
        Assert.NotNull(result.RuleSet);
        Assert.Equal(1, result.TestErrors);
    }

    [Fact]
    public void RootCauses_AFollowOnOfAFollowOn_GoesWithTheRoot_AndACycleHidesNothing()
    {
        var bag = new DiagnosticBag();
        bag.Error("CCHC900", "f", 1, 1, null, "root", subject: "f#a");
        bag.Error("CCHC901", "f", 2, 1, null, "follows", subject: "f#b/missing", dependsOn: ["f#a"]);
        bag.Error("CCHC902", "f", 3, 1, null, "follows the follow-on", subject: "f#c", dependsOn: ["f#b"]);
        bag.Error("CCHC903", "f", 4, 1, null, "unrelated", subject: "f#ab", dependsOn: ["f#z"]);
        Assert.Equal(["CCHC900", "CCHC903"], DiagnosticBag.RootCauses(bag.Entries).Select(d => d.Code));

        var cycle = new DiagnosticBag();
        cycle.Error("CCHC900", "f", 1, 1, null, "x", subject: "f#x", dependsOn: ["f#y"]);
        cycle.Error("CCHC901", "f", 2, 1, null, "y", subject: "f#y", dependsOn: ["f#x"]);
        Assert.Equal(2, DiagnosticBag.RootCauses(cycle.Entries).Count);
    }

    private static IEnumerable<string> Inputs()
        => new RuleSetLoader { CheckWithRulesEngine = false }.LoadOrThrow(Shipped).Inputs.Select(i => i.Name);
}
