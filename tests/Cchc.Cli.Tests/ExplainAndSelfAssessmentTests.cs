using System.Text.Json.Nodes;
using Cchc.Cli.Tests.Support;

namespace Cchc.Cli.Tests;

/// <summary><c>cchc score --explain</c> and the "Tự chấm" section, on the shipped plan and Phú Quý's claims.</summary>
public class ExplainAndSelfAssessmentTests
{
    private const string ClaimsSample = "phu-quy-tu-cham.csv";

    private static IReadOnlyList<string> Section(CliResult result, string unitHeaderStart, string sectionStart)
    {
        var lines = result.OutLines.SkipWhile(l => !l.StartsWith(unitHeaderStart, StringComparison.Ordinal)).ToList();
        return [.. lines.SkipWhile(l => !l.StartsWith(sectionStart, StringComparison.Ordinal)).TakeWhile(l => l.Length > 0)];
    }

    [Fact]
    public async Task Score_Explain_ListsLostCriteriaMostRecoverableFirstAndTheNextGrade()
    {
        var result = await CchcTool.RunSharedAsync("score", TestFiles.RuleSet, TestFiles.Sample("xa-tam-thanh.json"), "--explain");

        Assert.True(result.ExitCode == 0, result.ToString());
        var section = Section(result, "UBND xã Tam Thanh", "Có thể cải thiện");
        Assert.Equal("Có thể cải thiện (xếp theo số điểm có thể thêm):", section[0]);
        Assert.StartsWith("Mã ", section[1], StringComparison.Ordinal);
        Assert.Equal(["MT2.4", "MT2.7c", "MT7.1", "MT7.4"], section.Skip(3).Take(4).Select(l => l.Split(' ')[0]));
        Assert.Contains("Đạt mục tiêu trước ngày 19/02/2023 (hiện 20/02/2023, còn cách mục tiêu 2 ngày) để được thêm 1 điểm. Đơn vị phụ trách: Phòng Nội vụ - LĐTB&XH.", section[5], StringComparison.Ordinal);
        Assert.Equal(
            "Để đạt xếp loại \"Hoàn thành phần lớn mục tiêu\" (chỉ số từ 80) cần tổng điểm 14,4/18 (chỉ số 80), tức thêm 0,4 điểm, ví dụ khắc phục MT2.4. Còn 4 tiêu chí có thể thêm điểm (tổng điểm tối đa có thể đạt: 18).",
            section[^1]);
    }

    [Fact]
    public async Task Score_WithoutExplain_HasNoWhatIf()
    {
        var table = await CchcTool.RunSharedAsync("score", TestFiles.RuleSet, TestFiles.Sample("xa-tam-thanh.json"));
        var json = await CchcTool.RunSharedAsync("score", TestFiles.RuleSet, TestFiles.Sample("xa-tam-thanh.json"), "--format", "json");

        Assert.DoesNotContain("Có thể cải thiện", table.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Tự chấm", table.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("whatIf", json.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_ExplainJson_AddsAWhatIfObjectToEachCard()
    {
        var result = await CchcTool.RunSharedAsync("score", TestFiles.RuleSet, TestFiles.Sample("phu-quy.csv"), "--explain", "--format", "json");
        var plain = await CchcTool.RunSharedAsync("score", TestFiles.RuleSet, TestFiles.Sample("phu-quy.csv"), "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var cards = JsonNode.Parse(result.Out)!.AsArray();
        Assert.Equal(4, cards.Count);
        var tamThanh = cards.Single(c => (string)c!["unit"]!["code"]! == "tam-thanh")!;
        var whatIf = tamThanh["whatIf"]!;
        Assert.Equal(["MT2.4", "MT2.7c", "MT7.1", "MT7.4"], whatIf["items"]!.AsArray().Select(i => (string)i!["id"]!));
        Assert.Equal("lostPoints", (string)whatIf["items"]![0]!["kind"]!);
        Assert.Equal(1m, (decimal)whatIf["items"]![0]!["recoverable"]!);
        Assert.Equal("Hoàn thành phần lớn mục tiêu", (string)whatIf["nextGrade"]!["name"]!);
        Assert.Equal(14.4m, (decimal)whatIf["nextGrade"]!["pointsTotal"]!);
        Assert.Equal(0.4m, (decimal)whatIf["nextGrade"]!["pointsNeeded"]!);
        Assert.False((bool)whatIf["topGrade"]!);

        // Apart from whatIf, the cards are the plain ones.
        foreach (var card in cards)
        {
            card!.AsObject().Remove("whatIf");
        }

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(plain.Out), cards));
    }

    [Fact]
    public async Task Score_Claims_ShowTheTuChamSectionWithEveryDifference()
    {
        var result = await CchcTool.RunSharedAsync("score", TestFiles.RuleSet, TestFiles.Sample(ClaimsSample));

        Assert.True(result.ExitCode == 0, result.ToString());
        var section = Section(result, "UBND xã Tam Thanh", "Tự chấm:");
        Assert.Equal("Tự chấm: 15/18 · Chỉ số tự chấm: 83,33 · Xếp loại tự chấm: Hoàn thành phần lớn mục tiêu (điểm chấm: 14/18)", section[0]);
        Assert.Equal("Tiêu chí có điểm tự chấm khác điểm chấm (3) — nội dung hội đồng thẩm định cần xem xét:", section[1]);
        var rows = section.Skip(4).Take(3).ToList();
        Assert.Equal(["MT2.1a", "MT2.4", "MT7.1"], rows.Select(l => l.Split(' ')[0]));
        Assert.Matches(@"^MT2\.1a\s+Không áp dụng\s+1\s+0\s+-1\s+Đề xuất đơn giản hóa", rows[0]);
        Assert.Equal("Chưa tự chấm: MT6.2.", section[^1]);
        var nguPhung = Section(result, "UBND xã Ngũ Phụng", "Tự chấm:");
        Assert.Matches(@"^MT4\.1\s+Chưa đạt\s+0,5\s+0\s+-0,5\s+Chưa đạt:", nguPhung.Single(l => l.StartsWith("MT4.1", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Score_ClaimsJson_CarryTheSelfAssessment()
    {
        var result = await CchcTool.RunSharedAsync("score", TestFiles.RuleSet, TestFiles.Sample(ClaimsSample), "--format", "json");

        var cards = JsonNode.Parse(result.Out)!.AsArray();
        var longHai = cards.Single(c => (string)c!["unit"]!["code"]! == "long-hai")!["selfAssessment"]!;
        Assert.Equal(18m, (decimal)longHai["claimedPoints"]!);
        Assert.Equal(100m, (decimal)longHai["claimedIndex"]!);
        Assert.Equal("Hoàn thành toàn bộ mục tiêu", (string)longHai["claimedGrade"]!);
        var difference = longHai["differences"]!.AsArray().Single()!;
        Assert.Equal("MT2.3b", (string)difference["id"]!);
        Assert.Equal("notMet", (string)difference["status"]!);
        Assert.Equal(1m, (decimal)difference["claimed"]!);
        Assert.Equal(0m, (decimal)difference["computed"]!);
        Assert.Equal(-1m, (decimal)difference["difference"]!);
        Assert.StartsWith("Chưa đạt: tỷ lệ giao dịch thanh toán trực tuyến", (string)difference["explanation"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_BadClaim_IsReportedWithFileRowColumnAndValueAndExitsWithBadData()
    {
        using var folder = new TempFolder();
        var path = folder.Write("tu-cham.csv", "code,name,level,tyLeHaiLong,tuCham:MT2.5a,tuCham:MT2.5x\nX01,Xã Một,xa,\"90,5\",\"1,5\",1\n");

        var result = await CchcTool.RunAsync("score", TestFiles.RuleSet, path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("tu-cham.csv, dòng 2, X01, cột tuCham:MT2.5a = '1,5': điểm tự chấm vượt quá điểm tối đa 1 của tiêu chí MT2.5a", result.ErrorLines);
        Assert.Contains(result.ErrorLines, l => l.StartsWith("tu-cham.csv, dòng 2, X01, cột tuCham:MT2.5x = '1': 'MT2.5x' không phải mã tiêu chí của bộ tiêu chí ke-hoach-cchc-2023-phu-quy (có phải 'MT2.5", StringComparison.Ordinal));
        Assert.Contains("MT2.5a  Đạt", result.Out, StringComparison.Ordinal); // still scored
        Assert.StartsWith("scored 1, rejected 0, total 1; 1 unit(s) with data problems", result.ErrorLines[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("table")]
    [InlineData("json")]
    public async Task Score_ExplainWithClaims_IsTheSameBytesInAnyCulture(string format)
    {
        string[] args = ["score", TestFiles.RuleSet, TestFiles.Sample(ClaimsSample), "--explain", "--format", format];

        var invariant = await CchcTool.RunAsync(args);
        var german = await CchcTool.RunInCultureAsync("de-DE", args);
        var american = await CchcTool.RunInCultureAsync("en-US", args);

        Assert.True(invariant.ExitCode == 0, invariant.ToString());
        Assert.Contains(format == "json" ? "\"claimed\": 0.5" : "0,5", invariant.Out, StringComparison.Ordinal); // Ngũ Phụng's claim on MT4.1
        Assert.Equal(invariant.Out, american.Out);
        Assert.Equal(invariant.Out, german.Out);
    }
}
