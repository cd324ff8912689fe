using Cchc.Scoring.Tests.Support;
using Cchc.Scoring.Units;

namespace Cchc.Scoring.Tests.Units;

public sealed class UnitPipelineTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static Task<UnitBatch> ReadAsync(params string[] paths) => new UnitPipeline(Shipped.RuleSet).ReadAllAsync(paths);

    [Fact]
    public async Task ReadAllAsync_TwoFiles_EveryRowIsAUnitOrARejection_AndARepeatedCodeNamesTheRowKept()
    {
        var lines = File.ReadAllLines(Path.Combine(Paths.Samples, "phu-quy.csv"));
        var first = _temp.Write("huyen-1.csv", string.Join('\n', lines) + "\n");
        var second = _temp.Write("huyen-2.csv", string.Join('\n', lines.Take(3)) + "\n");

        var (units, summary) = await ReadAsync(first, second);

        Assert.Equal(lines.Length - 1, units.Count);
        Assert.Equal((lines.Length - 1, 2, lines.Length - 1 + 2), (summary.Accepted, summary.Rejected, summary.Total));
        Assert.Equal([("huyen-2.csv", 2), ("huyen-2.csv", 3)], summary.Rejections.Select(r => (r.File, r.Row)));
        Assert.All(summary.Rejections, r => Assert.StartsWith("mã đơn vị trùng với huyen-1.csv, dòng ", r.Reason, StringComparison.Ordinal));
        Assert.Empty(summary.Published);
    }

    [Fact]
    public async Task ReadAllAsync_TheSameCodeTwiceInOneFile_NamesTheRowWithoutTheFile()
    {
        var lines = File.ReadAllLines(Path.Combine(Paths.Samples, "phu-quy.csv"));
        var path = _temp.Write("xa.csv", string.Join('\n', lines.Append(lines[1])) + "\n");

        var refused = Assert.Single((await ReadAsync(path)).Summary.Rejections);

        Assert.Equal((lines.Length + 1, "code"), (refused.Row, refused.Column));
        Assert.Equal("mã đơn vị trùng với dòng 2: giữ dòng đầu tiên", refused.Reason);
    }

    [Fact]
    public async Task ReadAllAsync_InvalidValue_RejectsTheRowNamingFileRowColumnValue_ButABadClaimDoesNot()
    {
        var path = _temp.Write("xa.csv", string.Join('\n',
            "code,name,level,tyLeHaiLong,tuCham:MT2.4",
            "x1,Xã Một,xa,72.5,abc",
            "x2,Xã Hai,xa,120,1") + "\n");

        var (units, summary) = await ReadAsync(path);

        Assert.Equal(["x1"], units.Select(u => u.Code));
        var rejection = Assert.Single(summary.Rejections);
        Assert.Equal(("xa.csv", 3, "tyLeHaiLong", "120"), (rejection.File, rejection.Row, rejection.Column, rejection.Value));
        Assert.Equal((1, 1, 2), (summary.Accepted, summary.Rejected, summary.Total));
    }

    [Fact]
    public async Task ReadAsync_ConsumerStopsEarly_TheSummaryStillCountsEveryRow()
    {
        var lines = File.ReadAllLines(Path.Combine(Paths.Samples, "phu-quy.csv"));
        var path = _temp.Write("xa.csv", string.Join('\n', lines.Append(lines[1])) + "\n");
        var taken = new List<UnitData>();

        var summary = await new UnitPipeline(Shipped.RuleSet).ReadAsync([path], (units, _) =>
        {
            taken.AddRange(units.Take(1));
            return Task.CompletedTask;
        });

        Assert.Single(taken);
        Assert.Equal((lines.Length - 1, 1), (summary.Accepted, summary.Rejected));
    }

    [Fact]
    public async Task ReadAsync_UnitsEnumeratedTwice_Throws()
    {
        var path = Path.Combine(Paths.Samples, "phu-quy.csv");

        await Assert.ThrowsAsync<InvalidOperationException>(() => new UnitPipeline(Shipped.RuleSet).ReadAsync([path], (units, _) =>
        {
            var once = units.Count();
            var twice = units.Count();
            return Task.FromResult(once + twice);
        }));
    }

    [Fact]
    public async Task ReadAsync_UnknownKindOfFile_ThrowsBeforeTheConsumerIsCalled()
    {
        var path = _temp.Write("du-lieu.ods", "");
        var called = false;

        await Assert.ThrowsAsync<NotSupportedException>(() => new UnitPipeline(Shipped.RuleSet).ReadAsync([path], (_, _) =>
        {
            called = true;
            return Task.CompletedTask;
        }));
        Assert.False(called);
    }
}
