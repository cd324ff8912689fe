using Cchc.Scoring.Texts;
using Cchc.Scoring.Units;

namespace Cchc.Scoring.Ranking;

/// <summary>The columns of a ranking row and of an error row, shared by the CSV and XLSX outputs.</summary>
internal static class RankingTable
{
    /// <summary>Headers read "Vietnamese (name)", like the data template: people read the first part, programs the second.</summary>
    public static IReadOnlyList<string> Headers(RankingReport report)
    {
        var headers = new List<string> { FileText.Get(nameof(FileStrings.Report_Rank)) };
        if (report.GroupedByParent)
        {
            headers.Add(FileText.Get(nameof(FileStrings.Report_GroupRank)));
        }

        headers.AddRange([FileText.Get(nameof(FileStrings.Report_Code)), FileText.Get(nameof(FileStrings.Report_Name)), FileText.Get(nameof(FileStrings.Report_Level)), FileText.Get(nameof(FileStrings.Report_Parent)), FileText.Get(nameof(FileStrings.Report_Points)), FileText.Get(nameof(FileStrings.Report_MaxPoints)), FileText.Get(nameof(FileStrings.Report_Index)), FileText.Get(nameof(FileStrings.Report_Grade)), FileText.Get(nameof(FileStrings.Report_Complete))]);
        headers.AddRange(report.RuleSet.Areas.Select(a => $"{a.Title} ({a.Id})"));
        for (var i = 1; i <= UnitRanker.TopLossCount; i++)
        {
            headers.Add(FileText.Format(nameof(FileStrings.Report_Loss), i));
            headers.Add(FileText.Format(nameof(FileStrings.Report_LossPoints), i));
        }

        return headers;
    }

    /// <summary>One row's cells: numbers as decimals, ranks as integers, nothing as null.</summary>
    public static object?[] Cells(RankingReport report, RankedUnit row)
    {
        var unit = row.Standing;
        var cells = new List<object?> { row.Rank };
        if (report.GroupedByParent)
        {
            cells.Add(row.GroupRank);
        }

        cells.AddRange([unit.Code, unit.Name, unit.Level, unit.Parent, unit.Points, unit.MaxPoints, unit.Index, unit.Grade, row.Complete]);
        for (var i = 0; i < report.RuleSet.Areas.Count; i++)
        {
            cells.Add(unit.AreaPoints(i));
        }

        var losses = unit.TopLosses;
        for (var i = 0; i < UnitRanker.TopLossCount; i++)
        {
            var loss = i < losses.Count ? losses[i] : null;
            cells.Add(loss?.CriterionId);
            cells.Add(loss?.Lost);
        }

        return [.. cells];
    }

    /// <summary>The error rows' headers, in the current language.</summary>
    public static IReadOnlyList<string> ErrorHeaders => [FileText.Get(nameof(FileStrings.Report_File)), FileText.Get(nameof(FileStrings.Report_Row)), FileText.Get(nameof(FileStrings.Report_Column)), FileText.Get(nameof(FileStrings.Report_Value)), FileText.Get(nameof(FileStrings.Report_Reason))];

    /// <summary>Header problems first (they explain many rows at once), then the rejected rows.</summary>
    public static IEnumerable<UnitRejection> Errors(RankingReport report) => report.ColumnProblems.Concat(report.Rejections);

    public static object?[] ErrorCells(UnitRejection error) => [error.File, error.Row, error.Column, error.Value, error.Reason];
}
