using System.Text.Json.Nodes;
using Cchc.Cli.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Cchc.Cli.Tests;

/// <summary>
/// The XLSX outputs opened with the Open XML SDK, as Excel sees them: a bold, filled, frozen header row, column
/// widths, number formats (0, 0.00, text @), drop-down lists in the template, names next to codes.
/// </summary>
public sealed class StyledXlsxTests : IDisposable
{
    private static readonly string XaIndex = Path.Combine(AppContext.BaseDirectory, "rules", "chi-so-cchc-xa");
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task RankXlsx_OpenedWithOpenXmlSdk_StyledFrozenHeaderWidthsFormatsTextCodesAndNames()
    {
        var ruleSet = RankRuleSet.Write(_folder);
        // h1 is itself a row of the data, so its name is known; h2 is not.
        var data = _folder.Write("xa.csv", string.Join("\n",
            RankRuleSet.BadRowsCsv.TrimEnd('\n'),
            "h1,Huyện Một (dòng thử),xa,,9,9,9") + "\n");
        var path = _folder.File("r.xlsx");
        var again = _folder.File("r2.xlsx");

        var result = await CchcTool.RunAsync("rank", ruleSet, data, "-o", path);
        await CchcTool.RunAsync("rank", ruleSet, data, "-o", again);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(again));
        using var document = SpreadsheetDocument.Open(path, isEditable: false);
        AssertValid(document);
        var ranking = Sheet(document, "Xếp hạng");
        AssertStyledFrozenHeader(document, ranking);
        var rows = Rows(ranking);
        var header = rows[0];
        var ok1 = rows.Single(r => r.GetValueOrDefault(Column(header, "Mã (code)"))?.Text == "ok1");

        // Numbers are numbers with built-in formats (Excel shows them with the reader's decimal comma); codes are text.
        Assert.Equal(1u, NumberFormat(document, ok1[Column(header, "Hạng (rank)")].Style));
        Assert.Equal(2u, NumberFormat(document, ok1[Column(header, "Chỉ số (index)")].Style));
        Assert.Equal("90", ok1[Column(header, "Chỉ số (index)")].Text);
        Assert.Null(ok1[Column(header, "Chỉ số (index)")].Type);
        Assert.Equal(2u, NumberFormat(document, ok1[Column(header, "Điểm (points)")].Style));
        Assert.Equal(2u, NumberFormat(document, ok1[Column(header, "Cải cách thủ tục hành chính (tthc)")].Style));
        var code = ok1[Column(header, "Mã (code)")];
        Assert.Equal((49u, CellValues.InlineString), (NumberFormat(document, code.Style), code.Type!.Value));
        Assert.Equal(49u, NumberFormat(document, ColumnStyle(ranking, Column(header, "Mã (code)"))));
        Assert.Equal(49u, NumberFormat(document, ColumnStyle(ranking, Column(header, "Đơn vị cấp trên (parent)"))));

        // Names next to codes: the parent's (when it is a row of the data) and the lost criterion's title.
        Assert.Equal("h1", ok1[Column(header, "Đơn vị cấp trên (parent)")].Text);
        Assert.Equal("Huyện Một (dòng thử)", ok1[Column(header, "Tên đơn vị cấp trên (parentName)")].Text);
        var ok2 = rows.Single(r => r.GetValueOrDefault(Column(header, "Mã (code)"))?.Text == "ok2");
        Assert.False(ok2.ContainsKey(Column(header, "Tên đơn vị cấp trên (parentName)")));
        Assert.Equal("A1", ok1[Column(header, "Mất điểm nhiều thứ 1 (loss1)")].Text);
        Assert.Equal("Tiêu chí lĩnh vực A", ok1[Column(header, "Tên tiêu chí thứ 1 (loss1Title)")].Text);
        Assert.Equal(Column(header, "Mất điểm nhiều thứ 1 (loss1)") + 1, Column(header, "Tên tiêu chí thứ 1 (loss1Title)"));

        // Every error row names its unit, by code and by name.
        var errorSheet = Sheet(document, "Lỗi");
        AssertStyledFrozenHeader(document, errorSheet);
        var errors = Rows(errorSheet);
        var unit = Column(errors[0], "Mã đơn vị (unit)");
        var name = Column(errors[0], "Tên đơn vị (unitName)");
        Assert.Equal(
            [("kieu", "Xã Sai Kiểu"), ("ngoai", "Xã Ngoài Khoảng"), ("ok1", "Xã Một Lặp"), (null, "Xã Không Mã"), ("cap", "Xã Sai Cấp"), ("thua", "Xã Thừa Cột"), ("hai-loi", "Xã Hai Lỗi"), ("hai-loi", "Xã Hai Lỗi")],
            errors.Skip(1).Select(r => (r.GetValueOrDefault(unit)?.Text, r.GetValueOrDefault(name)?.Text)));

        foreach (var other in new[] { "Theo cấp trên", "Tóm tắt" })
        {
            AssertStyledFrozenHeader(document, Sheet(document, other));
        }

        var parents = Rows(Sheet(document, "Theo cấp trên"));
        var h1 = parents.Single(r => r.GetValueOrDefault(Column(parents[0], "Đơn vị cấp trên (parent)"))?.Text == "h1");
        Assert.Equal("Huyện Một (dòng thử)", h1[Column(parents[0], "Tên đơn vị cấp trên (parentName)")].Text);
    }

    [Fact]
    public async Task TemplateXlsx_OpenedWithOpenXmlSdk_DropDownsForChoiceAndYesNo_CodeColumnText_StyledFrozenHeader()
    {
        var path = _folder.File("mau.xlsx");

        var result = await CchcTool.RunAsync("template", XaIndex, "-o", path);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var document = SpreadsheetDocument.Open(path, isEditable: false);
        AssertValid(document);
        var data = Sheet(document, "Dữ liệu");
        AssertStyledFrozenHeader(document, data);
        AssertStyledFrozenHeader(document, Sheet(document, "Hướng dẫn"));
        var header = Rows(data)[0];

        // The code column is text: a code typed later keeps its leading zeros.
        Assert.Equal(0, Column(header, "code"));
        Assert.Equal(49u, NumberFormat(document, ColumnStyle(data, 0)));
        Assert.Equal(49u, NumberFormat(document, ColumnStyle(data, Column(header, "parent"))));

        var inputs = TestFiles.ReadJson(Path.Combine(XaIndex, "ruleset.json"))["inputs"]!.AsArray().Select(i => i!.AsObject()).ToList();
        var choice = inputs.First(i => (string)i["type"]! == "choice");
        var yesNo = inputs.First(i => (string)i["type"]! == "bool");
        var validations = data.Descendants<DataValidation>().ToDictionary(v => v.SequenceOfReferences!.InnerText ?? "", v => v, StringComparer.Ordinal);
        Assert.Equal(
            "\"" + string.Join(",", choice["options"]!.AsArray().Select(o => (string)o!["value"]!)) + "\"",
            DropDown(validations, ColumnOf(header, (string)choice["name"]!)));
        Assert.Equal("\"có,không\"", DropDown(validations, ColumnOf(header, (string)yesNo["name"]!)));
        Assert.Equal("\"xa,phuong,dacKhu\"", DropDown(validations, Column(header, "level"))); // the commune level and its kinds
        Assert.All(validations.Values, v => Assert.Equal(DataValidationValues.List, v.Type!.Value));
    }

    /// <summary>The workbook passes the Open XML SDK's schema validation (what Excel would repair is reported).</summary>
    private static void AssertValid(SpreadsheetDocument document)
        => Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}"));

    private static int ColumnOf(Dictionary<int, CellText> header, string inputName)
        => header.Single(h => h.Value.Text.EndsWith($"({inputName})", StringComparison.Ordinal)).Key;

    private static string DropDown(Dictionary<string, DataValidation> validations, int column)
    {
        var letter = Letter(column);
        Assert.True(validations.TryGetValue($"{letter}2:{letter}1048576", out var validation), $"no drop-down on column {letter}");
        return validation.Formula1!.Text;
    }

    private static void AssertStyledFrozenHeader(SpreadsheetDocument document, Worksheet sheet)
    {
        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal((PaneStateValues.Frozen, 1d, "A2"), (pane.State!.Value, pane.VerticalSplit!.Value, pane.TopLeftCell!.Value));

        var styles = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet!;
        var headerCells = sheet.Descendants<Row>().First().Elements<Cell>().ToList();
        Assert.NotEmpty(headerCells);
        foreach (var cell in headerCells)
        {
            var format = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex!.Value);
            var font = styles.Fonts!.Elements<Font>().ElementAt((int)format.FontId!.Value);
            var fill = styles.Fills!.Elements<Fill>().ElementAt((int)format.FillId!.Value);
            Assert.NotNull(font.Bold);
            Assert.Equal(PatternValues.Solid, fill.PatternFill!.PatternType!.Value);
            Assert.True(format.Alignment!.WrapText!.Value);
        }

        var columns = sheet.Descendants<Column>().ToList();
        Assert.Equal(headerCells.Count, columns.Count);
        Assert.All(columns, c => Assert.True(c.CustomWidth!.Value && c.Width!.Value >= 8 && c.Width.Value <= 90, $"column {c.Min}: width {c.Width}"));
    }

    private static Worksheet Sheet(SpreadsheetDocument document, string name)
    {
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet;
    }

    private sealed record CellText(string Text, uint Style, CellValues? Type);

    /// <summary>Each row as column index → cell (text, style index, type); the cells Excel would show.</summary>
    private static List<Dictionary<int, CellText>> Rows(Worksheet sheet)
        => [.. sheet.Descendants<Row>().Select(row => row.Elements<Cell>().ToDictionary(
            c => ColumnIndex(c.CellReference!.Value!),
            c => new CellText(c.DataType?.Value == CellValues.InlineString ? c.InlineString!.Text!.Text : c.CellValue!.Text, c.StyleIndex?.Value ?? 0, c.DataType?.Value)))];

    private static int Column(Dictionary<int, CellText> header, string text) => header.Single(h => h.Value.Text == text).Key;

    private static uint ColumnStyle(Worksheet sheet, int column)
        => sheet.Descendants<Column>().Single(c => c.Min!.Value == column + 1).Style!.Value;

    private static uint NumberFormat(SpreadsheetDocument document, uint style)
        => document.WorkbookPart!.WorkbookStylesPart!.Stylesheet!.CellFormats!.Elements<CellFormat>().ElementAt((int)style).NumberFormatId!.Value;

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
        {
            index = (index * 26) + (c - 'A' + 1);
        }

        return index - 1;
    }

    private static string Letter(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }
}
