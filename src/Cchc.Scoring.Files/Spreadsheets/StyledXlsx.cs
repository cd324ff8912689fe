using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Cchc.Scoring.Spreadsheets;

/// <summary>
/// Writes an XLSX workbook straight into its zip, row by row (memory stays bounded for a million rows), with a
/// stylesheet of its own: a bold, filled, wrapped header row frozen at the top, column widths, number formats
/// (<c>0</c>, <c>0.00</c>, text <c>@</c>) and drop-down lists. Every zip entry carries one fixed time and every id is
/// numbered, so the same sheets give the same bytes on any day and any machine. MiniExcel, which reads these files
/// back, writes neither styles per column, nor text-formatted columns, nor data validation.
/// </summary>
internal static partial class StyledXlsx
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
}
