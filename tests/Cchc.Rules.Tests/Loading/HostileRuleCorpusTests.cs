using System.Text;
using Cchc.Rules.Diagnostics;
using Cchc.Rules.Loading;
using Xunit.Abstractions;

namespace Cchc.Rules.Tests.Loading;

/// <summary>
/// A corpus of hostile edits of the 2023 plan, each with the diagnostic it must produce: the loader returns, refuses
/// the rule set (or, for a test file, reports the test file's errors while the rule set stays usable), and names the file. The counts are printed, so CI shows how many hostile files were tried.
/// </summary>
public class HostileRuleCorpusTests(ITestOutputHelper output)
{
    private const string Tthc = "workflows/2-tthc.json";
    private const string TheChe = "workflows/1-the-che.json";
    private const string Manifest = "ruleset.json";
    private const string Tests = "tests/1-the-che.json";

    /// <summary>One hostile edit: in <paramref name="File"/>, the first <paramref name="Find"/> becomes <paramref name="Replace"/> (or the whole text, with Find null).</summary>
    public sealed record HostileEdit(string Name, string File, string? Find, string Replace, string Code, string? DiagnosticFile = null);

    private static HostileEdit Expression(string name, string expression, string code)
        => new(name, Tthc, "\"Expression\": \"value >= 50\"", "\"Expression\": " + Newtonsoft.Json.JsonConvert.ToString(expression), code);

    public static IReadOnlyList<HostileEdit> Corpus =>
    [
        Expression("2,700 nested parentheses", new string('(', 2700) + "value >= 50" + new string(')', 2700), "CCHC038"),
        Expression("100,000 conjuncts", string.Join(" && ", Enumerable.Repeat("value >= 1", 100_000)), "CCHC038"),
        Expression("40 negations", new string('!', 40) + "(value >= 50)", "CCHC038"),
        Expression("40 nested conditionals", "value >= " + string.Concat(Enumerable.Range(0, 40).Select(i => $"ketQuaConHieuLuc > {i} ? {i} : ")) + "0", "CCHC038"),
        Expression("40 unary minus", "value >= " + string.Concat(Enumerable.Repeat("- ", 40)) + "1", "CCHC038"),
        Expression("np() on a value type", "np(ketQuaDaSoHoa) >= 50", "CCHC030"),
        Expression("the clock", "DateTime.Now.Year > 2000", "CCHC031"),
        Expression("UtcNow", "DateTime.UtcNow.Year > 2000", "CCHC031"),
        Expression("reflection", "value.GetType().Name != \"\"", "CCHC031"),
        Expression("culture-dependent StartsWith", "value >= 50 && \"Ch\".StartsWith(\"C\")", "CCHC031"),
        Expression("culture-dependent EndsWith", "value >= 50 && \"Ch\".EndsWith(\"h\")", "CCHC031"),
        Expression("culture-dependent ToLower", "\"I\".ToLower() == \"i\"", "CCHC031"),
        Expression("culture-dependent CompareTo", "\"a\".CompareTo(\"b\") < 0", "CCHC031"),
        Expression("unbounded loop", "Enumerable.Range(0, 1000000000).Count() > 0", "CCHC031"),
        Expression("unbounded string", "\"a\".PadLeft(1000000000) == \"a\"", "CCHC031"),
        Expression("file system", "System.IO.File.Exists(\"/etc/passwd\")", "CCHC030"),
        Expression("environment", "Environment.MachineName == \"x\"", "CCHC030"),
        Expression("process exit", "Environment.Exit(1) == null", "CCHC030"),
        Expression("activator", "Activator.CreateInstance(\"x\", \"y\") != null", "CCHC030"),
        Expression("randomness", "Guid.NewGuid() != Guid.Empty", "CCHC031"),
        Expression("incomplete", "value >=", "CCHC030"),
        Expression("unknown operator", "value >>> 1", "CCHC030"),
        Expression("not a condition", "value + 1", "CCHC032"),
        Expression("unclosed string", "value >= 50 && \"abc == \"abc\"", "CCHC030"),
        Expression("NUL character", "value >= 50\u0000", "CCHC030"),
        Expression("unknown input", "ketQuaDaSoHoaa >= 50", "CCHC030"),
        Expression("empty", "", "CCHC030"),
        Expression("lambda", "new[] { 1, 2 }.Any(x => x > 1)", "CCHC031"),
        Expression("2,001 characters", "value >= 50 && " + new string(' ', 2000) + "true", "CCHC038"),
        new("np() in a parameter", Tthc, "\"Expression\": \"Fn.Percent(ketQuaDaSoHoa, ketQuaConHieuLuc)\"", "\"Expression\": \"np(ketQuaDaSoHoa)\"", "CCHC030"),
        new("a global parameter named value", Tthc, "\"Rules\": [", "\"GlobalParams\": [ { \"Name\": \"value\", \"Expression\": \"1\" } ], \"Rules\": [", "CCHC033"),
        new("points above the decimal range", Tthc, "\"points\": 1", "\"points\": 79228162514264337593543950336", "CCHC005"),
        new("points of 10^20", Tthc, "\"points\": 1", "\"points\": 100000000000000000000", "CCHC005"),
        new("maxPoints 1e32", Manifest, "\"maxPoints\": 2", "\"maxPoints\": 1e32", "CCHC005"),
        new("maxPoints -1e300", Manifest, "\"maxPoints\": 2", "\"maxPoints\": -1e300", "CCHC005"),
        new("decimals 10^12", Manifest, "\"decimals\": ", "\"decimals\": 1000000000000, \"x\": ", "CCHC010"),
        new("negative points", Tthc, "\"points\": 1", "\"points\": -1", "CCHC010"),
        new("a test input above the decimal range", Tests, "\"vbqpplPhaiBanHanh\": 5", "\"vbqpplPhaiBanHanh\": 1e40", "CCHC005", Tests),
        new("a test expectation that is a string", Tests, "\"MT1.1\": {\n            \"status\": \"met\",\n            \"points\": 1\n          }", "\"MT1.1\": \"met\"", "CCHC010", Tests),
        new("a test unit field that is no input", Tests, "\"vbqpplPhaiBanHanh\": 5", "\"vbqpplPhaiBanHanhh\": 5", "CCHC070", Tests),
        new("a workflow at /etc/hostname", Manifest, "\"workflows/7-chi-dao-dieu-hanh.json\"", "\"/etc/hostname\"", "CCHC004", "/etc/hostname"),
        new("a workflow outside through ..", Manifest, "\"workflows/7-chi-dao-dieu-hanh.json\"", "\"../../../../../../etc/hostname\"", "CCHC004", "../../../../../../etc/hostname"),
        new("a test file at /etc/passwd", Manifest, "\"tests/1-the-che.json\"", "\"/etc/passwd\"", "CCHC004", "/etc/passwd"),
        new("a missing workflow", Manifest, "\"workflows/7-chi-dao-dieu-hanh.json\"", "\"workflows/khong-co.json\"", "CCHC001", "workflows/khong-co.json"),
        new("truncated workflow", Tthc, null, "{ \"WorkflowName\": \"x\", \"Rules\": [ { \"RuleName\": ", "CCHC002"),
        new("empty workflow", Tthc, null, "", "CCHC002"),
        new("null workflow", Tthc, null, "null", "CCHC010"),
        new("a workflow that is an array", Tthc, null, "[1, 2, 3]", "CCHC010"),
        new("garbage bytes", Tthc, null, "\uFEFF\u0000\u0001PK\u0003\u0004 not json", "CCHC002"),
        new("trailing comma in a workflow", Tthc, "\"Rules\": [", "\"x\": [1, 2,], \"Rules\": [", "CCHC003"),
        new("a comment in a workflow", Tthc, "\"Rules\": [", "/* chú thích */ \"Rules\": [", "CCHC003"),
        new("a duplicate property", Tthc, "\"Rules\": [", "\"WorkflowName\": \"lap\", \"Rules\": [", "CCHC002"),
        new("JSON nested 100 levels", Tthc, "\"Rules\": [", "\"x\": " + new string('[', 100) + new string(']', 100) + ", \"Rules\": [", "CCHC004"),
        new("a file over 4 MB", Tthc, null, "{" + new string(' ', 4 * 1024 * 1024) + "}", "CCHC004"),
        new("a megabyte field name", Tthc, "\"RuleName\": \"MT2.4\"", "\"" + new string('x', 1_000_000) + "\": 1, \"RuleName\": \"MT2.4\"", "CCHC010"),
        new("Rules is text", TheChe, "\"Rules\": [", "\"Rules\": \"x\", \"Rules0\": [", "CCHC010", TheChe),
        new("Properties is an array", Tthc, "\"Properties\": {", "\"Properties\": [], \"Properties0\": {", "CCHC010"),
        new("an unknown scoring method", Tthc, "\"method\": \"passFail\"", "\"method\": \"passfail\"", "CCHC010"),
        new("Enabled is text", Tthc, "\"RuleName\": \"MT2.4\"", "\"RuleName\": \"MT2.4\", \"Enabled\": \"yes\"", "CCHC010"),
        new("a duplicate rule name", Tthc, "\"RuleName\": \"MT2.5a\"", "\"RuleName\": \"MT2.4\"", "CCHC040"),
        new("an unknown area", Tthc, "\"area\": \"tthc\"", "\"area\": \"tthcc\"", "CCHC042"),
        new("an input named value", Manifest, "\"name\": \"namDanhGia\"", "\"name\": \"value\"", "CCHC021", Manifest),
        new("an input min above max", Manifest, "\"min\": 2021", "\"min\": 2031", "CCHC022", Manifest),
        new("an unknown placeholder", TheChe, "{targetText}", "{targetTextt}", "CCHC060", TheChe),
        new("a raw escape character in a string", TheChe, "{targetText}", "{\u001b[2J}", "CCHC003", TheChe),
    ];

    [Fact]
    public void Load_EveryHostileFileOfTheCorpus_IsRefusedWithItsDiagnostic()
    {
        var failures = new List<string>();
        var codes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in Corpus)
        {
            using var copy = new RuleSetCopy(Paths.Plan2023);

            // One analysts' test file is enough to edit, and reading seven fewer keeps the corpus quick.
            copy.Edit(Manifest, text => System.Text.RegularExpressions.Regex.Replace(text, "\"tests\": \\[[^\\]]*\\]", "\"tests\": [ \"tests/1-the-che.json\" ]"));
            copy.Edit(c.File, text =>
            {
                if (c.Find is null)
                {
                    return c.Replace;
                }

                var at = text.IndexOf(c.Find, StringComparison.Ordinal);
                Assert.True(at >= 0, $"{c.Name}: '{c.Find}' is not in {c.File}");
                return string.Concat(text.AsSpan(0, at), c.Replace, text.AsSpan(at + c.Find.Length));
            });

            RuleSetLoadResult result;
            try
            {
                result = new RuleSetLoader().Load(copy.Directory);
            }
            catch (Exception e)
            {
                failures.Add($"{c.Name}: {e.GetType().Name} escaped: {e.Message}");
                continue;
            }

            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            var expectedFile = c.DiagnosticFile ?? c.File;
            // A hostile test file fails check and test but never withholds the rule set from a host (TestErrors).
            var inTestFile = c.File == Tests || c.Name.StartsWith("a test ", StringComparison.Ordinal);
            if (inTestFile ? !result.HasErrors || result.TestErrors == 0 : result.Succeeded)
            {
                failures.Add($"{c.Name}: loaded");
            }
            else if (!errors.Exists(e => e.Code == c.Code && e.File == expectedFile))
            {
                failures.Add($"{c.Name}: expected {c.Code} on {expectedFile}, got {string.Join(" | ", errors.Take(3).Select(e => e.ToString()[..Math.Min(200, e.ToString().Length)]))}");
            }
            else if (errors.Exists(e => e.Code == "CCHC090"))
            {
                failures.Add($"{c.Name}: an unforeseen exception (CCHC090)");
            }

            codes[c.Code] = codes.GetValueOrDefault(c.Code) + 1;
        }

        var summary = new StringBuilder($"{Corpus.Count} hostile rule files, {Corpus.Count - failures.Count} refused with the expected diagnostic:");
        foreach (var (code, count) in codes)
        {
            summary.Append($" {code}×{count}");
        }

        output.WriteLine(summary.ToString());
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(Corpus.Count >= 60);
    }
}
