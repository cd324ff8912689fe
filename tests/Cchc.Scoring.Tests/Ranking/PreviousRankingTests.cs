using System.Text;
using Cchc.Scoring.Ranking;
using Cchc.Scoring.Tests.Support;

namespace Cchc.Scoring.Tests.Ranking;

/// <summary>The library path a portal uses: <see cref="RankingOptions.Previous"/> with a loaded <see cref="PreviousRanking"/>.</summary>
public sealed class PreviousRankingTests : IDisposable
{
    private const string Header = "code,name,level,parent,diemA,diemTthc,diemTacDong";
    private readonly TempRuleSet _ruleSet = RankingRuleSet.Create();
    private readonly TempDirectory _temp = new();

    public void Dispose()
    {
        _ruleSet.Dispose();
        _temp.Dispose();
    }

    private async Task<string> LastYearJsonAsync()
    {
        var data = _temp.Write("2024.csv", Header + "\nx1,Xã Một,xa,h,8,8,8\nx2,Xã Hai,xa,h,9,9,9\nx3,Xã Ba,xa,h,3,3,3\n");
        using var report = await RankingRun.RunAsync(_ruleSet.Engine, data, new RankingOptions { KeepCards = true }, CancellationToken.None);
        var path = Path.Combine(_temp.Root, "2024.json");
        using (var file = File.Create(path))
        {
            RankingWriter.Write(report, RankingFormat.Json, file, CancellationToken.None);
        }

        return path;
    }

    [Fact]
    public async Task RunAsync_WithPrevious_EachRowCarriesItsMovementAndTheReportTheSummary()
    {
        var mapping = _temp.Write("map.csv", "oldCode,newCode\nx2,y2\nx3,y2\n");
        var previous = PreviousRanking.Read(await LastYearJsonAsync(), mapping);
        var data = _temp.Write("2025.csv", Header + "\nx1,Xã Một,xa,h,9,9,9\ny2,Xã Hai Ba,xa,h,6,6,6\nz9,Xã Mới,xa,h,5,5,5\n");

        var report = await RankingRun.RunAsync(_ruleSet.Engine, data, new RankingOptions { Previous = previous }, CancellationToken.None);

        Assert.Equal(3, previous.Count);
        Assert.Empty(previous.Errors);
        var rows = report.Rows.ToDictionary(r => r.Standing.Code, r => r.Previous!);
        Assert.Equal(PreviousStatus.Matched, rows["x1"].Status);
        Assert.Same(previous.UnitsByCode["x1"], rows["x1"].Predecessors[0]);
        Assert.Equal((80m, 2, 1), (rows["x1"].Index!.Value, rows["x1"].Rank!.Value, rows["x1"].RankChange!.Value));
        Assert.Equal(1, rows["x1"].GradeChange);
        Assert.Equal(PreviousStatus.Merged, rows["y2"].Status);
        Assert.Equal(60m, rows["y2"].Index);           // (90 + 30) / 2
        Assert.Equal(0m, rows["y2"].IndexChange);
        Assert.Null(rows["y2"].Rank);
        Assert.Equal(PreviousStatus.New, rows["z9"].Status);
        Assert.Empty(rows["z9"].Predecessors);
        Assert.Equal(new PreviousSummary(1, 1, 1, 0, 0, 0, 1, 0, 1, 1, 0, 0, report.Previous!.Summary.GradeTransitions), report.Previous.Summary);
        Assert.Equal([new GradeTransition("Tốt", "Xuất sắc", 1)], report.Previous.Summary.GradeTransitions);
    }

    [Fact]
    public async Task RunAsync_WithoutPrevious_OutputsKeepTheirColumns()
    {
        var data = _temp.Write("2025.csv", Header + "\nx1,Xã Một,xa,h,9,9,9\n");

        var report = await RankingRun.RunAsync(_ruleSet.Engine, data, new RankingOptions(), CancellationToken.None);
        using var csv = new MemoryStream();
        RankingWriter.Write(report, RankingFormat.Csv, csv, CancellationToken.None);

        Assert.Null(report.Previous);
        Assert.Null(report.Rows[0].Previous);
        Assert.DoesNotContain("previous", Encoding.UTF8.GetString(csv.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingFile_FileNotFound()
        => Assert.Throws<FileNotFoundException>(() => PreviousRanking.Read(Path.Combine(_temp.Root, "khong-co.json")));
}
