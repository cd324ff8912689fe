using Cchc.Rules.Model;
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

        headers.AddRange([FileText.Get(nameof(FileStrings.Report_Code)), FileText.Get(nameof(FileStrings.Report_Name)), FileText.Get(nameof(FileStrings.Report_Level))]);
        if (report.HasKinds)
        {
            headers.Add(FileText.Get(nameof(FileStrings.Report_Kind)));
        }

        headers.AddRange([FileText.Get(nameof(FileStrings.Report_Parent)), FileText.Get(nameof(FileStrings.Report_Points)), FileText.Get(nameof(FileStrings.Report_MaxPoints)), FileText.Get(nameof(FileStrings.Report_Index)), FileText.Get(nameof(FileStrings.Report_Grade)), FileText.Get(nameof(FileStrings.Report_Complete))]);
        headers.AddRange(report.RuleSet.Areas.Select(a => $"{a.Title} ({a.Id})"));
        headers.AddRange(ComponentHeaders(report));
        for (var i = 1; i <= UnitRanker.TopLossCount; i++)
        {
            headers.Add(FileText.Format(nameof(FileStrings.Report_Loss), i));
            headers.Add(FileText.Format(nameof(FileStrings.Report_LossPoints), i));
        }

        if (report.Previous is not null)
        {
            headers.AddRange(PreviousHeaders);
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

        cells.AddRange([unit.Code, unit.Name, unit.Level]);
        if (report.HasKinds)
        {
            cells.Add(KindWord(unit.Kind));
        }

        cells.AddRange([unit.Parent, unit.Points, unit.MaxPoints, unit.Index, unit.Grade, row.Complete]);
        for (var i = 0; i < report.RuleSet.Areas.Count; i++)
        {
            cells.Add(unit.AreaPoints(i));
        }

        AddComponentCells(report, unit, cells);

        var losses = unit.TopLosses;
        for (var i = 0; i < UnitRanker.TopLossCount; i++)
        {
            var loss = i < losses.Count ? losses[i] : null;
            cells.Add(loss?.CriterionId);
            cells.Add(loss?.Lost);
        }

        if (report.Previous is not null)
        {
            cells.AddRange(PreviousCells(report, row));
        }

        return [.. cells];
    }

    /// <summary>The columns of the comparison with last year, last in the row so that the others keep their places.</summary>
    public static IReadOnlyList<string> PreviousHeaders =>
    [
        FileText.Get(nameof(FileStrings.Previous_HeaderIndex)), FileText.Get(nameof(FileStrings.Previous_HeaderRank)), FileText.Get(nameof(FileStrings.Previous_HeaderGrade)),
        FileText.Get(nameof(FileStrings.Previous_HeaderIndexChange)), FileText.Get(nameof(FileStrings.Previous_HeaderRankChange)), FileText.Get(nameof(FileStrings.Previous_HeaderGradeChange)),
        FileText.Get(nameof(FileStrings.Previous_HeaderStatus)), FileText.Get(nameof(FileStrings.Previous_HeaderCodes)), FileText.Get(nameof(FileStrings.Previous_HeaderNote)),
    ];

    /// <summary>
    /// One row's comparison with last year: numbers as decimals, ranks as integers (a positive rank change = moved up),
    /// words in Vietnamese, nothing as null.
    /// </summary>
    public static object?[] PreviousCells(RankingReport report, RankedUnit row)
    {
        var year = row.Previous;
        if (year is null)
        {
            return new object?[PreviousHeaders.Count];
        }

        return
        [
            year.Index, year.Rank, year.Grade, year.IndexChange, year.RankChange, PreviousComparison.GradeWord(year.GradeChange),
            PreviousComparison.Word(year.Status), year.Predecessors.Count == 0 ? null : string.Join(";", year.Predecessors.Select(p => p.Code)),
            PreviousComparison.Note(row, report.RuleSet.Index.Decimals),
        ];
    }

    /// <summary>A kind's Vietnamese word for the Loại column (xã, phường, đặc khu); null when the data did not state it.</summary>
    public static string? KindWord(string? kind) => UnitLevels.KindFromCode(kind)?.ToVietnamese();

    /// <summary>The error rows' headers, in the current language.</summary>
    public static IReadOnlyList<string> ErrorHeaders => [FileText.Get(nameof(FileStrings.Report_File)), FileText.Get(nameof(FileStrings.Report_Row)), FileText.Get(nameof(FileStrings.Report_Column)), FileText.Get(nameof(FileStrings.Report_Value)), FileText.Get(nameof(FileStrings.Report_Reason))];

    /// <summary>Header problems first (they explain many rows at once), then the rejected rows.</summary>
    /// <remarks>
    /// Then the survey files' problems (said as such); then the problems of last year's ranking and of the mapping,
    /// when compared with last year: errors, then warnings (their reason starts with "cảnh báo").
    /// </remarks>
    public static IEnumerable<UnitRejection> Errors(RankingReport report)
    {
        var errors = report.ColumnProblems.Concat(report.Rejections)
            .Concat((report.Survey?.ColumnProblems ?? []).Concat(report.Survey?.Rejections ?? []).Select(e => e with { Reason = FileText.Format(nameof(FileStrings.Report_SurveyProblem), e.Reason) }));
        return report.Previous is not { } previous
            ? errors
            : errors.Concat(previous.Errors).Concat(previous.Warnings.Select(w => w with { Reason = FileText.Format(nameof(FileStrings.Report_Warning), w.Reason) }));
    }

    /// <summary>When the index has components: one column per component ("Điểm thẩm định (thamDinh)"), then whether the unit had a survey.</summary>
    public static IEnumerable<string> ComponentHeaders(RankingReport report)
    {
        if (report.RuleSet.Composition is not { } composition)
        {
            yield break;
        }

        foreach (var component in composition.Components)
        {
            yield return $"{component.Title} ({component.Id})";
        }

        if (composition.Survey is not null)
        {
            yield return FileText.Get(nameof(FileStrings.Report_SurveyGiven));
        }
    }

    /// <summary>The cells under <see cref="ComponentHeaders"/>: the components' points (empty for a survey left out), then true/false.</summary>
    public static void AddComponentCells(RankingReport report, UnitStanding unit, List<object?> cells)
    {
        if (report.RuleSet.Composition is not { } composition)
        {
            return;
        }

        for (var i = 0; i < composition.Components.Count; i++)
        {
            cells.Add(unit.ComponentPoints(i));
        }

        if (composition.Survey is not null)
        {
            cells.Add(!unit.SurveyMissing);
        }
    }

    public static object?[] ErrorCells(UnitRejection error) => [error.File, error.Row, error.Column, error.Value, error.Reason];
}
