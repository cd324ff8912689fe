using System.Text;
using System.Text.Json;
using Cchc.Cli.Tests.Support;

namespace Cchc.Cli.Tests;

public class DiffCommandTests
{
    private const string Xa = "chi-so-cchc-xa";
    private const string Tthc = "workflows/3-tthc.json";
    private const string OldSentence = "Không phát sinh: không có hồ sơ phải luân chuyển giữa các cơ quan; được tính đủ điểm.";
    private const string NewSentence = "Không phát sinh: trong kỳ không có hồ sơ nào phải luân chuyển giữa các cơ quan; được tính đủ điểm.";

    /// <summary>
    /// The analyst's edit: 3.4's threshold 60% → 70% (in the expression and in fullAt, which must agree), half a point
    /// moved from 3.4 to 3.3 (same area, same sum), a new input, one explanation reworded.
    /// </summary>
    private static TempRuleSet Edited()
    {
        var ruleSet = new TempRuleSet(Xa);
        ruleSet.ReplaceInRule(Tthc, "3.4", "\"Expression\": \"value >= 60\"", "\"Expression\": \"value >= 70\"");
        ruleSet.ReplaceInRule(Tthc, "3.4", "\"fullAt\": 60", "\"fullAt\": 70");
        ruleSet.ReplaceInRule(Tthc, "3.4", "\"points\": 2,", "\"points\": 1.5,");
        ruleSet.ReplaceInRule(Tthc, "3.3", "\"points\": 1", "\"points\": 1.5");
        ruleSet.ReplaceInRule(Tthc, "3.4", OldSentence, NewSentence);
        var manifest = ruleSet.PathOf("ruleset.json");
        var text = File.ReadAllText(manifest);
        var at = text.IndexOf("\"inputs\": [", StringComparison.Ordinal) + "\"inputs\": [".Length;
        File.WriteAllText(manifest, text.Insert(at, "{ \"name\": \"soCuocHopTrucTuyen\", \"type\": \"count\", \"label\": \"Số cuộc họp trực tuyến\" },"), new UTF8Encoding(false));
        return ruleSet;
    }

    private static string Shipped => Path.Combine(AppContext.BaseDirectory, "rules", Xa);

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    [Fact]
    public async Task Diff_EditedCopy_TableNamesExactlyTheEdits()
    {
        using var edited = Edited();
        Assert.Equal(0, (await CchcTool.RunAsync("check", edited.Directory)).ExitCode);

        var result = await CchcTool.RunAsync("diff", Shipped, edited.Directory);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Out.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Single(lines, l => l.StartsWith("3.4 ", StringComparison.Ordinal) && l.Contains("Ngưỡng đạt", StringComparison.Ordinal) && l.Contains("≥ 60%", StringComparison.Ordinal) && l.Contains("≥ 70%", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith("3.4 ", StringComparison.Ordinal) && l.Contains("Điểm tối đa", StringComparison.Ordinal) && l.Contains("1,5", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith("3.3 ", StringComparison.Ordinal) && l.Contains("Điểm tối đa", StringComparison.Ordinal) && l.Contains("1,5", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains("soCuocHopTrucTuyen", StringComparison.Ordinal));
        Assert.Equal(1, Occurrences(result.Out, NewSentence));
        Assert.Contains("5 thay đổi.", result.Out, StringComparison.Ordinal);
        Assert.Contains("sha256 ", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("fullAt", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_EditedCopyAsJson_ListsEachChangeOnce()
    {
        using var edited = Edited();

        var result = await CchcTool.RunAsync("diff", Shipped, edited.Directory, "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Matches("^[0-9a-f]{64}$", root.GetProperty("old").GetProperty("sha256").GetString()!);
        Assert.NotEqual(root.GetProperty("old").GetProperty("sha256").GetString(), root.GetProperty("new").GetProperty("sha256").GetString());
        var changes = root.GetProperty("changes").EnumerateArray()
            .Select(c => $"{c.GetProperty("kind").GetString()}|{c.GetProperty("subject").GetString()}|{c.GetProperty("text").GetString()}")
            .ToList();
        Assert.Equal(5, changes.Count);
        Assert.Single(changes, c => c == "threshold|3.4|3.4 — Ngưỡng đạt: ≥ 60% → ≥ 70%");
        Assert.Single(changes, c => c == "points|3.4|3.4 — Điểm tối đa: 2 → 1,5");
        Assert.Single(changes, c => c == "points|3.3|3.3 — Điểm tối đa: 1 → 1,5");
        Assert.Single(changes, c => c.StartsWith("input-added|Đầu vào soCuocHopTrucTuyen|", StringComparison.Ordinal));
        Assert.Single(changes, c => c.StartsWith("explanation|3.4|", StringComparison.Ordinal) && c.Contains(NewSentence, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Diff_EditedCopyAsMarkdown_OneRowPerChange()
    {
        using var edited = Edited();

        var result = await CchcTool.RunAsync("diff", Shipped, edited.Directory, "--format", "markdown");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("# So sánh bộ tiêu chí", result.Out, StringComparison.Ordinal);
        var rows = result.Out.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith("| ", StringComparison.Ordinal)).ToList();
        Assert.Equal(7, rows.Count); // heading, separator, five changes
        Assert.Single(rows, r => r == "| 3.4 | Ngưỡng đạt | ≥ 60% | ≥ 70% |");
        Assert.Single(rows, r => r == "| 3.4 | Điểm tối đa | 2 | 1,5 |");
        Assert.Single(rows, r => r == "| 3.3 | Điểm tối đa | 1 | 1,5 |");
        Assert.Single(rows, r => r.StartsWith("| Đầu vào soCuocHopTrucTuyen | Thêm | — |", StringComparison.Ordinal));
        Assert.Single(rows, r => r.Contains(NewSentence, StringComparison.Ordinal));
        Assert.Equal(2, Occurrences(result.Out, "SHA-256 `"));
    }

    [Theory]
    [InlineData("table")]
    [InlineData("json")]
    [InlineData("markdown")]
    public async Task Diff_IdenticalCopy_ReportsNoDifferenceAndExitsZero(string format)
    {
        using var copy = new TempRuleSet(Xa);

        var result = await CchcTool.RunAsync("diff", Shipped, copy.Directory, "--format", format);

        Assert.True(result.ExitCode == 0, result.ToString());
        if (format == "json")
        {
            using var json = JsonDocument.Parse(result.Out);
            Assert.Equal(0, json.RootElement.GetProperty("count").GetInt32());
            Assert.Equal(json.RootElement.GetProperty("old").GetProperty("sha256").GetString(), json.RootElement.GetProperty("new").GetProperty("sha256").GetString());
        }
        else
        {
            Assert.Contains("Không có thay đổi.", result.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Diff_SideThatDoesNotLoad_Exits64WithItsDiagnostics()
    {
        using var broken = new TempRuleSet(Xa);
        broken.ReplaceInRule(Tthc, "3.4", "\"fullAt\": 60", "\"fullAt\": 70");

        var result = await CchcTool.RunAsync("diff", Shipped, broken.Directory);

        Assert.Equal(64, result.ExitCode);
        Assert.Contains("CCHC047", result.Error, StringComparison.Ordinal);
        Assert.Contains(broken.Directory, result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }
}
