using System.Text;
using Cchc.Rules;
using Cchc.Rules.Loading;
using Cchc.Scoring.Cards;
using Cchc.Scoring.Ranking;
using Cchc.Scoring.Tests.Support;
using Cchc.Scoring.Units;
using Newtonsoft.Json.Linq;

namespace Cchc.Scoring.Tests.Scoring;

/// <summary>
/// The appraisal council's points (thamDinh:, thamDinh2:), comments (nhanXet:), the unit's explanations (giaiTrinh:) and
/// evidence (tlkc:): read by every reader, checked, and the last appraisal made the final points of the index, the
/// grade and the ranking. Every card scored here is also scored through RulesEngine (Support/Conformance.cs).
/// </summary>
public sealed class AppraisalTests : IDisposable
{
    private static readonly Lazy<ScoringEngine> Xa = new(() => new ScoringEngine(new RuleSetLoader().LoadOrThrow(Path.Combine(AppContext.BaseDirectory, "rules", "chi-so-cchc-xa"))));
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string F(string path) => Path.GetFileName(path);

    private static string SampleData => Path.Combine(Paths.Samples, "chi-so-cchc-xa.csv");

    private static string[] SampleSheets => [.. new[] { "tu-cham", "tham-dinh-lan-1", "giai-trinh", "tham-dinh-lan-2" }.Select(n => Path.Combine(Paths.Samples, $"chi-so-cchc-xa-{n}.csv"))];

    private static UnitData LongHai(string extraHeader, string extraCells)
    {
        var lines = File.ReadAllLines(SampleData);
        var row = UnitFileReaderRow(lines[0] + "," + extraHeader, lines[1] + "," + extraCells);
        return row;
    }

    private static UnitData UnitFileReaderRow(string header, string line)
    {
        var path = Path.Combine(Path.GetTempPath(), $"cchc-appraisal-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, header + "\n" + line + "\n");
        try
        {
            var result = Assert.Single(new UnitFileReader(Xa.Value.RuleSet).Read(path).ToList());
            Assert.Null(result.Rejection);
            return result.Unit!;
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_CsvJsonAndNestedJson_GiveTheSameAppraisal()
    {
        var csv = _temp.Write("a.csv", "code,level,THAMDINH:1.2, nhanXet:1.2 ,giaiTrinh:1.2,thamDinh2:1.2,tlkc:1.2\nX01,xa,1,Thiếu báo cáo quý IV,Đã gửi,2,BC 1/BC-UBND; bc.pdf\n");
        var flat = _temp.Write("a.json", """{ "code": "X01", "level": "xa", "thamDinh:1.2": 1, "nhanXet:1.2": "Thiếu báo cáo quý IV", "giaiTrinh:1.2": "Đã gửi", "thamDinh2:1.2": 2, "tlkc:1.2": "BC 1/BC-UBND; bc.pdf" }""");
        var nested = _temp.Write("b.json", """{ "code": "X01", "level": "xa", "thamDinh": { "1.2": 1 }, "nhanXet": { "1.2": "Thiếu báo cáo quý IV" }, "giaiTrinh": { "1.2": "Đã gửi" }, "thamDinh2": { "1.2": 2 }, "tlkc": { "1.2": ["BC 1/BC-UBND", "bc.pdf"] } }""");

        var units = new[] { csv, flat, nested }.Select(p =>
        {
            var reader = new UnitFileReader(Xa.Value.RuleSet);
            var unit = Assert.Single(reader.Read(p).ToList()).Unit!;
            Assert.Empty(reader.Warnings); // appraisal columns are no unknown columns
            Assert.Empty(unit.Values);
            return unit.Appraisals["1.2"];
        }).ToList();

        Assert.All(units, a =>
        {
            Assert.Equal(1m, Convert.ToDecimal(a.Round1, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(2m, Convert.ToDecimal(a.Round2, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal("Thiếu báo cáo quý IV", a.Comment);
            Assert.Equal("Đã gửi", a.Explanation);
            Assert.Equal(["BC 1/BC-UBND", "bc.pdf"], a.Evidence);
        });
    }

    [Fact]
    public void Read_DecomposedHeader_IsRecognisedAfterNfc()
    {
        var header = "Nhận xét (nhanXet:1.2)".Normalize(NormalizationForm.FormD);
        var path = _temp.Write("nfd.csv", $"code,level,{header}\nX01,xa,{"Thiếu".Normalize(NormalizationForm.FormD)}\n");

        var unit = Assert.Single(new UnitFileReader(Xa.Value.RuleSet).Read(path).ToList()).Unit!;

        Assert.Equal("Thiếu", unit.Appraisals["1.2"].Comment);
    }

    [Fact]
    public async Task Score_LastAppraisalIsTheFinalPoints_AndTotalsIndexGradeFollow()
    {
        var plain = await Xa.Value.ScoreAsync(LongHai("tuCham:1.1.a", "1"));
        // 1.1.a computed 1: round 1 takes it to 0; 3.2 computed 3,75: round 1 gives 2, round 2 gives 5; TR.1 penalty: 2 taken away.
        var unit = LongHai("thamDinh:1.1.a,thamDinh:3.2,thamDinh2:3.2,thamDinh:TR.1,nhanXet:3.2,tlkc:3.2", "0,2,5,2,Có hồ sơ trễ hạn,BC 9/BC-UBND");

        var card = await Xa.Value.ScoreAsync(unit);

        var flat = card.Criteria.Flatten().ToDictionary(c => c.Id);
        Assert.Equal((0m, PointsBasis.Round1, 1m), (flat["1.1.a"].Points, flat["1.1.a"].Basis, flat["1.1.a"].ComputedPoints!.Value));
        Assert.Equal((5m, PointsBasis.Round2, 3.75m), (flat["3.2"].Points, flat["3.2"].Basis, flat["3.2"].ComputedPoints!.Value));
        Assert.Equal((-2m, PointsBasis.Round1), (flat["TR.1"].Points, flat["TR.1"].Basis));
        Assert.Equal(3m, flat["1.1"].Points); // the composite adds its sub-criteria's final points
        Assert.Equal(4m, flat["1.1"].ComputedPoints);
        Assert.Equal(PointsBasis.Computed, flat["1.2"].Basis);
        Assert.Null(flat["1.2"].ComputedPoints);
        Assert.Equal(3, card.AppraisedCount);
        Assert.Equal(plain.Points - 1m + 1.25m - 2m, card.Points);
        Assert.Equal(plain.MaxPoints, card.MaxPoints);
        Assert.Equal(card.Areas.Sum(a => a.Points) + card.Bonus - card.Penalty, card.Points);
        Assert.Equal(plain.Points, card.Appraisal!.ComputedPoints);
        Assert.Equal(plain.Index, card.Appraisal.ComputedIndex);
        Assert.Equal(Xa.Value.RuleSet.Grades.First(g => g.Contains(card.Index!.Value)).Name, card.Grade);
        var line = Assert.Single(card.Appraisal.Lines, l => l.Id == "3.2");
        Assert.Equal((3.75m, 2m, 5m, 5m, "Có hồ sơ trễ hạn"), (line.Computed, line.Round1!.Value, line.Round2!.Value, line.Final, line.Comment));
        Assert.Equal(["BC 9/BC-UBND"], line.Evidence);
        Assert.Empty(card.Problems);
    }

    [Fact]
    public async Task Rank_CompactStandingsUseTheFinalPoints_LikeTheCards()
    {
        using var report = await RankingRun.RunAsync(Xa.Value, [SampleData], new RankingOptions { AppraisalFiles = SampleSheets }, CancellationToken.None);
        var batch = await new UnitPipeline(Xa.Value.RuleSet) { AppraisalFiles = SampleSheets }.ReadAllAsync([SampleData]);

        Assert.Empty(report.Rejections);
        Assert.Empty(report.ColumnProblems);
        Assert.Equal(3, report.Rows.Count);
        foreach (var unit in batch.Units)
        {
            var card = await Xa.Value.ScoreAsync(unit);
            var standing = UnitStanding.Of(card, Xa.Value.RuleSet);
            var row = Assert.Single(report.Rows, r => r.Standing.Code == unit.Code).Standing;
            Assert.Equal((standing.Points, standing.Index, standing.Grade), (row.Points, row.Index, row.Grade));
            Assert.Equal(standing.Areas, row.Areas);
            Assert.True(card.AppraisedCount > 40, $"{unit.Code}: {card.AppraisedCount}");
        }

        // Tam Thanh's round 2 gives back 0,5 on 1.2 and 0,5 on 4.2 (the council accepted the explanations).
        var tamThanh = await Xa.Value.ScoreAsync(batch.Units.Single(u => u.Code == "tam-thanh"));
        Assert.Equal(tamThanh.Appraisal!.ComputedPoints + 1m, tamThanh.Points);
        Assert.Equal(2, tamThanh.Appraisal.Round2Count);
        Assert.Equal(["5.4"], tamThanh.SelfAssessment!.WithoutEvidence!); // the rule set requires evidence for every claim (flag)
    }

    public static TheoryData<string, string, string> BadAppraisals => new()
    {
        { "thamDinh:1.2", "abc", "không phải số" },
        { "thamDinh:1.2", "2,5", "vượt quá điểm tối đa 2" },
        { "thamDinh:1.2", "-1", "không được âm" },
        { "thamDinh:TR.1", "-1", "không được âm" },
        { "thamDinh:1.1", "3", "gồm các tiêu chí thành phần" },
        { "thamDinh:9.9", "1", "không phải mã tiêu chí" },
        { "thamDinh", "1", "thiếu mã tiêu chí" },
        { "thamDinh2:1.2", "1", "không có điểm thẩm định lần 1" },
    };

    [Theory]
    [MemberData(nameof(BadAppraisals))]
    public async Task Pipeline_BadAppraisedPoints_RejectTheUnitWithFileRowColumnValueAndCode(string column, string value, string reason)
    {
        var lines = File.ReadAllLines(SampleData);
        var path = _temp.Write("bad.csv", $"{lines[0]},{column}\n{lines[1]},\"{value}\"\n{lines[2]},\n");

        var batch = await new UnitPipeline(Xa.Value.RuleSet).ReadAllAsync([path]);

        var rejection = Assert.Single(batch.Summary.Rejections);
        Assert.Equal((F(path), 2, column, value, "long-hai"), (rejection.File, rejection.Row, rejection.Column, rejection.Value, rejection.Unit));
        Assert.Contains(reason, rejection.Reason, StringComparison.Ordinal);
        Assert.Equal(["ngu-phung"], batch.Units.Select(u => u.Code));
        Assert.Equal(2, batch.Summary.Total);
        Assert.Equal(batch.Summary.Accepted + batch.Summary.Rejected, batch.Summary.Total);
    }

    [Fact]
    public async Task Pipeline_AppraisalOnACriterionOfAnotherLevel_RejectsTheUnit()
    {
        // MT2.1a of the 2023 plan applies to districts only.
        var path = _temp.Write("xa.csv", "code,name,level,thamDinh:MT2.1a\nX01,Xã Một,xa,1\n");

        var batch = await new UnitPipeline(Shipped.RuleSet).ReadAllAsync([path]);

        var rejection = Assert.Single(batch.Summary.Rejections);
        Assert.Equal(("thamDinh:MT2.1a", "1", "X01", 2), (rejection.Column, rejection.Value, rejection.Unit, rejection.Row));
        Assert.Contains("không áp dụng cho đơn vị cấp xa", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_DirectlyWithBadAppraisal_RefusesTheValueOnTheCard()
    {
        var card = await Xa.Value.ScoreAsync(LongHai("thamDinh:1.2,nhanXet:9.9", "7,x"));

        Assert.Equal(0, card.AppraisedCount);
        Assert.Equal(PointsBasis.Computed, card.Criteria.Flatten().Single(c => c.Id == "1.2").Basis);
        var problems = card.Problems.Where(p => p.Input.Contains(':', StringComparison.Ordinal)).ToList();
        Assert.Equal(["thamDinh:1.2", "nhanXet:9.9"], problems.Select(p => p.Input));
        Assert.All(problems, p => Assert.Equal(("cchc-appraisal-", 2), (p.File![..15], p.Row!.Value)));
        Assert.Equal("7", problems[0].Value);
    }

    [Fact]
    public async Task Score_AppraisalOnACriterionThatTurnsOutNotApplicable_IsNotCountedAndIsReported()
    {
        // 4.3 does not apply when the commune has no hamlets to rearrange ("khong-ap-dung", Long Hải's answer).
        var card = await Xa.Value.ScoreAsync(LongHai("thamDinh:4.3", "1"));
        var plain = await Xa.Value.ScoreAsync(LongHai("tuCham:4.3", "1"));

        Assert.Equal(CriterionStatus.NotApplicable, card.Criteria.Flatten().Single(c => c.Id == "4.3").Status);
        Assert.Equal(plain.Points, card.Points);
        Assert.Equal(0, card.AppraisedCount);
        var problem = Assert.Single(card.Problems, p => p.Input == "thamDinh:4.3");
        Assert.Contains("không tính cho đơn vị này", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppraisalSheet_OrphanAndRepeatedCodes_AreListedWithTheirPlace_AndConflictsRejectTheUnit()
    {
        var lines = File.ReadAllLines(SampleData);
        var data = _temp.Write("data.csv", $"{lines[0]},thamDinh:1.2\n{lines[1]},2\n{lines[2]},\n{lines[3]},\n");
        var sheet = _temp.Write("td.csv", "code,name,thamDinh:1.2,nhanXet:1.2,ghiChu\nlong-hai,Long Hải,1,Sai,\nngu-phung,Ngũ Phụng,1,,\nngu-phung,Ngũ Phụng,2,,\nkhong-co,Không có,1,,\n");

        var batch = await new UnitPipeline(Xa.Value.RuleSet) { AppraisalFiles = [sheet] }.ReadAllAsync([data]);

        // long-hai: its own row says 2, the sheet 1 — rejected, naming the sheet's row and the data row.
        var conflict = Assert.Single(batch.Summary.Rejections);
        Assert.Equal((F(sheet), 2, "thamDinh:1.2", "1", "long-hai"), (conflict.File, conflict.Row, conflict.Column, conflict.Value, conflict.Unit));
        Assert.Contains($"{F(data)}, dòng 2", conflict.Reason, StringComparison.Ordinal);
        Assert.Equal(["ngu-phung", "tam-thanh"], batch.Units.Select(u => u.Code));
        Assert.Equal(1m, Convert.ToDecimal(batch.Units[0].Appraisals["1.2"].Round1, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(3, batch.Summary.Total);
        Assert.Equal(batch.Summary.Accepted + batch.Summary.Rejected, batch.Summary.Total);

        var problems = batch.Summary.ColumnProblems;
        Assert.Equal(3, batch.Summary.AppraisalProblems);
        Assert.Contains(problems, p => p.Column == "ghiChu" && p.File == F(sheet));
        Assert.Contains(problems, p => (p.File, p.Row, p.Column, p.Value, p.Unit) == (F(sheet), 4, "code", "ngu-phung", "ngu-phung") && p.Reason.Contains("trùng với dòng 3", StringComparison.Ordinal));
        Assert.Contains(problems, p => (p.File, p.Row, p.Column, p.Value, p.Unit) == (F(sheet), 5, "code", "khong-co", "khong-co") && p.Reason.Contains("không có đơn vị mã này", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AppraisalSheet_BadPoints_RejectTheUnitNamingTheSheetsRow()
    {
        var sheet = _temp.Write("td.csv", "code,thamDinh:1.2\nngu-phung,9\n");

        var batch = await new UnitPipeline(Xa.Value.RuleSet) { AppraisalFiles = [sheet] }.ReadAllAsync([SampleData]);

        var rejection = Assert.Single(batch.Summary.Rejections);
        Assert.Equal((F(sheet), 2, "thamDinh:1.2", "9", "ngu-phung"), (rejection.File, rejection.Row, rejection.Column, rejection.Value, rejection.Unit));
        Assert.Equal(2, batch.Units.Count);
    }

    [Fact]
    public async Task FromJObject_PortalObjectWithNestedAppraisal_IsScoredOnTheAppraisal()
    {
        var json = JObject.Parse("""{ "code": "X01", "level": "xa", "thamDinh": { "1.2": 1.5 }, "thamDinh2": { "1.2": 0.5 } }""");

        var card = await Xa.Value.ScoreAsync(UnitData.FromJObject(json));

        var criterion = card.Criteria.Single(c => c.Id == "1.2");
        Assert.Equal((0.5m, PointsBasis.Round2), (criterion.Points, criterion.Basis));
    }

    [Fact]
    public async Task AnalystCase_WithAppraisal_PassesAndFailsOnAWrongBasis()
    {
        var results = await Cchc.Scoring.Testing.AnalystTestRunner.RunAsync(Xa.Value);
        var appraisal = Assert.Single(results, r => r.Case.File.EndsWith("tham-dinh.json", StringComparison.Ordinal));
        Assert.True(appraisal.Passed, string.Join("; ", appraisal.Failures));

        var wrong = appraisal.Case with
        {
            Expect = appraisal.Case.Expect with
            {
                Criteria = new Dictionary<string, Cchc.Rules.Testing.CriterionExpectation> { ["1.2"] = new(null, null) { Basis = "round1" } },
                AppraisedCount = 2,
            },
        };
        var failed = await Cchc.Scoring.Testing.AnalystTestRunner.RunCaseAsync(Xa.Value, wrong);
        Assert.Equal(["appraisedCount: mong đợi 2, kết quả 3", "1.2 basis: mong đợi round1, kết quả round2"], failed.Failures);
    }

    [Fact]
    public async Task Record_XlsxAndHtml_HoldEveryCriterionWithClaimComputedAppraisedAndComment()
    {
        var batch = await new UnitPipeline(Xa.Value.RuleSet) { AppraisalFiles = SampleSheets }.ReadAllAsync([SampleData]);
        var cards = new List<ScoreCard>();
        foreach (var unit in batch.Units)
        {
            cards.Add(await Xa.Value.ScoreAsync(unit));
        }

        using var xlsx = new MemoryStream();
        AppraisalRecord.WriteXlsx(cards, Xa.Value.RuleSet, xlsx);
        xlsx.Position = 0;
        var sheets = MiniExcelLibs.MiniExcel.GetSheetNames(xlsx);
        Assert.Equal(["Tổng hợp", "Biên bản thẩm định"], sheets);
        xlsx.Position = 0;
        var rows = MiniExcelLibs.MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "Biên bản thẩm định").Cast<IDictionary<string, object?>>().ToList();
        var row = Assert.Single(rows, r => (string?)r["Mã đơn vị (code)"] == "long-hai" && (string?)r["Mã tiêu chí"] == "1.4");
        Assert.Equal((1.5, 1.5, 1.0, 1.5, 1.5), (Convert.ToDouble(row["Tự chấm (tuCham)"]), Convert.ToDouble(row["Tính từ số liệu"]), Convert.ToDouble(row["Thẩm định lần 1 (thamDinh)"]), Convert.ToDouble(row["Thẩm định lần 2 (thamDinh2)"]), Convert.ToDouble(row["Điểm cuối cùng"])));
        Assert.Equal("Thẩm định lần 2", row["Căn cứ"]);
        Assert.StartsWith("Trong 4 hoạt động", (string?)row["Nhận xét của hội đồng (nhanXet)"], StringComparison.Ordinal);
        Assert.Contains("KH 21/KH-UBND", (string?)row["Tài liệu kiểm chứng (tlkc)"], StringComparison.Ordinal);
        xlsx.Position = 0;
        var summary = MiniExcelLibs.MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "Tổng hợp").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(cards.Select(c => (double)c.Points), summary.Select(r => Convert.ToDouble(r["Điểm cuối cùng (points)"])));

        using var html = new MemoryStream();
        AppraisalRecord.WriteHtml(cards, Xa.Value.RuleSet, html);
        var text = Encoding.UTF8.GetString(html.ToArray());
        Assert.StartsWith("<!DOCTYPE html>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", text, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"u-tam-thanh\">UBND xã Tam Thanh (tam-thanh)</h2>", text, StringComparison.Ordinal);
        Assert.Contains("Giải trình của đơn vị", text, StringComparison.Ordinal);
        Assert.Contains("Tự chấm điểm nhưng không có tài liệu kiểm chứng: 5.4", text, StringComparison.Ordinal);

        using var again = new MemoryStream();
        AppraisalRecord.WriteXlsx(cards, Xa.Value.RuleSet, again);
        Assert.Equal(xlsx.ToArray(), again.ToArray()); // the same bytes every time
    }
}
