using Cchc.Scoring.Ranking;
using Cchc.Scoring.Survey;
using Cchc.Scoring.Units;

namespace Cchc.Scoring.Tests.Survey;

/// <summary>Survey results files: what is read, every refusal with file, row, column and value, and rows read = used + refused.</summary>
public sealed class SurveyFileReaderTests : IDisposable
{
    private const string Header = "Mã đơn vị;Nhóm;Câu hỏi;Rất hài lòng;Hài lòng;Bình thường;Không hài lòng";

    private readonly SurveySet _set = new();

    public void Dispose() => _set.Dispose();

    private SurveyResults Read(string text, string name = "dieu-tra.csv", bool bom = true)
        => SurveyFileReader.Read(_set.RuleSet, [_set.Temp.Write(name, text, bom)]);

    private static string Csv(params string[] rows) => string.Join("\r\n", [Header, .. rows]) + "\r\n";

    [Fact]
    public void Csv_SemicolonBomVietnameseHeaders_IsRead()
    {
        var results = Read(Csv("X1;nguoi-dan;CH1;74;8;4;14", "X1;Người dân;CH2;74;8;4;14", "X1;doanh-nghiep;CH1;74;8;4;14", "X2;nguoi-dan;CH1;1;0;0;"));

        Assert.Equal(4, results.RowsRead);
        Assert.Empty(results.Rejections);
        Assert.Equal(3, results.ByUnit["X1"].Rows.Count);
        Assert.Equal("nguoi-dan", results.ByUnit["X1"].Rows[1].Group); // the group's title is accepted
        Assert.Equal(0, results.ByUnit["X2"].Rows[0].Counts["khong-hai-long"]); // an empty count is 0
        Assert.Equal(new UnitSource("dieu-tra.csv", 2), results.ByUnit["X1"].Rows[0].Source);
    }

    [Fact]
    public void Csv_CommaAndAnswerIdsAsHeaders_IsRead()
    {
        var results = Read("code,group,question,rat_hai_long,hai-long,binh-thuong,khong-hai-long\nX1,nguoi-dan,CH1,1,2,3,4\n", bom: false);

        Assert.Equal(1, results.RowsRead);
        Assert.Equal(1, results.ByUnit["X1"].Rows[0].Counts["rat-hai-long"]);
    }

    [Theory]
    [InlineData("X1;hoc-sinh;CH1;1;0;0;0", "group", "hoc-sinh", "nhóm không có")]
    [InlineData("X1;nguoi-dan;CH9;1;0;0;0", "question", "CH9", "câu hỏi không có")]
    [InlineData("X1;doanh-nghiep;CH2;1;0;0;0", "question", "CH2", "không hỏi nhóm 'doanh-nghiep'")]
    [InlineData("X1;nguoi-dan;CH1;-3;0;0;0", "Rất hài lòng", "-3", "số nguyên không âm")]
    [InlineData("X1;nguoi-dan;CH1;1,5;0;0;0", "Rất hài lòng", "1,5", "số nguyên không âm")]
    [InlineData("X1;nguoi-dan;CH1;mười;0;0;0", "Rất hài lòng", "mười", "số nguyên không âm")]
    [InlineData(";nguoi-dan;CH1;1;0;0;0", "code", "", "thiếu mã đơn vị")]
    public void Csv_BadRow_IsRefusedWithItsPlace(string row, string column, string value, string reason)
    {
        var results = Read(Csv("X1;nguoi-dan;CH2;1;0;0;0", row));

        var rejection = Assert.Single(results.Rejections);
        Assert.Equal("dieu-tra.csv", rejection.File);
        Assert.Equal(3, rejection.Row);
        Assert.Equal(column, rejection.Column);
        Assert.Equal(value, rejection.Value);
        Assert.Contains(reason, rejection.Reason, StringComparison.Ordinal);
        Assert.Equal(2, results.RowsRead);
        var use = results.Reconcile(["X1"]);
        Assert.Equal((2, 1, 1), (use.RowsRead, use.RowsUsed, use.RowsRefused));
    }

    [Fact]
    public void Csv_WholeNumberWithZeroFraction_IsACount()
        => Assert.Equal(12, Read(Csv("X1;nguoi-dan;CH1;12,0;0;0;0")).ByUnit["X1"].Rows[0].Counts["rat-hai-long"]);

    [Fact]
    public void Csv_RepeatedRow_IsRefusedNamingTheFirst()
    {
        var results = Read(Csv("X1;nguoi-dan;CH1;1;0;0;0", "X2;nguoi-dan;CH1;1;0;0;0", "X1;Người dân;CH1;0;0;0;1"));

        var rejection = Assert.Single(results.Rejections);
        Assert.Equal(4, rejection.Row);
        Assert.Contains("dòng 2", rejection.Reason, StringComparison.Ordinal);
        Assert.Equal(1, results.ByUnit["X1"].Rows[0].Counts["rat-hai-long"]);
        Assert.Equal(3, results.RowsRead);
    }

    [Fact]
    public void Csv_RepeatedRowAcrossFiles_IsRefusedNamingTheFirstFile()
    {
        var a = _set.Temp.Write("a.csv", Csv("X1;nguoi-dan;CH1;1;0;0;0"));
        var b = _set.Temp.Write("b.csv", Csv("X1;nguoi-dan;CH1;2;0;0;0", "X1;nguoi-dan;CH2;2;0;0;0"));
        var results = SurveyFileReader.Read(_set.RuleSet, [a, b]);

        var rejection = Assert.Single(results.Rejections);
        Assert.Equal("b.csv", rejection.File);
        Assert.Contains("a.csv, dòng 2", rejection.Reason, StringComparison.Ordinal);
        Assert.Equal(2, results.ByUnit["X1"].Rows.Count);
    }

    [Theory]
    [InlineData("Mã đơn vị;Nhóm;Câu hỏi;Rất hài lòng;Hài lòng;Bình thường;Không hài lòng;Rất tốt", "Rất tốt", "không phải mã đơn vị, nhóm, câu hỏi hay một đáp án")]
    [InlineData("Mã đơn vị;Nhóm;Câu hỏi;Rất hài lòng;Hài lòng;Bình thường", "khong-hai-long", "thiếu cột số phiếu")]
    [InlineData("Nhóm;Câu hỏi;Rất hài lòng;Hài lòng;Bình thường;Không hài lòng", "mã đơn vị (code)", "thiếu cột")]
    [InlineData("Mã đơn vị;Nhóm;Câu hỏi;Rất hài lòng;Hài lòng;Bình thường;Không hài lòng;rat-hai-long", "rat-hai-long", "hai cột cùng nghĩa")]
    public void Csv_BadHeader_RefusesEveryRowOnce(string header, string column, string reason)
    {
        var results = Read(header + "\r\nX1;nguoi-dan;CH1;1;0;0;0;0\r\nX2;nguoi-dan;CH1;1;0;0;0;0\r\n");

        var problem = Assert.Single(results.ColumnProblems);
        Assert.Equal(column, problem.Column);
        Assert.Equal(1, problem.Row);
        Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
        Assert.Equal(2, results.RowsRead);
        Assert.Empty(results.ByUnit);
        Assert.Equal(2, results.Reconcile(["X1", "X2"]).RowsRefused);
    }

    [Fact]
    public void Csv_NotUtf8_IsRefusedAsAFile()
    {
        var path = Path.Combine(_set.Temp.Root, "ansi.csv");
        File.WriteAllBytes(path, [.. System.Text.Encoding.UTF8.GetBytes(Header + "\r\nX1;nguoi-dan;CH1;1;0;0;0\r\n"), 0xC0, 0x0D, 0x0A]);

        var e = Assert.Throws<InvalidDataException>(() => SurveyFileReader.Read(_set.RuleSet, [path]));
        Assert.Contains("UTF-8", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownKindOfFile_IsNotSupported()
        => Assert.Throws<NotSupportedException>(() => SurveyFileReader.Read(_set.RuleSet, [_set.Temp.Write("a.txt", "x")]));

    [Fact]
    public void RuleSetWithoutASurveyComponent_CannotReadSurveys()
        => Assert.Throws<InvalidOperationException>(() => SurveyFileReader.Read(Support.Shipped.RuleSet, [_set.Temp.Write("a.csv", Csv())]));

    [Fact]
    public void Json_ArrayOfRows_IsRead_AndABadItemIsRefused()
    {
        var results = Read("""
            [
              { "code": "X1", "group": "nguoi-dan", "question": "CH1", "rat-hai-long": 3, "hai-long": 1, "binh-thuong": 0, "khong-hai-long": 0 },
              { "code": "X1", "group": "nguoi-dan", "question": "CH2", "rat-hai-long": 2.5, "hai-long": 1, "binh-thuong": 0, "khong-hai-long": 0 },
              42
            ]
            """, "dieu-tra.json", bom: false);

        Assert.Equal(3, results.RowsRead);
        Assert.Equal(3, results.ByUnit["X1"].Rows[0].Counts["rat-hai-long"]);
        Assert.Equal([(2, "rat-hai-long", "2.5"), (3, null, "42")], results.Rejections.Select(r => (r.Row, r.Column, r.Value!)));
        Assert.Equal(2, results.Reconcile(["X1"]).RowsRefused);
    }

    [Fact]
    public void Xlsx_FirstSheet_IsRead()
    {
        var path = Path.Combine(_set.Temp.Root, "dieu-tra.xlsx");
        var rows = new List<Dictionary<string, object>>
        {
            new() { ["Mã đơn vị"] = "X1", ["Nhóm"] = "Người dân", ["Câu hỏi"] = "CH1", ["Rất hài lòng"] = 74, ["Hài lòng"] = 8, ["Bình thường"] = 4, ["Không hài lòng"] = 14 },
            new() { ["Mã đơn vị"] = "X1", ["Nhóm"] = "Người dân", ["Câu hỏi"] = "CH2", ["Rất hài lòng"] = -1, ["Hài lòng"] = 8, ["Bình thường"] = 4, ["Không hài lòng"] = 14 },
        };
        MiniExcelLibs.MiniExcel.SaveAs(path, rows);

        var results = SurveyFileReader.Read(_set.RuleSet, [path]);

        Assert.Equal(2, results.RowsRead);
        Assert.Equal(74, results.ByUnit["X1"].Rows[0].Counts["rat-hai-long"]);
        var rejection = Assert.Single(results.Rejections);
        Assert.Equal((3, "Rất hài lòng", "-1"), (rejection.Row, rejection.Column!, rejection.Value!));
    }

    [Fact]
    public void Reconcile_UnknownUnitCode_IsRefusedWithItsPlace()
    {
        var results = Read(Csv("X1;nguoi-dan;CH1;1;0;0;0", "ZZ;nguoi-dan;CH1;1;0;0;0", "ZZ;nguoi-dan;CH2;1;0;0;0"));

        var use = results.Reconcile(["X1", "X3"]);

        Assert.Equal((3, 1, 2, 1, 1), (use.RowsRead, use.RowsUsed, use.RowsRefused, use.UnitsWithSurvey, use.UnitsWithoutSurvey));
        Assert.All(use.Rejections, r => Assert.Equal(("dieu-tra.csv", "code", "ZZ"), (r.File, r.Column!, r.Value!)));
        Assert.Equal([3, 4], use.Rejections.Select(r => r.Row));
    }

    [Fact]
    public async Task Ranking_WithASurvey_CountsEverySurveyRow_AndRanksOnTheComponents()
    {
        var data = _set.Temp.Write("du-lieu.csv", "code;name;level;diem\r\nX1;Xã Một;xa;87,5\r\nX2;Xã Hai;xa;95\r\nX3;Xã Ba;xa;abc\r\n");
        var survey = Read(Csv("X1;nguoi-dan;CH1;74;8;4;14", "X1;nguoi-dan;CH2;74;8;4;14", "X1;doanh-nghiep;CH1;74;8;4;14", "X3;nguoi-dan;CH1;1;0;0;0", "X9;nguoi-dan;CH1;1;0;0;0", "X2;nguoi-dan;CH1;-1;0;0;0"));

        using var report = await RankingRun.RunAsync(_set.Engine, [data], new RankingOptions { Survey = survey }, CancellationToken.None);

        Assert.Equal((2, 1), (report.Summary.Scored, report.Summary.Rejected));
        var use = report.Survey!;
        Assert.Equal(6, use.RowsRead);
        Assert.Equal(use.RowsRead, use.RowsUsed + use.RowsRefused);
        Assert.Equal((3, 3), (use.RowsUsed, use.RowsRefused));
        var x1 = report.Rows.Single(r => r.Standing.Code == "X1").Standing;
        var x2 = report.Rows.Single(r => r.Standing.Code == "X2").Standing;
        Assert.Equal(85.85m, x1.Index);
        Assert.Equal([61.25m, 24.6m], x1.Components.Select(c => c.Points!.Value));
        Assert.True(x2.SurveyMissing);
        Assert.Equal(95m, x2.Index); // renormalised: the criteria alone
        Assert.Null(x2.Components[1].Points);

        using var errors = new MemoryStream();
        RankingWriter.WriteErrorsCsv(report, errors);
        var lines = System.Text.Encoding.UTF8.GetString(errors.ToArray()).Split("\r\n");
        Assert.Contains(lines, l => l.StartsWith("dieu-tra.csv,7,", StringComparison.Ordinal) && l.Contains("điều tra xã hội học: số phiếu", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("dieu-tra.csv,6,code,X9,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RankingOutputs_ShowTheComponentColumns()
    {
        var data = _set.Temp.Write("du-lieu.csv", "code;name;level;diem\r\nX1;Xã Một;xa;87,5\r\nX2;Xã Hai;xa;95\r\n");
        var survey = Read(Csv("X1;nguoi-dan;CH1;74;8;4;14", "X1;nguoi-dan;CH2;74;8;4;14", "X1;doanh-nghiep;CH1;74;8;4;14"));
        using var report = await RankingRun.RunAsync(_set.Engine, [data], new RankingOptions { Survey = survey }, CancellationToken.None);

        string Text(RankingFormat format)
        {
            using var stream = new MemoryStream();
            RankingWriter.Write(report, format, stream, CancellationToken.None);
            return System.Text.Encoding.UTF8.GetString(stream.ToArray());
        }

        var csv = Text(RankingFormat.Csv).Split("\r\n");
        Assert.Contains("Điểm thẩm định (thamDinh),Điểm XHH (xhh),Có kết quả điều tra (surveyGiven)", csv[0], StringComparison.Ordinal);
        Assert.Contains("X2,Xã Hai,xa,,95,100,95,Xuất sắc,true,95,66.5,,false", csv[1], StringComparison.Ordinal);
        Assert.Contains(",61.25,24.6,true", csv[2], StringComparison.Ordinal);
        var html = Text(RankingFormat.Html);
        Assert.Contains("<th>Điểm thẩm định (70)</th><th>Điểm XHH (30)</th>", html, StringComparison.Ordinal);
        Assert.Contains(">24,6</td>", html, StringComparison.Ordinal);
    }
}
