using System.Text.Json.Nodes;
using Cchc.Cli.Tests.Support;

namespace Cchc.Cli.Tests;

/// <summary><c>cchc score rules/qd766 &lt;portal files&gt; --compare</c> on the hand-made province of samples/qd766.</summary>
public class ScoreCompareTests
{
    private static string RuleSet => Path.Combine(AppContext.BaseDirectory, "rules", "qd766");

    private static string[] SampleFiles => [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "samples", "qd766"), "*.json").Order(StringComparer.Ordinal)];

    private static string[] Args(params string[] tail) => ["score", RuleSet, .. SampleFiles, .. tail];

    [Fact]
    public async Task Compare_SampleProvince_ListsOnlyTheDistrictWhosePublishedScoresDiffer()
    {
        var result = await CchcTool.RunSharedAsync(Args("--compare"));

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.OutLines;
        Assert.Contains("UBND huyện Hòa Bình (huyen-hoa-binh, cấp huyện)", lines);
        Assert.Contains(lines, l => l.StartsWith("tien-do-giai-quyet     nhóm  19/20      18,5/20       +0,5", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("thanh-toan-truc-tuyen  nhóm  7,1/10     7,35/10       -0,25", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("Sở Tư pháp", StringComparison.Ordinal) || l.Contains("An Phú", StringComparison.Ordinal) || l.Contains("Bình Minh", StringComparison.Ordinal));
        Assert.Equal("compared 4, differing 1, without published scores 0 (tolerance 0.015 points)", lines[^1]);
        Assert.Equal("scored 4, rejected 0, total 4; 0 unit(s) with data problems", result.ErrorLines[^1]);
    }

    [Fact]
    public async Task Compare_Json_GivesTheSameDifferencesForMachines()
    {
        var result = await CchcTool.RunSharedAsync(Args("--compare", "--format", "json"));

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = JsonNode.Parse(result.Out)!;
        Assert.Equal((4, 1, 0), ((int)json["unitsCompared"]!, (int)json["unitsDiffering"]!, (int)json["unitsWithoutPublishedScores"]!));
        var unit = Assert.Single(json["units"]!.AsArray())!;
        Assert.Equal("huyen-hoa-binh", (string)unit["code"]!);
        Assert.Equal(
            [("tien-do-giai-quyet", "group", 19m, 18.5m, 0.5m), ("thanh-toan-truc-tuyen", "group", 7.1m, 7.35m, -0.25m)],
            unit["differences"]!.AsArray().Select(d => ((string)d!["id"]!, (string)d["kind"]!, (decimal)d["computed"]!, (decimal)d["published"]!, (decimal)d["difference"]!)));
    }

    [Fact]
    public async Task Score_SampleProvinceWithoutCompare_ScoresEveryUnitAcrossTheSixFiles()
    {
        var result = await CchcTool.RunSharedAsync(Args("--format", "json"));

        Assert.True(result.ExitCode == 0, result.ToString());
        var cards = JsonNode.Parse(result.Out)!.AsArray();
        Assert.Equal(
            [("so-tu-phap", "so", 77.48m), ("huyen-hoa-binh", "huyen", 77.5m), ("xa-an-phu", "xa", 100m), ("xa-binh-minh", "xa", 12m)],
            cards.Select(c => ((string)c!["unit"]!["code"]!, (string)c["unit"]!["level"]!, (decimal)c["points"]!)));
        Assert.All(cards, c => Assert.Empty(c!["problems"]!.AsArray()));
    }

    [Theory]
    [InlineData(19.015, false)] // exactly the tolerance: a rounding apart, not listed
    [InlineData(18.98, true)]   // 0,02 apart: listed
    [InlineData(19.01, false)]
    public async Task Compare_DifferenceAtTheTolerance_IsListedOnlyAboveIt(double published, bool listed)
    {
        using var folder = new TempFolder();
        var files = SampleFiles.Select(f => folder.Write(Path.GetFileName(f), File.ReadAllText(f))).ToArray();
        var tree = files.Single(f => f.EndsWith("dvc-progress-tree.json", StringComparison.Ordinal));
        var json = JsonNode.Parse(File.ReadAllText(tree))!;
        json["data"]!["children"]!.AsArray().Single(c => (string)c!["departmentId"]! == "huyen-hoa-binh")!["score"] = (decimal)published;
        TestFiles.WriteJson(tree, json);

        var result = await CchcTool.RunAsync(["score", RuleSet, .. files, "--compare"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(listed, result.OutLines.Any(l => l.StartsWith("tien-do-giai-quyet", StringComparison.Ordinal)));
        Assert.Contains(result.OutLines, l => l.StartsWith("thanh-toan-truc-tuyen", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Compare_PortalFileWithUnknownMetricAndBadLevel_ReportsThemAndScoresTheRest()
    {
        using var folder = new TempFolder();
        var path = folder.Write("transparency.json", """
            { "data": { "evaluation": [
              { "departmentId": "x1", "departmentName": "UBND xã Một", "departmentLevel": "COMMUNE", "metrics": [
                { "code": "PUBLISH_ON_TIME", "numerator": 1, "denominator": 2, "score": 3.5, "maxScore": 6 },
                { "code": "BRAND_NEW_CODE", "numerator": 1, "denominator": 2, "score": 1, "maxScore": 2 } ] },
              { "departmentId": "x2", "departmentName": "UBND xã Hai", "departmentLevel": "VILLAGE", "metrics": [] } ] } }
            """);

        var result = await CchcTool.RunAsync("score", RuleSet, path, "--compare");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(result.ErrorLines, l => l.StartsWith("transparency.json, dòng 4: mã chỉ số 'BRAND_NEW_CODE'", StringComparison.Ordinal));
        Assert.Contains(result.ErrorLines, l => l.StartsWith("Bị loại: transparency.json, dòng 5, đơn vị x2, cột departmentLevel = 'VILLAGE'", StringComparison.Ordinal));
        Assert.Contains(result.OutLines, l => l.StartsWith("PUBLISH_ON_TIME  tiêu chí  3/6", StringComparison.Ordinal));
        Assert.Equal("compared 1, differing 1, without published scores 0 (tolerance 0.015 points)", result.OutLines[^1]);
    }

    [Fact]
    public async Task Score_OneOfSeveralDataFilesMissing_IsAUsageError()
    {
        var result = await CchcTool.RunAsync(Args("no-such-file.json"));

        Assert.Equal(64, result.ExitCode);
        Assert.Contains("Không tìm thấy tệp dữ liệu 'no-such-file.json'.", result.Error);
    }
}
