using System.Text;
using Cchc.Rules.Model;
using Cchc.Scoring.Ranking;
using Cchc.Scoring.Tests.Support;
using Cchc.Scoring.Units;
using MiniExcelLibs;

namespace Cchc.Scoring.Tests.Ranking;

/// <summary>Reading, scoring and ranking whole files: every row read is ranked or rejected, never lost.</summary>
public sealed class RankingRunTests : IDisposable
{
    private const string Header = "code,name,level,parent,diemA,diemTthc,diemTacDong";

    private readonly TempRuleSet _ruleSet = RankingRuleSet.Create();
    private readonly TempDirectory _temp = new();

    public void Dispose()
    {
        _ruleSet.Dispose();
        _temp.Dispose();
    }

    private Task<RankingReport> RankAsync(string path, bool groupByParent = false, int parallelism = 2)
        => RankingRun.RunAsync(_ruleSet.Engine, path, new RankingOptions { GroupByParent = groupByParent, MaxDegreeOfParallelism = parallelism }, CancellationToken.None);

    private static string Errors(RankingReport report) => string.Join("\n", report.Rejections.Select(r => $"{r.Row}|{r.Column}|{r.Value}"));

    [Fact]
    public async Task RunAsync_CsvWithBadRowsOfEveryKind_RowsInEqualScoredPlusRejected()
    {
        var path = _temp.Write("xa.csv", string.Join("\n",
            Header,
            "ok1,Xã Một,xa,h1,9,9,9",                    // 2
            "ok2,Xã Hai,xa,h1,8,8,8",                    // 3
            "kieu,Xã Sai Kiểu,xa,h1,abc,8,8",            // 4 wrong type
            "ngoai,Xã Ngoài Khoảng,xa,h1,8,11,8",        // 5 out of range
            "ok1,Xã Một Lặp,xa,h1,1,1,1",                // 6 duplicate code
            ",Xã Không Mã,xa,h1,1,1,1",                  // 7 no code
            "cap,Xã Sai Cấp,tinh,h1,1,1,1",              // 8 bad level
            "thua,Xã Thừa Cột,xa,h1,1,1,1,1",            // 9 more cells than the header
            "thieu,Xã Thiếu Số,xa,h1,7,,7",              // 10 empty cell: ranked, incomplete
            "hai-loi,Xã Hai Lỗi,xa,h1,-1,5,x") + "\n");  // 11 two bad cells, one row

        var report = await RankAsync(path);

        Assert.Equal(new RankingSummary(3, 7), report.Summary);
        Assert.Equal(10, report.Summary.Total);
        Assert.Equal(["ok1", "ok2", "thieu"], report.Rows.Select(r => r.Standing.Code));
        Assert.False(report.Rows[2].Complete);
        Assert.Equal(
            "4|diemA|abc\n5|diemTthc|11\n6|code|ok1\n7|code|\n8|level|tinh\n9||\n11|diemA|-1\n11|diemTacDong|x",
            Errors(report));
        Assert.All(report.Rejections, r => Assert.Equal("xa.csv", r.File));
        Assert.Contains("trùng với dòng 2", report.Rejections.Single(r => r.Row == 6).Reason, StringComparison.Ordinal);
        Assert.Empty(report.ColumnProblems);
    }

    [Fact]
    public async Task RunAsync_DeclaredInputWithoutColumn_ReportedOnceAndEveryUnitRankedIncomplete()
    {
        var path = _temp.Write("thieu-cot.csv", "code,name,level,diemA,diemTthc\nx1,Xã 1,xa,9,9\nx2,Xã 2,xa,8,8\n");

        var report = await RankAsync(path);

        var problem = Assert.Single(report.ColumnProblems);
        Assert.Equal(("thieu-cot.csv", 1, "diemTacDong"), (problem.File, problem.Row, problem.Column));
        Assert.Contains("Điểm tác động", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(new RankingSummary(2, 0), report.Summary);
        Assert.All(report.Rows, r => Assert.False(r.Complete));
    }

    [Fact]
    public async Task RunAsync_SemicolonCsvWithBomDecimalCommaAndNfdLabels_ReadsLikeThePlainOne()
    {
        var header = "Mã (code);Tên (name);level;parent;Điểm lĩnh vực A;Điểm thủ tục hành chính;Điểm tác động".Normalize(NormalizationForm.FormD);
        var semicolon = _temp.Write("vn.csv", $"{header}\r\nx1;{"Xã Điện Biên".Normalize(NormalizationForm.FormD)};xa;h1;9,5;8,25;7\r\nx2;Xã Hai;xa;h1;9,5;8,5;7\r\n", bom: true);
        var plain = _temp.Write("plain.csv", $"{Header}\nx1,Xã Điện Biên,xa,h1,9.5,8.25,7\nx2,Xã Hai,xa,h1,9.5,8.5,7\n");

        var vietnamese = await RankAsync(semicolon);
        var reference = await RankAsync(plain);

        Assert.Equal(new RankingSummary(2, 0), vietnamese.Summary);
        Assert.Empty(vietnamese.ColumnProblems);
        Assert.Equal("Xã Điện Biên", vietnamese.Rows.Single(r => r.Standing.Code == "x1").Standing.Name);
        Assert.Equal(reference.Rows.Select(r => (r.Rank, r.Standing.Code, r.Standing.Points, r.Standing.Index)), vietnamese.Rows.Select(r => (r.Rank, r.Standing.Code, r.Standing.Points, r.Standing.Index)));
        Assert.Equal(["x2", "x1"], vietnamese.Rows.Select(r => r.Standing.Code));
    }

    [Fact]
    public async Task RunAsync_NdjsonWithBadLines_RowsInEqualScoredPlusRejected()
    {
        var path = _temp.Write("xa.jsonl", string.Join("\n",
            """{ "code": "x1", "name": "Xã 1", "level": "xa", "diemA": 9, "diemTthc": 9, "diemTacDong": 9 }""",
            """{ "code": "x2", "name": "Xã 2", "level": "xa", "diemA": "8,5", "diemTthc": 9, "diemTacDong": 9 }""",
            """[1, 2]""",
            """{ "code": "x3", "name": "Xã 3", "level": "xa", "diemA": true, "diemTthc": 9, "diemTacDong": 9 }""",
            """{ "code": "x1", "name": "Xã 1 lặp", "level": "xa", "diemA": 1, "diemTthc": 1, "diemTacDong": 1 }""") + "\n");

        var report = await RankAsync(path);

        Assert.Equal(new RankingSummary(2, 3), report.Summary);
        Assert.Equal(["x1", "x2"], report.Rows.Select(r => r.Standing.Code));
        Assert.Equal(8.5m, report.Rows[1].Standing.Areas[0].Points);
        // The array on line 3 is one item that is not an object: JSON rows are item numbers (here equal to lines).
        Assert.Equal("3||[1,2]\n4|diemA|True\n5|code|x1", Errors(report));
    }

    [Fact]
    public async Task RunAsync_XlsxWrittenByMiniExcel_ReadsNumbersTextAndSheetRowNumbers()
    {
        var path = Path.Combine(_temp.Root, "xa.xlsx");
        var rows = new List<Dictionary<string, object?>>
        {
            Row("x1", "Xã Một", 9.5, "8,25", 7),                                          // sheet row 2: numbers and a decimal comma
            Row("x2", "Xã Hai".Normalize(NormalizationForm.FormD), 9, 9, 9),               // 3: NFD name
            Row(null, null, null, null, null),                                            // 4: blank row, skipped
            Row("x3", "Xã Ba", "sai", 9, 9),                                              // 5: wrong type
            Row("x1", "Xã Một lặp", 1, 1, 1),                                             // 6: duplicate
            Row("x4", "Xã Bốn", 10, 12.5, 10),                                            // 7: out of range
        };
        MiniExcel.SaveAs(path, rows);

        var report = await RankAsync(path);

        Assert.Equal(new RankingSummary(2, 3), report.Summary);
        Assert.Equal(["x2", "x1"], report.Rows.Select(r => r.Standing.Code));
        Assert.Equal(24.75m, report.Rows.Single(r => r.Standing.Code == "x1").Standing.Points);
        Assert.Equal("Xã Hai", report.Rows[0].Standing.Name);
        Assert.Equal("5|diemA|sai\n6|code|x1\n7|diemTthc|12.5", Errors(report));
        Assert.Empty(report.ColumnProblems);

        static Dictionary<string, object?> Row(string? code, string? name, object? a, object? tthc, object? tacDong) => new()
        {
            ["code"] = code,
            ["name"] = name,
            ["level"] = code is null ? null : "xa",
            ["Điểm lĩnh vực A (diemA)"] = a,
            ["Điểm thủ tục hành chính"] = tthc,
            ["diemTacDong"] = tacDong,
        };
    }

    [Fact]
    public async Task RunAsync_XlsxMissingColumnAndCellOutsideHeader_Reported()
    {
        var path = Path.Combine(_temp.Root, "thieu.xlsx");
        MiniExcel.SaveAs(path, new[] { new object?[] { "code", "level", "diemA", "diemTthc", null }, ["x1", "xa", 9, 9, null], ["x2", "xa", 8, 8, "thừa"] }.Select(ToRow), printHeader: false);

        var report = await RankAsync(path);

        Assert.Equal(("diemTacDong", 1), (report.ColumnProblems.Single().Column, report.ColumnProblems.Single().Row));
        Assert.Equal(new RankingSummary(1, 1), report.Summary);
        Assert.Equal("3|E|thừa", Errors(report));

        static Dictionary<string, object?> ToRow(object?[] cells) => cells.Select((c, i) => (c, i)).ToDictionary(x => ((char)('A' + x.i)).ToString(), x => x.c);
    }

    [Fact]
    public async Task RunAsync_XlsxCellKinds_AreHandedOnAsTheirTypes()
    {
        var path = Path.Combine(_temp.Root, "kieu.xlsx");
        MiniExcel.SaveAs(path, new[] { new Dictionary<string, object?> { ["code"] = "x1", ["level"] = "xa", ["ngay"] = new DateTime(2023, 2, 19), ["co"] = true, ["so"] = 72.5m, ["chu"] = "72,5" } });

        var unit = Assert.Single(new UnitFileReader().Read(path)).Unit!;

        Assert.Equal(new DateTime(2023, 2, 19), unit.Values["ngay"]);
        Assert.Equal(true, unit.Values["co"]);
        Assert.Equal(72.5, unit.Values["so"]);
        Assert.Equal("72,5", unit.Values["chu"]);
        Assert.Equal(new UnitSource("kieu.xlsx", 2), unit.Source);
    }

    [Fact]
    public async Task RunAsync_XlsxNfdLabelsBooleanCellsAndNfdChoiceLabels_ScoredThroughTheEngine()
    {
        using var methods = new MethodsRuleSet();
        var path = Path.Combine(_temp.Root, "nfd.xlsx");
        string Nfd(string text) => text.Normalize(NormalizationForm.FormD);
        MiniExcel.SaveAs(path, new[]
        {
            new Dictionary<string, object?> { ["code"] = "x1", ["level"] = "xa", [Nfd("Đã ban hành")] = true, [Nfd("Xếp loại")] = Nfd("Khá"), [Nfd("Tỷ lệ (%)")] = "92,5" },
            new Dictionary<string, object?> { ["code"] = "x2", ["level"] = "xa", [Nfd("Đã ban hành")] = false, [Nfd("Xếp loại")] = "tot", [Nfd("Tỷ lệ (%)")] = 70 },
        });

        using var report = await RankingRun.RunAsync(methods.Set.Engine, path, new RankingOptions { KeepCards = true }, CancellationToken.None);

        Assert.Equal(new RankingSummary(2, 0), report.Summary);
        Assert.DoesNotContain(report.ColumnProblems, p => p.Reason.Contains("không phải dữ liệu đầu vào", StringComparison.Ordinal));
        var cards = RankingCardsReader.Cards(report);
        var (x1, x2) = (cards["x1"], cards["x2"]);
        Assert.Equal((1m, 1m, 4m), (x1.Criterion("PF").Points, x1.Criterion("CHOICE").Points, x1.Criterion("BANDS_MIN").Points));
        Assert.Equal((0m, 2m, 2m), (x2.Criterion("PF").Points, x2.Criterion("CHOICE").Points, x2.Criterion("BANDS_MIN").Points));
    }

    [Theory]
    [InlineData(new[] { 0.725, 0.9, 0.5 }, true)]
    [InlineData(new[] { 72.5, 90.0, 50.0 }, false)]
    [InlineData(new[] { 0.725, 0.9 }, false)]      // too few numbers to tell
    [InlineData(new[] { 0.0, 0.0, 0.0 }, false)]   // all zero: nothing suggests a % format
    public async Task RunAsync_XlsxPercentColumnAllBetweenZeroAndOne_IsReportedOnce_AndTheValuesKept(double[] rates, bool reported)
    {
        using var methods = new MethodsRuleSet();
        var path = Path.Combine(_temp.Root, "phan-tram.xlsx");
        MiniExcel.SaveAs(path, rates.Select((rate, i) => new Dictionary<string, object?> { ["code"] = $"x{i}", ["level"] = "xa", ["tyLe"] = rate }));

        var report = await RankingRun.RunAsync(methods.Set.Engine, path, new RankingOptions(), CancellationToken.None);

        var notes = report.ColumnProblems.Where(p => p.Column == "tyLe").ToList();
        Assert.Equal(reported ? 1 : 0, notes.Count);
        if (reported)
        {
            Assert.Equal(("phan-tram.xlsx", 1), (notes[0].File, notes[0].Row));
            Assert.Contains("72,5% được lưu là 0,725", notes[0].Reason, StringComparison.Ordinal);
        }

        Assert.Equal(rates.Length, report.Summary.Scored);
    }

    [Fact]
    public async Task RunAsync_ShippedSamplesAsXlsx_RankLikeTheCsv()
    {
        var csv = Path.Combine(Paths.Samples, "phu-quy.csv");
        var xlsx = Path.Combine(_temp.Root, "phu-quy.xlsx");
        var reader = new UnitFileReader(Shipped.RuleSet);

        // The sheet holds real numbers and real dates, as Excel would, not the CSV's text.
        MiniExcel.SaveAs(xlsx, reader.Read(csv).Select(r => r.Unit!).Select(u =>
        {
            var row = new Dictionary<string, object?> { ["code"] = u.Code, ["name"] = u.Name, ["level"] = u.Level.ToCode(), ["parent"] = u.Parent };
            foreach (var input in Shipped.RuleSet.Inputs)
            {
                var raw = u.Values.GetValueOrDefault(input.Name) as string;
                row[input.Name] = raw is null ? null
                    : input.Type == Cchc.Rules.Model.InputType.Date ? DateTime.ParseExact(raw, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
                    : decimal.Parse(raw, System.Globalization.CultureInfo.InvariantCulture);
            }

            return row;
        }));

        var options = new RankingOptions { MaxDegreeOfParallelism = 2, KeepCards = true };
        using var fromCsv = await RankingRun.RunAsync(Shipped.Engine, csv, options, CancellationToken.None);
        using var fromXlsx = await RankingRun.RunAsync(Shipped.Engine, xlsx, options, CancellationToken.None);

        Assert.Equal(4, fromXlsx.Summary.Scored);
        Assert.Equal(
            RankingCardsReader.CardJson(fromCsv).Select(card => card.Replace("phu-quy.csv", "", StringComparison.Ordinal)),
            RankingCardsReader.CardJson(fromXlsx).Select(card => card.Replace("phu-quy.xlsx", "", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RunAsync_KeepCards_JsonFromTheSpilledCardsIsTheJsonOfTheCardsHeldInMemory()
    {
        // Ranked, tied, incomplete and unranked (a district: nothing applies) units, grouped by parent: the spilled
        // cards get their rank put in, or their placeholder taken out, byte for byte as the cards themselves would.
        var path = _temp.Write("xa.csv", string.Join("\n",
            Header,
            "x1,Xã Một,xa,h1,9,9,9",
            "x2,Xã Hai,xa,h2,8,8,8",
            "x3,Xã Ba,xa,h1,8,8,8",
            "x4,Xã Bốn,xa,h2,7,,7",
            "h1,Huyện Một,huyen,,10,10,10") + "\n");
        var units = (await new UnitPipeline(_ruleSet.RuleSet).ReadAllAsync([path])).Units;
        var cards = await RankingRuleSet.ScoreAsync(_ruleSet, [.. units]);

        using var spilled = await RankingRun.RunAsync(_ruleSet.Engine, path, new RankingOptions { GroupByParent = true, KeepCards = true, MaxDegreeOfParallelism = 2 }, CancellationToken.None);
        using var inMemory = RankingReport.Of(cards, _ruleSet.RuleSet, groupByParent: true);

        Assert.Contains(spilled.Rows, r => r.Rank is null);
        Assert.Equal(Bytes(inMemory), Bytes(spilled));
        Assert.Throws<InvalidOperationException>(() => Bytes(spilled with { Cards = null }));

        static byte[] Bytes(RankingReport report)
        {
            using var stream = new MemoryStream();
            RankingWriter.Write(report, RankingFormat.Json, stream, CancellationToken.None);
            return stream.ToArray();
        }
    }
}
