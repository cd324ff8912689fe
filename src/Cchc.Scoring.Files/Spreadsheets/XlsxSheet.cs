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
