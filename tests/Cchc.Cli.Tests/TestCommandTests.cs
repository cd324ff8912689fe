using System.Text.Json;
using System.Text.RegularExpressions;
using Cchc.Cli.Tests.Support;

namespace Cchc.Cli.Tests;

public class TestCommandTests
{
    [Fact]
    public async Task Test_ShippedRuleSet_PassesEveryCaseInTheTestFiles()
    {
        var result = await CchcTool.RunAsync("test", TestFiles.RuleSet);

        Assert.True(result.ExitCode == 0, result.ToString());
        var last = result.OutLines[^1];
        var match = Regex.Match(last, @"^(\d+) passed, 0 failed$");
        Assert.True(match.Success, result.ToString());
        Assert.Equal(TestFiles.TestCaseCount(), int.Parse(match.Groups[1].Value));
        Assert.DoesNotContain("FAIL", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_OneWrongExpectation_ExitsOneAndShowsTheFailingCase()
    {
        using var ruleSet = new TempRuleSet();
        var file = ruleSet.PathOf("tests/1-the-che.json");
        var tests = TestFiles.ReadJson(file);
        var first = tests["cases"]![0]!;
        var name = (string)first["name"]!;
        Assert.Equal("met", (string)first["expect"]!["criteria"]!["MT1.1"]!["status"]!);
        first["expect"]!["criteria"]!["MT1.1"]!["status"] = "notMet";
        TestFiles.WriteJson(file, tests);

        var result = await CchcTool.RunAsync("test", ruleSet.Directory);

        Assert.True(result.ExitCode == 1, result.ToString());
        var failLine = Assert.Single(result.OutLines, l => l.StartsWith("FAIL", StringComparison.Ordinal));
        Assert.Contains(name, failLine, StringComparison.Ordinal);
        Assert.Contains("tests/1-the-che.json:", failLine, StringComparison.Ordinal);
        Assert.Contains(result.OutLines, l => l.Contains("MT1.1 status: mong đợi notMet, kết quả met", StringComparison.Ordinal));
        Assert.Equal($"{TestFiles.TestCaseCount() - 1} passed, 1 failed", result.OutLines[^1]);
    }

    [Fact]
    public async Task Test_ShippedRuleSetAsJson_ParsesWithPassedAndFailedCounts()
    {
        var result = await CchcTool.RunAsync("test", TestFiles.RuleSet, "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        var total = TestFiles.TestCaseCount();
        Assert.Equal(total, root.GetProperty("passed").GetInt32());
        Assert.Equal(0, root.GetProperty("failed").GetInt32());
        Assert.Equal(total, root.GetProperty("results").GetArrayLength());
        Assert.All(root.GetProperty("results").EnumerateArray(), r => Assert.True(r.GetProperty("passed").GetBoolean()));
        Assert.Equal($"{total} passed, 0 failed", result.ErrorLines[^1]);
    }

    [Fact]
    public async Task Test_BrokenRuleSet_ExitsOneAndRunsNoCase()
    {
        using var ruleSet = new TempRuleSet();
        ruleSet.ReplaceInRule("workflows/1-the-che.json", "MT1.1", "\"Expression\": \"value >= 100\"", "\"Expression\": \"value >= \"");

        var result = await CchcTool.RunAsync("test", ruleSet.Directory);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("0 passed, 0 failed", result.OutLines[^1]);
        DiagnosticLine.AssertError(result, "workflows/1-the-che.json", "MT1.1", "Không đọc được biểu thức `value >= `");
    }
}
