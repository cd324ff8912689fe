using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cchc.Cli.Tests.Support;
using MiniExcelLibs;

namespace Cchc.Cli.Tests;

/// <summary><c>cchc template</c> as XLSX (data sheet + guide sheet) and with <c>--claims</c>, read back by MiniExcel and by <c>cchc score</c>/<c>rank</c>.</summary>
public sealed partial class TemplateXlsxAndClaimsTests : IDisposable
{
    private const string DataSheet = "Dữ liệu";
    private const string GuideSheet = "Hướng dẫn";
    private static readonly string[] Identity = ["code", "name", "level", "parent"];
    private static readonly string XaIndex = Path.Combine(AppContext.BaseDirectory, "rules", "chi-so-cchc-xa");
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task TemplateXlsx_DataSheetFirst_HeaderRowIsTheCsvTemplatesHeader()
    {
        var path = _folder.File("mau.xlsx");

        var xlsx = await CchcTool.RunAsync("template", TestFiles.RuleSet, "--level", "xa", "-o", path);
        var csv = await CchcTool.RunSharedAsync("template", TestFiles.RuleSet, "--level", "xa");

        Assert.True(xlsx.ExitCode == 0, xlsx.ToString());
        Assert.Equal("", xlsx.Out);
        Assert.Equal([DataSheet, GuideSheet], MiniExcel.GetSheetNames(path));
        var rows = SheetRows(path, DataSheet);
        Assert.Single(rows);
        Assert.Equal(Csv.SplitRecord(csv.OutLines[0]), rows[0].Values.Select(v => (string)v!));
    }

    [Fact]
    public async Task TemplateXlsx_GuideSheet_DescribesEveryDataColumnByLetterWithTypeRangeAndOptions()
    {
        var path = _folder.File("mau.xlsx");

        var result = await CchcTool.RunAsync("template", XaIndex, "--claims", "-o", path);

        Assert.True(result.ExitCode == 0, result.ToString());
        var header = SheetRows(path, DataSheet).Single();
        var guide = MiniExcel.Query(path, useHeaderRow: true, sheetName: GuideSheet).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["Cột", "Tên (name)", "Nội dung", "Kiểu", "Tối thiểu", "Tối đa", "Cách điền"], guide[0].Keys);

        // One guide row per data column, naming it by the letter the column really has in the data sheet.
        var described = guide.Where(r => r["Cột"] is not null).ToList();
        Assert.Equal(header.Keys, described.Select(r => (string)r["Cột"]!));
        foreach (var row in described)
        {
            var name = (string)row["Tên (name)"]!;
            var column = (string)header[(string)row["Cột"]!]!;
            Assert.True(column == name || column.EndsWith($"({name})", StringComparison.Ordinal), $"{row["Cột"]}: '{column}' is not the column of '{name}'");
        }

        var manifest = TestFiles.ReadJson(Path.Combine(XaIndex, "ruleset.json"))["inputs"]!.AsArray();
        Assert.Equal(
            Identity.Concat(manifest.Select(i => (string)i!["name"]!)).Concat(ClaimableIds(XaIndex).Select(id => "tuCham:" + id)),
            described.Select(r => (string)r["Tên (name)"]!));
        Assert.Equal(manifest.Select(i => (string)i!["label"]!), described.Skip(4).Take(manifest.Count).Select(r => (string)r["Nội dung"]!));

        var byName = described.ToDictionary(r => (string)r["Tên (name)"]!);
        Assert.Equal(("số", 2023d, 2030d), ((string)byName["namDanhGia"]["Kiểu"]!, (double)byName["namDanhGia"]["Tối thiểu"]!, (double)byName["namDanhGia"]["Tối đa"]!));
        Assert.Equal(("tỷ lệ phần trăm", 0d, 100d), ((string)byName["tyLeHaiLong"]["Kiểu"]!, (double)byName["tyLeHaiLong"]["Tối thiểu"]!, (double)byName["tyLeHaiLong"]["Tối đa"]!));
        Assert.Equal(("số đếm (số nguyên)", 1d), ((string)byName["nhiemVuKeHoachCchc"]["Kiểu"]!, (double)byName["nhiemVuKeHoachCchc"]["Tối thiểu"]!));
        Assert.Null(byName["nhiemVuKeHoachCchc"]["Tối đa"]);
        Assert.Equal("ngày", byName["ngayBanHanhKeHoachCchc"]["Kiểu"]);
        Assert.Equal("có/không", byName["coKeHoachKiemTraCchc"]["Kiểu"]);
        Assert.Equal(("điểm tự chấm", 0d, 1d), ((string)byName["tuCham:1.1.a"]["Kiểu"]!, (double)byName["tuCham:1.1.a"]["Tối thiểu"]!, (double)byName["tuCham:1.1.a"]["Tối đa"]!));

        // Each choice input is followed by its options, "value — label", in the manifest's order.
        foreach (var choice in manifest.Where(i => (string)i!["type"]! == "choice"))
        {
            var at = guide.FindIndex(r => (string?)r["Tên (name)"] == (string)choice!["name"]!);
            Assert.Equal("lựa chọn", guide[at]["Kiểu"]);
            var options = choice!["options"]!.AsArray().Select(o => $"{(string)o!["value"]!} — {(string)o["label"]!}").ToList();
            Assert.Equal(options, guide.Skip(at + 1).Take(options.Count).Select(r => (string)r["Cách điền"]!));
            Assert.All(guide.Skip(at + 1).Take(options.Count), r => Assert.Null(r["Cột"]));
        }

        var notes = guide.Where(r => r["Cột"] is null && r["Nội dung"] is not null).ToDictionary(r => (string)r["Nội dung"]!, r => (string)r["Cách điền"]!);
        Assert.Contains("dd/MM/yyyy", notes["Ngày tháng"], StringComparison.Ordinal);
        Assert.Contains("yyyy-MM-dd", notes["Ngày tháng"], StringComparison.Ordinal);
        Assert.Contains("có hoặc không", notes["Có/không"], StringComparison.Ordinal);
        Assert.Contains("72,5", notes["Số thập phân"], StringComparison.Ordinal);
        Assert.StartsWith("chi-so-cchc-xa 2025.1.0", notes["Bộ tiêu chí"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TemplateXlsx_FilledWithTwoCommunes_ScoresAndRanksBothWithTheClaimOnTheCard()
    {
        var template = _folder.File("mau.xlsx");
        var result = await CchcTool.RunAsync("template", XaIndex, "--level", "xa", "--claims", "-o", template);
        Assert.True(result.ExitCode == 0, result.ToString());
        var headers = SheetRows(template, DataSheet).Single().Values.Select(v => (string)v!).ToList();
        Assert.Contains("Tự chấm 1.1.a (tuCham:1.1.a)", headers);

        // The officer's part: type two communes into the data sheet, as Excel stores them — numbers as numbers, the
        // date as a date cell, yes/no as Excel booleans for one commune and as "có"/"không" for the other, choices
        // by value, and one self-assessed point.
        var types = TestFiles.ReadJson(Path.Combine(XaIndex, "ruleset.json"))["inputs"]!.AsArray().ToDictionary(i => (string)i!["name"]!, i => (string)i!["type"]!);
        var sample = SampleRows(TestFiles.Sample("chi-so-cchc-xa.csv"));
        var rows = new[] { sample["long-hai"], sample["ngu-phung"] }.Select((values, n) =>
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var header in headers)
            {
                var name = NameOf(header);
                row[header] = name.StartsWith("tuCham:", StringComparison.Ordinal)
                    ? (n == 0 && name == "tuCham:1.1.a" ? 1d : null)
                    : Cell(types.GetValueOrDefault(name), values[name], booleansAsCells: n == 0);
            }

            return row;
        }).ToList();
        Assert.IsType<DateTime>(rows[0][headers.Single(h => h.EndsWith("(ngayBanHanhKeHoachCchc)", StringComparison.Ordinal))]);
        var filled = _folder.File("da-dien.xlsx");
        MiniExcel.SaveAs(filled, new Dictionary<string, object> { [DataSheet] = rows });

        var score = await CchcTool.RunAsync("score", XaIndex, filled, "--format", "json");
        var expected = await CchcTool.RunSharedAsync("score", XaIndex, TestFiles.Sample("chi-so-cchc-xa.csv"), "--format", "json");

        Assert.True(score.ExitCode == 0, score.ToString());
        Assert.Equal(["scored 2, rejected 0, total 2; 0 unit(s) with data problems"], score.ErrorLines);
        var cards = JsonNode.Parse(score.Out)!.AsArray();
        var sampleCards = JsonNode.Parse(expected.Out)!.AsArray().ToDictionary(c => (string)c!["unit"]!["code"]!);
        Assert.Equal(["long-hai", "ngu-phung"], cards.Select(c => (string)c!["unit"]!["code"]!));
        foreach (var card in cards)
        {
            var same = sampleCards[(string)card!["unit"]!["code"]!]!;
            Assert.Equal((decimal)same["points"]!, (decimal)card["points"]!);
            Assert.Equal(same["criteria"]!.ToJsonString(), card["criteria"]!.ToJsonString());
        }

        var claim = cards[0]!["selfAssessment"]!;
        Assert.Equal(1, (int)claim["claimCount"]!);
        Assert.DoesNotContain("1.1", claim["unclaimed"]!.AsArray().Select(u => (string)u!));
        Assert.Null(cards[1]!["selfAssessment"]);

        var rank = await CchcTool.RunAsync("rank", XaIndex, filled, "--format", "json");

        Assert.True(rank.ExitCode == 0, rank.ToString());
        var ranking = JsonNode.Parse(rank.Out)!;
        Assert.Equal((2, 0), ((int)ranking["summary"]!["scored"]!, (int)ranking["summary"]!["rejected"]!));
        Assert.Empty(ranking["columnProblems"]!.AsArray());
        Assert.DoesNotContain(rank.ErrorLines, l => l.StartsWith("Cột:", StringComparison.Ordinal));
        var ranked = ranking["rows"]!.AsArray().ToDictionary(r => (string)r!["card"]!["unit"]!["code"]!);
        Assert.Equal(1, (int)ranked["long-hai"]!["card"]!["selfAssessment"]!["claimCount"]!);
        Assert.Equal((decimal)sampleCards["ngu-phung"]!["points"]!, (decimal)ranked["ngu-phung"]!["card"]!["points"]!);
    }

    [Fact]
    public async Task TemplateXlsx_TwiceAndInAnotherCulture_SameBytes()
    {
        var first = _folder.File("1.xlsx");
        var second = _folder.File("2.xlsx");

        var a = await CchcTool.RunAsync("template", XaIndex, "--claims", "-o", first);
        await Task.Delay(2100); // MiniExcel stamps zip entries with the clock, to 2 seconds: let the clock move
        var b = await CchcTool.RunInCultureAsync("de-DE", "template", XaIndex, "--claims", "--format", "xlsx", "-o", second);

        Assert.Equal((0, 0), (a.ExitCode, b.ExitCode));
        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
    }

    [Fact]
    public async Task TemplateCsv_Claims_OneColumnPerCriterionOfTheLevel_ReadBackAsClaims()
    {
        var result = await CchcTool.RunAsync("template", TestFiles.RuleSet, "--level", "xa", "--claims");

        Assert.True(result.ExitCode == 0, result.ToString());
        var header = Csv.SplitRecord(result.OutLines[0]);
        var claims = header.SkipWhile(h => !h.StartsWith("Tự chấm ", StringComparison.Ordinal)).ToList();
        Assert.Equal(TestFiles.CriterionIds("xa").Select(id => $"Tự chấm {id} (tuCham:{id})"), claims);
        Assert.DoesNotContain(header.Take(header.Count - claims.Count), h => h.Contains("tuCham", StringComparison.Ordinal));

        // The reader takes these headers as claims: fill the sample commune and claim one point on the first target.
        var unit = TestFiles.ReadJson(TestFiles.Sample("xa-tam-thanh.json")).AsObject();
        var first = TestFiles.CriterionIds("xa")[0];
        var row = header.Select(h => Csv.Quote(h == claims[0] ? "1" : Text(unit[NameOf(h)])));
        var data = _folder.Write("tu-cham.csv", result.OutLines[0] + "\n" + string.Join(",", row) + "\n");
        var score = await CchcTool.RunAsync("score", TestFiles.RuleSet, data, "--format", "json");

        Assert.DoesNotContain(score.ErrorLines, l => l.Contains("không phải dữ liệu đầu vào", StringComparison.Ordinal));
        var card = JsonNode.Parse(score.Out)!;
        Assert.Equal(1, (int)card["selfAssessment"]!["claimCount"]!);
        Assert.DoesNotContain(first, card["selfAssessment"]!["unclaimed"]!.AsArray().Select(u => (string)u!));
    }

    [Fact]
    public async Task TemplateXlsx_ClaimsOfALevel_OnlyCriteriaThatApplyToIt()
    {
        var path = _folder.File("mau.xlsx");

        var result = await CchcTool.RunAsync("template", TestFiles.RuleSet, "--level", "huyen", "--claims", "-o", path);

        Assert.True(result.ExitCode == 0, result.ToString());
        var claims = SheetRows(path, DataSheet).Single().Values.Select(v => (string)v!).Where(h => h.StartsWith("Tự chấm ", StringComparison.Ordinal));
        Assert.Equal(TestFiles.CriterionIds("huyen").Select(id => $"Tự chấm {id} (tuCham:{id})"), claims);
        Assert.NotEqual(TestFiles.CriterionIds("huyen"), TestFiles.CriterionIds("xa"));
    }

    [Fact]
    public async Task TemplateCsv_OfALevel_FilledAndRanked_NoMissingColumnsButADroppedInputIsStillReported()
    {
        var template = await CchcTool.RunSharedAsync("template", TestFiles.RuleSet, "--level", "xa");
        var header = Csv.SplitRecord(template.OutLines[0]);
        var unit = TestFiles.ReadJson(TestFiles.Sample("xa-tam-thanh.json")).AsObject();
        var whole = _folder.Write("xa.csv", template.OutLines[0] + "\n" + string.Join(",", header.Select(h => Csv.Quote(Text(unit[NameOf(h)])))) + "\n");
        var dropped = header.Single(h => h.EndsWith("(hoSoLuanChuyen)", StringComparison.Ordinal));
        var keep = header.Select((h, i) => (h, i)).Where(p => p.h != dropped).Select(p => p.i).ToList();
        var lacking = _folder.Write("thieu.csv", string.Join(",", keep.Select(i => Csv.Quote(header[i]))) + "\n" + string.Join(",", keep.Select(i => Csv.Quote(Text(unit[NameOf(header[i])])))) + "\n");

        var complete = await CchcTool.RunAsync("rank", TestFiles.RuleSet, whole, "--format", "json");
        var incomplete = await CchcTool.RunAsync("rank", TestFiles.RuleSet, lacking, "--format", "json");

        // The plan's district-only inputs (namDanhGia, tthcDeXuatDonGianHoa, …) are not in a xã sheet, and no xã needs them.
        Assert.True(complete.ExitCode == 0, complete.ToString());
        Assert.Empty(JsonNode.Parse(complete.Out)!["columnProblems"]!.AsArray());
        var problem = Assert.Single(JsonNode.Parse(incomplete.Out)!["columnProblems"]!.AsArray())!;
        Assert.Equal(("hoSoLuanChuyen", 1), ((string)problem["column"]!, (int)problem["row"]!));
    }

    [Theory]
    [InlineData("--format", "xlsx")]
    [InlineData("--format", "xlsx", "-o", "mau.csv")]
    [InlineData("--format", "json", "--claims")]
    [InlineData("-o", "mau.json", "--claims")]
    public async Task Template_XlsxToConsoleOrMismatchedFormatOrJsonClaims_UsageErrorAndNoFile(params string[] options)
    {
        var args = new[] { "template", TestFiles.RuleSet }.Concat(options.Select(o => o.StartsWith("mau.", StringComparison.Ordinal) ? _folder.File(o) : o)).ToArray();

        var result = await CchcTool.RunAsync(args);

        Assert.Equal(64, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Empty(Directory.GetFiles(_folder.Path));
    }

    [Fact]
    public async Task Template_OutputExtension_ChoosesTheFormat()
    {
        var json = _folder.File("inputs.json");
        var xlsx = _folder.File("mau.xlsx");

        var a = await CchcTool.RunAsync("template", TestFiles.RuleSet, "-o", json);
        var b = await CchcTool.RunAsync("template", TestFiles.RuleSet, "-o", xlsx);

        Assert.Equal((0, 0), (a.ExitCode, b.ExitCode));
        Assert.Equal(TestFiles.ManifestInputs().Select(i => i.Name), JsonNode.Parse(File.ReadAllText(json))!.AsArray().Select(i => (string)i!["name"]!));
        Assert.Equal([DataSheet, GuideSheet], MiniExcel.GetSheetNames(xlsx));
    }

    /// <summary>A sheet's rows keyed by column letter, as the reader sees them.</summary>
    private static List<IDictionary<string, object?>> SheetRows(string path, string sheet)
        => [.. MiniExcel.Query(path, useHeaderRow: false, sheetName: sheet).Cast<IDictionary<string, object?>>()];

    /// <summary>The criteria without sub-criteria of a rule set, in file order, read straight from its workflow files.</summary>
    private static List<string> ClaimableIds(string ruleSet)
    {
        var ids = new List<string>();
        void Walk(JsonArray rules)
        {
            foreach (var rule in rules)
            {
                if (rule!["Rules"] is JsonArray children && children.Count > 0)
                {
                    Walk(children);
                }
                else
                {
                    ids.Add((string)rule["RuleName"]!);
                }
            }
        }

        foreach (var file in Directory.GetFiles(Path.Combine(ruleSet, "workflows"), "*.json").Order(StringComparer.Ordinal))
        {
            Walk(TestFiles.ReadJson(file)["Rules"]!.AsArray());
        }

        return ids;
    }

    private static Dictionary<string, Dictionary<string, string>> SampleRows(string csvPath)
    {
        var lines = File.ReadAllLines(csvPath).Where(l => l.Length > 0).ToList();
        var header = Csv.SplitRecord(lines[0].TrimStart('\uFEFF'));
        return lines.Skip(1).Select(Csv.SplitRecord).ToDictionary(
            r => r[0],
            r => header.Zip(r).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal));
    }

    /// <summary>A sample CSV value as the cell an officer would type in Excel.</summary>
    private static object? Cell(string? type, string text, bool booleansAsCells) => text.Length == 0 ? null : type switch
    {
        "count" or "number" or "percent" => double.Parse(text, CultureInfo.InvariantCulture),
        "date" => DateTime.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        "bool" when booleansAsCells => text == "có",
        _ => text,
    };

    private static string Text(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => value.ToJsonString(),
    };

    /// <summary>"label (name)" or "Tự chấm id (tuCham:id)" → name; identity headers stay.</summary>
    private static string NameOf(string header)
    {
        var match = InnerName().Match(header);
        return match.Success ? match.Groups[1].Value : header;
    }

    [GeneratedRegex(@"\(([A-Za-z][A-Za-z0-9]*(?::[A-Za-z0-9.]+)?)\)$")]
    private static partial Regex InnerName();
}
