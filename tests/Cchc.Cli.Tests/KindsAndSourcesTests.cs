using System.Text;
using Cchc.Cli.Tests.Support;

namespace Cchc.Cli.Tests;

/// <summary>What an officer sees of the 2025 country and of the criteria's sources in <c>cchc score</c> and <c>cchc rank</c>.</summary>
public sealed class KindsAndSourcesTests : IDisposable
{
    private static readonly string CommuneRuleSet = Path.Combine(AppContext.BaseDirectory, "rules", "chi-so-cchc-xa");
    private readonly string _directory = Directory.CreateTempSubdirectory("cchc-kinds-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task ScoreExplain_Plan2023_NamesTheInferredTargetsWithTheirReading()
    {
        var result = await CchcTool.RunAsync("score", TestFiles.RuleSet, TestFiles.Sample("xa-ngu-phung.json"), "--explain");

        Assert.Contains("Nguồn của tiêu chí không lấy nguyên văn từ văn bản:", result.Out, StringComparison.Ordinal);
        Assert.Contains("  MT7.4: Nguồn (suy ra: cách đo là của bộ tiêu chí): Kế hoạch số 09/KH-UBND", result.Out, StringComparison.Ordinal);
        Assert.Contains("  MT2.3a: Nguồn (suy ra", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("  MT4.1: Nguồn", result.Out, StringComparison.Ordinal); // stated in the plan: not listed
    }

    [Fact]
    public async Task ScoreAndRank_UnitsWithKinds_ShowTheKind()
    {
        // Identity only: every input is missing data (scored, flagged), which is all this test needs.
        var data = Path.Combine(_directory, "lam-dong.csv");
        await File.WriteAllTextAsync(data, "code,name,level,parent\n26734,UBND đặc khu Phú Quý,Đặc khu,68\n26740,UBND phường Hai,phuong,68\n", new UTF8Encoding(true));

        var score = await CchcTool.RunAsync("score", CommuneRuleSet, data);
        var rank = await CchcTool.RunAsync("rank", CommuneRuleSet, data);

        Assert.Contains("UBND đặc khu Phú Quý (26734, cấp xã, đặc khu, thuộc 68)", score.Out, StringComparison.Ordinal);
        Assert.Contains("UBND phường Hai (26740, cấp xã, phường, thuộc 68)", score.Out, StringComparison.Ordinal);
        Assert.Contains("Loại", rank.Out.Split('\n')[0], StringComparison.Ordinal);
        Assert.Contains("đặc khu", rank.Out, StringComparison.Ordinal);
    }
}
