using System.Text.Json;
using Cchc.Cli.Tests.Support;

namespace Cchc.Cli.Tests;

public class CheckCommandTests
{
    private const string Tthc = "workflows/2-tthc.json";

    [Fact]
    public async Task Check_ShippedRuleSet_ExitsZeroAndSaysOk()
    {
        var result = await CchcTool.RunAsync("check", TestFiles.RuleSet);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith($"OK {TestFiles.RuleSetId} ", result.Out, StringComparison.Ordinal);
        Assert.Equal("", result.Error);
    }

    [Fact]
    public async Task Check_ShippedRuleSetById_FindsTheCopyBesideTheTool()
    {
        var result = await CchcTool.RunAsync("check", TestFiles.RuleSetId);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"OK {TestFiles.RuleSetId}", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ShippedRuleSetAsJson_ParsesAndIsValid()
    {
        var result = await CchcTool.RunAsync("check", TestFiles.RuleSet, "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.True(root.GetProperty("valid").GetBoolean());
        Assert.Equal(0, root.GetProperty("errors").GetInt32());
        Assert.Equal(TestFiles.RuleSetId, root.GetProperty("id").GetString());
        Assert.Matches("^[0-9a-f]{64}$", root.GetProperty("sha256").GetString()!);
        Assert.Equal(TestFiles.CriterionIds().Count, root.GetProperty("criteria").GetInt32());
        Assert.Equal(TestFiles.TestCaseCount(), root.GetProperty("testCases").GetInt32());
        Assert.Empty(root.GetProperty("diagnostics").EnumerateArray());
    }

    [Fact]
    public async Task Check_MisspeltField_NamesFileLineRuleAndSuggestsTheField()
    {
        using var ruleSet = new TempRuleSet();
        var line = ruleSet.ReplaceInRule(Tthc, "MT2.2b", "\"Expression\": \"value >= 60\"", "\"Expresion\": \"value >= 60\"");

        var result = await CchcTool.RunAsync("check", ruleSet.Directory);

        AssertInvalid(result);
        var diagnostic = DiagnosticLine.AssertError(result, Tthc, "MT2.2b", "Có phải ý bạn là 'Expression'", line);
        Assert.Contains("'Expresion'", diagnostic.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_FieldInWrongCase_SaysFieldNamesAreCaseSensitive()
    {
        using var ruleSet = new TempRuleSet();
        var line = ruleSet.ReplaceInRule(Tthc, "MT2.2b", "\"Expression\": \"value >= 60\"", "\"expression\": \"value >= 60\"");

        var result = await CchcTool.RunAsync("check", ruleSet.Directory);

        AssertInvalid(result);
        var diagnostic = DiagnosticLine.AssertError(result, Tthc, "MT2.2b", "Có phải ý bạn là 'Expression'", line);
        Assert.Contains("'expression'", diagnostic.Text, StringComparison.Ordinal);
        Assert.Contains("Tên trường phân biệt chữ hoa, chữ thường", diagnostic.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_DuplicateRuleName_NamesTheSecondOccurrenceAndTheFirst()
    {
        using var ruleSet = new TempRuleSet();
        var line = ruleSet.ReplaceInRule(Tthc, "MT2.2b", "\"RuleName\": \"MT2.2b\"", "\"RuleName\": \"MT2.2a\"");

        var result = await CchcTool.RunAsync("check", ruleSet.Directory);

        AssertInvalid(result);
        var diagnostic = DiagnosticLine.AssertError(result, Tthc, "MT2.2a", "RuleName 'MT2.2a' bị dùng hai lần", line);
        Assert.Contains($"lần đầu ở {Tthc}, dòng", diagnostic.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ExpressionThatDoesNotParse_NamesTheRuleAndSaysItDoesNotParse()
    {
        using var ruleSet = new TempRuleSet();
        var line = ruleSet.ReplaceInRule(Tthc, "MT2.2b", "\"Expression\": \"value >= 60\"", "\"Expression\": \"value >= 60 &&\"");

        var result = await CchcTool.RunAsync("check", ruleSet.Directory);

        AssertInvalid(result);
        DiagnosticLine.AssertError(result, Tthc, "MT2.2b", "Không đọc được biểu thức `value >= 60 &&`", line);
    }

    [Fact]
    public async Task Check_UndeclaredInput_SuggestsTheClosestDeclaredInput()
    {
        using var ruleSet = new TempRuleSet();
        var line = ruleSet.ReplaceInRule(Tthc, "MT2.2b", "\"Expression\": \"value >= 60\"", "\"Expression\": \"tyLeHaiLongg >= 60\"");

        var result = await CchcTool.RunAsync("check", ruleSet.Directory);

        AssertInvalid(result);
        var diagnostic = DiagnosticLine.AssertError(result, Tthc, "MT2.2b", "'tyLeHaiLongg' không phải đầu vào của bộ tiêu chí này", line);
        Assert.Contains("Có phải ý bạn là 'tyLeHaiLong'?", diagnostic.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("value.GetType().Name != \"\"", "'GetType()' đọc siêu dữ liệu reflection của .NET")]
    [InlineData("DateTime.Now.Year > 2000", "DateTime.Now đọc đồng hồ của máy")]
    [InlineData("System.IO.File.Exists(\"x\")", "'System' là không gian tên hoặc kiểu của .NET, biểu thức của quy tắc không được dùng")]
    [InlineData("Enumerable.Range(0, 10).Count() > 1", "không được dùng Enumerable.Range")]
    [InlineData("\"a\".PadLeft(5) == \"a\"", "không được dùng String.PadLeft")]
    public async Task Check_ExpressionOutsideTheAllowList_IsRefusedWithTheReason(string expression, string reason)
    {
        using var ruleSet = new TempRuleSet();
        var escaped = expression.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        var line = ruleSet.ReplaceInRule(Tthc, "MT2.2b", "\"Expression\": \"value >= 60\"", $"\"Expression\": \"{escaped}\"");

        var result = await CchcTool.RunAsync("check", ruleSet.Directory);

        AssertInvalid(result);
        var diagnostic = DiagnosticLine.AssertError(result, Tthc, "MT2.2b", reason, line);
        Assert.Contains($"`{expression}`", diagnostic.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_SeveralErrorsInOneFile_ReportsThemAllInOneRun()
    {
        using var ruleSet = new TempRuleSet();
        var misspelt = ruleSet.ReplaceInRule(Tthc, "MT2.2b", "\"Expression\": \"value >= 60\"", "\"Expresion\": \"value >= 60\"");
        var undeclared = ruleSet.ReplaceInRule(Tthc, "MT2.3a", "\"Expression\": \"value >= 60\"", "\"Expression\": \"tyLeHaiLongg >= 60\"");
        var clock = ruleSet.ReplaceInRule(Tthc, "MT2.4", "\"Expression\": \"value >= 50\"", "\"Expression\": \"DateTime.Now.Year > 2000\"");
        var unparsable = ruleSet.ReplaceInRule(Tthc, "MT2.5a", "\"Expression\": \"value >= 87\"", "\"Expression\": \"value >= 87 &&\"");

        var result = await CchcTool.RunAsync("check", ruleSet.Directory);

        AssertInvalid(result);
        var errors = DiagnosticLine.Parse(result.Error).Where(d => d.Severity == "error" && d.File == Tthc).ToList();
        Assert.True(errors.Count >= 3, result.ToString());
        DiagnosticLine.AssertError(result, Tthc, "MT2.2b", "Có phải ý bạn là 'Expression'", misspelt);
        DiagnosticLine.AssertError(result, Tthc, "MT2.3a", "Có phải ý bạn là 'tyLeHaiLong'", undeclared);
        DiagnosticLine.AssertError(result, Tthc, "MT2.4", "DateTime.Now đọc đồng hồ", clock);
        DiagnosticLine.AssertError(result, Tthc, "MT2.5a", "Không đọc được biểu thức `value >= 87 &&`", unparsable);
    }

    [Fact]
    public async Task Check_BrokenRuleSetAsJson_IsInvalidAndListsTheDiagnostic()
    {
        using var ruleSet = new TempRuleSet();
        var line = ruleSet.ReplaceInRule(Tthc, "MT2.2b", "\"Expression\": \"value >= 60\"", "\"Expression\": \"DateTime.Now.Year > 2000\"");

        var result = await CchcTool.RunAsync("check", ruleSet.Directory, "--format", "json");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        Assert.False(json.RootElement.GetProperty("valid").GetBoolean());
        var diagnostic = Assert.Single(json.RootElement.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("error", diagnostic.GetProperty("severity").GetString());
        Assert.Equal(Tthc, diagnostic.GetProperty("file").GetString());
        Assert.Equal(line, diagnostic.GetProperty("line").GetInt32());
        Assert.Equal("MT2.2b", diagnostic.GetProperty("rule").GetString());
        Assert.Contains("DateTime.Now đọc đồng hồ", diagnostic.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_SmallValidRuleSet_ExitsZero()
    {
        using var folder = new TempFolder();
        var directory = MiniRuleSet.Write(folder, areaMaxPoints: 4, bands: MiniRuleSet.OrderedBands);

        var result = await CchcTool.RunAsync("check", directory);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("OK mini ", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_AreaPointsThatDoNotAddUp_NamesTheAreaAndBothSums()
    {
        using var folder = new TempFolder();
        var directory = MiniRuleSet.Write(folder, areaMaxPoints: 5, bands: MiniRuleSet.OrderedBands);

        var result = await CchcTool.RunAsync("check", directory);

        AssertInvalid(result);
        var diagnostic = DiagnosticLine.AssertError(result, "ruleset.json", null, "Lĩnh vực 'a' khai báo 'maxPoints' là 5 nhưng điểm các tiêu chí của lĩnh vực cộng lại là 4", MiniRuleSet.AreaLine);
        Assert.Equal("CCHC025", diagnostic.Code);
    }

    [Fact]
    public async Task Check_BandsOutOfOrder_NamesTheBandAndTheRule()
    {
        using var folder = new TempFolder();
        var directory = MiniRuleSet.Write(folder, areaMaxPoints: 4, bands: MiniRuleSet.UnorderedBands);

        var result = await CchcTool.RunAsync("check", directory);

        AssertInvalid(result);
        DiagnosticLine.AssertError(result, "workflows/a.json", "A1", "Các mức sai thứ tự: mức 2 có 'min' là 90", MiniRuleSet.SecondBandLine);
    }

    [Fact]
    public async Task Check_InputBoundsSwapped_SaysSoInTheSameWordsUnderEveryCulture()
    {
        using var folder = new TempFolder();
        var directory = MiniRuleSet.Write(folder, areaMaxPoints: 4, bands: MiniRuleSet.OrderedBands, extraInput: """{ "name": "heSo", "type": "number", "label": "Hệ số", "min": 2.5, "max": 1.5 }""");

        var english = await CchcTool.RunInCultureAsync("en-US", "check", directory);
        var german = await CchcTool.RunInCultureAsync("de-DE", "check", directory);

        AssertInvalid(english);
        DiagnosticLine.AssertError(english, "ruleset.json", null, "Đầu vào 'heSo': 'min' là 2,5, lớn hơn 'max' là 1,5", 7);
        Assert.Equal(english.Out, german.Out);
        Assert.Equal(english.Error, german.Error);
    }

    [Fact]
    public async Task Score_BrokenRuleSet_ExitsOneAndScoresNothing()
    {
        using var ruleSet = new TempRuleSet();
        ruleSet.ReplaceInRule(Tthc, "MT2.2b", "\"Expression\": \"value >= 60\"", "\"Expression\": \"value >= 60 &&\"");

        var result = await CchcTool.RunAsync("score", ruleSet.Directory, TestFiles.Sample("xa-tam-thanh.json"));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("", result.Out);
        Assert.DoesNotContain(result.ErrorLines, l => l.StartsWith("scored ", StringComparison.Ordinal));
        Assert.Contains("INVALID " + ruleSet.Directory + ": bộ tiêu chí có lỗi nên chưa chấm điểm đơn vị nào.", result.Error, StringComparison.Ordinal);
        DiagnosticLine.AssertError(result, Tthc, "MT2.2b", "Không đọc được biểu thức `value >= 60 &&`");
    }

    private static void AssertInvalid(CliResult result)
    {
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith("INVALID ", result.Out, StringComparison.Ordinal);
    }
}
