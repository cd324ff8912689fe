using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cchc.Cli.Tests.Support;

namespace Cchc.Cli.Tests;

public partial class ScoreCommandTests
{
    private static readonly string[] StatusWords = ["met", "partial", "notMet", "noOccurrence", "notApplicable", "missingData", "error"];

    private static readonly string[] VietnameseStatuses = ["Đạt", "Đạt một phần", "Chưa đạt", "Không phát sinh", "Thiếu dữ liệu", "Lỗi"];

    [Theory]
    [InlineData("xa-long-hai.json", "xa")]
    [InlineData("xa-ngu-phung.json", "xa")]
    [InlineData("xa-tam-thanh.json", "xa")]
    [InlineData("huyen-phu-quy.json", "huyen")]
    public async Task Score_SampleUnit_ListsEveryApplicableTargetAndNoOther(string sample, string level)
    {
        var result = await CchcTool.RunSharedAsync("score", TestFiles.RuleSet, TestFiles.Sample(sample));

        Assert.True(result.ExitCode == 0, result.ToString());
        var rows = result.OutLines.Select(l => CriterionRow().Match(l)).Where(m => m.Success).ToList();
        var expected = TestFiles.CriterionIds(level);
        Assert.Equal(expected, rows.Select(r => r.Groups["id"].Value));
        var declared = (int)TestFiles.ReadJson(Path.Combine(TestFiles.RuleSet, "ruleset.json"))["metadata"]!["applicableTargets"]![level]!;
        Assert.Equal(declared, rows.Count);
        Assert.All(rows, r => Assert.Contains(r.Groups["status"].Value, VietnameseStatuses));
        Assert.Contains(rows, r => r.Groups["status"].Value == "Đạt");
        Assert.Matches(@"\d+,\d+%", result.Out);
        var grades = TestFiles.ReadJson(Path.Combine(TestFiles.RuleSet, "ruleset.json"))["grades"]!.AsArray().Select(g => (string)g!["name"]!).ToList();
        var grade = Assert.Single(result.OutLines, l => l.StartsWith("Điểm: ", StringComparison.Ordinal));
        Assert.Contains(grades, g => grade.EndsWith($"Xếp loại: {g}", StringComparison.Ordinal));
        Assert.StartsWith("scored 1, rejected 0, total 1", result.ErrorLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_Commune_LeavesOutDistrictOnlyTargets()
    {
        var result = await CchcTool.RunSharedAsync("score", TestFiles.RuleSet, TestFiles.Sample("xa-tam-thanh.json"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(18, TestFiles.CriterionIds("xa").Count);
        var districtOnly = TestFiles.CriterionIds("huyen").Except(TestFiles.CriterionIds("xa")).ToList();
        Assert.Contains("MT2.1a", districtOnly);
        Assert.All(districtOnly, id => Assert.DoesNotContain(result.OutLines, l => l.StartsWith(id + " ", StringComparison.Ordinal)));
        Assert.Contains($"({districtOnly.Count} tiêu chí không áp dụng cho cấp xã không được liệt kê.)", result.OutLines);
    }

    [Fact]
    public async Task Score_TamThanh_ShowsVietnameseValuesStatusesPointsAndGrade()
    {
        var result = await CchcTool.RunSharedAsync("score", TestFiles.RuleSet, TestFiles.Sample("xa-tam-thanh.json"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("UBND xã Tam Thanh (tam-thanh, cấp xã, thuộc phu-quy)", result.OutLines[0]);
        Assert.Contains("Điểm: 14/18 · Chỉ số: 77,78 · Xếp loại: Hoàn thành một phần mục tiêu", result.OutLines);
        var mt22b = Row(result, "MT2.2b");
        Assert.Equal(("Đạt", "64,16%", "≥ 60%", "1/1"), (mt22b.Groups["status"].Value, mt22b.Groups["value"].Value, mt22b.Groups["target"].Value, mt22b.Groups["points"].Value));
        var mt24 = Row(result, "MT2.4");
        Assert.Equal(("Chưa đạt", "46,27%", "0/1"), (mt24.Groups["status"].Value, mt24.Groups["value"].Value, mt24.Groups["points"].Value));
        Assert.Contains("còn thiếu 3,73 điểm phần trăm", mt24.Groups["explanation"].Value, StringComparison.Ordinal);
        var mt71 = Row(result, "MT7.1");
        Assert.Equal(("Chưa đạt", "20/02/2023", "trước ngày 19/02/2023"), (mt71.Groups["status"].Value, mt71.Groups["value"].Value, mt71.Groups["target"].Value));
    }

    [Fact]
    public async Task Score_OneUnitAsJson_IsOneScoreCardObject()
    {
        var result = await CchcTool.RunSharedAsync("score", TestFiles.RuleSet, TestFiles.Sample("xa-tam-thanh.json"), "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var card = json.RootElement;
        Assert.Equal(JsonValueKind.Object, card.ValueKind);
        var ruleSet = card.GetProperty("ruleSet");
        Assert.Equal(TestFiles.RuleSetId, ruleSet.GetProperty("id").GetString());
        Assert.Equal((string)TestFiles.ReadJson(Path.Combine(TestFiles.RuleSet, "ruleset.json"))["version"]!, ruleSet.GetProperty("version").GetString());
        Assert.Matches("^[0-9a-f]{64}$", ruleSet.GetProperty("sha256").GetString()!);
        var unit = card.GetProperty("unit");
        Assert.Equal(("tam-thanh", "UBND xã Tam Thanh", "xa", "phu-quy"), (unit.GetProperty("code").GetString(), unit.GetProperty("name").GetString(), unit.GetProperty("level").GetString(), unit.GetProperty("parent").GetString()));
        Assert.Equal(14m, card.GetProperty("points").GetDecimal());
        Assert.Equal(18m, card.GetProperty("maxPoints").GetDecimal());
        Assert.Equal(77.78m, card.GetProperty("index").GetDecimal());
        Assert.Equal("Hoàn thành một phần mục tiêu", card.GetProperty("grade").GetString());
        var areas = card.GetProperty("areas").EnumerateArray().ToList();
        Assert.Equal(7, areas.Count);
        Assert.Equal(14m, areas.Sum(a => a.GetProperty("points").GetDecimal()));
        Assert.Equal(18m, areas.Sum(a => a.GetProperty("maxPoints").GetDecimal()));

        var criteria = card.GetProperty("criteria").EnumerateArray().ToList();
        Assert.Equal(TestFiles.CriterionIds(), criteria.Select(c => c.GetProperty("id").GetString()));
        foreach (var criterion in criteria)
        {
            foreach (var field in new[] { "area", "title", "explanation" })
            {
                Assert.False(string.IsNullOrEmpty(criterion.GetProperty(field).GetString()), $"{criterion.GetProperty("id")}.{field}");
            }

            Assert.Contains(criterion.GetProperty("status").GetString(), StatusWords);
            Assert.Equal(JsonValueKind.Number, criterion.GetProperty("points").ValueKind);
            Assert.Equal(JsonValueKind.Number, criterion.GetProperty("maxPoints").ValueKind);
            if (criterion.GetProperty("status").GetString() is "met" or "notMet")
            {
                Assert.True(criterion.TryGetProperty("value", out _), $"{criterion.GetProperty("id")} has no value");
                Assert.True(criterion.TryGetProperty("target", out _), $"{criterion.GetProperty("id")} has no target");
            }
        }

        var mt22b = criteria.Single(c => c.GetProperty("id").GetString() == "MT2.2b");
        Assert.Equal("met", mt22b.GetProperty("status").GetString());
        Assert.Equal("tthc", mt22b.GetProperty("area").GetString());
        Assert.Equal(Math.Round(281m * 100m / 438m, 6, MidpointRounding.AwayFromZero), mt22b.GetProperty("value").GetDecimal()); // cards keep 6 decimals
        Assert.Equal(60m, mt22b.GetProperty("target").GetDecimal());
        Assert.Equal("notApplicable", criteria.Single(c => c.GetProperty("id").GetString() == "MT2.1a").GetProperty("status").GetString());
        Assert.Equal("notMet", criteria.Single(c => c.GetProperty("id").GetString() == "MT7.1").GetProperty("status").GetString());
        Assert.Equal("2023-02-20", criteria.Single(c => c.GetProperty("id").GetString() == "MT7.1").GetProperty("value").GetString());
    }

    [Fact]
    public async Task Score_DistrictJsonAndCsv_GiveTheSameArrayOfFourCards()
    {
        var fromJson = await CchcTool.RunSharedAsync("score", TestFiles.RuleSet, TestFiles.Sample("phu-quy.json"), "--format", "json");
        var fromCsv = await CchcTool.RunSharedAsync("score", TestFiles.RuleSet, TestFiles.Sample("phu-quy.csv"), "--format", "json");

        Assert.True(fromJson.ExitCode == 0, fromJson.ToString());
        Assert.True(fromCsv.ExitCode == 0, fromCsv.ToString());
        using var json = JsonDocument.Parse(fromJson.Out);
        Assert.Equal(JsonValueKind.Array, json.RootElement.ValueKind);
        Assert.Equal(["phu-quy", "long-hai", "ngu-phung", "tam-thanh"], json.RootElement.EnumerateArray().Select(c => c.GetProperty("unit").GetProperty("code").GetString()));
        Assert.Equal(fromJson.Out, fromCsv.Out);
        Assert.StartsWith("scored 4, rejected 0, total 4", fromCsv.ErrorLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_UnitWithBadValues_RejectedNamingEachColumnAndValue()
    {
        // Like cchc rank, cchc score refuses a row with a wrong or out-of-range value (it would be scored on a zero it
        // did not earn), naming every bad cell; a missing value alone does not refuse it (see the missing-data tests).
        using var folder = new TempFolder();
        var data = BadUnit(folder);

        var result = await CchcTool.RunAsync("score", TestFiles.RuleSet, data, "--format", "json");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Bị loại: bad.json, mục 1 (dòng 1), đơn vị tam-thanh, cột hoSoLuanChuyen = '-5': không được âm", result.ErrorLines);
        Assert.Contains(result.ErrorLines, l => l.StartsWith("Bị loại: bad.json, mục 1 (dòng 1), đơn vị tam-thanh, cột tyLeHaiLong = '120': ", StringComparison.Ordinal) && l.Contains("vượt quá 100", StringComparison.Ordinal));
        Assert.Contains("Bị loại: bad.json, mục 1 (dòng 1), đơn vị tam-thanh, cột cbcc = 'abc': không phải số", result.ErrorLines);
        Assert.Equal(3, result.ErrorLines.Count(l => l.StartsWith("Bị loại: ", StringComparison.Ordinal)));
        Assert.StartsWith("scored 0, rejected 1, total 1", result.ErrorLines[^1], StringComparison.Ordinal);
        Assert.Equal("[]", result.Out.Trim());
    }

    [Fact]
    public async Task Score_UnitWithAMissingValue_ScoredAndTheMissingInputReported()
    {
        using var folder = new TempFolder();
        var unit = TestFiles.ReadJson(TestFiles.Sample("xa-tam-thanh.json")).AsObject();
        Assert.True(unit.Remove("hoatDongKiemTra"));
        var data = folder.File("thieu.json");
        TestFiles.WriteJson(data, unit);

        var result = await CchcTool.RunAsync("score", TestFiles.RuleSet, data, "--format", "json");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(result.ErrorLines, l => l.StartsWith("thieu.json, dòng 1, tam-thanh, cột hoatDongKiemTra = '': ", StringComparison.Ordinal) && l.Contains("thiếu dữ liệu", StringComparison.Ordinal));
        Assert.StartsWith("scored 1, rejected 0, total 1; 1 unit(s) with data problems", result.ErrorLines[^1], StringComparison.Ordinal);
        using var json = JsonDocument.Parse(result.Out);
        var statuses = json.RootElement.GetProperty("criteria").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Contains("missingData", statuses.Values);
        Assert.Contains("met", statuses.Values);
        Assert.Equal("met", statuses["MT2.3a"]);
        Assert.Equal(["hoatDongKiemTra"], json.RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("input").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Score_CsvRowWithoutCode_RejectsThatRowAndScoresTheOthers()
    {
        using var folder = new TempFolder();
        var lines = File.ReadAllLines(TestFiles.Sample("phu-quy.csv"));
        var row = Array.FindIndex(lines, l => l.StartsWith("ngu-phung,", StringComparison.Ordinal));
        Assert.True(row > 0);
        lines[row] = lines[row]["ngu-phung".Length..];
        var data = folder.Write("no-code.csv", string.Join("\n", lines) + "\n");

        var result = await CchcTool.RunAsync("score", TestFiles.RuleSet, data);

        Assert.True(result.ExitCode == 2, result.ToString());
        var rejected = Assert.Single(result.ErrorLines, l => l.StartsWith("Bị loại", StringComparison.Ordinal));
        Assert.Contains($"no-code.csv, dòng {row + 1}, cột code", rejected, StringComparison.Ordinal);
        Assert.StartsWith("scored 3, rejected 1, total 4", result.ErrorLines[^1], StringComparison.Ordinal);
        Assert.Contains("UBND huyện Phú Quý (phu-quy, cấp huyện, thuộc binh-thuan)", result.OutLines);
        Assert.Contains("UBND xã Long Hải (long-hai, cấp xã, thuộc phu-quy)", result.OutLines);
        Assert.Contains("UBND xã Tam Thanh (tam-thanh, cấp xã, thuộc phu-quy)", result.OutLines);
        Assert.DoesNotContain("Ngũ Phụng", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_UnderEnUsAndDeDe_WritesTheSameBytes()
    {
        using var folder = new TempFolder();
        var bad = BadUnit(folder);
        string[][] runs =
        [
            ["score", TestFiles.RuleSet, TestFiles.Sample("phu-quy.csv")],
            ["score", TestFiles.RuleSet, TestFiles.Sample("phu-quy.json"), "--format", "json"],
            ["score", TestFiles.RuleSet, bad],
        ];

        foreach (var args in runs)
        {
            var english = await CchcTool.RunInCultureAsync("en-US", args);
            var german = await CchcTool.RunInCultureAsync("de-DE", args);

            Assert.Equal(english.ExitCode, german.ExitCode);
            Assert.Equal(english.Out, german.Out);
            Assert.Equal(english.Error, german.Error);
        }
    }

    [Fact]
    public async Task Score_MissingDataFile_ExitsWithUsageError()
    {
        var missing = Path.Combine(TestFiles.Samples, "no-such-file.json");

        var result = await CchcTool.RunAsync("score", TestFiles.RuleSet, missing);

        Assert.True(result.ExitCode == 64, result.ToString());
        Assert.Equal("", result.Out);
        Assert.Contains("no-such-file.json", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_DataFileOfUnsupportedType_ExitsWithUsageError()
    {
        using var folder = new TempFolder();
        var data = folder.Write("units.ods", File.ReadAllText(TestFiles.Sample("xa-tam-thanh.json")));

        var result = await CchcTool.RunAsync("score", TestFiles.RuleSet, data);

        Assert.True(result.ExitCode == 64, result.ToString());
        Assert.Equal("", result.Out);
        Assert.Contains("units.ods", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    /// <summary>Tam Thanh with a negative count, a percent of 120, a non-number and a missing input.</summary>
    private static string BadUnit(TempFolder folder)
    {
        var unit = TestFiles.ReadJson(TestFiles.Sample("xa-tam-thanh.json")).AsObject();
        unit["hoSoLuanChuyen"] = -5;
        unit["tyLeHaiLong"] = 120;
        unit["cbcc"] = "abc";
        Assert.True(unit.Remove("hoatDongKiemTra"));
        var path = folder.File("bad.json");
        TestFiles.WriteJson(path, unit);
        return path;
    }

    private static Match Row(CliResult result, string id)
    {
        var row = result.OutLines.Select(l => CriterionRow().Match(l)).SingleOrDefault(m => m.Success && m.Groups["id"].Value == id);
        Assert.True(row is not null, $"No row for {id}.{Environment.NewLine}{result}");
        return row;
    }

    /// <summary>A criterion row of the score table: columns separated by two or more spaces.</summary>
    [GeneratedRegex(@"^(?<id>MT[0-9.]+[a-z]?)\s{2,}(?<status>\S+(?: \S+)*)\s{2,}(?<value>\S+(?: \S+)*)\s{2,}(?<target>\S+(?: \S+)*)\s{2,}(?<points>[0-9,]+/[0-9,]+)\s{2,}(?<explanation>.+)$")]
    private static partial Regex CriterionRow();
}
