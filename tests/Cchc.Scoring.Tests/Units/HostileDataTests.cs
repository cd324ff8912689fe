using System.IO.Compression;
using System.Text;
using Cchc.Scoring.Cards;
using Cchc.Scoring.Ranking;
using Cchc.Scoring.Tests.Support;
using Cchc.Scoring.Units;
using MiniExcelLibs;

namespace Cchc.Scoring.Tests.Units;

/// <summary>
/// Issue 10, reading side: the reproductions of a hostile or careless data file, on the Phú Quý sample and the 2023
/// plan. Each cell becomes a value or a located problem; no exception, no unit lost, no result changed unseen.
/// </summary>
public sealed class HostileDataTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string[] SampleLines => File.ReadAllLines(Path.Combine(Paths.Samples, "phu-quy.csv"));

    private static string[] Header => SampleLines[0].Split(',');

    /// <summary>The sample's four units as rows of header → cell text (the sample has no quoted cells).</summary>
    private static List<Dictionary<string, object?>> SampleRows()
        => [.. SampleLines.Skip(1).Select(l => Header.Zip(l.Split(',')).ToDictionary(p => p.First, p => (object?)(p.Second.Length == 0 ? null : p.Second)))];

    private static (List<UnitData> Units, List<UnitRejection> Rejections, UnitFileReader Reader) Read(string path)
    {
        var reader = new UnitFileReader(Shipped.RuleSet);
        var results = reader.Read(path).ToList();
        Assert.All(results, r => Assert.True(r.Unit is null != (r.Rejection is null)));
        return ([.. results.Select(r => r.Unit).OfType<UnitData>()], [.. results.Select(r => r.Rejection).OfType<UnitRejection>()], reader);
    }

    private static async Task<DataProblem> InvalidValue(UnitData unit, string input)
    {
        var card = await Shipped.Engine.ScoreAsync(unit);
        return Assert.Single(card.Problems, p => p.Input == input && p.Kind == DataProblemKind.Invalid);
    }

    /// <summary>A JSON array on one line: every unit's cells as JSON strings, one cell replaced by a raw literal.</summary>
    private static string OneLineJson(Func<int, string, string?>? literal = null)
    {
        var items = SampleRows().Select((row, i) => "{" + string.Join(",", row.Where(c => c.Value is not null).Select(c =>
            $"\"{c.Key}\":{literal?.Invoke(i, c.Key) ?? $"\"{c.Value}\""}")) + "}");
        return "[" + string.Join(",", items) + "]";
    }

    [Fact]
    public async Task Xlsx_NumberBeyondDecimalRange_IsAnInvalidValueWithItsPlaceNotAnException()
    {
        var rows = SampleRows();
        rows[1]["tyLeHaiLong"] = 1e30;
        rows[2]["tyLeHaiLong"] = 91.5;
        var path = Path.Combine(_temp.Root, "phu-quy.xlsx");
        MiniExcel.SaveAs(path, rows);

        var (units, rejections, _) = Read(path);

        Assert.Empty(rejections);
        Assert.Equal(4, units.Count);
        var problem = await InvalidValue(units[1], "tyLeHaiLong");
        Assert.Equal(("phu-quy.xlsx", 3, "1E+30"), (problem.File, problem.Row, problem.Value));
        Assert.Contains("phạm vi", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(91.5m, (await Shipped.Engine.ScoreAsync(units[2])).Criteria.Single(c => c.Id == "MT2.5a").Value?.Number);
    }

    [Theory]
    [InlineData("10000000000000000000000000000000000000000")]
    [InlineData("1e308")]
    [InlineData("-1e308")]
    [InlineData("1e40")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    public async Task Json_NumberTheEngineCannotHold_IsAnInvalidValueAndTheOtherUnitsAreRead(string literal)
    {
        var path = _temp.Write("phu-quy.json", OneLineJson((i, key) => i == 1 && key == "tyLeHaiLong" ? literal : null));

        var (units, rejections, _) = Read(path);

        Assert.Empty(rejections);
        Assert.Equal(["phu-quy", "long-hai", "ngu-phung", "tam-thanh"], units.Select(u => u.Code));
        var problem = await InvalidValue(units[1], "tyLeHaiLong");
        Assert.Equal(("phu-quy.json", 2, literal), (problem.File, problem.Row, problem.Value));
        Assert.Contains("phạm vi", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_IntegerBeyondLongButWithinDecimal_IsReadExactly()
    {
        var path = _temp.Write("lon.json", """{ "code": "x1", "level": "xa", "cbcc": 12345678901234567890123 }""");

        var unit = Assert.Single(Read(path).Units);

        Assert.Equal(12345678901234567890123m, unit.Values["cbcc"]);
    }

    [Fact]
    public async Task Json_OneLineArray_NumbersItemsSoThreeBadValuesAreThreeRejectedUnitsEachNamingItsCode()
    {
        var path = _temp.Write("phu-quy.json", OneLineJson((i, key) => i > 0 && key == "tyLeHaiLong" ? "150" : null));

        var report = await RankingRun.RunAsync(Shipped.Engine, [path], new RankingOptions(), CancellationToken.None);

        Assert.Equal(new RankingSummary(1, 3), report.Summary);
        Assert.Equal([2, 3, 4], report.Rejections.Select(r => r.Row));
        Assert.Equal(["long-hai", "ngu-phung", "tam-thanh"], report.Rejections.Select(r => r.Unit));
        Assert.StartsWith("phu-quy.json, mục 2 (dòng 1), đơn vị long-hai, cột tyLeHaiLong = '150': ", report.Rejections[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_OneLineArray_ReaderRejectionsNameItemLineAndCode()
    {
        var path = _temp.Write("cap.json", OneLineJson((i, key) => i == 2 && key == "level" ? "\"tinh\"" : null));

        var (units, rejections, _) = Read(path);

        Assert.Equal(3, units.Count);
        var rejection = Assert.Single(rejections);
        Assert.Equal(("cap.json", 3, 1, "ngu-phung"), (rejection.File, rejection.Row, rejection.Line, rejection.Unit));
        Assert.StartsWith("cap.json, mục 3 (dòng 1), đơn vị ngu-phung, cột level = 'tinh': ", rejection.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_PropertyRepeatedWithAnotherValue_RejectsTheUnitNamingBoth()
    {
        var path = _temp.Write("lap.jsonl", """
            { "code": "x1", "level": "xa", "tyLeHaiLong": 91.2, "tyLeHaiLong": 10 }
            { "code": "x2", "level": "xa", "tyLeHaiLong": 80, "Mức độ hài lòng về giải quyết TTHC (%)": 80 }
            """);

        var (units, rejections, _) = Read(path);

        Assert.Equal(80m, Assert.Single(units).Values["tyLeHaiLong"]);
        var rejection = Assert.Single(rejections);
        Assert.Equal((1, "x1", "tyLeHaiLong"), (rejection.Row, rejection.Unit, rejection.Column));
        Assert.Contains("'91.2' và '10'", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonLines_BrokenLine_IsRejectedAloneAndTheLinesAfterItAreRead()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"code\": \"X01\", \"level\": \"xa\"}\n{\"code\": \"X02\", \"level\": \n\n{\"code\": \"X03\", \"name\": \"X")
            .Concat(new byte[] { 0xE3, 0x20 }).Concat(Encoding.UTF8.GetBytes("\", \"level\": \"xa\"}\n{\"code\": \"X04\", \"level\": \"xa\"}\n")).ToArray();
        var path = Path.Combine(_temp.Root, "hong.json");
        File.WriteAllBytes(path, bytes);

        var (units, rejections, _) = Read(path);

        Assert.Equal(["X01", "X04"], units.Select(u => u.Code));
        Assert.Equal([(2, 2), (3, 4)], rejections.Select(r => (r.Row, r.Line!.Value)));
        Assert.StartsWith("JSON không hợp lệ trên dòng này", rejections[0].Reason, StringComparison.Ordinal);
        Assert.Contains("không phải UTF-8", rejections[1].Reason, StringComparison.Ordinal);
        Assert.Equal((4, 5), (units[1].Source!.Row, units[1].Source!.Line));
    }

    [Fact]
    public void JsonLines_BrokenFirstLine_IsRejectedAloneInAJsonlFile()
    {
        var path = _temp.Write("hong.jsonl", "{\"code\": \"X01\", \"level\": }\n{\"code\": \"X02\", \"level\": \"xa\"}\n");

        var (units, rejections, _) = Read(path);

        Assert.Equal(("X02", 2), (Assert.Single(units).Code, units[0].Source!.Row));
        Assert.Equal(1, Assert.Single(rejections).Row);
    }

    [Fact]
    public void JsonArray_SyntaxError_StopsWithOneRejectionNamingTheItemAndLine()
    {
        var path = _temp.Write("hong.json", "[\n{\"code\": \"X01\", \"level\": \"xa\"},\n{\"code\": \"X02\", \"level\": \"xa\"},\n{\"code\": \"X03\" \"level\": \"xa\"}\n]");

        var (units, rejections, _) = Read(path);

        Assert.Equal(["X01", "X02"], units.Select(u => u.Code));
        var rejection = Assert.Single(rejections);
        Assert.Equal((3, 4), (rejection.Row, rejection.Line));
        Assert.Contains("dừng đọc tệp", rejection.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1e30)]
    [InlineData(-1e300)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void InputConverter_DoubleBeyondDecimal_IsOutOfRangeNotAnException(double value)
    {
        var input = Shipped.RuleSet.InputsByName["tyLeHaiLong"];

        Assert.False(InputConverter.TryNumber(value, out _));
        Assert.Null(InputConverter.Convert(input, value, out var problem));
        Assert.Equal((DataProblemKind.Invalid, InputConverter.OutOfRange), (problem!.Kind, problem.Reason));
    }

    [Fact]
    public void UnitData_FromJObjectWithBigInteger_KeepsItsTextNotAnException()
    {
        var json = Newtonsoft.Json.Linq.JObject.Parse("{ \"code\": \"x1\", \"level\": \"xa\", \"cbcc\": 10000000000000000000000000000000000000000 }");

        var unit = UnitData.FromJObject(json);

        Assert.Equal("10000000000000000000000000000000000000000", unit.Values["cbcc"]);
    }

    [Fact]
    public void Json_ValueLongerThanExcelAllows_RejectsItsUnit()
    {
        var path = _temp.Write("dai.json", $"[{{ \"code\": \"x1\", \"level\": \"xa\", \"name\": \"{new string('a', 40_000)}\" }}, {{ \"code\": \"x2\", \"level\": \"xa\" }}]");

        var (units, rejections, _) = Read(path);

        Assert.Equal("x2", Assert.Single(units).Code);
        Assert.Equal((1, "x1", "name"), (Assert.Single(rejections).Row, rejections[0].Unit, rejections[0].Column));
    }

    [Fact]
    public void Csv_UnclosedQuote_RejectsItsLineAndReadsEveryLineAfterIt()
    {
        var lines = SampleLines;
        lines[2] = lines[2].Replace("UBND xã Long Hải", "\"UBND xã Long Hải", StringComparison.Ordinal);
        var path = _temp.Write("phu-quy.csv", string.Join("\n", lines) + "\n");

        var (units, rejections, _) = Read(path);

        Assert.Equal(["phu-quy", "ngu-phung", "tam-thanh"], units.Select(u => u.Code));
        var rejection = Assert.Single(rejections);
        Assert.Equal((3, "name", "long-hai"), (rejection.Row, rejection.Column, rejection.Unit));
        Assert.Contains("ngoặc kép", rejection.Reason, StringComparison.Ordinal);
        Assert.Equal(4, units.Count + rejections.Count);
    }

    [Fact]
    public void Csv_QuotedCellOverTwoLines_IsStillOneCell()
    {
        var path = _temp.Write("xuong-dong.csv", "code,name,level\nx1,\"Xã\nMột\",xa\nx2,Xã Hai,xa\n");

        var (units, rejections, _) = Read(path);

        Assert.Empty(rejections);
        Assert.Equal(["Xã\nMột", "Xã Hai"], units.Select(u => u.Name));
        Assert.Equal([2, 4], units.Select(u => u.Source!.Row));
    }

    [Fact]
    public void Csv_RepeatedHeaderWithOtherValues_IsAColumnProblemNamingBothAndEveryDisagreeingRowIsRejected()
    {
        var lines = SampleLines.Select((l, i) => l + (i == 0 ? ",tyLeHaiLong" : ",10")).ToArray();
        var path = _temp.Write("phu-quy.csv", string.Join("\n", lines));

        var (units, rejections, reader) = Read(path);

        Assert.Empty(units);
        Assert.Equal(["phu-quy", "long-hai", "ngu-phung", "tam-thanh"], rejections.Select(r => r.Unit));
        Assert.Contains("cột 'tyLeHaiLong' (cột thứ 22) là '91.2' nhưng cột 'tyLeHaiLong' (cột thứ 49)", rejections[0].Reason, StringComparison.Ordinal);
        var column = Assert.Single(reader.ColumnProblems);
        Assert.Contains("'tyLeHaiLong' (cột thứ 22) và 'tyLeHaiLong' (cột thứ 49)", column.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_RepeatedHeaderThatAgreesOrIsEmpty_UsesTheValueAndSaysSo()
    {
        var path = _temp.Write("lap.csv", "code,level,tyLeHaiLong,Mức độ hài lòng về giải quyết TTHC (%)\nx1,xa,80,80\nx2,xa,,75\nx3,xa,70,\n");

        var (units, rejections, reader) = Read(path);

        Assert.Empty(rejections);
        Assert.Equal(["80", "75", "70"], units.Select(u => u.Values["tyLeHaiLong"]));
        Assert.Single(reader.ColumnProblems, p => p.Reason.Contains("cùng là dữ liệu 'tyLeHaiLong'", StringComparison.Ordinal));
    }

    [Fact]
    public void Csv_SavedAsWindows1258_EveryLineWithNonUtf8BytesIsRejectedWithItsLineAndCode()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var path = Path.Combine(_temp.Root, "ansi.csv");
        File.WriteAllBytes(path, Encoding.GetEncoding(1258).GetBytes((string.Join("\r\n", SampleLines) + "\r\n").Normalize(NormalizationForm.FormD)));

        var (units, rejections, reader) = Read(path);

        Assert.Empty(units);
        Assert.Equal([2, 3, 4, 5], rejections.Select(r => r.Row));
        Assert.Equal(["phu-quy", "long-hai", "ngu-phung", "tam-thanh"], rejections.Select(r => r.Unit));
        Assert.All(rejections, r => Assert.Contains("không phải UTF-8", r.Reason, StringComparison.Ordinal));
        Assert.Contains(reader.Warnings, w => w.Contains("CSV UTF-8", StringComparison.Ordinal));
        Assert.DoesNotContain(rejections, r => r.ToString().Contains('\uFFFD', StringComparison.Ordinal));
    }

    [Fact]
    public void Csv_OneLineNotUtf8_OnlyThatLineIsRejected()
    {
        var bytes = Encoding.UTF8.GetBytes("code,name,level\nx1,Xã Một,xa\nx2,Xa Hai ").Concat(new byte[] { 0xE0, 0x20 }).Concat(Encoding.UTF8.GetBytes(",xa\nx3,Xã Ba,xa\n")).ToArray();
        var path = Path.Combine(_temp.Root, "mot-dong.csv");
        File.WriteAllBytes(path, bytes);

        var (units, rejections, _) = Read(path);

        Assert.Equal(["x1", "x3"], units.Select(u => u.Code));
        Assert.Equal((3, "x2"), (Assert.Single(rejections).Row, rejections[0].Unit));
    }

    [Fact]
    public void Csv_CellLongerThanExcelAllows_RejectsItsRow()
    {
        var path = _temp.Write("dai.csv", $"code,name,level\nx1,{new string('a', 40_000)},xa\nx2,Xã Hai,xa\n");

        var (units, rejections, _) = Read(path);

        Assert.Equal("x2", Assert.Single(units).Code);
        Assert.Equal((2, "name", "x1"), (Assert.Single(rejections).Row, rejections[0].Column, rejections[0].Unit));
        Assert.Contains("32.767", rejections[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Xlsx_WithDtd_IsRefusedAsAFileWithAVietnameseMessage()
    {
        var path = Path.Combine(_temp.Root, "dtd.xlsx");
        MiniExcel.SaveAs(path, SampleRows());
        RewriteEntry(path, "xl/worksheets/sheet1.xml", xml => xml.Replace("?>", "?><!DOCTYPE worksheet [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>", StringComparison.Ordinal));

        var error = Assert.Throws<InvalidDataException>(() => new UnitFileReader(Shipped.RuleSet).Read(path));

        Assert.StartsWith("Không đọc được tệp", error.Message, StringComparison.Ordinal);
        Assert.Contains("DTD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Xlsx_CellLongerThanExcelAllows_IsRefusedAsAFileBeforeAnyRowIsRead()
    {
        var rows = SampleRows();
        rows[1]["name"] = new string('x', 40_000);
        var path = Path.Combine(_temp.Root, "dai.xlsx");
        MiniExcel.SaveAs(path, rows);

        var error = Assert.Throws<InvalidDataException>(() => new UnitFileReader(Shipped.RuleSet).Read(path));

        Assert.Contains("32.767", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Xlsx_RepeatedHeader_RejectsRowsWhoseCellsDisagree()
    {
        var path = Path.Combine(_temp.Root, "lap.xlsx");
        MiniExcel.SaveAs(path, new[]
        {
            new object?[] { "code", "level", "tyLeHaiLong", "tyLeHaiLong" },
            ["x1", "xa", 91.2, 10],
            ["x2", "xa", 80, 80],
        }.Select(cells => cells.Select((c, i) => (c, i)).ToDictionary(x => ((char)('A' + x.i)).ToString(), x => x.c)), printHeader: false);

        var (units, rejections, reader) = Read(path);

        Assert.Equal("x2", Assert.Single(units).Code);
        Assert.Equal(("x1", 2), (Assert.Single(rejections).Unit, rejections[0].Row));
        Assert.Contains("(cột thứ 3)", Assert.Single(reader.ColumnProblems, p => p.Reason.Contains("cùng là dữ liệu", StringComparison.Ordinal)).Reason, StringComparison.Ordinal);
    }

    private static void RewriteEntry(string path, string entryName, Func<string, string> rewrite)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        var entry = zip.GetEntry(entryName)!;
        string text;
        using (var reader = new StreamReader(entry.Open()))
        {
            text = reader.ReadToEnd();
        }

        entry.Delete();
        using var writer = new StreamWriter(zip.CreateEntry(entryName).Open());
        writer.Write(rewrite(text));
    }
}
