using Cchc.Cli.Tests.Support;

namespace Cchc.Cli.Tests;

/// <summary>
/// <c>cchc test</c> as an analyst keeps it up: new case files found without listing, a typo in a case file never
/// withholds the rule set, <c>--filter</c> runs one file or case, <c>--accept</c> writes the new results of failing
/// cases into the values they state (a diff shown first; nothing written without the flag).
/// </summary>
public sealed class TestWorkbenchTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>A copy of the commune index with 3.4's target moved from 60% to 70% in both places it is written.</summary>
    private string CopyWithTargetMoved()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "rules", "chi-so-cchc-xa");
        var target = Path.Combine(_folder.Path, "chi-so-cchc-xa");
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        var workflow = Path.Combine(target, "workflows", "3-tthc.json");
        var text = File.ReadAllText(workflow);
        var at = text.IndexOf("\"RuleName\": \"3.4\"", StringComparison.Ordinal);
        var expression = text.IndexOf("\"Expression\": \"value >= 60\"", at, StringComparison.Ordinal);
        text = string.Concat(text.AsSpan(0, expression), "\"Expression\": \"value >= 70\"", text.AsSpan(expression + "\"Expression\": \"value >= 60\"".Length));
        var fullAt = text.IndexOf("\"fullAt\": 60", at, StringComparison.Ordinal);
        text = string.Concat(text.AsSpan(0, fullAt), "\"fullAt\": 70", text.AsSpan(fullAt + "\"fullAt\": 60".Length));
        File.WriteAllText(workflow, text);
        return target;
    }

    [Fact]
    public async Task Test_FailingCases_ShowTheChangeAndWriteNothing_AcceptWritesOnlyTheStatedValues()
    {
        var folder = CopyWithTargetMoved();
        var file = Path.Combine(folder, "tests", "3-tthc.json");
        var before = File.ReadAllText(file);

        var failing = await CchcTool.RunAsync("test", folder);

        Assert.Equal(1, failing.ExitCode);
        Assert.EndsWith("235 passed, 3 failed", failing.OutLines[^1], StringComparison.Ordinal); // 238 cases of chi-so-cchc-xa (one is the appraisal case)
        Assert.Contains("Nếu chấp nhận (--accept) sẽ ghi tests/3-tthc.json:", failing.Error, StringComparison.Ordinal);
        Assert.Contains("+ \"points\": 1.71", failing.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(file));

        var accepted = await CchcTool.RunAsync("test", folder, "--filter", "3-tthc.json", "--accept");

        Assert.Equal(1, accepted.ExitCode);
        var after = File.ReadAllText(file);
        var changed = before.Split('\n').Zip(after.Split('\n')).Where(p => p.First != p.Second).Select(p => p.Second.Trim()).ToList();
        Assert.Equal(["\"status\": \"partial\",", "\"points\": 1.71", "\"points\": 1.69", "\"points\": 0.86"], changed);
        var again = await CchcTool.RunAsync("test", folder);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal("238 passed, 0 failed", again.OutLines[^1]);
    }

    [Fact]
    public async Task Test_Filter_RunsOneFileOrTheCasesNamed()
    {
        var byFile = await CchcTool.RunAsync("test", TestFiles.RuleSet, "--filter", "tests/1-the-che.json", "-v");
        var byName = await CchcTool.RunAsync("test", Path.Combine(AppContext.BaseDirectory, "rules", "chi-so-cchc-xa"), "--filter", "3.4:");

        Assert.True(byName.ExitCode == 0, byName.ToString());
        Assert.Equal("6 passed, 0 failed", byName.OutLines[^1]);
        Assert.All(byFile.OutLines.Where(l => l.StartsWith("PASS", StringComparison.Ordinal) || l.StartsWith("FAIL", StringComparison.Ordinal)), l => Assert.Contains("tests/1-the-che.json:", l, StringComparison.Ordinal));
        Assert.Contains(byFile.OutLines, l => l.StartsWith("PASS", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Check_UnlistedCaseFileIsRunAndATypoInItFailsCheckButNotTheRuleSet()
    {
        var folder = CopyWithTargetMoved();
        File.WriteAllText(Path.Combine(folder, "tests", "moi.json"), """
            { "cases": [
              { "name": "ca mới, chưa liệt kê", "unit": { "code": "M1", "level": "xa", "cbcc": 10, "cbccDuocGiao": 12 }, "expect": { "criteria": { "4.1.a": { "status": "met" } } } },
              { "name": "ca gõ sai", "unit": { "code": "M2", "level": "xa", "cbccc": 1 }, "expect": { "points": 1 } }
            ] }
            """);

        var check = await CchcTool.RunAsync("check", folder);
        var loaded = new Cchc.Rules.Loading.RuleSetLoader().Load(folder);

        Assert.Equal(1, check.ExitCode);
        Assert.Contains("INVALID tests: các tệp kiểm thử có 1 lỗi", check.Out, StringComparison.Ordinal);
        Assert.Contains("tests/moi.json", check.Error + check.Out, StringComparison.Ordinal);
        Assert.NotNull(loaded.RuleSet);
        Assert.Equal(1, loaded.TestErrors);
        Assert.Contains(loaded.RuleSet!.TestCases, c => c.Name == "ca mới, chưa liệt kê" && c.File == "tests/moi.json");
    }
}
