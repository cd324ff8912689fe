using System.Globalization;
using System.Text;

namespace Cchc.Cli;

/// <summary>A plain text table, columns padded by display width (Vietnamese text is NFC, one column per char).</summary>
internal sealed class Table(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    /// <summary>Adds a row; control characters in a cell (a name holding an escape sequence) are shown as markers, and a line break as a space.</summary>
    public void Add(params string?[] cells) => _rows.Add([.. cells.Select(c => TerminalText.Safe(c?.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ')))]);

    public void Write(TextWriter writer)
    {
        var widths = headers.Select((h, i) => Math.Max(Width(h), _rows.Count == 0 ? 0 : _rows.Max(r => Width(r[i])))).ToArray();
        WriteRow(writer, headers, widths);
        writer.WriteLine(string.Join("  ", widths.Select(w => new string('─', w))).TrimEnd());
        foreach (var row in _rows)
        {
            WriteRow(writer, row, widths);
        }
    }

    private static void WriteRow(TextWriter writer, string[] cells, int[] widths)
    {
        var line = new StringBuilder();
        for (var i = 0; i < cells.Length; i++)
        {
            line.Append(cells[i]);
            if (i < cells.Length - 1)
            {
                line.Append(' ', widths[i] - Width(cells[i]) + 2);
            }
        }

        writer.WriteLine(line.ToString().TrimEnd());
    }

    private static int Width(string text) => new StringInfo(Cchc.Rules.Text.Nfc.Normalize(text)).LengthInTextElements;
}
