using System.Text;
using Cchc.Rules.Model;
using Cchc.Scoring.Cards;
using Cchc.Scoring.Ranking;
using Cchc.Scoring.Tests.Support;
using Cchc.Scoring.Units;
using MiniExcelLibs;

namespace Cchc.Scoring.Tests.Ranking;

/// <summary>
/// The commune kind (xã, phường, đặc khu) reaches what people read: the card's unit, and a "Loại" column next to the
/// level in the CSV, XLSX and HTML rankings — only when the data states kinds, so earlier years' outputs are unchanged.
/// </summary>
public sealed class RankingKindColumnTests : IDisposable
{
    private readonly TempRuleSet _ruleSet = RankingRuleSet.Create();
    private readonly TempDirectory _temp = new();

    public void Dispose()
    {
        _ruleSet.Dispose();
        _temp.Dispose();
    }

    private string TodayCsv() => _temp.Write("xa-2025.csv", string.Join("\n",
        "code;name;level;kind;parent;diemA;diemTthc;diemTacDong",
        "26734;UBND đặc khu Phú Quý;xa;dacKhu;68;9;9;9",
        "26740;UBND phường Hai;Phường;;68;8;8;8",
        "26750;UBND xã Ba;xa;xã;68;7;7;7",
        "26760;UBND quận Bốn;quận;;79;7;7;7") + "\n");

    private async Task<RankingReport> RankAsync(string path, bool keepCards = false)
        => await RankingRun.RunAsync(_ruleSet.Engine, path, new RankingOptions { KeepCards = keepCards }, CancellationToken.None);

    private static byte[] Write(RankingReport report, RankingFormat format)
    {
        using var stream = new MemoryStream();
        RankingWriter.Write(report, format, stream, CancellationToken.None);
        return stream.ToArray();
    }

    [Fact]
    public async Task Rank_KindsInTheData_ReachTheStandingsAndTheBadLevelWordIsRejectedWithItsPlace()
    {
        using var report = await RankAsync(TodayCsv());

        Assert.Equal(["dacKhu", "phuong", "xa"], report.Rows.Select(r => r.Standing.Kind));
        var rejection = Assert.Single(report.Rejections);
        Assert.Equal((5, "level", "quận"), (rejection.Row, rejection.Column, rejection.Value));
        Assert.Equal((3, 1), (report.Summary.Scored, report.Summary.Rejected));
    }

    [Fact]
    public async Task Csv_KindsInTheData_HaveALoaiColumnNextToTheLevel()
    {
        using var report = await RankAsync(TodayCsv());

        var lines = Encoding.UTF8.GetString(Write(report, RankingFormat.Csv)).TrimStart('\uFEFF').Split('\n');

        Assert.Contains("Cấp (level),Loại (kind),Đơn vị cấp trên (parent)", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("1,26734,UBND đặc khu Phú Quý,xa,đặc khu,68,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("2,26740,UBND phường Hai,xa,phường,68,", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("3,26750,UBND xã Ba,xa,xã,68,", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_NoKindsInTheData_HasNoLoaiColumn()
    {
        var path = _temp.Write("xa-2024.csv", "code,name,level,parent,diemA,diemTthc,diemTacDong\nx1,Xã Một,xa,h1,9,9,9\n");
        using var report = await RankAsync(path);

        var csv = Encoding.UTF8.GetString(Write(report, RankingFormat.Csv));

        Assert.DoesNotContain("Loại", csv, StringComparison.Ordinal);
        Assert.Contains("Cấp (level),Đơn vị cấp trên (parent)", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Xlsx_KindsInTheData_HaveALoaiColumnNextToTheLevel()
    {
        using var report = await RankAsync(TodayCsv());
        using var stream = new MemoryStream(Write(report, RankingFormat.Xlsx));

        var rows = stream.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().Select(r => r.Values.ToList()).ToList();

        var header = rows[0].Select(v => v?.ToString()).ToList();
        var kind = header.IndexOf("Loại (kind)");
        Assert.Equal(header.IndexOf("Cấp (level)") + 1, kind);
        Assert.Equal(["đặc khu", "phường", "xã"], rows.Skip(1).Take(3).Select(r => r[kind]?.ToString()));
    }

    [Fact]
    public async Task Html_KindsInTheData_HaveALoaiColumn()
    {
        using var report = await RankAsync(TodayCsv());

        var html = Encoding.UTF8.GetString(Write(report, RankingFormat.Html));

        Assert.Contains("<th>Tên</th><th>Loại</th><th>Đơn vị cấp trên</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td>UBND đặc khu Phú Quý</td><td>đặc khu</td><td>68</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_TheCardOfEachUnitCarriesItsKind()
    {
        using var report = await RankAsync(TodayCsv(), keepCards: true);

        using var json = System.Text.Json.JsonDocument.Parse(Write(report, RankingFormat.Json));

        var units = json.RootElement.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("card").GetProperty("unit")).ToList();
        Assert.Equal(["dacKhu", "phuong", "xa"], units.Select(u => u.GetProperty("kind").GetString()));
        Assert.Equal("UBND đặc khu Phú Quý", units[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Card_KindIsInTheUnitIdentityAndAbsentWhenNotStated()
    {
        var units = new[]
        {
            UnitData.FromRow(new Dictionary<string, object?> { ["code"] = "p", ["level"] = "phường", ["diemA"] = 5m, ["diemTthc"] = 5m, ["diemTacDong"] = 5m }),
            UnitData.FromRow(new Dictionary<string, object?> { ["code"] = "x", ["level"] = "xa", ["diemA"] = 5m, ["diemTthc"] = 5m, ["diemTacDong"] = 5m }),
        };

        var cards = await RankingRuleSet.ScoreAsync(_ruleSet, units);

        Assert.Equal(new UnitInfo("p", "p", "xa", null) { Kind = "phuong" }, cards[0].Unit);
        Assert.Equal("phuong", UnitJson(cards[0]).GetProperty("kind").GetString());
        Assert.Null(cards[1].Unit.Kind);
        Assert.False(UnitJson(cards[1]).TryGetProperty("kind", out _));

        static System.Text.Json.JsonElement UnitJson(ScoreCard card)
            => System.Text.Json.JsonDocument.Parse(ScoreCardJson.Serialize(card)).RootElement.GetProperty("unit").Clone();
        Assert.Equal(UnitKind.Phuong, units[0].Kind);
    }
}
