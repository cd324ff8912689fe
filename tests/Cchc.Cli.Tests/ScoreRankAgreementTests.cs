using Cchc.Cli.Tests.Support;

namespace Cchc.Cli.Tests;

/// <summary><c>cchc score</c> and <c>cchc rank</c> read through one pipeline: the same file, the same counts and rejections.</summary>
public sealed class ScoreRankAgreementTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ScoreAndRank_FileWithEveryKindOfBadRow_SameCountsAndTheSameRejections()
    {
        var ruleSet = RankRuleSet.Write(_folder);
        var data = _folder.Write("xa.csv", string.Join("\n",
            RankRuleSet.Header + ",tuCham:A1",
            "ok1,Xã Một,xa,h1,9,9,9,",                   // 2 scored
            "ok2,Xã Hai,xa,h1,8,8,8,8",                  // 3 scored, its claim agrees
            "kieu,Xã Sai Kiểu,xa,h1,abc,8,8,",           // 4 wrong type
            "ngoai,Xã Ngoài Khoảng,xa,h1,8,11,8,",       // 5 out of range
            "ok1,Xã Một Lặp,xa,h1,1,1,1,",               // 6 repeated code
            ",Xã Không Mã,xa,h1,1,1,1,",                 // 7 no code
            "cap,Xã Sai Cấp,tinh,h1,1,1,1,",             // 8 bad level
            "thua,Xã Thừa Cột,xa,h1,1,1,1,1,1",          // 9 more cells than the header
            "ngan,Xã Ngắn,xa,h1,1,1",                    // 10 fewer cells than the header
            "thieu,Xã Thiếu Số,xa,h1,7,,7,",             // 11 empty cell: scored, incomplete
            "hai-loi,Xã Hai Lỗi,xa,h1,-1,5,x,",          // 12 two bad cells, one row
            "tu-cham,Xã Tự Chấm Sai,xa,h1,5,5,5,abc")    // 13 a claim that is not a number: scored, the claim reported
            + "\n");

        var score = await CchcTool.RunAsync("score", ruleSet, data, "--format", "json");
        var rank = await CchcTool.RunAsync("rank", ruleSet, data, "--format", "csv");

        Assert.True(score.ExitCode == 2, score.ToString());
        Assert.True(rank.ExitCode == 2, rank.ToString());
        Assert.StartsWith("scored 4, rejected 8, total 12; ", score.ErrorLines[^1], StringComparison.Ordinal);
        Assert.StartsWith("scored 4, rejected 8, total 12; ", rank.ErrorLines[^1], StringComparison.Ordinal);
        static List<string> Rejections(CliResult result) => [.. result.ErrorLines.Where(l => l.StartsWith("Bị loại: ", StringComparison.Ordinal))];
        Assert.Equal(9, Rejections(rank).Count);
        Assert.Equal(Rejections(rank), Rejections(score));
        Assert.Contains(score.ErrorLines, l => l.Contains("tu-cham", StringComparison.Ordinal) && l.Contains("tuCham:A1 = 'abc'", StringComparison.Ordinal));
    }
}
