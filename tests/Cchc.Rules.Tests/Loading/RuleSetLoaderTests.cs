using Cchc.Rules.Diagnostics;
using Cchc.Rules.Loading;
using Cchc.Rules.Model;

namespace Cchc.Rules.Tests.Loading;

public class RuleSetLoaderTests
{
    private static RuleDiagnostic SingleError(RuleSetLoadResult result)
    {
        Assert.False(result.Succeeded);
        Assert.Null(result.RuleSet);
        return Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void Load_ValidRuleSet_CompilesWithCriteriaInputsAndTarget()
    {
        var result = TempRuleSet.Load();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var ruleSet = result.RuleSet!;
        Assert.Equal(["R1", "R2"], ruleSet.Criteria.Select(c => c.Id));
        var r1 = ruleSet.Criteria[0];
        Assert.Equal(Comparison.AtLeast, r1.Comparison);
        Assert.Equal(60m, r1.ConstantTarget);
        Assert.Equal(["soDat", "tong"], r1.Inputs);
        Assert.Equal(["tong"], r1.NoOccurrenceInputs);
        Assert.Equal(64, ruleSet.Sha256.Length);
    }

    [Fact]
    public void Load_MisspeltField_NamesFileLineRuleAndSuggestion()
    {
        var workflow = TempRuleSet.DefaultWorkflow.Replace("\"Expression\": \"value >= 90\"", "\"Expresion\": \"value >= 90\"", StringComparison.Ordinal);

        var result = TempRuleSet.Load(workflow: workflow);

        var error = Assert.Single(result.Diagnostics, d => d.Code == "CCHC010");
        Assert.Equal("w.json", error.File);
        Assert.Equal(16, error.Line);
        Assert.Equal("R2", error.RuleId);
        Assert.Contains("'Expresion'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Có phải ý bạn là 'Expression'?", error.Hint, StringComparison.Ordinal);
        Assert.Null(result.RuleSet);
    }

    [Fact]
    public void Load_WrongCase_SaysNamesAreCaseSensitive()
    {
        var workflow = TempRuleSet.DefaultWorkflow.Replace("\"RuleName\": \"R2\"", "\"ruleName\": \"R2\"", StringComparison.Ordinal);

        var result = TempRuleSet.Load(workflow: workflow);

        Assert.Contains(result.Diagnostics, d => d.Message.Contains("'ruleName'", StringComparison.Ordinal) && d.Hint!.Contains("phân biệt chữ hoa, chữ thường", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("Thiếu trường bắt buộc 'RuleName'", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_DuplicateRuleName_IsRefused()
    {
        var workflow = TempRuleSet.DefaultWorkflow.Replace("\"RuleName\": \"R2\"", "\"RuleName\": \"R1\"", StringComparison.Ordinal);

        var result = TempRuleSet.Load(workflow: workflow);

        var error = Assert.Single(result.Diagnostics, d => d.Code == "CCHC040");
        Assert.Equal("R1", error.RuleId);
        Assert.True(error.Line > 0);
        Assert.Contains("RuleName 'R1' bị dùng hai lần (lần đầu ở w.json, dòng", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("value >= 60 &&", "CCHC030", "Không đọc được biểu thức `value >= 60 &&`")]
    [InlineData("value >= 60 && tongg > 0", "CCHC030", "Có phải ý bạn là 'tong'?")]
    [InlineData("value + 1", "CCHC032", "cho ra một số, nhưng điều kiện đạt phải cho ra true hoặc false")]
    [InlineData("value.GetType().Name != \"\"", "CCHC031", "GetType()")]
    [InlineData("ngay < DateTime.Now", "CCHC031", "DateTime.Now đọc đồng hồ")]
    [InlineData("DateTime.Today.Year > 2000", "CCHC031", "DateTime.Today đọc đồng hồ")]
    [InlineData("DateTime.UtcNow.Year > 2000", "CCHC031", "DateTime.UtcNow đọc đồng hồ")]
    [InlineData("System.IO.File.Exists(\"x\")", "CCHC030", "'System' là không gian tên hoặc kiểu của .NET")]
    [InlineData("Enumerable.Range(0, 10).Count() > 1", "CCHC031", "không được dùng Enumerable.Range")]
    [InlineData("Enumerable.Repeat(1, 5).Sum() > 1", "CCHC031", "không được dùng Enumerable.Repeat")]
    [InlineData("\"a\".PadLeft(5) == \"a\"", "CCHC031", "không được dùng String.PadLeft")]
    [InlineData("Guid.NewGuid() != Guid.Empty", "CCHC031", "Guid.NewGuid' cho kết quả khác nhau mỗi lần chạy")]
    [InlineData("Environment.MachineName == \"x\"", "CCHC030", "'Environment' là không gian tên hoặc kiểu của .NET")]
    public void Load_ExpressionOutsideTheRules_IsRefusedWithReason(string expression, string code, string reason)
    {
        var result = TempRuleSet.Load(workflow: TempRuleSet.WorkflowWithExpression(expression));

        Assert.False(result.Succeeded);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.All(errors, e => Assert.Equal("R1", e.RuleId));
        var error = errors[0];
        Assert.StartsWith(code, error.Code, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message + " " + error.Hint, StringComparison.Ordinal);
        Assert.Equal("w.json", error.File);
        Assert.Equal(10, error.Line);
        Assert.True(error.Column > 1);
    }

    [Fact]
    public void Load_UnknownName_PointsAtItsColumnInsideTheExpression()
    {
        var workflow = TempRuleSet.WorkflowWithExpression("value >= 60 && tongg > 0");

        var error = SingleError(TempRuleSet.Load(workflow: workflow));

        var line = workflow.Split('\n')[error.Line - 1];
        Assert.Equal(line.IndexOf("tongg", StringComparison.Ordinal) + 1, error.Column);
    }

    [Fact]
    public void Load_ManyErrorsInOneFile_AreAllReportedInOneRun()
    {
        var workflow = TempRuleSet.DefaultWorkflow
            .Replace("\"Expression\": \"value >= 60\"", "\"Expression\": \"value >= 60 &&\"", StringComparison.Ordinal)
            .Replace("\"Expression\": \"value >= 90\"", "\"Expression\": \"DateTime.Now.Year > 1\"", StringComparison.Ordinal)
            .Replace("\"format\": \"percent\",\n                \"scoring\"", "\"formatt\": \"percent\",\n                \"scoring\"", StringComparison.Ordinal)
            .Replace("{ \"min\": 70, \"points\": 1 }", "{ \"min\": 95, \"points\": 1 }", StringComparison.Ordinal);

        var result = TempRuleSet.Load(workflow: workflow);

        var codes = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Code).ToList();
        Assert.Contains("CCHC030", codes);
        Assert.Contains("CCHC031", codes);
        Assert.Contains("CCHC053", codes);
        Assert.True(codes.Count >= 3, string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void Load_AreaPointsDoNotAddUp_IsRefused()
    {
        var manifest = TempRuleSet.DefaultManifest.Replace("\"maxPoints\": 3 }", "\"maxPoints\": 4 }", StringComparison.Ordinal).Replace("\"maxPoints\": 3,", "\"maxPoints\": 4,", StringComparison.Ordinal);

        var result = TempRuleSet.Load(manifest: manifest);

        var error = SingleError(result);
        Assert.Equal("CCHC025", error.Code);
        Assert.Equal("ruleset.json", error.File);
        Assert.Contains("khai báo 'maxPoints' là 4 nhưng điểm các tiêu chí của lĩnh vực cộng lại là 3 (R1: 1 + R2: 2)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RuleSetMaxDiffersFromAreas_IsRefused()
    {
        var manifest = TempRuleSet.DefaultManifest.Replace("\"maxPoints\": 3,", "\"maxPoints\": 5,", StringComparison.Ordinal);

        var error = SingleError(TempRuleSet.Load(manifest: manifest));

        Assert.Equal("CCHC025", error.Code);
        Assert.Equal("Điểm của các lĩnh vực cộng lại là 3 nhưng 'maxPoints' là 5.", error.Message);
    }

    [Fact]
    public void Load_TieBreakAreas_AreReadInOrder()
    {
        var manifest = TempRuleSet.DefaultManifest.Replace("\"workflows\"", "\"ranking\": { \"tieBreaks\": [ { \"area\": \"a\" } ] },\n  \"workflows\"", StringComparison.Ordinal);

        var result = TempRuleSet.Load(manifest: manifest);

        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(["a"], result.RuleSet!.TieBreakAreas);
    }

    [Fact]
    public void Load_TieBreakOnUnknownArea_IsRefusedWithSuggestion()
    {
        var manifest = TempRuleSet.DefaultManifest.Replace("\"workflows\"", "\"ranking\": { \"tieBreaks\": [ { \"area\": \"A\" } ] },\n  \"workflows\"", StringComparison.Ordinal);

        var error = SingleError(TempRuleSet.Load(manifest: manifest));

        Assert.Equal("CCHC037", error.Code);
        Assert.Contains("'a'", error.Hint, StringComparison.Ordinal);
        Assert.True(error.Line > 0);
    }

    [Fact]
    public void Load_GradeBandsWithAGap_IsRefused()
    {
        var manifest = TempRuleSet.DefaultManifest.Replace("\"from\": 0, \"to\": 80", "\"from\": 0, \"to\": 70", StringComparison.Ordinal);

        var error = SingleError(TempRuleSet.Load(manifest: manifest));

        Assert.Equal("CCHC028", error.Code);
        Assert.Contains("để hở một khoảng", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BandsPointsAboveMax_IsRefused()
    {
        var workflow = TempRuleSet.DefaultWorkflow.Replace("{ \"min\": 90, \"points\": 2 }", "{ \"min\": 90, \"points\": 3 }", StringComparison.Ordinal);

        var result = TempRuleSet.Load(workflow: workflow);

        Assert.Contains(result.Diagnostics, d => d.Code == "CCHC052" && d.RuleId == "R2");
    }

    [Fact]
    public void Load_UnknownArea_SuggestsTheDeclaredOne()
    {
        var workflow = TempRuleSet.DefaultWorkflow.Replace("\"title\": \"Hài lòng\", \"area\": \"a\"", "\"title\": \"Hài lòng\", \"area\": \"b\"", StringComparison.Ordinal);

        var result = TempRuleSet.Load(workflow: workflow);

        Assert.Contains(result.Diagnostics, d => d.Code == "CCHC042" && d.RuleId == "R2" && d.Message.Contains("'b'", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_UnknownPlaceholder_IsRefused()
    {
        var workflow = TempRuleSet.DefaultWorkflow.Replace("\"title\": \"Tỷ lệ đạt\",", "\"title\": \"Tỷ lệ đạt\", \"explanations\": { \"met\": \"Đạt {valeu}\" },", StringComparison.Ordinal);

        var error = SingleError(TempRuleSet.Load(workflow: workflow));

        Assert.Equal("CCHC060", error.Code);
        Assert.Contains("{value}", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CommentInWorkflow_IsRefusedBecauseRulesEngineCannotReadIt()
    {
        var workflow = "// ghi chú\n" + TempRuleSet.DefaultWorkflow;

        var error = SingleError(TempRuleSet.Load(workflow: workflow));

        Assert.Equal("CCHC003", error.Code);
        Assert.Equal("w.json", error.File);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Load_MethodFieldOfAnotherMethod_IsRefused()
    {
        var workflow = TempRuleSet.DefaultWorkflow.Replace("{ \"method\": \"passFail\", \"points\": 1 }", "{ \"method\": \"passFail\", \"points\": 1, \"fullAt\": 80 }", StringComparison.Ordinal);

        var error = SingleError(TempRuleSet.Load(workflow: workflow));

        Assert.Equal("CCHC050", error.Code);
        Assert.Contains("'linear'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFolder_ReportsIt()
    {
        var result = new RuleSetLoader().Load(Path.Combine(Path.GetTempPath(), "khong-co-" + Guid.NewGuid().ToString("N")));

        Assert.Equal("CCHC001", SingleError(result).Code);
    }

    [Fact]
    public void LoadOrThrow_InvalidRuleSet_ThrowsWithEveryDiagnostic()
    {
        using var set = new TempRuleSet(workflow: TempRuleSet.WorkflowWithExpression("value >= 60 &&"));

        var exception = Assert.Throws<RuleSetValidationException>(() => new RuleSetLoader().LoadOrThrow(set.Directory));

        Assert.Single(exception.Diagnostics);
        Assert.Contains("w.json(10,", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TargetParameter_IsComparedWithValue()
    {
        var manifest = TempRuleSet.DefaultManifest.Replace("{ \"name\": \"tyLe\"", "{ \"name\": \"nam\", \"type\": \"number\", \"label\": \"Năm\", \"min\": 2021, \"max\": 2030 },\n    { \"name\": \"tyLe\"", StringComparison.Ordinal);
        var workflow = TempRuleSet.DefaultWorkflow.Replace(
            "{ \"Name\": \"value\", \"Expression\": \"Fn.Percent(soDat, tong)\" }",
            "{ \"Name\": \"value\", \"Expression\": \"Fn.Percent(soDat, tong)\" }, { \"Name\": \"target\", \"Expression\": \"Fn.Roadmap(20, 2021, 2025, nam)\" }",
            StringComparison.Ordinal).Replace("\"Expression\": \"value >= 60\"", "\"Expression\": \"target <= value\"", StringComparison.Ordinal);

        var result = TempRuleSet.Load(manifest, workflow);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(Comparison.AtLeast, result.RuleSet!.Criteria[0].Comparison);
        Assert.Null(result.RuleSet.Criteria[0].ConstantTarget);
    }

    [Fact]
    public void Load_DateDeadline_IsTheConstantTarget()
    {
        var workflow = TempRuleSet.DefaultWorkflow.Replace(
            "{ \"Name\": \"value\", \"Expression\": \"Fn.Percent(soDat, tong)\" }",
            "{ \"Name\": \"value\", \"Expression\": \"ngay\" }",
            StringComparison.Ordinal).Replace("\"Expression\": \"value >= 60\"", "\"Expression\": \"value < Fn.Date(2023, 2, 19)\"", StringComparison.Ordinal)
            .Replace("\"area\": \"a\", \"format\": \"percent\", \"scoring\": { \"method\": \"passFail\"", "\"area\": \"a\", \"format\": \"date\", \"scoring\": { \"method\": \"passFail\"", StringComparison.Ordinal);

        var result = TempRuleSet.Load(workflow: workflow);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(Comparison.LessThan, result.RuleSet!.Criteria[0].Comparison);
        Assert.Equal(new DateTime(2023, 2, 19), result.RuleSet.Criteria[0].ConstantTarget);
    }
}
