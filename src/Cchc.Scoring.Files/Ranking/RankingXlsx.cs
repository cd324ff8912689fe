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
    internal static string ParentNameNote => FileText.Get(nameof(FileStrings.Xlsx_ParentNameNote));

    public static void Write(RankingReport report, Stream output, CancellationToken cancellationToken)
    {
        var parentNames = ParentNames(report);
        var unitNames = RejectedUnitNames(report);
        IReadOnlyList<XlsxSheet> sheets =
        [
            new(FileText.Get(nameof(FileStrings.Report_SheetRanking)), Columns(report), report.Rows.Select(r => Cells(report, r, parentNames))),
            Parents(report, parentNames),
            new(FileText.Get(nameof(FileStrings.Report_SheetErrors)), ErrorColumns, RankingTable.Errors(report).Select(e => ErrorCells(e, report, unitNames))),
            new(FileText.Get(nameof(FileStrings.Report_SheetSummary)), [new(FileText.Get(nameof(FileStrings.Xlsx_SummaryItem))), new(FileText.Get(nameof(FileStrings.Xlsx_SummaryValue)), Width: 80)], Summary(report, parentNames)),
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
            name = error.Row == 0 || report.ColumnProblems.Contains(error) ? FileText.Get(nameof(FileStrings.Xlsx_WholeFile)) : FileText.Get(nameof(FileStrings.Xlsx_NoCode));
        }

        return [error.File, error.Row, error.Unit, name, error.Column, error.Value, error.Reason];
    }

    private static XlsxSheet Parents(RankingReport report, Dictionary<string, string> parentNames)
    {
        var parents = ParentSummary.Of(report);
        var grades = parents.Count == 0 ? [] : parents[0].Grades.Select(g => g.Grade).ToList();
        List<XlsxColumn> columns =
        [
            new(FileText.Get(nameof(FileStrings.Xlsx_ParentRank)), XlsxFormat.Integer), new(FileText.Get(nameof(FileStrings.Report_Parent)), XlsxFormat.Text),
            new(FileText.Get(nameof(FileStrings.Report_ParentName))), new(FileText.Get(nameof(FileStrings.Xlsx_ParentCount)), XlsxFormat.Integer),
            new(FileText.Get(nameof(FileStrings.Xlsx_ParentAverage)), XlsxFormat.Decimal2), new(FileText.Get(nameof(FileStrings.Xlsx_ParentBest)), XlsxFormat.Decimal2),
            new(FileText.Get(nameof(FileStrings.Xlsx_ParentWorst)), XlsxFormat.Decimal2), .. grades.Select(g => new XlsxColumn(g, XlsxFormat.Integer)),
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
        yield return (FileText.Get(nameof(FileStrings.Xlsx_PreviousRanking)), FileText.Format(nameof(FileStrings.Xlsx_PreviousRankingValue), ranking.File, ranking.Count, ranking.RuleSetId ?? "?", ranking.RuleSetVersion ?? "").TrimEnd());
        yield return (FileText.Get(nameof(FileStrings.Xlsx_PreviousMatched)), s.Matched);
        yield return (FileText.Get(nameof(FileStrings.Xlsx_PreviousNew)), s.New);
        yield return (FileText.Get(nameof(FileStrings.Xlsx_PreviousMerged)), s.Merged);
        yield return (FileText.Get(nameof(FileStrings.Xlsx_PreviousSplit)), s.Split);
        yield return (FileText.Get(nameof(FileStrings.Xlsx_PreviousNotFound)), s.NotFound);
        yield return (FileText.Get(nameof(FileStrings.Xlsx_PreviousGone)), s.Gone);
        yield return (FileText.Get(nameof(FileStrings.Xlsx_IndexRose)), s.IndexRose);
        yield return (FileText.Get(nameof(FileStrings.Xlsx_IndexFell)), s.IndexFell);
        yield return (FileText.Get(nameof(FileStrings.Xlsx_IndexSame)), s.IndexSame);
        yield return (FileText.Get(nameof(FileStrings.Xlsx_RankRose)), s.RankRose);
        yield return (FileText.Get(nameof(FileStrings.Xlsx_RankFell)), s.RankFell);
        yield return (FileText.Get(nameof(FileStrings.Xlsx_RankSame)), s.RankSame);
        foreach (var t in s.GradeTransitions)
        {
            yield return (FileText.Format(nameof(FileStrings.Xlsx_GradeTransition), t.From, t.To), t.Count);
        }

        yield return (FileText.Get(nameof(FileStrings.Xlsx_PreviousProblems)), FileText.Format(nameof(FileStrings.Xlsx_PreviousProblemsValue), previous.Errors.Count, previous.Warnings.Count));
        yield return (FileText.Get(nameof(FileStrings.Xlsx_Note)), FileText.Get(nameof(FileStrings.Xlsx_PreviousNote)));
    }

    private static IEnumerable<object?[]> Summary(RankingReport report, Dictionary<string, string> parentNames)
    {
        var summary = report.Summary;
        yield return [FileText.Get(nameof(FileStrings.Report_SummaryRuleSet)), $"{report.RuleSet.Id} {report.RuleSet.Version}"];
        yield return [FileText.Get(nameof(FileStrings.Xlsx_RuleSetTitle)), report.RuleSet.Title];
        yield return ["SHA-256", report.RuleSet.Sha256];
        yield return [FileText.Get(nameof(FileStrings.Xlsx_Scored)), summary.Scored];
        yield return [FileText.Get(nameof(FileStrings.Xlsx_Rejected)), summary.Rejected];
        yield return [FileText.Get(nameof(FileStrings.Xlsx_Total)), summary.Total];
        yield return [FileText.Get(nameof(FileStrings.Xlsx_Incomplete)), report.Rows.Count(r => !r.Complete)];
        foreach (var (grade, count) in GradeDistribution.Of(report))
        {
            yield return [FileText.Format(nameof(FileStrings.Xlsx_Grade), grade), count];
        }

        yield return [FileText.Get(nameof(FileStrings.Xlsx_Summary)), summary.ToString()];
        if (report.Previous is { } previous)
        {
            foreach (var (label, value) in PreviousSummaryLines(report, previous))
            {
                yield return [label, value];
            }
        }

        yield return [FileText.Get(nameof(FileStrings.Xlsx_ParentNames)), parentNames.Count > 0 ? FileText.Format(nameof(FileStrings.Xlsx_ParentNamesSome), parentNames.Count, ParentNameNote) : FileText.Format(nameof(FileStrings.Xlsx_ParentNamesNone), ParentNameNote)];
    }
}
