using System.Text;
using Cchc.Scoring.Cards;
using Cchc.Scoring.Tests.Support;
using Cchc.Scoring.Units;

namespace Cchc.Scoring.Tests.Units;

/// <summary>Reading data files against the shipped rule set, whose labels are the Vietnamese column headers.</summary>
public sealed class UnitFileReaderTests : IDisposable
{
    private const string SatisfactionLabel = "Mức độ hài lòng về giải quyết TTHC (%)";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static (List<UnitData> Units, List<UnitRejection> Rejections, UnitFileReader Reader) Read(string path)
    {
        var reader = new UnitFileReader(Shipped.RuleSet);
        var results = reader.Read(path).ToList();
        Assert.All(results, r => Assert.True(r.Unit is null != (r.Rejection is null)));
        return ([.. results.Select(r => r.Unit).OfType<UnitData>()], [.. results.Select(r => r.Rejection).OfType<UnitRejection>()], reader);
    }

    [Fact]
    public void Read_JsonObject_IsOneUnit()
    {
        var path = _temp.Write("mot-xa.json", """
            { "code": "X01", "name": "Xã Một", "level": "xa", "tyLeHaiLong": 72.5, "ngayBanHanhKeHoachCchc": "2023-02-18" }
            """);

        var (units, rejections, reader) = Read(path);

        var unit = Assert.Single(units);
        Assert.Empty(rejections);
        Assert.Empty(reader.Warnings);
        Assert.Equal("X01", unit.Code);
        Assert.Equal(72.5m, unit.Values["tyLeHaiLong"]);
        Assert.Equal("2023-02-18", unit.Values["ngayBanHanhKeHoachCchc"]);
        Assert.Equal(new UnitSource("mot-xa.json", 1) { Line = 1 }, unit.Source);
    }

    [Fact]
    public void Read_JsonArray_IsOneUnitPerItemNumberedByItemWithItsLine()
    {
        var path = _temp.Write("cac-xa.json", """
            [
              { "code": "X01", "level": "xa", "tyLeHaiLong": 80 },
              { "code": "X02", "level": "xa", "tyLeHaiLong": 90 },
              { "code": "H01", "level": "huyen" }
            ]
            """);

        var (units, rejections, _) = Read(path);

        Assert.Empty(rejections);
        Assert.Equal(["X01", "X02", "H01"], units.Select(u => u.Code));
        Assert.Equal([1, 2, 3], units.Select(u => u.Source!.Row));
        Assert.Equal([2, 3, 4], units.Select(u => u.Source!.Line!.Value));
    }

    [Fact]
    public void Read_JsonLines_IsOneUnitPerLine()
    {
        var path = _temp.Write("cac-xa.jsonl", """
            {"code": "X01", "level": "xa", "tyLeHaiLong": 80}
            {"code": "X02", "level": "xa", "tyLeHaiLong": 90.5}
            {"code": "X03", "level": "xa"}
            """);

        var (units, rejections, _) = Read(path);

        Assert.Empty(rejections);
        Assert.Equal(["X01", "X02", "X03"], units.Select(u => u.Code));
        Assert.Equal([1, 2, 3], units.Select(u => u.Source!.Row));
        Assert.Equal(90.5m, units[1].Values["tyLeHaiLong"]);
    }

    [Fact]
    public void Read_JsonItemsWithBadIdentity_AreRejectedWithFileRowAndReason()
    {
        var path = _temp.Write("loi.json", """
            [
              { "code": "X01", "level": "xa" },
              { "name": "Không có mã", "level": "xa" },
              { "code": "T01", "level": "tinh" },
              42,
              { "code": "X02", "level": "xa" }
            ]
            """);

        var (units, rejections, _) = Read(path);

        Assert.Equal(["X01", "X02"], units.Select(u => u.Code));
        Assert.Equal(5, units.Count + rejections.Count);
        Assert.Collection(
            rejections,
            r => Assert.Equal(("loi.json", 2, 3, "code"), (r.File, r.Row, r.Line, r.Column)),
            r =>
            {
                Assert.Equal(("loi.json", 3, 4, "level", "tinh", "T01"), (r.File, r.Row, r.Line, r.Column, r.Value, r.Unit));
                Assert.Contains("đọc được: xa, phuong, dacKhu, huyen, so", r.Reason, StringComparison.Ordinal);
                Assert.StartsWith("loi.json, mục 3 (dòng 4), đơn vị T01, cột level = 'tinh': ", r.ToString(), StringComparison.Ordinal);
            },
            r => Assert.Equal(("loi.json", 4, 5, "mỗi đơn vị phải là một đối tượng JSON"), (r.File, r.Row, r.Line, r.Reason)));
    }

    [Fact]
    public void Read_JsonSyntaxError_IsOneRejectionThenStops()
    {
        var path = _temp.Write("hong.jsonl", """
            {"code": "X01", "level": "xa"}
            {"code": "X02", "level": 
            """);

        var (units, rejections, _) = Read(path);

        Assert.Equal("X01", Assert.Single(units).Code);
        var rejection = Assert.Single(rejections);
        Assert.Equal("hong.jsonl", rejection.File);
        Assert.StartsWith("JSON không hợp lệ", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_CsvWithComma_ReadsRowsWithTheirLines()
    {
        var path = _temp.Write("du-lieu.csv", """
            code,name,level,parent,tyLeHaiLong,ngayBanHanhKeHoachCchc
            X01,Xã Một,xa,H01,72.5,2023-02-18
            X02,"Xã Hai, Ba",xa,H01,,18/02/2023
            """);

        var (units, rejections, reader) = Read(path);

        Assert.Empty(rejections);
        Assert.Empty(reader.Warnings);
        Assert.Equal(["X01", "X02"], units.Select(u => u.Code));
        Assert.Equal("Xã Hai, Ba", units[1].Name);
        Assert.Equal([2, 3], units.Select(u => u.Source!.Row));
        Assert.Null(units[1].Values["tyLeHaiLong"]);

        var cards = await Task.WhenAll(units.Select(u => Shipped.Engine.ScoreAsync(u).AsTask()));
        Assert.Equal(72.5m, cards[0].Criterion("MT2.5a").Value?.Number);
        Assert.Equal(CriterionStatus.MissingData, cards[1].Criterion("MT2.5a").Status);
        Assert.All(cards, c => Assert.Equal(CriterionStatus.Met, c.Criterion("MT7.1").Status));
    }

    [Fact]
    public async Task Read_CsvWithSemicolonAndDecimalComma_ReadsVietnameseNumbers()
    {
        var path = _temp.Write("du-lieu.csv", """
            code;name;level;tyLeHaiLong;chiPhiTuanThuBanDau;chiPhiTuanThuCatGiam
            H01;Huyện Một;huyen;72,5;1.234,5;123,45
            """);

        var (units, rejections, _) = Read(path);

        Assert.Empty(rejections);
        var unit = Assert.Single(units);
        Assert.Equal("72,5", unit.Values["tyLeHaiLong"]);
        var card = await Shipped.Engine.ScoreAsync(unit);
        Assert.Equal(72.5m, card.Criterion("MT2.5a").Value?.Number);
        Assert.Equal(10m, card.Criterion("MT2.1b").Value?.Number); // 123,45 ÷ 1.234,5 × 100
        Assert.DoesNotContain(card.Problems, p => p.Kind == DataProblemKind.Invalid);
    }

    [Fact]
    public void Read_CsvWithSemicolonAndLabelsHoldingCommas_IsReadWithSemicolons()
    {
        // A sheet of the "thể chế" area saved by a Vietnamese-locale spreadsheet: ';' separates, and the labels
        // have commas of their own (more of them than there are columns).
        var path = _temp.Write("the-che.csv", """
            code;level;Số VBQPPL ban hành đầy đủ, kịp thời, đúng quy định (vbqpplDungQuyDinh);Số VBQPPL trái pháp luật phát hiện qua rà soát, thanh tra, kiểm tra (vbqpplTraiPhapLuatPhatHien)
            X01;xa;2;1
            """);

        var (units, rejections, reader) = Read(path);

        Assert.Empty(rejections);
        Assert.Empty(reader.Warnings);
        var unit = Assert.Single(units);
        Assert.Equal("2", unit.Values["vbqpplDungQuyDinh"]);
        Assert.Equal("1", unit.Values["vbqpplTraiPhapLuatPhatHien"]);
    }

    [Fact]
    public void Read_CsvWithCommaAndAQuotedSemicolon_IsReadWithCommas()
    {
        var path = _temp.Write("ghi-chu.csv", """
            code,level,tyLeHaiLong,"ghi chú; nội bộ"
            X01,xa,"72,5",không
            """);

        var (units, rejections, _) = Read(path);

        Assert.Empty(rejections);
        Assert.Equal("72,5", Assert.Single(units).Values["tyLeHaiLong"]);
    }

    [Fact]
    public void Read_CsvWithBlankLine_RowsKeepTheirFileLines()
    {
        var path = _temp.Write("trong.csv", "code,level\nX01,xa\n\nX02,xa\n");

        var (units, _, _) = Read(path);

        Assert.Equal([2, 4], units.Select(u => u.Source!.Row));
    }

    [Fact]
    public void Read_CsvWithUtf8Bom_FirstHeaderIsRead()
    {
        var path = _temp.Write("bom.csv", "code,level,tyLeHaiLong\nX01,xa,80\n", bom: true);
        Assert.Equal(0xEF, File.ReadAllBytes(path)[0]);

        var (units, rejections, reader) = Read(path);

        Assert.Empty(rejections);
        Assert.Empty(reader.Warnings);
        Assert.Equal("X01", Assert.Single(units).Code);
    }

    [Fact]
    public void Read_CsvHeadersAsLabelWithName_MapToTheInput()
    {
        var path = _temp.Write("nhan.csv", $"""
            Mã (code),Tên (name),Cấp (level),{SatisfactionLabel} (tyLeHaiLong),Năm đánh giá (namDanhGia)
            X01,Xã Một,xa,"72,5",2023
            """);

        var (units, rejections, reader) = Read(path);

        Assert.Empty(rejections);
        Assert.Empty(reader.Warnings);
        var unit = Assert.Single(units);
        Assert.Equal(("X01", "Xã Một"), (unit.Code, unit.Name));
        Assert.Equal("72,5", unit.Values["tyLeHaiLong"]);
        Assert.Equal("2023", unit.Values["namDanhGia"]);
    }

    [Fact]
    public void Read_CsvHeadersAsVietnameseLabels_MapToTheInputs()
    {
        // Labels are matched ignoring case; a label with a comma is quoted as CSV requires.
        var path = _temp.Write("nhan.csv", $"""
            code,level,{SatisfactionLabel},NĂM ĐÁNH GIÁ,"Ngày ban hành kế hoạch CCHC năm 2023 của cơ quan, đơn vị"
            X01,xa,91,2023,2023-02-18
            """);

        var (units, rejections, reader) = Read(path);

        Assert.Empty(rejections);
        Assert.Empty(reader.Warnings);
        var unit = Assert.Single(units);
        Assert.Equal("91", unit.Values["tyLeHaiLong"]);
        Assert.Equal("2023", unit.Values["namDanhGia"]);
        Assert.Equal("2023-02-18", unit.Values["ngayBanHanhKeHoachCchc"]);
    }

    [Fact]
    public void Read_CsvHeaderInNfd_MapsAfterNfc()
    {
        var nfd = SatisfactionLabel.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(SatisfactionLabel, nfd);
        var path = _temp.Write("nfd.csv", $"code,level,{nfd}\nX01,xa,88\n");

        var (units, _, reader) = Read(path);

        Assert.Empty(reader.Warnings);
        Assert.Equal("88", Assert.Single(units).Values["tyLeHaiLong"]);
    }

    [Fact]
    public void Read_CsvRowsWithBadIdentity_AreRejectedWithFileRowAndReason()
    {
        var path = _temp.Write("loi.csv", """
            code,name,level,tyLeHaiLong
            X01,Xã Một,xa,80
            ,Không có mã,xa,80
            T01,Tỉnh,tinh,80
            X02,Xã Hai,xa,90
            X03,Xã Ba,xa,90,thừa
            """);

        var (units, rejections, _) = Read(path);

        Assert.Equal(["X01", "X02"], units.Select(u => u.Code));
        Assert.Equal(5, units.Count + rejections.Count);
        Assert.Collection(
            rejections,
            r => Assert.Equal(("loi.csv", 3, "code"), (r.File, r.Row, r.Column)),
            r => Assert.Equal(("loi.csv", 4, "level", "tinh"), (r.File, r.Row, r.Column, r.Value)),
            r => Assert.Equal(("loi.csv", 6), (r.File, r.Row)));
        Assert.Equal("loi.csv, dòng 4, đơn vị T01, cột level = 'tinh': cấp đơn vị (level) không rõ; đọc được: xa, phuong, dacKhu, huyen, so, xã, phường, đặc khu, cấp xã, huyện, cấp huyện, sở, cấp sở", rejections[1].ToString());
    }

    [Fact]
    public void Read_UnknownColumn_IsAWarningNotARejection()
    {
        var path = _temp.Write("la.csv", """
            code,level,tyLeHaiLog,ghiChu
            X01,xa,80,thử
            """);

        var (units, rejections, reader) = Read(path);

        Assert.Single(units);
        Assert.Empty(rejections);
        Assert.Equal(2, reader.Warnings.Count);
        Assert.Contains(reader.Warnings, w => w.Contains("'tyLeHaiLog'", StringComparison.Ordinal) && w.Contains("'tyLeHaiLong'", StringComparison.Ordinal));
        Assert.Contains(reader.Warnings, w => w.Contains("'ghiChu'", StringComparison.Ordinal));
        Assert.All(reader.Warnings, w => Assert.StartsWith("la.csv: ", w, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_JsonUnknownProperty_IsAWarning()
    {
        var path = _temp.Write("la.json", """[ { "code": "X01", "level": "xa", "ghiChu": "thử" } ]""");

        var (units, _, reader) = Read(path);

        Assert.Single(units);
        Assert.Contains("'ghiChu'", Assert.Single(reader.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CsvWithoutRequiredColumn_Warns()
    {
        var path = _temp.Write("thieu.csv", "code,tyLeHaiLong\nX01,80\n");

        var (units, rejections, reader) = Read(path);

        Assert.Empty(units);
        Assert.Equal("level", Assert.Single(rejections).Column);
        Assert.Contains(reader.Warnings, w => w.Contains("'level'", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_UnsupportedExtension_Throws()
        => Assert.Throws<NotSupportedException>(() => new UnitFileReader().Read(_temp.Write("du-lieu.ods", "")));

    [Fact]
    public void Read_SampleCsvAndJson_GiveTheSameUnits()
    {
        var (fromJson, jsonRejections, _) = Read(Path.Combine(Paths.Samples, "phu-quy.json"));
        var (fromCsv, csvRejections, csvReader) = Read(Path.Combine(Paths.Samples, "phu-quy.csv"));

        Assert.Empty(jsonRejections);
        Assert.Empty(csvRejections);
        Assert.Empty(csvReader.Warnings);
        Assert.Equal(fromJson.Select(u => (u.Code, u.Name, u.Level, u.Parent)), fromCsv.Select(u => (u.Code, u.Name, u.Level, u.Parent)));
    }
}
