using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Cchc.Cli.Tests.Support;
using Cchc.Samples;
using CsvHelper;
using CsvHelper.Configuration;

namespace Cchc.Cli.Tests;

/// <summary>
/// A province's full cycle (Lâm Đồng, province 68 of today's batch) as the national generator's <c>province</c> mode
/// writes it (samples/lam-dong): last year's predecessors ranked, then one <c>cchc rank</c> with the self-assessment,
/// both appraisal rounds, the explanations, the survey, last year's ranking and the merger mapping. The figures are
/// the ones CI checks on the committed files (same seed, same bytes).
/// </summary>
public sealed class FullCycleProvinceTests : IClassFixture<FullCycleProvinceTests.Cycle>
{
    private readonly Cycle _cycle;

    public FullCycleProvinceTests(Cycle cycle) => _cycle = cycle;

    [Fact]
    public void UnitsIn_AreScoredPlusRejected_AndTheSummaryLinesAreTheKnownOnes()
    {
        var result = _cycle.Result;
        var dataRows = File.ReadAllLines(_cycle.File("du-lieu.csv")).Length - 1;
        var summary = _cycle.Json["summary"]!;

        Assert.True(result.ExitCode == 2, result.ToString()); // one unit ranked with missing data (08079)
        Assert.Equal(123, dataRows);
        Assert.Equal(dataRows, (int)summary["scored"]! + (int)summary["rejected"]!);
        Assert.Equal((123, 0, 1), ((int)summary["scored"]!, (int)summary["rejected"]!, (int)summary["incomplete"]!));
        Assert.Contains("scored 123, rejected 0, total 123; 1 unit(s) ranked with missing data", result.ErrorLines);
        Assert.Contains("So với năm trước: chỉ số tăng 48, giảm 74, không đổi 1; hạng lên 1, xuống 0, giữ nguyên 0; khớp 1, mới 0, sáp nhập 122, chia tách 0, không tìm thấy 0; 0 đơn vị năm trước không còn", result.ErrorLines);
        Assert.False((bool)_cycle.Row("08079")["complete"]!);
    }

    [Fact]
    public void NoAppraisalSurveyOrMappingRowIsLost()
    {
        var rows = _cycle.Json["rows"]!.AsArray().Select(r => r!).ToList();
        var lines = rows.SelectMany(r => r["card"]!["appraisal"]!["lines"]!.AsArray()).ToList();

        // Every cell of the sheets reaches a card: claims, round 1, round 2 (a unit with a round 2 counts it once per criterion).
        Assert.Equal(Cells(_cycle.File("tu-cham.csv"), "tuCham:"), lines.Count(l => l!["claimed"] is not null));
        Assert.Equal(Cells(_cycle.File("tham-dinh-lan-1.csv"), "thamDinh:"), rows.Sum(r => (int)r["card"]!["appraisedCount"]!));
        Assert.Equal(Cells(_cycle.File("tham-dinh-lan-2.csv"), "thamDinh2:"), rows.Sum(r => (int)r["card"]!["appraisal"]!["round2Count"]!));
        Assert.Equal(Cells(_cycle.File("giai-trinh.csv"), "giaiTrinh:"), lines.Count(l => l!["unitExplanation"] is not null));
        Assert.Empty(_cycle.Json["columnProblems"]!.AsArray());

        // Every survey row used.
        var survey = _cycle.Json["survey"]!;
        var surveyRows = File.ReadAllLines(_cycle.File("dieu-tra-xa-hoi-hoc.csv")).Length - 1;
        Assert.Equal((surveyRows, surveyRows, 0), ((int)survey["rowsRead"]!, (int)survey["rowsUsed"]!, (int)survey["rowsRefused"]!));
        Assert.Equal((123, 0), ((int)survey["unitsWithSurvey"]!, (int)survey["unitsWithoutSurvey"]!));

        // Every mapping row is one predecessor of one unit (a one-to-one match names none: its old code is the row's).
        var mapping = File.ReadAllLines(_cycle.File("sap-nhap-2025.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        var predecessors = rows.Sum(r => r["previous"]!["predecessors"]?.AsArray().Count ?? 1);
        Assert.Equal(mapping.Count, predecessors);
        Assert.Equal(392, mapping.Count);
        Assert.Equal(mapping.Count, File.ReadAllLines(_cycle.File("du-lieu-2024.csv")).Length - 1);
    }

    [Fact]
    public void CamVinh_FinalIndex_IsAppraisalPlusSurvey_OnItsRound2Points_AgainstItsThreePredecessors()
    {
        var row = _cycle.Row("08409");
        var card = row["card"]!;
        var components = card["components"]!.AsArray().ToDictionary(c => (string)c!["id"]!, c => (decimal)c!["points"]!);

        Assert.Equal(7, (int)row["rank"]!);
        Assert.Equal((90.79m, 97.5m, 88.07m), ((decimal)card["points"]!, (decimal)card["maxPoints"]!, (decimal)card["index"]!));
        Assert.Equal((65.18m, 22.89m), (components["thamDinh"], components["xhh"]));
        Assert.Equal((decimal)card["index"]!, components["thamDinh"] + components["xhh"]);

        // 2.4: claimed 2, computed 1, round 1 1, explained, round 2 2. 3.5.c: claimed without TLKC, halved in round 1, evidence sent, round 2 1.
        var round2 = card["appraisal"]!["lines"]!.AsArray().Where(l => (string?)l!["basis"] == "round2").ToDictionary(l => (string)l!["id"]!, l => l!);
        Assert.Equal(["2.4", "3.5.c"], round2.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((2m, 1m, 1m, 2m, 2m), Points(round2["2.4"]));
        Assert.Equal((1m, 1m, 0.5m, 1m, 1m), Points(round2["3.5.c"]));
        Assert.NotNull(round2["2.4"]["unitExplanation"]);
        Assert.StartsWith("Không có tài liệu kiểm chứng", (string)round2["3.5.c"]["comment"]!, StringComparison.Ordinal);

        var previous = row["previous"]!;
        Assert.Equal(("merged", 89.34m, -1.27m), ((string)previous["status"]!, (decimal)previous["index"]!, (decimal)previous["indexChange"]!));
        Assert.Equal(["08409", "08410", "08411"], previous["predecessors"]!.AsArray().Select(p => (string)p!["code"]!));
    }

    [Fact]
    public void PhuQuy_IsTheSpecialZone_OfLamDong()
    {
        var row = _cycle.Row("08414");
        var card = row["card"]!;
        var components = card["components"]!.AsArray().ToDictionary(c => (string)c!["id"]!, c => (decimal)c!["points"]!);

        Assert.Equal(("UBND đặc khu Phú Quý", "dacKhu", "68"), ((string)card["unit"]!["name"]!, (string)card["unit"]!["kind"]!, (string)card["unit"]!["parent"]!));
        Assert.Equal((27, 83.98m), ((int)row["rank"]!, (decimal)card["index"]!));
        Assert.Equal((59.17m, 24.81m), (components["thamDinh"], components["xhh"]));
        Assert.Equal(("merged", 3, 78.29m), ((string)row["previous"]!["status"]!, row["previous"]!["predecessors"]!.AsArray().Count, (decimal)row["previous"]!["index"]!));
    }

    [Fact]
    public async Task TheGenerator_WritesTheSameBytesTwice()
    {
        using var again = new TempFolder();
        await ProvinceCycle.WriteAsync(Cycle.Rules, "68", 2026, again.Path, CancellationToken.None);

        foreach (var file in Directory.GetFiles(_cycle.Folder.Path, "*.csv").Where(f => !Path.GetFileName(f).StartsWith("xep-hang", StringComparison.Ordinal)))
        {
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(again.File(Path.GetFileName(file))));
        }
    }

    private static (decimal, decimal, decimal, decimal, decimal) Points(JsonNode line)
        => ((decimal)line["claimed"]!, (decimal)line["computed"]!, (decimal)line["round1"]!, (decimal)line["round2"]!, (decimal)line["final"]!);

    /// <summary>The non-empty cells of a sheet's columns whose name starts with <paramref name="prefix"/>.</summary>
    private static int Cells(string path, string prefix)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        csv.Read();
        csv.ReadHeader();
        var columns = csv.HeaderRecord!.Select((name, index) => (name, index)).Where(c => c.name.StartsWith(prefix, StringComparison.Ordinal)).Select(c => c.index).ToList();
        var cells = 0;
        while (csv.Read())
        {
            cells += columns.Count(i => !string.IsNullOrEmpty(csv.GetField(i)));
        }

        return cells;
    }

    /// <summary>The province written once, last year ranked, and the whole cycle ranked to JSON (shared by the tests).</summary>
    public sealed class Cycle : IAsyncLifetime, IDisposable
    {
        public static readonly string Rules = Path.Combine(AppContext.BaseDirectory, "rules", "chi-so-cchc-xa");

        internal TempFolder Folder { get; } = new();

        internal CliResult Result { get; private set; } = null!;

        public JsonNode Json { get; private set; } = null!;

        public string File(string name) => Folder.File(name);

        public JsonNode Row(string code) => Json["rows"]!.AsArray().Single(r => (string)r!["card"]!["unit"]!["code"]! == code)!;

        public async Task InitializeAsync()
        {
            await ProvinceCycle.WriteAsync(Rules, "68", 2026, Folder.Path, CancellationToken.None);
            var lastYear = await CchcTool.RunAsync("rank", Rules, File("du-lieu-2024.csv"), "-o", File("xep-hang-2024.xlsx"));
            Assert.True(lastYear.ExitCode == 2, lastYear.ToString()); // 9 predecessors ranked with missing data
            Assert.Contains("scored 392, rejected 0, total 392; 9 unit(s) ranked with missing data", lastYear.ErrorLines);

            Result = await CchcTool.RunAsync(
                "rank", Rules, File("du-lieu.csv"),
                "--appraisal", File("tu-cham.csv"), "--appraisal", File("tham-dinh-lan-1.csv"),
                "--appraisal", File("giai-trinh.csv"), "--appraisal", File("tham-dinh-lan-2.csv"),
                "--survey", File("dieu-tra-xa-hoi-hoc.csv"),
                "--previous", File("xep-hang-2024.xlsx"), "--mapping", File("sap-nhap-2025.csv"),
                "-o", File("xep-hang.json"));
            Json = TestFiles.ReadJson(File("xep-hang.json"));
        }

        public Task DisposeAsync() => Task.CompletedTask;

        public void Dispose() => Folder.Dispose();
    }
}
