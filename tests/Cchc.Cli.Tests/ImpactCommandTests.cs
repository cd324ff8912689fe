using System.Text;
using System.Text.Json.Nodes;
using Cchc.Cli.Tests.Support;
using Cchc.Scoring.Analysis;

namespace Cchc.Cli.Tests;

/// <summary><c>cchc impact</c>: 3.4's threshold raised from 60% to 70% (in both places), scored on real data.</summary>
public sealed class ImpactCommandTests : IDisposable
{
    private const string Xa = "chi-so-cchc-xa";
    private readonly TempFolder _folder = new();
    private readonly string _old = Path.Combine(AppContext.BaseDirectory, "rules", Xa);
    private readonly string _new;

    public ImpactCommandTests()
    {
        _new = CopyRuleSet("new");
        var path = Path.Combine(_new, "workflows", "3-tthc.json");
        var text = File.ReadAllText(path);
        var rule = text.IndexOf("\"RuleName\": \"3.4\"", StringComparison.Ordinal);
        foreach (var (oldText, newText) in new[] { ("\"Expression\": \"value >= 60\"", "\"Expression\": \"value >= 70\""), ("\"fullAt\": 60", "\"fullAt\": 70") })
        {
            var at = text.IndexOf(oldText, rule, StringComparison.Ordinal);
            Assert.True(at > rule, oldText);
            text = string.Concat(text.AsSpan(0, at), newText, text.AsSpan(at + oldText.Length));
        }

        File.WriteAllText(path, text, new UTF8Encoding(false));
    }

    public void Dispose() => _folder.Dispose();

    private string CopyRuleSet(string parent)
    {
        var directory = Path.Combine(_folder.Path, parent, Xa);
        foreach (var source in Directory.GetFiles(_old, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(directory, Path.GetRelativePath(_old, source));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
        }

        return directory;
    }

    private static string RepositoryFile(params string[] parts)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Cchc.Scoring.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        return Path.Combine([directory.FullName, .. parts]);
    }

    private string NationalHead(int rows)
    {
        var lines = File.ReadLines(RepositoryFile("samples", "national", "xa-10600.csv")).Take(rows + 1);
        var path = _folder.File("xa-head.csv");
        File.WriteAllLines(path, lines, new UTF8Encoding(false));
        return path;
    }

    private static async Task<JsonObject> ImpactJson(params string[] args)
    {
        var result = await CchcTool.RunAsync(["impact", .. args, "--format", "json"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonNode.Parse(result.Out)!.AsObject();
    }

    /// <summary>3.4's value, the percentage of dossiers moved electronically, for each unit of a CSV.</summary>
    private static Dictionary<string, decimal?> Values34(string csv)
    {
        var lines = File.ReadAllLines(csv);
        var separator = lines[0].Contains(';', StringComparison.Ordinal) ? ';' : ',';
        var header = lines[0].TrimStart('\uFEFF').Split(separator);
        int Column(string name) => Array.IndexOf(header, name);
        var (code, moved, electronic) = (Column("code"), Column("hoSoLuanChuyen"), Column("hoSoLuanChuyenDienTu"));
        var values = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(separator);
            if (cells.Length != header.Length)
            {
                continue;
            }

            values[cells[code]] = decimal.TryParse(cells[moved].Replace(',', '.'), System.Globalization.CultureInfo.InvariantCulture, out var m) && m > 0
                                  && decimal.TryParse(cells[electronic].Replace(',', '.'), System.Globalization.CultureInfo.InvariantCulture, out var e)
                ? 100m * e / m
                : null;
        }

        return values;
    }

    private static void AssertThresholdImpact(JsonObject json, Dictionary<string, decimal?> values)
    {
        var units = json["unitImpacts"]!.AsArray();
        Assert.Equal(json["units"]!.GetValue<int>(), units.Count);
        Assert.Equal(units.Count(u => u!["before"] is not null && u["after"] is not null), json["gradeMatrix"]!.AsArray().Sum(t => t!["count"]!.GetValue<int>()));
        var between = 0;
        foreach (var unit in units)
        {
            var code = unit!["code"]!.GetValue<string>();
            if (values.GetValueOrDefault(code) is not { } value || value < 60 || value >= 70 || unit["before"] is null || unit["after"] is null)
            {
                continue;
            }

            between++;
            Assert.True(unit["after"]!["points"]!.GetValue<decimal>() < unit["before"]!["points"]!.GetValue<decimal>(), code);
            var causes = unit["causes"]!.AsArray();
            Assert.Contains(causes, c => c!["criterion"]!.GetValue<string>() == "3.4" && c["change"]!.GetValue<decimal>() < 0);
        }

        Assert.True(between > 0, "no unit has 3.4 between 60% and 70%");
        foreach (var unit in units)
        {
            // Nothing but 3.4 was edited: no other criterion is ever named.
            Assert.All(unit!["causes"]!.AsArray(), c => Assert.Equal("3.4", c!["criterion"]!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task Impact_PhuQuy_ThresholdRaised_34NamedAsTheCause()
    {
        var data = TestFiles.Sample("chi-so-cchc-xa.csv");
        var json = await ImpactJson(_old, _new, data);

        Assert.Equal(3, json["units"]!.GetValue<int>());
        Assert.Empty(json["missingInputs"]!.AsArray());
        AssertThresholdImpact(json, Values34(data));
    }

    [Fact]
    public async Task Impact_NationalHead_ThresholdRaised_UnitsBetween60And70LosePointsOn34_MatrixSumsToUnits()
    {
        var data = NationalHead(300);
        var json = await ImpactJson(_old, _new, data);

        AssertThresholdImpact(json, Values34(data));
        var again = await CchcTool.RunInCultureAsync("de-DE", "impact", _old, _new, data, "--format", "json");
        Assert.Equal(json.ToJsonString(), JsonNode.Parse(again.Out)!.ToJsonString());
        Assert.InRange(json["spearman"]!.GetValue<double>(), 0.9, 1.0);
        Assert.InRange(json["kendallTauB"]!.GetValue<double>(), 0.8, 1.0);
    }

    [Fact]
    public async Task Impact_NationalHead_GradesAndRanksAgreeWithRankingEachSide()
    {
        var data = NationalHead(300);
        var json = await ImpactJson(_old, _new, data);
        var before = await RankRows(_old, data);
        var after = await RankRows(_new, data);

        foreach (var unit in json["unitImpacts"]!.AsArray())
        {
            var code = unit!["code"]!.GetValue<string>();
            Assert.Equal(before[code], (unit["before"]!["grade"]!.GetValue<string>(), unit["before"]!["rank"]!.GetValue<int>()));
            Assert.Equal(after[code], (unit["after"]!["grade"]!.GetValue<string>(), unit["after"]!["rank"]!.GetValue<int>()));
        }

        Assert.Equal(before.Count, json["units"]!.GetValue<int>());
    }

    private static async Task<Dictionary<string, (string Grade, int Rank)>> RankRows(string ruleSet, string data)
    {
        var result = await CchcTool.RunAsync("rank", ruleSet, data, "--format", "json");
        return JsonNode.Parse(result.Out)!["rows"]!.AsArray().ToDictionary(
            r => r!["card"]!["unit"]!["code"]!.GetValue<string>(),
            r => (r!["card"]!["grade"]!.GetValue<string>(), r["rank"]!.GetValue<int>()),
            StringComparer.Ordinal);
    }

    [Fact]
    public async Task Impact_IdenticalRuleSets_CorrelationOneNoMovesNoCauses()
    {
        var data = NationalHead(120);
        var json = await ImpactJson(_old, _old, data);

        Assert.Equal(1.0, json["spearman"]!.GetValue<double>());
        Assert.Equal(1.0, json["kendallTauB"]!.GetValue<double>());
        Assert.Empty(json["largestRises"]!.AsArray());
        Assert.Empty(json["largestFalls"]!.AsArray());
        Assert.All(json["unitImpacts"]!.AsArray(), u =>
        {
            Assert.Empty(u!["causes"]!.AsArray());
            Assert.True(u["rankMove"] is null || u["rankMove"]!.GetValue<int>() == 0);
        });
        Assert.All(json["gradeMatrix"]!.AsArray(), t => Assert.Equal(t!["old"]!.GetValue<string>(), t["new"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Impact_TableAndMarkdown_VietnameseHeadingsAndNumbers_ExitZero()
    {
        var data = TestFiles.Sample("chi-so-cchc-xa.csv");
        var table = await CchcTool.RunAsync("impact", _old, _new, data);
        var markdown = await CchcTool.RunAsync("impact", _old, _new, data, "--format", "markdown");

        Assert.Equal(0, table.ExitCode);
        Assert.Contains("Xếp loại cũ × xếp loại mới", table.Out, StringComparison.Ordinal);
        Assert.Contains(table.OutLines, l => l.StartsWith("long-hai", StringComparison.Ordinal) && l.Contains("3.4 −", StringComparison.Ordinal) && l.Contains("95,58/99", StringComparison.Ordinal));
        Assert.Equal(0, markdown.ExitCode);
        Assert.Contains("## Xếp loại cũ × xếp loại mới", markdown.Out, StringComparison.Ordinal);
        Assert.Contains("| Mã | Tên | Điểm trước |", markdown.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Impact_NewRuleSetReadsAnInputTheDataLack_Warned()
    {
        // The new rule set reads a new input, hoSoLuanChuyenMoi, in 3.4's place of hoSoLuanChuyenDienTu.
        var ruleSet = Path.Combine(_new, "ruleset.json");
        var manifest = File.ReadAllText(ruleSet);
        var declared = manifest.IndexOf("\"name\": \"hoSoLuanChuyenDienTu\"", StringComparison.Ordinal);
        Assert.True(declared > 0);
        var start = manifest.LastIndexOf('{', declared);
        var end = manifest.IndexOf('}', declared);
        var copy = manifest[start..(end + 1)].Replace("hoSoLuanChuyenDienTu", "hoSoLuanChuyenMoi", StringComparison.Ordinal);
        File.WriteAllText(ruleSet, manifest.Insert(end + 1, ",\n    " + copy), new UTF8Encoding(false));
        var workflow = Path.Combine(_new, "workflows", "3-tthc.json");
        var text = File.ReadAllText(workflow);
        var rule = text.IndexOf("\"RuleName\": \"3.4\"", StringComparison.Ordinal);
        var at = text.IndexOf("hoSoLuanChuyenDienTu", rule, StringComparison.Ordinal);
        File.WriteAllText(workflow, string.Concat(text.AsSpan(0, at), "hoSoLuanChuyenMoi", text.AsSpan(at + "hoSoLuanChuyenDienTu".Length)), new UTF8Encoding(false));

        var result = await CchcTool.RunAsync("impact", _old, _new, TestFiles.Sample("chi-so-cchc-xa.csv"), "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["hoSoLuanChuyenMoi"], JsonNode.Parse(result.Out)!["missingInputs"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Contains(result.ErrorLines, l => l.Contains("hoSoLuanChuyenMoi", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Impact_OutputFiles_CsvXlsxHtml_WhatAnAnalystOpens()
    {
        var data = NationalHead(300);
        var json = await ImpactJson(_old, _new, data);
        var changedGrades = json["unitImpacts"]!.AsArray().Count(u => u!["before"] is not null && u["after"] is not null && u["before"]!["grade"]!.ToJsonString() != u["after"]!["grade"]!.ToJsonString());

        var csv = _folder.File("impact.csv");
        var xlsx = _folder.File("impact.xlsx");
        var html = _folder.File("impact.html");
        foreach (var output in new[] { csv, xlsx, html })
        {
            var result = await CchcTool.RunAsync("impact", _old, _new, data, "-o", output);
            Assert.True(result.ExitCode == 0, result.ToString());
        }

        var bytes = File.ReadAllBytes(csv);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Mã (code),Tên (name),Điểm trước (pointsBefore),Điểm sau (pointsAfter)", string.Join(',', lines[0].Split(',')[..4]));
        Assert.Equal(json["units"]!.GetValue<int>(), lines.Length - 1);
        // The causes are a sentence for people, numbers the Vietnamese way (quoted: 0,25 has a comma).
        Assert.Contains(lines, l => l.Contains(",\"3.4 −0,", StringComparison.Ordinal));

        Assert.Equal(["Từng đơn vị", "Ma trận xếp loại", "Thay đổi hạng lớn nhất", "Tóm tắt"], MiniExcelLibs.MiniExcel.GetSheetNames(xlsx));
        var units = MiniExcelLibs.MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "Từng đơn vị").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(json["units"]!.GetValue<int>(), units.Count);
        Assert.Equal(changedGrades, units.Count(u => !Equals(u["Xếp loại trước (gradeBefore)"], u["Xếp loại sau (gradeAfter)"])));
        var matrix = MiniExcelLibs.MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "Ma trận xếp loại").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(json["gradeMatrix"]!.AsArray().Sum(t => t!["count"]!.GetValue<int>()), matrix.Sum(r => r.Where(c => c.Key != "Cũ \\ Mới").Sum(c => Convert.ToInt32(c.Value, System.Globalization.CultureInfo.InvariantCulture))));
        var summary = MiniExcelLibs.MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "Tóm tắt").Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(summary, r => (string?)r["Mục"] == "Tương quan Spearman");

        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(File.ReadAllText(html));
        Assert.NotNull(document.QuerySelector("svg#slopegraph"));
        Assert.Empty(document.QuerySelectorAll("script"));
        Assert.NotNull(document.QuerySelector("table#grades"));
        Assert.Equal(json["largestRises"]!.AsArray().Count + json["largestFalls"]!.AsArray().Count, document.QuerySelectorAll("svg#slopegraph line[stroke-width='2']").Length);
    }

    [Fact]
    public void SpearmanAndKendall_HandComputedExample()
    {
        // x = 1 2 3 4 5, y = 2 1 4 3 5: d² = 1+1+1+1+0 = 4, rho = 1 − 6·4/(5·24) = 0.8;
        // pairs 10, discordant (1,2) and (3,4): tau = (8 − 2)/10 = 0.6.
        double[] x = [1, 2, 3, 4, 5];
        double[] y = [2, 1, 4, 3, 5];
        Assert.Equal(0.8, RuleSetImpact.SpearmanRho(x, y)!.Value, 12);
        Assert.Equal(0.6, RuleSetImpact.KendallTauB(x, y)!.Value, 12);

        // Ties: x = 1 2 2 3, y = 1 2 3 3. Pairs 6; x ties 1, y ties 1; concordant 4 ((1,2),(1,3),(1,4),(2,4)),
        // discordant 0 ((2,3) tied in x, (3,4) tied in y): tau-b = 4/sqrt(5·5) = 0.8.
        // Average ranks x = 1 2.5 2.5 4, y = 1 2 3.5 3.5 (means 2.5): Σdxdy = 3.75, Σdx² = Σdy² = 4.5, rho = 3.75/4.5 = 5/6.
        double[] tx = [1, 2, 2, 3];
        double[] ty = [1, 2, 3, 3];
        Assert.Equal(0.8, RuleSetImpact.KendallTauB(tx, ty)!.Value, 12);
        Assert.Equal(5.0 / 6.0, RuleSetImpact.SpearmanRho(tx, ty)!.Value, 12);
        Assert.Null(RuleSetImpact.KendallTauB([1, 1], [1, 2]));
    }
}
