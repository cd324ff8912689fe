using Cchc.Scoring.Units;

namespace Cchc.Scoring.Ranking;

/// <summary>The columns of a ranking row and of an error row, shared by the CSV and XLSX outputs.</summary>
internal static class RankingTable
{
    /// <summary>Headers read "Vietnamese (name)", like the data template: people read the first part, programs the second.</summary>
    public static IReadOnlyList<string> Headers(RankingReport report)
    {
        var headers = new List<string> { "Hạng (rank)" };
        if (report.GroupedByParent)
        {
            headers.Add("Hạng trong đơn vị cấp trên (groupRank)");
        }

        headers.AddRange(["Mã (code)", "Tên (name)", "Cấp (level)", "Đơn vị cấp trên (parent)", "Điểm (points)", "Điểm tối đa (maxPoints)", "Chỉ số (index)", "Xếp loại (grade)", "Đủ dữ liệu (complete)"]);
        headers.AddRange(report.RuleSet.Areas.Select(a => $"{a.Title} ({a.Id})"));
        headers.AddRange(ComponentHeaders(report));
        for (var i = 1; i <= UnitRanker.TopLossCount; i++)
        {
            headers.Add($"Mất điểm nhiều thứ {i} (loss{i})");
            headers.Add($"Số điểm mất thứ {i} (loss{i}Points)");
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

        AddComponentCells(report, unit, cells);

        var losses = unit.TopLosses;
        for (var i = 0; i < UnitRanker.TopLossCount; i++)
        {
            var loss = i < losses.Count ? losses[i] : null;
            cells.Add(loss?.CriterionId);
            cells.Add(loss?.Lost);
        }

        return [.. cells];
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
            yield return "Có kết quả điều tra (surveyGiven)";
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

    public static IReadOnlyList<string> ErrorHeaders { get; } = ["Tệp (file)", "Dòng (row)", "Cột (column)", "Giá trị (value)", "Lý do (reason)"];

    /// <summary>Header problems first (they explain many rows at once), then the rejected rows; then the survey files' (said as such).</summary>
    public static IEnumerable<UnitRejection> Errors(RankingReport report)
        => report.ColumnProblems.Concat(report.Rejections)
            .Concat((report.Survey?.ColumnProblems ?? []).Concat(report.Survey?.Rejections ?? []).Select(e => e with { Reason = "điều tra xã hội học: " + e.Reason }));

    public static object?[] ErrorCells(UnitRejection error) => [error.File, error.Row, error.Column, error.Value, error.Reason];
}
