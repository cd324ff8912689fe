using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Cchc.Scoring.Spreadsheets;

/// <summary>How a column's cells are shown: Excel renders the number formats in the reader's locale (72,50 in Vietnamese).</summary>
internal enum XlsxFormat
{
    /// <summary>Excel's General format.</summary>
    General,

    /// <summary>Text (<c>@</c>): cells written as strings, and what an officer types into the column stays text (00004 keeps its zeros).</summary>
    Text,

    /// <summary>Whole numbers (<c>0</c>).</summary>
    Integer,

    /// <summary>Two decimals (<c>0.00</c>): points and indexes.</summary>
    Decimal2,
}

/// <summary>A column: its header, how its cells are shown, and optionally a fixed width (in characters).</summary>
internal sealed record XlsxColumn(string Header, XlsxFormat Format = XlsxFormat.General, double? Width = null);

/// <summary>A drop-down list on a column, from row 2 down: the cell must be one of <paramref name="Options"/>.</summary>
internal sealed record XlsxDropDown(int Column, IReadOnlyList<string> Options, string Prompt);

/// <summary>One sheet: columns, rows (streamed once, in order) and drop-down lists.</summary>
internal sealed record XlsxSheet(string Name, IReadOnlyList<XlsxColumn> Columns, IEnumerable<object?[]> Rows)
{
    public IReadOnlyList<XlsxDropDown> DropDowns { get; init; } = [];
}

/// <summary>
/// Writes an XLSX workbook straight into its zip, row by row (memory stays bounded for a million rows), with a
/// stylesheet of its own: a bold, filled, wrapped header row frozen at the top, column widths, number formats
/// (<c>0</c>, <c>0.00</c>, text <c>@</c>) and drop-down lists. Every zip entry carries one fixed time and every id is
/// numbered, so the same sheets give the same bytes on any day and any machine. MiniExcel, which reads these files
/// back, writes neither styles per column, nor text-formatted columns, nor data validation.
/// </summary>
internal static class StyledXlsx
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelationshipsNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    /// <summary>Rows looked at before the column widths are fixed (the widths precede the rows in the file).</summary>
    private const int WidthSampleRows = 500;

    /// <summary>Every zip entry carries this time, so that the same workbook gives the same bytes tomorrow.</summary>
    private static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = false,
        NewLineHandling = NewLineHandling.Entitize,
        CloseOutput = false,
    };

    // Style indexes in cellXfs below.
    private const int HeaderStyle = 1;

    private static int StyleOf(XlsxFormat format) => format switch
    {
        XlsxFormat.Text => 2,
        XlsxFormat.Integer => 3,
        XlsxFormat.Decimal2 => 4,
        _ => 0,
    };

    public static void Save(IReadOnlyList<XlsxSheet> sheets, Stream output, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        WriteEntry(zip, "[Content_Types].xml", w => ContentTypes(w, sheets.Count));
        WriteEntry(zip, "_rels/.rels", w => Relationships(w, [("rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "xl/workbook.xml")]));
        WriteEntry(zip, "xl/workbook.xml", w => Workbook(w, sheets));
        WriteEntry(zip, "xl/_rels/workbook.xml.rels", w => Relationships(w,
        [
            .. sheets.Select((_, i) => ($"rId{i + 1}", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet", $"worksheets/sheet{i + 1}.xml")),
            ($"rId{sheets.Count + 1}", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "styles.xml"),
        ]));
        WriteEntry(zip, "xl/styles.xml", Styles);
        for (var i = 0; i < sheets.Count; i++)
        {
            var sheet = sheets[i];
            var selected = i == 0;
            WriteEntry(zip, $"xl/worksheets/sheet{i + 1}.xml", w => Worksheet(w, sheet, selected, cancellationToken));
        }
    }

    private static void WriteEntry(ZipArchive zip, string name, Action<XmlWriter> write)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = EntryTime;
        using var stream = entry.Open();
        using var writer = XmlWriter.Create(stream, Settings);
        writer.WriteStartDocument(standalone: true);
        write(writer);
        writer.WriteEndDocument();
    }

    private static void ContentTypes(XmlWriter w, int sheets)
    {
        const string ns = "http://schemas.openxmlformats.org/package/2006/content-types";
        w.WriteStartElement("Types", ns);
        Default(w, ns, "rels", "application/vnd.openxmlformats-package.relationships+xml");
        Default(w, ns, "xml", "application/xml");
        Override(w, ns, "/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
        for (var i = 1; i <= sheets; i++)
        {
            Override(w, ns, $"/xl/worksheets/sheet{i}.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
        }

        Override(w, ns, "/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
        w.WriteEndElement();

        static void Default(XmlWriter w, string ns, string extension, string type)
        {
            w.WriteStartElement("Default", ns);
            w.WriteAttributeString("Extension", extension);
            w.WriteAttributeString("ContentType", type);
            w.WriteEndElement();
        }

        static void Override(XmlWriter w, string ns, string part, string type)
        {
            w.WriteStartElement("Override", ns);
            w.WriteAttributeString("PartName", part);
            w.WriteAttributeString("ContentType", type);
            w.WriteEndElement();
        }
    }

    private static void Relationships(XmlWriter w, IEnumerable<(string Id, string Type, string Target)> relationships)
    {
        w.WriteStartElement("Relationships", PackageRelationships);
        foreach (var (id, type, target) in relationships)
        {
            w.WriteStartElement("Relationship", PackageRelationships);
            w.WriteAttributeString("Id", id);
            w.WriteAttributeString("Type", type);
            w.WriteAttributeString("Target", target);
            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    private static void Workbook(XmlWriter w, IReadOnlyList<XlsxSheet> sheets)
    {
        w.WriteStartElement("workbook", Main);
        w.WriteAttributeString("xmlns", "r", null, RelationshipsNs);
        w.WriteStartElement("sheets", Main);
        for (var i = 0; i < sheets.Count; i++)
        {
            w.WriteStartElement("sheet", Main);
            w.WriteAttributeString("name", sheets[i].Name);
            w.WriteAttributeString("sheetId", (i + 1).ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("id", RelationshipsNs, $"rId{i + 1}");
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndElement();
    }

    /// <summary>
    /// Fonts: 0 normal, 1 bold. Fills: 0 none, 1 gray125 (both required), 2 light blue. Cell formats: 0 General,
    /// 1 header (bold, filled, bordered below, wrapped, top-aligned), 2 text <c>@</c> (49), 3 <c>0</c> (1),
    /// 4 <c>0.00</c> (2): built-in number formats, which Excel shows with the reader's decimal separator.
    /// </summary>
    private static void Styles(XmlWriter w)
    {
        w.WriteStartElement("styleSheet", Main);
        w.WriteStartElement("fonts", Main);
        w.WriteAttributeString("count", "2");
        Font(w, bold: false);
        Font(w, bold: true);
        w.WriteEndElement();

        w.WriteStartElement("fills", Main);
        w.WriteAttributeString("count", "3");
        PatternFill(w, "none", null);
        PatternFill(w, "gray125", null);
        PatternFill(w, "solid", "FFDDEBF7");
        w.WriteEndElement();

        w.WriteStartElement("borders", Main);
        w.WriteAttributeString("count", "2");
        w.WriteRaw("<border><left/><right/><top/><bottom/><diagonal/></border>");
        w.WriteRaw("<border><left/><right/><top/><bottom style=\"thin\"><color rgb=\"FF808080\"/></bottom><diagonal/></border>");
        w.WriteEndElement();

        w.WriteRaw("<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>");
        w.WriteStartElement("cellXfs", Main);
        w.WriteAttributeString("count", "5");
        w.WriteRaw("<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>");
        w.WriteRaw("<xf numFmtId=\"49\" fontId=\"1\" fillId=\"2\" borderId=\"1\" xfId=\"0\" applyNumberFormat=\"1\" applyFont=\"1\" applyFill=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf>");
        w.WriteRaw("<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>");
        w.WriteRaw("<xf numFmtId=\"1\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>");
        w.WriteRaw("<xf numFmtId=\"2\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>");
        w.WriteEndElement();
        w.WriteRaw("<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>");
        w.WriteEndElement();

        static void Font(XmlWriter w, bool bold)
        {
            w.WriteStartElement("font", Main);
            if (bold)
            {
                w.WriteRaw("<b/>");
            }

            w.WriteRaw("<sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/>");
            w.WriteEndElement();
        }

        static void PatternFill(XmlWriter w, string pattern, string? color)
        {
            w.WriteStartElement("fill", Main);
            w.WriteStartElement("patternFill", Main);
            w.WriteAttributeString("patternType", pattern);
            if (color is not null)
            {
                w.WriteRaw($"<fgColor rgb=\"{color}\"/><bgColor indexed=\"64\"/>");
            }

            w.WriteEndElement();
            w.WriteEndElement();
        }
    }

    private static void Worksheet(XmlWriter w, XlsxSheet sheet, bool selected, CancellationToken cancellationToken)
    {
        var columns = sheet.Columns;
        var letters = columns.Select((_, i) => ColumnLetter(i)).ToArray();

        // The widths come before the rows: measure the first rows, then write them and stream the rest.
        using var rows = sheet.Rows.GetEnumerator();
        var sample = new List<object?[]>();
        while (sample.Count < WidthSampleRows && rows.MoveNext())
        {
            cancellationToken.ThrowIfCancellationRequested();
            sample.Add(rows.Current);
        }

        w.WriteStartElement("worksheet", Main);
        w.WriteAttributeString("xmlns", "r", null, RelationshipsNs);

        w.WriteStartElement("sheetViews", Main);
        w.WriteStartElement("sheetView", Main);
        if (selected)
        {
            w.WriteAttributeString("tabSelected", "1");
        }

        w.WriteAttributeString("workbookViewId", "0");
        w.WriteRaw("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/>");
        w.WriteEndElement();
        w.WriteEndElement();

        if (columns.Count > 0)
        {
            w.WriteStartElement("cols", Main);
            for (var i = 0; i < columns.Count; i++)
            {
                var width = columns[i].Width ?? Width(columns[i].Header, sample, i);
                w.WriteStartElement("col", Main);
                var n = (i + 1).ToString(CultureInfo.InvariantCulture);
                w.WriteAttributeString("min", n);
                w.WriteAttributeString("max", n);
                w.WriteAttributeString("width", width.ToString("0.##", CultureInfo.InvariantCulture));
                // The column's style is what a cell typed later gets: text stays text.
                w.WriteAttributeString("style", StyleOf(columns[i].Format).ToString(CultureInfo.InvariantCulture));
                w.WriteAttributeString("customWidth", "1");
                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        w.WriteStartElement("sheetData", Main);
        w.WriteStartElement("row", Main);
        w.WriteAttributeString("r", "1");
        for (var i = 0; i < columns.Count; i++)
        {
            Cell(w, letters[i] + "1", columns[i].Header, HeaderStyle, XlsxFormat.Text);
        }

        w.WriteEndElement();
        var number = 1;
        foreach (var row in sample)
        {
            Row(w, row, ++number, columns, letters);
        }

        while (rows.MoveNext())
        {
            if ((number & 0x3FF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            Row(w, rows.Current, ++number, columns, letters);
        }

        w.WriteEndElement();

        if (sheet.DropDowns.Count > 0)
        {
            w.WriteStartElement("dataValidations", Main);
            w.WriteAttributeString("count", sheet.DropDowns.Count.ToString(CultureInfo.InvariantCulture));
            foreach (var dropDown in sheet.DropDowns)
            {
                var letter = ColumnLetter(dropDown.Column);
                w.WriteStartElement("dataValidation", Main);
                w.WriteAttributeString("type", "list");
                w.WriteAttributeString("allowBlank", "1");
                w.WriteAttributeString("showInputMessage", "1");
                w.WriteAttributeString("showErrorMessage", "1");
                w.WriteAttributeString("errorTitle", "Giá trị không hợp lệ");
                w.WriteAttributeString("error", "Chọn một giá trị trong danh sách.");
                w.WriteAttributeString("promptTitle", Limit(columns[dropDown.Column].Header, 32));
                w.WriteAttributeString("prompt", Limit(dropDown.Prompt, 255));
                w.WriteAttributeString("sqref", $"{letter}2:{letter}1048576");
                w.WriteElementString("formula1", Main, "\"" + string.Join(",", dropDown.Options) + "\"");
                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    /// <summary>
    /// Whether <paramref name="options"/> fit an in-cell list: Excel allows 255 characters in all, separated by
    /// commas, so an option may hold neither a comma nor a double quote.
    /// </summary>
    public static bool FitsDropDown(IReadOnlyList<string> options)
        => options.Count > 0
           && options.Sum(o => o.Length + 1) - 1 <= 255
           && options.All(o => o.Length > 0 && o.IndexOfAny([',', '"']) < 0);

    private static string Limit(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private static double Width(string header, List<object?[]> sample, int column)
    {
        // The header wraps: its longest word must fit, and short headers fit whole.
        var headerWidth = header.Length <= 16 ? header.Length : header.Split(' ').Max(word => word.Length);
        var data = 0;
        foreach (var row in sample)
        {
            if (column < row.Length && row[column] is { } value)
            {
                data = Math.Max(data, Text(value, null).Length);
            }
        }

        return Math.Clamp(Math.Max(headerWidth, data) + 2, 8, 60);
    }

    private static void Row(XmlWriter w, object?[] cells, int number, IReadOnlyList<XlsxColumn> columns, string[] letters)
    {
        var r = number.ToString(CultureInfo.InvariantCulture);
        w.WriteStartElement("row", Main);
        w.WriteAttributeString("r", r);
        for (var i = 0; i < cells.Length && i < columns.Count; i++)
        {
            if (cells[i] is { } value)
            {
                Cell(w, letters[i] + r, value, StyleOf(columns[i].Format), columns[i].Format);
            }
        }

        w.WriteEndElement();
    }

    private static void Cell(XmlWriter w, string reference, object value, int style, XlsxFormat format)
    {
        w.WriteStartElement("c", Main);
        w.WriteAttributeString("r", reference);
        if (style != 0)
        {
            w.WriteAttributeString("s", style.ToString(CultureInfo.InvariantCulture));
        }

        var number = format == XlsxFormat.Text ? null : Number(value);
        if (number is not null)
        {
            w.WriteElementString("v", Main, number);
        }
        else if (value is bool b && format != XlsxFormat.Text)
        {
            w.WriteAttributeString("t", "b");
            w.WriteElementString("v", Main, b ? "1" : "0");
        }
        else
        {
            var text = Text(value, format);
            w.WriteAttributeString("t", "inlineStr");
            w.WriteStartElement("is", Main);
            w.WriteStartElement("t", Main);
            if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
            {
                w.WriteAttributeString("xml", "space", null, "preserve");
            }

            w.WriteString(Clean(text));
            w.WriteEndElement();
            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    private static string? Number(object value) => value switch
    {
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        decimal d => d.ToString("G29", CultureInfo.InvariantCulture),
        double d when double.IsFinite(d) => d.ToString("R", CultureInfo.InvariantCulture),
        _ => null,
    };

    private static string Text(object value, XlsxFormat? format) => value switch
    {
        string s => s,
        bool b => b ? "TRUE" : "FALSE",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Characters XML 1.0 cannot carry (control characters, lone surrogates) become U+FFFD.</summary>
    private static string Clean(string text)
    {
        var clean = true;
        for (var i = 0; i < text.Length && clean; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            clean = !(c < 0x20 && c is not ('\t' or '\n' or '\r')) && !char.IsSurrogate(c) && c is not ('\uFFFE' or '\uFFFF');
        }

        if (clean)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else
            {
                builder.Append((c < 0x20 && c is not ('\t' or '\n' or '\r')) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF' ? '\uFFFD' : c);
            }
        }

        return builder.ToString();
    }

    /// <summary>The spreadsheet letter of a 0-based column: A … Z, AA … AZ, BA ….</summary>
    public static string ColumnLetter(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }
}
