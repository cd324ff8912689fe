using Cchc.Rules.Diagnostics;
using Cchc.Rules.Expressions;
using Cchc.Rules.Loading;

namespace Cchc.Rules.Tests.Loading;

/// <summary>
/// Issue 10's reproductions on the rule side, on a copy of the 2023 plan (rule MT2.4): nothing a rule file holds may
/// crash the loader (a stack overflow cannot even be caught) or lose the other diagnostics.
/// </summary>
public class HostileRuleFileTests
{
    private const string Mt24Expression = "\"Expression\": \"value >= 50\"";

    private static RuleSetLoadResult LoadPlanWith(Func<string, string> editTthc, Func<string, string>? editManifest = null)
    {
        using var copy = new RuleSetCopy(Paths.Plan2023);
        copy.Edit("workflows/2-tthc.json", editTthc);
        if (editManifest is not null)
        {
            copy.Edit("ruleset.json", editManifest);
        }

        return new RuleSetLoader().Load(copy.Directory);
    }

    private static string ReplaceMt24Expression(string text, string expression)
    {
        Assert.Contains(Mt24Expression, text, StringComparison.Ordinal);
        var at = text.IndexOf(Mt24Expression, StringComparison.Ordinal);
        return string.Concat(text.AsSpan(0, at), "\"Expression\": ", Newtonsoft.Json.JsonConvert.ToString(expression), text.AsSpan(at + Mt24Expression.Length));
    }

    private static RuleDiagnostic SingleError(RuleSetLoadResult result, string code)
    {
        Assert.False(result.Succeeded);
        return Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Code == code);
    }

    [Fact]
    public void Load_2700NestedParentheses_IsRefusedNotAStackOverflow()
    {
        var expression = new string('(', 2700) + "value >= 50" + new string(')', 2700);

        var error = SingleError(LoadPlanWith(t => ReplaceMt24Expression(t, expression)), "CCHC038");

        Assert.Equal("workflows/2-tthc.json", error.File);
        Assert.Equal("MT2.4", error.RuleId);
        Assert.True(error.Line > 0);
    }

    [Fact]
    public void Load_100000ComparisonsJoinedByAnd_IsRefusedNotAStackOverflow()
    {
        var expression = string.Join(" && ", Enumerable.Repeat("value >= 1", 100_000));

        var error = SingleError(LoadPlanWith(t => ReplaceMt24Expression(t, expression)), "CCHC038");

        Assert.Equal("MT2.4", error.RuleId);
        Assert.Contains($"vượt giới hạn {ExpressionLimits.MaxLength} ký tự", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 400, "a huge expression is not quoted whole");
    }

    [Theory]
    [InlineData(32, true)]
    [InlineData(33, false)]
    public void Load_NestingAtTheLimit_IsAcceptedAndOneMoreIsRefused(int depth, bool accepted)
    {
        // Brackets, then the comparison: depth counts the brackets only.
        var expression = new string('(', depth) + "value" + new string(')', depth) + " >= 50";

        var result = LoadPlanWith(t => ReplaceMt24Expression(t, expression));

        Assert.Equal(accepted, result.Succeeded);
    }

    public static TheoryData<string> DeepChains() =>
    [
        new string('!', 40) + "(value >= 50)",
        "value >= 50 && " + string.Concat(Enumerable.Repeat("- ", 40)) + "1 < 0",
        "value >= " + string.Concat(Enumerable.Range(0, 20).Select(i => $"(ketQuaConHieuLuc > {i} ? ")) + "1" + string.Concat(Enumerable.Repeat(" : 0)", 20)),
        "value >= " + string.Concat(Enumerable.Range(0, 40).Select(i => $"ketQuaConHieuLuc > {i} ? {i} : ")) + "0",
        new string('(', 100) + "value >= 50" + new string(')', 100),
    ];

    [Theory]
    [MemberData(nameof(DeepChains))]
    public void Load_DeepUnaryOrConditionalChains_AreRefused(string expression)
    {
        var error = SingleError(LoadPlanWith(t => ReplaceMt24Expression(t, expression)), "CCHC038");

        Assert.Equal("MT2.4", error.RuleId);
        Assert.Contains("lồng nhau quá sâu", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ExpressionsAtTheLimits_LoadOnAThreadWithASmallStack()
    {
        // What is accepted must also be safe for a host whose threads have small stacks (512 KB here; 1.5 MB is
        // the .NET default for a secondary thread on Linux), since the parser and the compiler recurse on it.
        var deep = new string('(', ExpressionLimits.MaxDepth) + "value" + new string(')', ExpressionLimits.MaxDepth) + " >= 50";
        var chain = "value >= 0";
        while (chain.Length + " && value >= 0".Length <= ExpressionLimits.MaxLength)
        {
            chain += " && value >= 0";
        }

        RuleSetLoadResult? result = null;
        var thread = new Thread(() => result = LoadPlanWith(t => ReplaceMt24Expression(ReplaceMt24Expression(t, deep).Replace("\"Expression\": \"value >= 87\"", "\"Expression\": \"value >= 50\"", StringComparison.Ordinal), chain)), maxStackSize: 512 * 1024);
        thread.Start();
        thread.Join();

        Assert.NotNull(result);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void Load_ManyConditionalsSideBySide_AreNotNesting()
    {
        var expression = string.Join(" + ", Enumerable.Range(0, 40).Select(i => $"(value > {i} ? 1 : 0)")) + " + Math.Max(" + string.Join(", Math.Max(", Enumerable.Range(0, 20).Select(i => $"value > {i} ? 1 : 0")) + ", 0" + new string(')', 20) + " >= 1";

        var result = LoadPlanWith(t => ReplaceMt24Expression(t, expression));

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void Load_NullPropagationOnAValueType_IsADiagnosticNotIndexOutOfRange()
    {
        var result = LoadPlanWith(t => ReplaceMt24Expression(t, "np(ketQuaDaSoHoa) >= 50")
            .Replace("\"RuleName\": \"MT2.5a\"", "\"RuleName\": \"MT2.4\"", StringComparison.Ordinal));

        var error = Assert.Single(result.Diagnostics, d => d.Code == "CCHC030");
        Assert.Equal("workflows/2-tthc.json", error.File);
        Assert.Equal("MT2.4", error.RuleId);
        Assert.True(error.Line > 0);
        // The other diagnostic of the same file (a duplicate rule name) is kept.
        Assert.Contains(result.Diagnostics, d => d.Code == "CCHC040");
    }

    [Fact]
    public void Load_IntegerAboveTheDecimalRange_IsADiagnosticAndTheOthersAreKept()
    {
        var result = LoadPlanWith(t =>
        {
            var rule = t.IndexOf("\"RuleName\": \"MT2.4\"", StringComparison.Ordinal);
            var points = t.IndexOf("\"points\":", rule, StringComparison.Ordinal);
            var end = t.IndexOfAny([',', '\n', '}'], points + 9);
            return string.Concat(t.AsSpan(0, points), "\"points\": 79228162514264337593543950336", t.AsSpan(end)).Replace(Mt24Expression, "\"Expression\": \"value >= 50 && tongg > 0\"", StringComparison.Ordinal);
        });

        var error = SingleError(result, "CCHC005");
        Assert.Equal("workflows/2-tthc.json", error.File);
        Assert.Equal("MT2.4", error.RuleId);
        Assert.True(error.Line > 0);
        Assert.Contains("79228162514264337593543950336", error.Message, StringComparison.Ordinal);
        Assert.Contains(result.Diagnostics, d => d.Code == "CCHC030" && d.RuleId == "MT2.4");
    }

    [Theory]
    [InlineData("1e32")]
    [InlineData("1e300")]
    [InlineData("-1e20")]
    [InlineData("10000000000000000000")]
    public void Load_MaxPointsOutOfRange_IsALocatedDiagnostic(string number)
    {
        var result = LoadPlanWith(t => t, m =>
        {
            var at = m.IndexOf("\"maxPoints\": 2", StringComparison.Ordinal);
            Assert.True(at > 0);
            return string.Concat(m.AsSpan(0, at), "\"maxPoints\": ", number, m.AsSpan(at + "\"maxPoints\": 2".Length));
        });

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.Code == "CCHC005");
        Assert.Equal("ruleset.json", error.File);
        Assert.True(error.Line > 0);
    }

    [Theory]
    [InlineData("\"Ch\".StartsWith(\"C\")", "String.StartsWith")]
    [InlineData("\"Ch\".EndsWith(\"h\")", "String.EndsWith")]
    [InlineData("\"a\".CompareTo(\"b\") < 0", "String.CompareTo")]
    [InlineData("\"Ch\".ToUpper() == \"CH\"", "String.ToUpper")]
    public void Load_CultureDependentStringMethod_IsRefusedWithAnOrdinalAlternative(string test, string method)
    {
        var result = LoadPlanWith(t => ReplaceMt24Expression(t, $"value >= 50 && {test}"));

        var error = SingleError(result, "CCHC031");
        Assert.Equal("MT2.4", error.RuleId);
        Assert.Contains(method, error.Message, StringComparison.Ordinal);
        Assert.Contains("culture", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fn_StartsWithAndEndsWith_AreOrdinalWhateverTheCulture()
    {
        var before = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            foreach (var culture in new[] { "cs-CZ", "tr-TR", "vi-VN", "" })
            {
                System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo(culture);
                Assert.True(Fn.StartsWith("Ch", "C"));
                Assert.True(Fn.EndsWith("Ch", "h"));
                Assert.False(Fn.StartsWith("i", "I"));
                Assert.False(Fn.StartsWith(null, "I"));
            }
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void Load_FnStartsWith_IsAccepted()
    {
        var result = LoadPlanWith(t => ReplaceMt24Expression(t, "value >= 50 && Fn.StartsWith(\"Ch\", \"C\")"));

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
    }

    [Theory]
    [InlineData("/etc/hostname")]
    [InlineData("../../../../../../../../etc/hostname")]
    [InlineData("workflows/../../outside.json")]
    public void Load_WorkflowPathOutsideTheFolder_IsNeverRead(string path)
    {
        using var copy = new RuleSetCopy(Paths.Plan2023);
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(copy.Directory)!, "outside.json"), "SECRET-CONTENT");
        copy.Edit("ruleset.json", m => m.Replace("\"workflows/7-chi-dao-dieu-hanh.json\"", Newtonsoft.Json.JsonConvert.ToString(path), StringComparison.Ordinal));

        var result = new RuleSetLoader().Load(copy.Directory);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == "CCHC004" && d.File == path);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code is "CCHC002" or "CCHC003");
        Assert.DoesNotContain(result.Diagnostics, d => d.ToString().Contains("SECRET", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_SymlinkPointingOutsideTheFolder_IsNeverRead()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var copy = new RuleSetCopy(Paths.Plan2023);
        var outside = Path.Combine(Path.GetDirectoryName(copy.Directory)!, "outside.json");
        File.WriteAllText(outside, "SECRET-CONTENT");
        var link = Path.Combine(copy.Directory, "workflows", "7-chi-dao-dieu-hanh.json");
        File.Delete(link);
        File.CreateSymbolicLink(link, outside);

        var result = new RuleSetLoader().Load(copy.Directory);

        Assert.Contains(result.Diagnostics, d => d.Code == "CCHC004" && d.File == "workflows/7-chi-dao-dieu-hanh.json");
        Assert.DoesNotContain(result.Diagnostics, d => d.ToString().Contains("SECRET", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_JsonNestedDeeperThanTheLimit_IsADiagnostic()
    {
        var result = LoadPlanWith(t => t.Replace("\"metadata\"", "\"metadata0\"", StringComparison.Ordinal)
            .Replace(Mt24Expression, Mt24Expression + ", \"Properties2\": " + new string('[', 5000) + new string(']', 5000), StringComparison.Ordinal));

        var error = SingleError(result, "CCHC004");
        Assert.Equal("workflows/2-tthc.json", error.File);
    }

    [Fact]
    public void Load_MoreRulesThanTheLimit_IsOneDiagnosticNotAnEndlessCompile()
    {
        var rules = string.Join(",\n", Enumerable.Range(0, WorkflowReader.MaxRules + 50).Select(i =>
            $$"""{ "RuleName": "X{{i}}", "Expression": "soDat > 0", "Properties": { "title": "X", "kind": "bonus", "scoring": { "method": "passFail", "points": 0 } } }"""));
        var workflow = TempRuleSet.DefaultWorkflow.Replace("\"Rules\": [", "\"Rules\": [" + rules + ",", StringComparison.Ordinal);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = TempRuleSet.Load(workflow: workflow);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.Code == "CCHC004");
        Assert.Equal("w.json", error.File);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Load_UnknownFieldWithAMegabyteName_IsReportedQuicklyAndShort()
    {
        var name = new string('x', 1_000_000);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var result = LoadPlanWith(t => t.Replace("\"RuleName\": \"MT2.4\"", $"\"{name}\": 1, \"RuleName\": \"MT2.4\"", StringComparison.Ordinal));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        var error = Assert.Single(result.Diagnostics, d => d.Code == "CCHC010");
        Assert.True(error.ToString().Length < 3 * DiagnosticBag.MaxTextLength);
    }

    [Fact]
    public void Load_HugeFile_IsRefusedBeforeReading()
    {
        var result = LoadPlanWith(t => t + new string(' ', (int)JsonFile.MaxFileBytes));

        var error = SingleError(result, "CCHC004");
        Assert.Equal("workflows/2-tthc.json", error.File);
    }
}
