using System.Text.Json.Nodes;
using Cchc.Cli.Tests.Support;

namespace Cchc.Cli.Tests;

/// <summary><c>--survey</c> on cchc score and cchc rank with the shipped commune index (appraisal 70 + survey 30).</summary>
public class SurveyCommandTests
{
    private static string CommuneRules => Path.Combine(AppContext.BaseDirectory, "rules", "chi-so-cchc-xa");

    private static string Communes => TestFiles.Sample("chi-so-cchc-xa.csv");

    private static string Survey => TestFiles.Sample("dieu-tra-xa-hoi-hoc.csv");

    [Fact]
    public async Task Score_WithTheSurvey_ShowsTheComponentsAndTheKnownIndex()
    {
        var result = await CchcTool.RunSharedAsync("score", CommuneRules, Communes, "--survey", Survey);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Điểm: 95,58/99 · Chỉ số: 91,96 · Xếp loại: Xuất sắc", result.OutLines);
        Assert.Contains("Thành phần: Điểm thẩm định 67,58/70 + Điểm điều tra xã hội học 24,38/30 → chỉ số 91,96", result.OutLines);
        Assert.Contains(result.OutLines, l => l.StartsWith("Điều tra xã hội học: hài lòng 81,27%, 80 người được hỏi — Người dân 79,42% (60 phiếu", StringComparison.Ordinal));
        Assert.Contains("survey rows read 33, used 33, refused 0; units with survey 3, without 0", result.ErrorLines);
    }

    [Fact]
    public async Task Score_WithoutTheSurvey_KeepsTheIndexOfTheCriteria()
    {
        var result = await CchcTool.RunSharedAsync("score", CommuneRules, Communes, "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var cards = JsonNode.Parse(result.Out)!.AsArray();
        Assert.Equal([96.55m, 87.88m, 64.75m], cards.Select(c => (decimal)c!["index"]!));
        Assert.All(cards, c => Assert.Equal("missing", (string)c!["survey"]!["status"]!));
        Assert.All(cards, c => Assert.Equal("renormalize", (string)c!["survey"]!["whenMissing"]!));
    }

    [Fact]
    public async Task Score_JsonCard_CarriesEachComponentAndTheSurveyByGroupAndQuestion()
    {
        var result = await CchcTool.RunSharedAsync("score", CommuneRules, Communes, "--survey", Survey, "--format", "json");

        var card = JsonNode.Parse(result.Out)!.AsArray()[0]!;
        Assert.Equal(91.96m, (decimal)card["index"]!);
        Assert.Equal(["thamDinh:70:67.58", "xhh:30:24.38"], card["components"]!.AsArray().Select(c => $"{c!["id"]}:{c["weight"]}:{c["points"]}"));
        var survey = card["survey"]!;
        Assert.Equal(80, (int)survey["respondents"]!);
        Assert.Equal(2, survey["groups"]!.AsArray().Count);
        Assert.Equal(11, survey["questions"]!.AsArray().Count);
    }

    [Fact]
    public async Task Rank_WithTheSurvey_ShowsTheComponentColumns()
    {
        var result = await CchcTool.RunSharedAsync("rank", CommuneRules, Communes, "--survey", Survey);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Điểm thẩm định", result.OutLines[0], StringComparison.Ordinal);
        Assert.Contains("Điểm điều tra xã hội học", result.OutLines[0], StringComparison.Ordinal);
        Assert.Contains(result.OutLines, l => l.StartsWith("1 ", StringComparison.Ordinal) && l.Contains("67,58", StringComparison.Ordinal) && l.Contains("24,38", StringComparison.Ordinal) && l.Contains("91,96", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Survey_OnARuleSetWithoutASurveyComponent_IsAUsageError()
    {
        var result = await CchcTool.RunAsync("score", TestFiles.RuleSet, TestFiles.Sample("phu-quy.csv"), "--survey", Survey);

        Assert.Equal(64, result.ExitCode);
        Assert.Contains("không có thành phần điều tra", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Survey_FileNotFound_IsAUsageError()
    {
        var result = await CchcTool.RunAsync("rank", CommuneRules, Communes, "--survey", "khong-co.csv");

        Assert.Equal(64, result.ExitCode);
        Assert.Contains("khong-co.csv", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Survey_BadRows_AreNamedAndTheExitCodeSaysSo()
    {
        using var folder = new TempFolder();
        var survey = folder.Write("dieu-tra.csv", File.ReadAllText(Survey).TrimEnd() + "\r\nkhong-co;nguoi-dan;CH1;1;0;0;0\r\nlong-hai;hoc-sinh;CH1;1;0;0;0\r\n");

        var result = await CchcTool.RunAsync("rank", CommuneRules, Communes, "--survey", survey, "--survey", folder.Write("them.csv", "Mã đơn vị;Nhóm;Câu hỏi;Rất hài lòng;Hài lòng;Bình thường;Không hài lòng\r\nngu-phung;nguoi-dan;CH1;-2;0;0;0\r\n"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Điều tra, bị loại: dieu-tra.csv, dòng 35, đơn vị khong-co, cột code = 'khong-co': mã đơn vị không có trong các đơn vị được chấm (không có trong tệp dữ liệu, hoặc dòng của đơn vị bị loại)", result.ErrorLines);
        Assert.Contains(result.ErrorLines, l => l.StartsWith("Điều tra, bị loại: dieu-tra.csv, dòng 36, đơn vị long-hai, cột group = 'hoc-sinh'", StringComparison.Ordinal));
        Assert.Contains(result.ErrorLines, l => l.StartsWith("Điều tra, bị loại: them.csv, dòng 2, đơn vị ngu-phung, cột Rất hài lòng = '-2'", StringComparison.Ordinal));
        Assert.Contains("survey rows read 36, used 33, refused 3; units with survey 3, without 0", result.ErrorLines);
    }

    [Fact]
    public async Task Survey_InEnglish_TheOptionAndMessagesSpeakEnglish()
    {
        var result = await CchcTool.RunAsync("score", TestFiles.RuleSet, TestFiles.Sample("phu-quy.csv"), "--survey", Survey, "--lang", "en");

        Assert.Equal(64, result.ExitCode);
        Assert.Contains("has no survey component", result.Error, StringComparison.Ordinal);
    }
}
