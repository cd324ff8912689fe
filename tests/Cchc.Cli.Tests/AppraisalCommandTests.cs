using Cchc.Cli.Tests.Support;
using MiniExcelLibs;

namespace Cchc.Cli.Tests;

/// <summary><c>--appraisal</c> on score and rank, the appraisal record (<c>score --format html|xlsx</c>) and <c>template --appraisal</c>.</summary>
public sealed class AppraisalCommandTests : IDisposable
{
    private static readonly string RuleSet = Path.Combine(AppContext.BaseDirectory, "rules", "chi-so-cchc-xa");
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Data => TestFiles.Sample("chi-so-cchc-xa.csv");

    private static string[] Sheets => ["--appraisal", TestFiles.Sample("chi-so-cchc-xa-tu-cham.csv"), "--appraisal", TestFiles.Sample("chi-so-cchc-xa-tham-dinh-lan-1.csv"),
        "--appraisal", TestFiles.Sample("chi-so-cchc-xa-giai-trinh.csv"), "--appraisal", TestFiles.Sample("chi-so-cchc-xa-tham-dinh-lan-2.csv")];

    [Fact]
    public async Task Rank_WithTheSampleSheets_RanksOnTheAppraisedPoints()
    {
        var plain = await CchcTool.RunAsync("rank", RuleSet, Data);
        var appraised = await CchcTool.RunAsync(["rank", RuleSet, Data, .. Sheets]);

        Assert.True(appraised.ExitCode == 0, appraised.ToString());
        Assert.Contains(plain.OutLines, l => l.Contains("tam-thanh", StringComparison.Ordinal) && l.Contains("64,75/100", StringComparison.Ordinal));
        Assert.Contains(appraised.OutLines, l => l.Contains("tam-thanh", StringComparison.Ordinal) && l.Contains("65,75/100", StringComparison.Ordinal));
        Assert.StartsWith("scored 3, rejected 0, total 3", appraised.ErrorLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_Html_IsTheAppraisalRecordOfEveryUnit()
    {
        var output = _folder.File("bien-ban.html");

        var result = await CchcTool.RunAsync(["score", RuleSet, Data, .. Sheets, "--format", "html", "-o", output]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var html = File.ReadAllText(output);
        Assert.Equal(3, html.Split("<table class=\"record\">").Length - 1);
        Assert.Contains("Điểm cuối cùng <b>65,75</b>/100", html, StringComparison.Ordinal);
        Assert.Contains("Báo cáo quý III đã gửi đúng hạn qua phần mềm quản lý văn bản", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_Xlsx_WritesTheTwoSheets_AndNeedsAFile()
    {
        var output = _folder.File("bien-ban.xlsx");

        var result = await CchcTool.RunAsync(["score", RuleSet, Data, .. Sheets, "--format", "xlsx", "-o", output]);
        var toStdout = await CchcTool.RunAsync("score", RuleSet, Data, "--format", "xlsx");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["Tổng hợp", "Biên bản thẩm định"], MiniExcel.GetSheetNames(output));
        var summary = MiniExcel.Query(output, useHeaderRow: true, sheetName: "Tổng hợp").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(65.75, Convert.ToDouble(summary.Single(r => (string?)r["Mã đơn vị (code)"] == "tam-thanh")["Chỉ số (index)"]));
        Assert.Equal(64, toStdout.ExitCode);
    }

    [Fact]
    public async Task Score_MissingAppraisalFile_IsAUsageErrorNamingIt()
    {
        var missing = _folder.File("khong-co.csv");

        var result = await CchcTool.RunAsync("score", RuleSet, Data, "--appraisal", missing);

        Assert.Equal(64, result.ExitCode);
        Assert.Contains(result.ErrorLines, l => l.Contains(missing, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Score_OrphanCodeInASheet_ExitsTwoNamingTheRow()
    {
        var sheet = _folder.Write("td.csv", "code,thamDinh:1.2\nlong-hai,1\nkhong-co,1\n");

        var result = await CchcTool.RunAsync("score", RuleSet, Data, "--appraisal", sheet);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(result.ErrorLines, l => l.Contains("td.csv, dòng 3, đơn vị khong-co, cột code = 'khong-co'", StringComparison.Ordinal));
        Assert.StartsWith("scored 3, rejected 0, total 3", result.ErrorLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_Appraisal_AddsTheCouncilsColumns_WhichReadBack()
    {
        var result = await CchcTool.RunAsync("template", RuleSet, "--level", "xa", "--appraisal");

        Assert.True(result.ExitCode == 0, result.ToString());
        var header = Csv.SplitRecord(result.OutLines[0]);
        Assert.Equal(["TLKC 1.1.a (tlkc:1.1.a)", "Thẩm định lần 1 1.1.a (thamDinh:1.1.a)", "Nhận xét 1.1.a (nhanXet:1.1.a)", "Giải trình 1.1.a (giaiTrinh:1.1.a)", "Thẩm định lần 2 1.1.a (thamDinh2:1.1.a)"],
            header.SkipWhile(h => !h.StartsWith("TLKC", StringComparison.Ordinal)).Take(5));

        // The template's header with one unit filled in: the appraisal is read and applied.
        var row = header.Select(h => h switch
        {
            "code" => "X01",
            "level" => "xa",
            "Thẩm định lần 1 1.1.a (thamDinh:1.1.a)" => "0,5",
            _ => "",
        });
        var data = _folder.Write("mau.csv", string.Join(",", header.Select(Csv.Quote)) + "\n" + string.Join(",", row.Select(Csv.Quote)) + "\n");
        var scored = await CchcTool.RunAsync("score", RuleSet, data, "--format", "json");
        Assert.True(scored.Out.Contains("\"basis\": \"round1\"", StringComparison.Ordinal), scored.ToString()[..Math.Min(3000, scored.ToString().Length)]);
        Assert.DoesNotContain(scored.ErrorLines, l => l.Contains("không phải dữ liệu đầu vào", StringComparison.Ordinal));
    }
}
