using Cchc.Cli.Tests.Support;

namespace Cchc.Cli.Tests;

/// <summary>
/// <c>cchc check</c> on a rule set with one mistake: one error, in Vietnamese by default and in English with
/// <c>--lang en</c> (the messages of Cchc.Rules come from its resources), with the same code, place and exit code.
/// </summary>
public sealed class CheckDiagnosticsLanguageTests
{
    [Fact]
    public async Task Check_MisspeltFullAt_OneError_VietnameseByDefault_EnglishWithLangEn()
    {
        using var ruleSet = new TempRuleSet("chi-so-cchc-xa");
        var line = ruleSet.ReplaceInRule("workflows/3-tthc.json", "3.4", "\"fullAt\": 60", "\"fulAt\": 60");

        var vietnamese = await CchcTool.RunAsync("check", ruleSet.Directory);
        var english = await CchcTool.RunAsync("check", ruleSet.Directory, "--lang", "en");

        Assert.Equal(vietnamese.ExitCode, english.ExitCode);
        Assert.NotEqual(0, english.ExitCode);
        var vi = Assert.Single((vietnamese.Out + vietnamese.Error).Split('\n'), l => l.Contains(": error CCHC", StringComparison.Ordinal));
        var en = Assert.Single((english.Out + english.Error).Split('\n'), l => l.Contains(": error CCHC", StringComparison.Ordinal));
        Assert.StartsWith($"workflows/3-tthc.json({line},", vi, StringComparison.Ordinal);
        Assert.EndsWith("error CCHC050 [3.4]: Phương pháp chấm 'linear' không có trường 'fulAt'. Có phải ý bạn là 'fullAt'?", vi.TrimEnd('\r'), StringComparison.Ordinal);
        Assert.StartsWith($"workflows/3-tthc.json({line},", en, StringComparison.Ordinal);
        Assert.EndsWith("error CCHC050 [3.4]: Scoring method 'linear' has no field 'fulAt'. Did you mean 'fullAt'?", en.TrimEnd('\r'), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_AreaSumOff_InEnglish_TermsListedWithTheInvariantDecimalPoint()
    {
        using var ruleSet = new TempRuleSet("chi-so-cchc-xa");
        ruleSet.ReplaceInRule("workflows/3-tthc.json", "3.4", "\"points\": 2,", "\"points\": 2.5,");

        var english = await CchcTool.RunAsync("check", ruleSet.Directory, "--lang", "en");

        var error = Assert.Single((english.Out + english.Error).Split('\n'), l => l.Contains(": error CCHC", StringComparison.Ordinal));
        Assert.Contains("error CCHC025: Area 'tthc' declares 'maxPoints' 20 but the points of its criteria add up to 20.5 (3.1: 3 + 3.2: 5 + 3.3: 1 + 3.4: 2.5 + 3.5: 4 + 3.6: 2 + 3.7: 1.5 + 3.8: 1.5).", error, StringComparison.Ordinal);
    }
}
