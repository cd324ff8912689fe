using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Cchc.Cli.Tests.Support;
using MiniExcelLibs;

namespace Cchc.Cli.Tests;

public sealed class RankCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _ruleSet;
    private readonly string _badRows;

    public RankCommandTests()
    {
        _ruleSet = RankRuleSet.Write(_folder);
        _badRows = _folder.Write("xa.csv", RankRuleSet.BadRowsCsv);
    }

    public void Dispose() => _folder.Dispose();

    private Task<CliResult> RankAsync(string output, params string[] extra) => CchcTool.RunAsync(["rank", _ruleSet, _badRows, "-o", output, .. extra]);

    [Fact]
    public async Task Rank_BadRowsOfEveryKind_ReportedOnStderrAndTheOthersRanked_ExitTwo()
    {
        var result = await RankAsync(_folder.File("r.json"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("scored 3, rejected 7, total 10; 1 unit(s) ranked with missing data", result.ErrorLines);
        Assert.Contains("Bị loại: xa.csv, dòng 4, đơn vị kieu, cột diemA = 'abc': không phải số", result.ErrorLines);
        Assert.Contains(result.ErrorLines, l => l.StartsWith("Bị loại: xa.csv, dòng 5, đơn vị ngoai, cột diemTthc = '11': ", StringComparison.Ordinal));
        Assert.Contains(result.ErrorLines, l => l.StartsWith("Bị loại: xa.csv, dòng 6, đơn vị ok1, cột code = 'ok1': mã đơn vị trùng với dòng 2", StringComparison.Ordinal));
        Assert.Contains(result.ErrorLines, l => l.StartsWith("Bị loại: xa.csv, dòng 8, đơn vị cap, cột level = 'tinh'", StringComparison.Ordinal));
        Assert.Equal(8, result.ErrorLines.Count(l => l.StartsWith("Bị loại: ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Rank_Xlsx_RankingErrorAndSummarySheetsReadBackWithMiniExcel()
    {
        var path = _folder.File("r.xlsx");

        var result = await RankAsync(path, "--group-by", "parent");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["Xếp hạng", "Theo cấp trên", "Lỗi", "Tóm tắt"], MiniExcel.GetSheetNames(path));
        var parents = MiniExcel.Query(path, useHeaderRow: true, sheetName: "Theo cấp trên").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(3d, parents.Sum(p => (double)p["Số đơn vị (units)"]!));
        Assert.Equal(1d, parents[0]["Hạng (rank)"]);
        var rows = MiniExcel.Query(path, useHeaderRow: true, sheetName: "Xếp hạng").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["ok1", "ok2", "thieu"], rows.Select(r => r["Mã (code)"]));
        var first = rows[0];
        Assert.Equal(1d, first["Hạng (rank)"]);
        Assert.Equal(1d, first["Hạng trong đơn vị cấp trên (groupRank)"]);
        Assert.Equal(27d, first["Điểm (points)"]);
        Assert.Equal(90d, first["Chỉ số (index)"]);
        Assert.Equal("Xuất sắc", first["Xếp loại (grade)"]);
        Assert.Equal(9d, first["Cải cách thủ tục hành chính (tthc)"]);
        Assert.Equal("A1", first["Mất điểm nhiều thứ 1 (loss1)"]);
        Assert.Equal(1d, first["Số điểm mất thứ 1 (loss1Points)"]);
        Assert.Equal(true, first["Đủ dữ liệu (complete)"]);

        // ok2 ties ok1 on index 90 and loses on tthc (8 < 9): rank 2, but first in its own district.
        Assert.Equal((2d, 1d), ((double)rows[1]["Hạng (rank)"]!, (double)rows[1]["Hạng trong đơn vị cấp trên (groupRank)"]!));
        Assert.Equal(false, rows[2]["Đủ dữ liệu (complete)"]);

        var errors = MiniExcel.Query(path, useHeaderRow: true, sheetName: "Lỗi").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal([4d, 5d, 6d, 7d, 8d, 9d, 11d, 11d], errors.Select(e => e["Dòng (row)"]));
        Assert.Equal("abc", errors[0]["Giá trị (value)"]);
        Assert.Equal("diemA", errors[0]["Cột (column)"]);

        var summary = MiniExcel.Query(path, useHeaderRow: true, sheetName: "Tóm tắt").Cast<IDictionary<string, object?>>().ToDictionary(r => (string)r["Mục"]!, r => r["Giá trị"]);
        Assert.Equal((3d, 7d, 10d), ((double)summary["Đã chấm (scored)"]!, (double)summary["Bị loại (rejected)"]!, (double)summary["Tổng số dòng (total)"]!));
        Assert.Equal(2d, summary["Xếp loại: Xuất sắc"]);
    }

    [Fact]
    public async Task Rank_Html_SelfContainedReportWithTableChartAndErrors()
    {
        var path = _folder.File("r.html");

        var result = await RankAsync(path);

        Assert.Equal(2, result.ExitCode);
        var document = new HtmlParser().ParseDocument(File.ReadAllText(path, Encoding.UTF8));
        var rows = document.QuerySelectorAll("#ranking tbody tr");
        Assert.Equal(3, rows.Length);
        Assert.Equal(["1", "ok1", "Xã Một", "h1", "27/30", "90", "Xuất sắc"], rows[0].QuerySelectorAll("td").Take(7).Select(c => c.TextContent));
        Assert.Equal("Xã Thiếu Số *", rows[2].QuerySelectorAll("td")[2].TextContent);
        Assert.Equal("A1 −1; T1 −1; D1 −1", rows[0].QuerySelectorAll("td")[^1].TextContent);

        // Lost points by area as a bar: thieu lost 3 in a (10%), 10 in tthc (33.33%), 3 in tac-dong (10%).
        Assert.Equal(["width:10%", "width:33.33%", "width:10%"], rows[2].QuerySelectorAll(".b i").Select(i => i.GetAttribute("style")));

        var summary = document.QuerySelector("#summary")!;
        Assert.Equal(("3", "7", "10"), (summary.GetAttribute("data-scored"), summary.GetAttribute("data-rejected"), summary.GetAttribute("data-total")));
        Assert.Contains("scored 3, rejected 7, total 10", summary.TextContent, StringComparison.Ordinal);

        var grades = document.QuerySelectorAll("#grades g");
        Assert.Equal(["Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu"], grades.Select(g => g.GetAttribute("data-grade")));
        Assert.Equal(["2", "0", "0", "0", "1"], grades.Select(g => g.GetAttribute("data-count")));

        var errors = document.QuerySelectorAll("#errors tbody tr");
        Assert.Equal(8, errors.Length);
        Assert.Equal(["xa.csv", "4", "diemA", "abc"], errors[0].QuerySelectorAll("td").Take(4).Select(c => c.TextContent));

        // Each parent's units together: every ranked unit counted once, best average first.
        var parents = document.QuerySelectorAll("#parents tbody tr");
        Assert.Equal(3, parents.Sum(p => int.Parse(p.QuerySelectorAll("td")[2].TextContent, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("1", parents[0].QuerySelectorAll("td")[0].TextContent);

        Assert.Empty(document.QuerySelectorAll("script, link, img, iframe"));
        Assert.DoesNotContain("http", string.Concat(document.QuerySelectorAll("[src], [href]").Select(e => e.OuterHtml)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rank_Json_EveryRowWithItsCardRankAndTheRejections()
    {
        var path = _folder.File("r.json");

        await RankAsync(path, "--group-by", "parent");

        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = json.RootElement;
        Assert.Equal(10, root.GetProperty("summary").GetProperty("total").GetInt32());
        Assert.Equal(7, root.GetProperty("summary").GetProperty("rejected").GetInt32());
        var rows = root.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["ok1", "ok2", "thieu"], rows.Select(r => r.GetProperty("card").GetProperty("unit").GetProperty("code").GetString()));
        Assert.Equal([1, 2, 3], rows.Select(r => r.GetProperty("rank").GetInt32()));
        Assert.Equal([1, 1, 2], rows.Select(r => r.GetProperty("groupRank").GetInt32()));
        Assert.Equal(2, rows[1].GetProperty("card").GetProperty("rank").GetInt32());
        Assert.Equal("missingData", rows[2].GetProperty("card").GetProperty("criteria")[1].GetProperty("status").GetString());
        Assert.False(rows[2].GetProperty("complete").GetBoolean());
        Assert.Equal(8, root.GetProperty("rejections").GetArrayLength());
    }

    [Fact]
    public async Task Rank_Csv_BomHeaderRowsAndErrorsBeside()
    {
        var path = _folder.File("r.csv");

        await RankAsync(path);

        var bytes = File.ReadAllBytes(path);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).TrimEnd().Split("\r\n");
        Assert.Equal(4, lines.Length);
        Assert.Equal(["Hạng (rank)", "Mã (code)", "Tên (name)"], Csv.SplitRecord(lines[0]).Take(3));
        Assert.Equal(["1", "ok1", "Xã Một", "xa", "h1", "27", "30", "90", "Xuất sắc", "true", "9", "9", "9", "A1", "1", "T1", "1", "D1", "1"], Csv.SplitRecord(lines[1]));
        var errors = File.ReadAllText(_folder.File("r.errors.csv"), Encoding.UTF8).TrimEnd().Split("\r\n");
        Assert.Equal(9, errors.Length);
        Assert.Equal(["xa.csv", "4", "diemA", "abc", "không phải số"], Csv.SplitRecord(errors[1]));
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    [InlineData("json")]
    [InlineData("html")]
    public async Task Rank_ShuffledInputOtherParallelismAndCulture_ByteIdenticalOutput(string format)
    {
        var (ordered, shuffled) = RankRuleSet.ValidCsv(60, seed: 7);
        var first = _folder.File($"first.{format}");
        var second = _folder.File($"second.{format}");

        var a = await CchcTool.RunAsync("rank", _ruleSet, _folder.Write("ordered.csv", ordered), "-o", first, "--parallelism", "1", "--group-by", "parent");
        var b = await CchcTool.RunInCultureAsync("de-DE", "rank", _ruleSet, _folder.Write("shuffled.csv", shuffled), "-o", second, "--parallelism", "4", "--group-by", "parent");

        Assert.Equal((0, 0), (a.ExitCode, b.ExitCode));
        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
    }

    [Fact]
    public async Task Rank_NoOutput_PrintsTheTable()
    {
        var result = await CchcTool.RunAsync("rank", _ruleSet, _badRows);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("Hạng", result.OutLines[0], StringComparison.Ordinal);
        Assert.Contains(result.OutLines, l => l.StartsWith("2     ok2", StringComparison.Ordinal) && l.Contains("90", StringComparison.Ordinal));
        Assert.Contains(result.OutLines, l => l.Contains("Xã Thiếu Số *", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rank_FormatJsonWithoutOutput_PrintsJson()
    {
        var result = await CchcTool.RunAsync("rank", _ruleSet, _badRows, "--format", "json");

        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(3, json.RootElement.GetProperty("rows").GetArrayLength());
    }

    [Theory]
    [InlineData("r.txt")]
    [InlineData(null)]
    public async Task Rank_OutputFormatUnknownOrXlsxToConsole_UsageError(string? output)
    {
        var result = output is null
            ? await CchcTool.RunAsync("rank", _ruleSet, _badRows, "--format", "xlsx")
            : await CchcTool.RunAsync("rank", _ruleSet, _badRows, "-o", _folder.File(output));

        Assert.Equal(64, result.ExitCode);
        Assert.False(File.Exists(_folder.File("r.txt")));
    }

    [Fact]
    public async Task Rank_DataOfUnknownKind_UsageError()
    {
        var result = await CchcTool.RunAsync("rank", _ruleSet, _folder.Write("xa.pdf", "%PDF"), "-o", _folder.File("r.xlsx"));

        Assert.Equal(64, result.ExitCode);
        Assert.Contains(".xlsx", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.File("r.xlsx")));
    }

    [Fact]
    public async Task Rank_BrokenXlsx_UsageErrorNamingTheFile()
    {
        var result = await CchcTool.RunAsync("rank", _ruleSet, _folder.Write("hong.xlsx", RankRuleSet.BadRowsCsv), "-o", _folder.File("r.html"));

        Assert.Equal(64, result.ExitCode);
        Assert.Contains("hong.xlsx", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.File("r.html")));
    }

    [Fact]
    public async Task Rank_XlsxInput_RanksTheSheet()
    {
        var data = _folder.File("xa.xlsx");
        MiniExcel.SaveAs(data, new[]
        {
            new Dictionary<string, object?> { ["code"] = "x1", ["name"] = "Xã Một", ["level"] = "xa", ["diemA"] = 9.5, ["diemTthc"] = "8,5", ["diemTacDong"] = 10 },
            new Dictionary<string, object?> { ["code"] = "x2", ["name"] = "Xã Hai", ["level"] = "xa", ["diemA"] = 10, ["diemTthc"] = 10, ["diemTacDong"] = 10 },
        });

        var result = await CchcTool.RunAsync("rank", _ruleSet, data, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("scored 2, rejected 0, total 2; 0 unit(s) ranked with missing data", result.ErrorLines);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(28m, json.RootElement.GetProperty("rows")[1].GetProperty("card").GetProperty("points").GetDecimal());
    }
}
