using Cchc.Scoring.Tests.Support;
using Cchc.Scoring.Units;

namespace Cchc.Scoring.Tests.Units;

public sealed class UnitBatchReaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Read_TwoFiles_EveryRowIsAUnitOrARejection_AndARepeatedCodeNamesTheRowKept()
    {
        var lines = File.ReadAllLines(Path.Combine(Paths.Samples, "phu-quy.csv"));
        var first = _temp.Write("huyen-1.csv", string.Join('\n', lines) + "\n");
        var second = _temp.Write("huyen-2.csv", string.Join('\n', lines.Take(3)) + "\n");
        var reader = new UnitBatchReader(Shipped.RuleSet);

        var items = reader.Read([first, second]).ToList();

        Assert.Equal(lines.Length - 1 + 2, items.Count);
        Assert.Equal(lines.Length - 1, items.Count(i => i.Unit is not null));
        var refused = items.Where(i => i.Rejection is not null).Select(i => i.Rejection!).ToList();
        Assert.Equal([("huyen-2.csv", 2), ("huyen-2.csv", 3)], refused.Select(r => (r.File, r.Row)));
        Assert.All(refused, r => Assert.StartsWith("mã đơn vị trùng với huyen-1.csv, dòng ", r.Reason, StringComparison.Ordinal));
        Assert.Empty(reader.Published);
    }

    [Fact]
    public void Read_TheSameCodeTwiceInOneFile_NamesTheRowWithoutTheFile()
    {
        var lines = File.ReadAllLines(Path.Combine(Paths.Samples, "phu-quy.csv"));
        var path = _temp.Write("xa.csv", string.Join('\n', lines.Append(lines[1])) + "\n");

        var refused = Assert.Single(new UnitBatchReader(Shipped.RuleSet).Read([path]), i => i.Rejection is not null).Rejection!;

        Assert.Equal((lines.Length + 1, "code"), (refused.Row, refused.Column));
        Assert.Equal("mã đơn vị trùng với dòng 2: giữ dòng đầu tiên", refused.Reason);
    }
}
