using System.Text.Json;
using Cchc.Cli.Tests.Support;

namespace Cchc.Cli.Tests;

/// <summary><c>cchc rank</c> over several files: one spreadsheet per district, or the portal's QĐ 766 responses.</summary>
public sealed class RankSeveralFilesTests : IDisposable
{
    private static readonly string CommuneRuleSet = Path.Combine(AppContext.BaseDirectory, "rules", "chi-so-cchc-xa");
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Rank_TheSameCommunesSplitOverTwoFiles_RanksThemExactlyAsOneFile()
    {
        var lines = File.ReadAllLines(TestFiles.Sample("chi-so-cchc-xa.csv"));
        var first = _folder.Write("huyen-1.csv", string.Join('\n', lines.Take(2)) + "\n");
        var second = _folder.Write("huyen-2.csv", string.Join('\n', new[] { lines[0] }.Concat(lines.Skip(2))) + "\n");

        var whole = await CchcTool.RunAsync("rank", CommuneRuleSet, TestFiles.Sample("chi-so-cchc-xa.csv"), "-o", _folder.File("whole.csv"));
        var split = await CchcTool.RunAsync("rank", CommuneRuleSet, first, second, "-o", _folder.File("split.csv"));

        Assert.Equal(0, split.ExitCode);
        Assert.Contains("scored 3, rejected 0, total 3; 0 unit(s) ranked with missing data", split.ErrorLines);
        Assert.Equal(0, whole.ExitCode);
        Assert.Equal(File.ReadAllBytes(_folder.File("whole.csv")), File.ReadAllBytes(_folder.File("split.csv")));
    }

    [Fact]
    public async Task Rank_ACodeInTwoFiles_KeepsTheFirstFileAndRefusesTheOtherNamingBothPlaces()
    {
        var lines = File.ReadAllLines(TestFiles.Sample("chi-so-cchc-xa.csv"));
        var first = _folder.Write("huyen-1.csv", string.Join('\n', lines) + "\n");
        var second = _folder.Write("huyen-2.csv", string.Join('\n', lines.Take(2)) + "\n");

        var result = await CchcTool.RunAsync("rank", CommuneRuleSet, first, second, "-o", _folder.File("r.csv"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("scored 3, rejected 1, total 4; 0 unit(s) ranked with missing data", result.ErrorLines);
        var code = lines[1].Split(',')[0];
        Assert.Contains(result.ErrorLines, l => l.StartsWith($"Bị loại: huyen-2.csv, dòng 2, đơn vị {code}, cột code = '{code}': mã đơn vị trùng với huyen-1.csv, dòng 2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rank_ThePortalsQd766Responses_AreMergedPerUnitAndRanked()
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "samples", "qd766"), "*.json").Order(StringComparer.Ordinal).ToArray();
        var output = _folder.File("qd766.json");

        var result = await CchcTool.RunAsync(["rank", Path.Combine(AppContext.BaseDirectory, "rules", "qd766"), .. files, "-o", output]);

        Assert.Contains("scored 4, rejected 0, total 4", result.Error, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(File.ReadAllText(output));
        var ranks = report.RootElement.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("rank").GetInt32()).ToList();
        Assert.Equal(4, ranks.Count);
        Assert.Equal(1, ranks[0]);
        Assert.Equal(ranks.Order().ToList(), ranks);
    }
}
