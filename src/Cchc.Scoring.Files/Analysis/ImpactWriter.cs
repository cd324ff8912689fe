using System.Globalization;
using System.Text;
using Cchc.Scoring.Ranking;
using Cchc.Scoring.Spreadsheets;
using Cchc.Scoring.Texts;

namespace Cchc.Scoring.Analysis;

/// <summary>
/// Writes a <see cref="RuleSetImpact"/> as CSV (one row per unit), XLSX (per unit, grade matrix, largest moves,
/// summary) or a self-contained HTML page (before/after rank slopegraph in inline SVG, grade matrix). The bytes depend
/// only on the analysis.
/// </summary>
public static class ImpactWriter
{
    private static string[] Headers =>
    [
        FileText.Get(nameof(FileStrings.Report_Code)), FileText.Get(nameof(FileStrings.Report_Name)), FileText.Get(nameof(FileStrings.Impact_PointsBefore)), FileText.Get(nameof(FileStrings.Impact_PointsAfter)), FileText.Get(nameof(FileStrings.Impact_MaxBefore)), FileText.Get(nameof(FileStrings.Impact_MaxAfter)),
        FileText.Get(nameof(FileStrings.Impact_IndexBefore)), FileText.Get(nameof(FileStrings.Impact_IndexAfter)), FileText.Get(nameof(FileStrings.Impact_GradeBefore)), FileText.Get(nameof(FileStrings.Impact_GradeAfter)),
        FileText.Get(nameof(FileStrings.Impact_RankBefore)), FileText.Get(nameof(FileStrings.Impact_RankAfter)), FileText.Get(nameof(FileStrings.Impact_RankMove)), FileText.Get(nameof(FileStrings.Impact_Causes)),
    ];

    /// <summary>Writes the analysis as CSV, XLSX or HTML (JSON is the command's own <c>--format json</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The format is JSON or unknown.</exception>
    public static void Write(RuleSetImpact impact, RankingFormat format, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(impact);
        ArgumentNullException.ThrowIfNull(output);
        switch (format)
        {
            case RankingFormat.Csv:
                RankingCsv.WriteTable(output, Headers, impact.Units.Select(Cells), cancellationToken);
                break;
            case RankingFormat.Xlsx:
                WriteXlsx(impact, output, cancellationToken);
                break;
            case RankingFormat.Html:
                WriteHtml(impact, output, cancellationToken);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "CSV, XLSX or HTML.");
        }
    }

    /// <summary>The causes as one text: <c>3.4 −2; 2.1 +0,5</c>.</summary>
    private static string Causes(UnitImpact unit)
        => string.Join("; ", unit.Causes.Select(c => $"{c.CriterionId} {(c.Change > 0 ? "+" : "−")}{VietnameseFormat.Number(Math.Abs(c.Change))}"));

    private static object?[] Cells(UnitImpact u) =>
    [
        u.Code, u.Name, u.Before?.Points, u.After?.Points, u.Before?.MaxPoints, u.After?.MaxPoints, u.Before?.Index, u.After?.Index,
        u.Before?.Grade, u.After?.Grade, u.Before?.Rank, u.After?.Rank, u.RankMove, Causes(u),
    ];

    private static (List<string> Old, List<string> New) Axes(RuleSetImpact impact)
    {
        var order = impact.Old.Grades.Select(g => g.Name).Concat(impact.New.Grades.Select(g => g.Name)).Append(RuleSetImpact.NoGrade).Distinct(StringComparer.Ordinal).ToList();
        var old = impact.GradeMatrix.Select(t => t.OldGrade).Distinct(StringComparer.Ordinal).OrderBy(order.IndexOf).ToList();
        var @new = impact.GradeMatrix.Select(t => t.NewGrade).Distinct(StringComparer.Ordinal).OrderBy(order.IndexOf).ToList();
        return (old, @new);
    }

    private static int Cell(RuleSetImpact impact, string old, string @new)
        => impact.GradeMatrix.FirstOrDefault(t => t.OldGrade == old && t.NewGrade == @new)?.Count ?? 0;

    private static IEnumerable<(string Label, string Value)> SummaryLines(RuleSetImpact impact)
    {
        var both = impact.Units.Where(u => u.Before is not null && u.After is not null).ToList();
        yield return (FileText.Get(nameof(FileStrings.Impact_OldRuleSet)), $"{impact.Old.Id} {impact.Old.Version} (SHA-256 {impact.Old.Sha256})");
        yield return (FileText.Get(nameof(FileStrings.Impact_NewRuleSet)), $"{impact.New.Id} {impact.New.Version} (SHA-256 {impact.New.Sha256})");
        yield return (FileText.Get(nameof(FileStrings.Impact_Units)), FileText.Format(nameof(FileStrings.Impact_UnitsValue), N(impact.Units.Count), N(both.Count), N(impact.OldRead.Rejected), N(impact.NewRead.Rejected)));
        yield return (FileText.Get(nameof(FileStrings.Impact_PointsChanged)), N(both.Count(u => u.Before!.Points != u.After!.Points)));
        yield return (FileText.Get(nameof(FileStrings.Impact_GradeChanged)), N(both.Count(u => u.Before!.Grade != u.After!.Grade)));
        yield return (FileText.Get(nameof(FileStrings.Impact_RankChanged)), N(impact.Units.Count(u => u.RankMove is not null and not 0)));
        yield return (FileText.Get(nameof(FileStrings.Impact_Spearman)), Correlation(impact.Spearman));
        yield return (FileText.Get(nameof(FileStrings.Impact_Kendall)), Correlation(impact.Kendall));
        foreach (var input in impact.MissingInputs)
        {
            yield return (FileText.Get(nameof(FileStrings.Impact_Warning)), FileText.Format(nameof(FileStrings.Impact_MissingInput), input));
        }
    }

    private static string N(int value) => VietnameseFormat.Number(value, 0);

    // Truncated, not rounded: a ranking that is not identical never reads as a correlation of 1.
    private static string Correlation(double? value) => value is { } v ? VietnameseFormat.Number(Math.Round((decimal)v, 4, MidpointRounding.ToZero), 4) : "—";

    private static void WriteXlsx(RuleSetImpact impact, Stream output, CancellationToken cancellationToken)
    {
        XlsxColumn[] unitColumns =
        [
            new(Headers[0], XlsxFormat.Text), new(Headers[1], Width: 30), new(Headers[2], XlsxFormat.Decimal2), new(Headers[3], XlsxFormat.Decimal2),
            new(Headers[4], XlsxFormat.Decimal2), new(Headers[5], XlsxFormat.Decimal2), new(Headers[6], XlsxFormat.Decimal2), new(Headers[7], XlsxFormat.Decimal2),
            new(Headers[8]), new(Headers[9]), new(Headers[10], XlsxFormat.Integer), new(Headers[11], XlsxFormat.Integer), new(Headers[12], XlsxFormat.Integer),
            new(Headers[13], Width: 50),
        ];
        var (oldAxis, newAxis) = Axes(impact);
        XlsxColumn[] moveColumns =
        [
            new(FileText.Get(nameof(FileStrings.Impact_Direction))), new(Headers[0], XlsxFormat.Text), new(Headers[1], Width: 30), new(Headers[10], XlsxFormat.Integer),
            new(Headers[11], XlsxFormat.Integer), new(Headers[12], XlsxFormat.Integer), new(Headers[13], Width: 50),
        ];
        IReadOnlyList<XlsxSheet> sheets =
        [
            new(FileText.Get(nameof(FileStrings.Impact_SheetUnits)), unitColumns, impact.Units.Select(Cells)),
            new(FileText.Get(nameof(FileStrings.Impact_SheetMatrix)), [new(FileText.Get(nameof(FileStrings.Impact_OldNew))), .. newAxis.Select(n => new XlsxColumn(n, XlsxFormat.Integer))],
                oldAxis.Select(o => new object?[] { o }.Concat(newAxis.Select(n => (object?)Cell(impact, o, n))).ToArray())),
            new(FileText.Get(nameof(FileStrings.Impact_SheetMoves)), moveColumns,
                impact.LargestRises.Select(u => Move(FileText.Get(nameof(FileStrings.Impact_Rise)), u)).Concat(impact.LargestFalls.Select(u => Move(FileText.Get(nameof(FileStrings.Impact_Fall)), u)))),
            new(FileText.Get(nameof(FileStrings.Report_SheetSummary)), [new(FileText.Get(nameof(FileStrings.Xlsx_SummaryItem))), new(FileText.Get(nameof(FileStrings.Xlsx_SummaryValue)), Width: 100)], SummaryLines(impact).Select(l => new object?[] { l.Label, l.Value })),
        ];
        StyledXlsx.Save(sheets, output, cancellationToken);

        static object?[] Move(string direction, UnitImpact u) => [direction, u.Code, u.Name, u.Before?.Rank, u.After?.Rank, u.RankMove, Causes(u)];
    }

    private const string Style = RankingHtml.BaseStyle + """
        td.d{background:#e3f8ff;font-weight:600}
        svg text{font-size:12px;fill:#1f2933}
        .m{color:#616e7c}
        """;

    private static void WriteHtml(RuleSetImpact impact, Stream output, CancellationToken cancellationToken)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        var e = (Func<string, string>)RankingHtml.E;
        writer.WriteLine("<!DOCTYPE html>");
        writer.WriteLine("<html lang=\"vi\">");
        writer.WriteLine($"<head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>Tác động của thay đổi bộ tiêu chí — {e(impact.New.Title)}</title>");
        writer.WriteLine("<style>\n" + Style + "\n</style></head>");
        writer.WriteLine("<body>");
        writer.WriteLine("<h1>Tác động của thay đổi bộ tiêu chí</h1>");
        writer.WriteLine("<ul>");
        foreach (var (label, value) in SummaryLines(impact))
        {
            writer.WriteLine($"<li><b>{e(label)}:</b> {e(value)}</li>");
        }

        writer.WriteLine("</ul>");
        writer.WriteLine("<h2>Xếp loại cũ × xếp loại mới</h2>");
        var (oldAxis, newAxis) = Axes(impact);
        writer.Write("<table id=\"grades\"><thead><tr><th>Cũ \\ Mới</th>");
        foreach (var n in newAxis)
        {
            writer.Write($"<th>{e(n)}</th>");
        }

        writer.WriteLine("</tr></thead><tbody>");
        foreach (var o in oldAxis)
        {
            writer.Write($"<tr><th>{e(o)}</th>");
            foreach (var n in newAxis)
            {
                writer.Write($"<td class=\"n{(o == n ? " d" : "")}\">{N(Cell(impact, o, n))}</td>");
            }

            writer.WriteLine("</tr>");
        }

        writer.WriteLine("</tbody></table>");
        WriteSlopegraph(writer, impact);
        cancellationToken.ThrowIfCancellationRequested();
        writer.WriteLine("<h2>Đơn vị thay đổi</h2>");
        writer.WriteLine("<table id=\"units\"><thead><tr><th>Mã</th><th>Tên</th><th>Điểm trước</th><th>Điểm sau</th><th>Chỉ số trước</th><th>Chỉ số sau</th><th>Xếp loại trước</th><th>Xếp loại sau</th><th>Hạng trước</th><th>Hạng sau</th><th>Thay đổi hạng</th><th>Tiêu chí gây thay đổi</th></tr></thead><tbody>");
        foreach (var u in impact.Units.Where(Changed))
        {
            cancellationToken.ThrowIfCancellationRequested();
            writer.WriteLine($"<tr><td>{e(u.Code)}</td><td>{e(u.Name)}</td><td class=\"n\">{D(u.Before?.Points)}</td><td class=\"n\">{D(u.After?.Points)}</td><td class=\"n\">{D(u.Before?.Index)}</td><td class=\"n\">{D(u.After?.Index)}</td><td>{e(u.Before?.Grade ?? "—")}</td><td>{e(u.After?.Grade ?? "—")}</td><td class=\"n\">{R(u.Before?.Rank)}</td><td class=\"n\">{R(u.After?.Rank)}</td><td class=\"n\">{Move(u.RankMove)}</td><td>{e(Causes(u))}</td></tr>");
        }

        writer.WriteLine("</tbody></table>");
        writer.WriteLine("</body></html>");
    }

    /// <summary>
    /// Before/after ranks as a slopegraph: the old ranking on the left axis, the new on the right, one line per unit
    /// whose rank moved (the largest rises in green, the largest falls in red, the others grey and thin). With more
    /// than 2,000 moved units only those with the largest moves are drawn, so that the page stays readable.
    /// </summary>
    private static void WriteSlopegraph(StreamWriter writer, RuleSetImpact impact)
    {
        const int Width = 640, Height = 560, Left = 90, Right = 550, Top = 30, Bottom = 400;
        var ranked = impact.Units.Where(u => u.RankMove is not null).ToList();
        writer.WriteLine("<h2>Hạng trước và sau</h2>");
        if (ranked.Count == 0)
        {
            writer.WriteLine("<p class=\"m\">Không có đơn vị nào được xếp hạng theo cả hai bộ tiêu chí.</p>");
            return;
        }

        var maxRank = ranked.Max(u => Math.Max(u.Before!.Rank!.Value, u.After!.Rank!.Value));
        var rises = impact.LargestRises.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        var falls = impact.LargestFalls.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        var moved = ranked.Where(u => u.RankMove != 0).OrderByDescending(u => Math.Abs(u.RankMove!.Value)).ThenBy(u => u.Code, StringComparer.Ordinal).Take(2000).ToList();
        writer.WriteLine($"<p class=\"m\">Mỗi đường là một đơn vị đổi hạng ({N(moved.Count)} đường{(moved.Count < ranked.Count(u => u.RankMove != 0) ? ", các đơn vị đổi hạng nhiều nhất" : "")}): trái là hạng theo bộ cũ, phải là hạng theo bộ mới (hạng 1 ở trên). Xanh: tăng hạng nhiều nhất; đỏ: giảm hạng nhiều nhất.</p>");
        writer.WriteLine($"<svg id=\"slopegraph\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"Hạng trước và sau\">");
        writer.WriteLine($"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Bottom}\" stroke=\"#9aa5b1\"/><line x1=\"{Right}\" y1=\"{Top}\" x2=\"{Right}\" y2=\"{Bottom}\" stroke=\"#9aa5b1\"/>");
        writer.WriteLine($"<text x=\"{Left}\" y=\"18\" text-anchor=\"middle\">Bộ cũ</text><text x=\"{Right}\" y=\"18\" text-anchor=\"middle\">Bộ mới</text>");
        writer.WriteLine($"<text x=\"{Left - 8}\" y=\"{Top + 4}\" text-anchor=\"end\">1</text><text x=\"{Left - 8}\" y=\"{Bottom + 4}\" text-anchor=\"end\">{N(maxRank)}</text>");
        string Y(int rank) => (Top + (maxRank <= 1 ? 0m : (decimal)(rank - 1) / (maxRank - 1) * (Bottom - Top))).ToString("0.0", CultureInfo.InvariantCulture);
        foreach (var u in moved.Where(u => !rises.Contains(u.Code) && !falls.Contains(u.Code)).Reverse())
        {
            writer.WriteLine($"<line x1=\"{Left}\" y1=\"{Y(u.Before!.Rank!.Value)}\" x2=\"{Right}\" y2=\"{Y(u.After!.Rank!.Value)}\" stroke=\"#9aa5b1\" stroke-opacity=\"0.5\" stroke-width=\"0.7\"/>");
        }

        foreach (var (units, color) in new[] { (impact.LargestRises, "#2f8132"), (impact.LargestFalls, "#ab091e") })
        {
            foreach (var u in units)
            {
                writer.WriteLine($"<line x1=\"{Left}\" y1=\"{Y(u.Before!.Rank!.Value)}\" x2=\"{Right}\" y2=\"{Y(u.After!.Rank!.Value)}\" stroke=\"{color}\" stroke-width=\"2\"><title>{RankingHtml.E(u.Code)} {RankingHtml.E(u.Name)}: {R(u.Before.Rank)} → {R(u.After.Rank)}</title></line>");
            }
        }

        // The codes at the right end, pushed apart so that none overlaps the one above it (12 px a line).
        var labels = impact.LargestRises.Concat(impact.LargestFalls)
            .Select(u => (u.Code, At: Top + (maxRank <= 1 ? 0m : (decimal)(u.After!.Rank!.Value - 1) / (maxRank - 1) * (Bottom - Top))))
            .OrderBy(l => l.At).ThenBy(l => l.Code, StringComparer.Ordinal).ToList();
        var previous = decimal.MinValue;
        foreach (var (code, at) in labels)
        {
            var y = Math.Max(at, previous + 12);
            previous = y;
            writer.WriteLine($"<text x=\"{Right + 6}\" y=\"{y.ToString("0.0", CultureInfo.InvariantCulture)}\" dy=\"4\">{RankingHtml.E(code)}</text>");
        }

        writer.WriteLine("</svg>");
    }

    private static bool Changed(UnitImpact u)
        => u.Before is null || u.After is null || u.Before.Points != u.After.Points || u.Before.Grade != u.After.Grade || u.Before.Rank != u.After.Rank || u.Before.Index != u.After.Index;

    private static string D(decimal? value) => value is { } v ? VietnameseFormat.Number(v) : "—";

    private static string R(int? rank) => rank is { } r ? N(r) : "—";

    private static string Move(int? move) => move switch
    {
        null => "—",
        > 0 => "+" + N(move.Value),
        < 0 => "−" + N(-move.Value),
        _ => "0",
    };
}
