using System.Text;
using System.Globalization;
using System.Xml;

namespace Cchc.Scoring.Spreadsheets;

/// <summary>A sheet's XML: its view, columns, rows and cells, and the drop-down lists.</summary>
internal static partial class StyledXlsx
{
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
                w.WriteAttributeString("errorTitle", Cchc.Scoring.Texts.FileText.Get(nameof(Cchc.Scoring.Texts.FileStrings.Xlsx_InvalidValueTitle)));
                w.WriteAttributeString("error", Cchc.Scoring.Texts.FileText.Get(nameof(Cchc.Scoring.Texts.FileStrings.Xlsx_InvalidValue)));
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
