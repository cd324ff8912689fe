using Cchc.Scoring.Spreadsheets;
using Cchc.Scoring.Texts;
using Cchc.Scoring.Units;

namespace Cchc.Scoring.Ranking;

/// <summary>
/// The ranking as XLSX, streamed row by row with styles (<see cref="StyledXlsx"/>): sheet "Xếp hạng" (one row per
/// unit, numbers as numbers shown with two decimals, codes as text, the parent's name and each lost criterion's
/// title next to their codes), "Theo cấp trên" (each parent's units together), "Lỗi" (rejections and column
/// problems, each naming its unit) and "Tóm tắt" (counts, rule set, grades). Every sheet has a bold, filled,
/// frozen header row and column widths.
/// </summary>
internal static class RankingXlsx
{
    /// <summary>What the parent-name column says when no parent's name is in the data.</summary>
    internal const string ParentNameNote =
        "Tên đơn vị cấp trên chỉ có khi đơn vị cấp trên cũng là một dòng của dữ liệu (tệp dữ liệu chỉ có mã cấp trên, cột parent).";

    public static void Write(RankingReport report, Stream output, CancellationToken cancellationToken)
    {
        var parentNames = ParentNames(report);
        var unitNames = RejectedUnitNames(report);
        IReadOnlyList<XlsxSheet> sheets =
        [
            new(FileText.Get(nameof(FileStrings.Report_SheetRanking)), Columns(report), report.Rows.Select(r => Cells(report, r, parentNames))),
            Parents(report, parentNames),
            new(FileText.Get(nameof(FileStrings.Report_SheetErrors)), ErrorColumns, RankingTable.Errors(report).Select(e => ErrorCells(e, report, unitNames))),
            new(FileText.Get(nameof(FileStrings.Report_SheetSummary)), [new("Mục"), new("Giá trị", Width: 80)], Summary(report, parentNames)),
        ];
        StyledXlsx.Save(sheets, output, cancellationToken);
    }

    /// <summary>The name of each parent that is itself a unit of the ranking (the data carries parent codes only).</summary>
    internal static Dictionary<string, string> ParentNames(RankingReport report)
    {
        var parents = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in report.Rows)
        {
            if (row.Standing.Parent is { Length: > 0 } parent)
            {
                parents.Add(parent);
            }
        }

        return NamesOf(report, parents);
    }

    /// <summary>The ranked unit's name for each error that gives a code without a name (a repeated code): one pass.</summary>
    private static Dictionary<string, string> RejectedUnitNames(RankingReport report)
    {
        var codes = RankingTable.Errors(report).Where(e => e.UnitName is null && e.Unit is not null).Select(e => e.Unit!).ToHashSet(StringComparer.Ordinal);
        return NamesOf(report, codes);
    }

    /// <summary>The names of the ranked units whose codes are in <paramref name="codes"/>, in one pass over the rows.</summary>
    private static Dictionary<string, string> NamesOf(RankingReport report, HashSet<string> codes)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (codes.Count == 0)
        {
            return names;
        }

        foreach (var row in report.Rows)
        {
            if (codes.Contains(row.Standing.Code))
            {
                names.TryAdd(row.Standing.Code, row.Standing.Name);
            }
        }

        return names;
    }

    private static List<XlsxColumn> Columns(RankingReport report)
    {
        var columns = new List<XlsxColumn> { new(FileText.Get(nameof(FileStrings.Report_Rank)), XlsxFormat.Integer) };
        if (report.GroupedByParent)
        {
            columns.Add(new(FileText.Get(nameof(FileStrings.Report_GroupRank)), XlsxFormat.Integer));
        }

        columns.AddRange(
        [
            new(FileText.Get(nameof(FileStrings.Report_Code)), XlsxFormat.Text), new(FileText.Get(nameof(FileStrings.Report_Name))), new(FileText.Get(nameof(FileStrings.Report_Level))),
        ]);
        if (report.HasKinds)
        {
            columns.Add(new(FileText.Get(nameof(FileStrings.Report_Kind))));
        }

        columns.AddRange(
        [
            new(FileText.Get(nameof(FileStrings.Report_Parent)), XlsxFormat.Text), new(FileText.Get(nameof(FileStrings.Report_ParentName))),
            new(FileText.Get(nameof(FileStrings.Report_Points)), XlsxFormat.Decimal2), new(FileText.Get(nameof(FileStrings.Report_MaxPoints)), XlsxFormat.Decimal2),
            new(FileText.Get(nameof(FileStrings.Report_Index)), XlsxFormat.Decimal2), new(FileText.Get(nameof(FileStrings.Report_Grade))), new(FileText.Get(nameof(FileStrings.Report_Complete))),
        ]);
        columns.AddRange(report.RuleSet.Areas.Select(a => new XlsxColumn($"{a.Title} ({a.Id})", XlsxFormat.Decimal2)));
        var components = RankingTable.ComponentHeaders(report).ToList();
        columns.AddRange(components.Select((h, c) => c < report.RuleSet.Composition!.Components.Count ? new XlsxColumn(h, XlsxFormat.Decimal2) : new XlsxColumn(h)));
        for (var i = 1; i <= UnitRanker.TopLossCount; i++)
        {
            columns.Add(new(FileText.Format(nameof(FileStrings.Report_Loss), i), XlsxFormat.Text));
            columns.Add(new(FileText.Format(nameof(FileStrings.Report_LossTitle), i), Width: 40));
            columns.Add(new(FileText.Format(nameof(FileStrings.Report_LossPoints), i), XlsxFormat.Decimal2));
        }

        if (report.Previous is not null)
        {
            var headers = RankingTable.PreviousHeaders;
            columns.AddRange(
            [
                new(headers[0], XlsxFormat.Decimal2), new(headers[1], XlsxFormat.Integer), new(headers[2]),
                new(headers[3], XlsxFormat.Decimal2), new(headers[4], XlsxFormat.Integer), new(headers[5]),
                new(headers[6]), new(headers[7], XlsxFormat.Text), new(headers[8], Width: 80),
            ]);
        }

        return columns;
    }

    private static object?[] Cells(RankingReport report, RankedUnit row, Dictionary<string, string> parentNames)
    {
        var unit = row.Standing;
        var areas = report.RuleSet.Areas.Count;
        var hasKinds = report.HasKinds;
        var componentCells = new List<object?>();
        RankingTable.AddComponentCells(report, unit, componentCells);
        var lossesAt = (report.GroupedByParent ? 12 : 11) + (hasKinds ? 1 : 0) + areas + componentCells.Count;
        var cells = new object?[lossesAt + (3 * UnitRanker.TopLossCount) + (report.Previous is null ? 0 : RankingTable.PreviousHeaders.Count)];
        var i = 0;
        cells[i++] = row.Rank;
        if (report.GroupedByParent)
        {
            cells[i++] = row.GroupRank;
        }

        cells[i++] = unit.Code;
        cells[i++] = unit.Name;
        cells[i++] = unit.Level;
        if (hasKinds)
        {
            cells[i++] = RankingTable.KindWord(unit.Kind);
        }

        cells[i++] = unit.Parent;
        cells[i++] = unit.Parent is { } parent && parentNames.TryGetValue(parent, out var name) ? name : null;
        cells[i++] = unit.Points;
        cells[i++] = unit.MaxPoints;
        cells[i++] = unit.Index;
        cells[i++] = unit.Grade;
        cells[i++] = row.Complete;
        for (var a = 0; a < areas; a++)
        {
            cells[i++] = unit.AreaPoints(a);
        }

        foreach (var cell in componentCells)
        {
            cells[i++] = cell;
        }

        var losses = unit.TopLosses;
        for (var l = 0; l < UnitRanker.TopLossCount && l < losses.Count; l++)
        {
            cells[i++] = losses[l].CriterionId;
            cells[i++] = losses[l].Title;
            cells[i++] = losses[l].Lost;
        }

        if (report.Previous is not null)
        {
            RankingTable.PreviousCells(report, row).CopyTo(cells, lossesAt + (3 * UnitRanker.TopLossCount));
        }

        return cells;
    }

    private static IReadOnlyList<XlsxColumn> ErrorColumns =>
    [
        new(FileText.Get(nameof(FileStrings.Report_File))), new(FileText.Get(nameof(FileStrings.Report_Row)), XlsxFormat.Integer), new(FileText.Get(nameof(FileStrings.Report_Unit)), XlsxFormat.Text),
        new(FileText.Get(nameof(FileStrings.Report_UnitName))), new(FileText.Get(nameof(FileStrings.Report_Column))), new(FileText.Get(nameof(FileStrings.Report_Value)), XlsxFormat.Text), new(FileText.Get(nameof(FileStrings.Report_Reason)), Width: 80),
    ];

    /// <summary>
    /// An error row names its unit by code and name: the name read with the rejected row, or the ranked unit's of the
    /// same code (a repeated code); a column problem concerns the whole file.
    /// </summary>
    private static object?[] ErrorCells(UnitRejection error, RankingReport report, Dictionary<string, string> unitNames)
    {
        var name = error.UnitName ?? (error.Unit is { } code ? unitNames.GetValueOrDefault(code) : null);

        if (error.Unit is null && name is null)
        {
            name = error.Row == 0 || report.ColumnProblems.Contains(error) ? "(cả tệp: lỗi cột)" : "(không đọc được mã đơn vị)";
        }

        return [error.File, error.Row, error.Unit, name, error.Column, error.Value, error.Reason];
    }

    private static XlsxSheet Parents(RankingReport report, Dictionary<string, string> parentNames)
    {
        var parents = ParentSummary.Of(report);
        var grades = parents.Count == 0 ? [] : parents[0].Grades.Select(g => g.Grade).ToList();
        List<XlsxColumn> columns =
        [
            new("Hạng (rank)", XlsxFormat.Integer), new("Đơn vị cấp trên (parent)", XlsxFormat.Text),
            new("Tên đơn vị cấp trên (parentName)"), new("Số đơn vị (units)", XlsxFormat.Integer),
            new("Chỉ số bình quân (averageIndex)", XlsxFormat.Decimal2), new("Cao nhất (bestIndex)", XlsxFormat.Decimal2),
            new("Thấp nhất (worstIndex)", XlsxFormat.Decimal2), .. grades.Select(g => new XlsxColumn(g, XlsxFormat.Integer)),
        ];
        return new(FileText.Get(nameof(FileStrings.Report_SheetParents)), columns, parents.Select(p => (object?[])
        [
            p.Rank, p.Parent, parentNames.GetValueOrDefault(p.Parent), p.Units, p.AverageIndex, p.BestIndex, p.WorstIndex,
            .. p.Grades.Select(g => (object?)g.Count),
        ]));
    }

    /// <summary>The comparison with last year in (label, value) lines: the XLSX summary sheet's rows.</summary>
    internal static IEnumerable<(string Label, object Value)> PreviousSummaryLines(RankingReport report, PreviousComparison previous)
    {
        var s = previous.Summary;
        var ranking = previous.Ranking;
        yield return ("Xếp hạng năm trước (previous)", $"{ranking.File}: {ranking.Count} đơn vị, bộ tiêu chí {ranking.RuleSetId ?? "?"} {ranking.RuleSetVersion ?? ""}".TrimEnd());
        yield return ("So với năm trước: khớp (matched)", s.Matched);
        yield return ("So với năm trước: mới (new)", s.New);
        yield return ("So với năm trước: sáp nhập (merged)", s.Merged);
        yield return ("So với năm trước: chia tách (split)", s.Split);
        yield return ("So với năm trước: không tìm thấy (notFound)", s.NotFound);
        yield return ("Đơn vị năm trước không còn (gone)", s.Gone);
        yield return ("Chỉ số tăng (indexRose)", s.IndexRose);
        yield return ("Chỉ số giảm (indexFell)", s.IndexFell);
        yield return ("Chỉ số không đổi (indexSame)", s.IndexSame);
        yield return ("Hạng tăng (rankRose)", s.RankRose);
        yield return ("Hạng giảm (rankFell)", s.RankFell);
        yield return ("Hạng giữ nguyên (rankSame)", s.RankSame);
        foreach (var t in s.GradeTransitions)
        {
            yield return ($"Xếp loại {t.From} → {t.To}", t.Count);
        }

        yield return ("Lỗi / cảnh báo so với năm trước", $"{previous.Errors.Count} lỗi, {previous.Warnings.Count} cảnh báo (trang Lỗi)");
        yield return ("Ghi chú", "Hạng chỉ so với đơn vị khớp một-một; đơn vị sáp nhập so chỉ số với bình quân chỉ số các đơn vị tiền thân. Tăng/giảm hạng dương = lên hạng.");
    }

    private static IEnumerable<object?[]> Summary(RankingReport report, Dictionary<string, string> parentNames)
    {
        var summary = report.Summary;
        yield return ["Bộ tiêu chí (ruleSet)", $"{report.RuleSet.Id} {report.RuleSet.Version}"];
        yield return ["Tên bộ tiêu chí", report.RuleSet.Title];
        yield return ["SHA-256", report.RuleSet.Sha256];
        yield return ["Đã chấm (scored)", summary.Scored];
        yield return ["Bị loại (rejected)", summary.Rejected];
        yield return ["Tổng số dòng (total)", summary.Total];
        yield return ["Chưa đủ dữ liệu (incomplete)", report.Rows.Count(r => !r.Complete)];
        foreach (var (grade, count) in GradeDistribution.Of(report))
        {
            yield return [$"Xếp loại: {grade}", count];
        }

        yield return ["Tóm tắt (summary)", summary.ToString()];
        if (report.Previous is { } previous)
        {
            foreach (var (label, value) in PreviousSummaryLines(report, previous))
            {
                yield return [label, value];
            }
        }

        yield return ["Tên đơn vị cấp trên", parentNames.Count > 0 ? $"{parentNames.Count} đơn vị cấp trên có tên trong dữ liệu. {ParentNameNote}" : $"Không có. {ParentNameNote}"];
    }
}
