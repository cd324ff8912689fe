using System.Text.Json;
using Cchc.Cli.Tests.Support;

namespace Cchc.Cli.Tests;

/// <summary>
/// The worked examples of docs/huong-dan-phan-tich-vien.md (tests/rule-sets/vi-du-huong-dan): one criterion per scoring
/// method, and the numbers the guide adds up are the engine's.
/// </summary>
public sealed class AnalystGuideTests
{
    private static string RuleSet => Path.Combine(AppContext.BaseDirectory, "rule-sets", "vi-du-huong-dan");

    private static string Unit => Path.Combine(AppContext.BaseDirectory, "rule-sets", "vi-du-huong-dan.unit.json");

    [Fact]
    public async Task GuideRuleSet_ChecksCleanAndItsTestsPass()
    {
        var check = await CchcTool.RunAsync("check", RuleSet);
        var test = await CchcTool.RunAsync("test", RuleSet);

        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.StartsWith("OK vi-du-huong-dan 1.0.0: 7 tiêu chí trong 1 lĩnh vực, 10 đầu vào, 8 ca kiểm thử, 0 cảnh báo.", check.OutLines[0], StringComparison.Ordinal);
        Assert.True(test.ExitCode == 0, test.ToString());
        Assert.Equal("8 passed, 0 failed", test.OutLines[^1]);
    }

    [Fact]
    public async Task GuideWorkedExample_AddsUpTo12Point5Of20()
    {
        var result = await CchcTool.RunAsync("score", RuleSet, Unit, "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var card = JsonDocument.Parse(result.Out);
        Assert.Equal(12.5m, card.RootElement.GetProperty("points").GetDecimal());
        Assert.Equal(62.5m, card.RootElement.GetProperty("index").GetDecimal());
        Assert.Equal("Đạt", card.RootElement.GetProperty("grade").GetString());
        var criteria = card.RootElement.GetProperty("criteria").EnumerateArray().ToList();
        var points = criteria.Concat(criteria.SelectMany(c => c.TryGetProperty("children", out var children) ? children.EnumerateArray() : Enumerable.Empty<JsonElement>()))
            .ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("points").GetDecimal());
        Assert.Equal(
            new Dictionary<string, decimal> { ["VD.1"] = 4, ["VD.2"] = 2, ["VD.3"] = 2, ["VD.4"] = 1.5m, ["VD.5"] = 0.5m, ["VD.6"] = 1.5m, ["VD.7"] = 1, ["VD.7.a"] = 1, ["VD.7.b"] = 0 },
            points);
    }
}
