using Cchc.Scoring.Spreadsheets;

namespace Cchc.Scoring.Ranking;

/// <summary>
/// The ranking as XLSX, written by MiniExcel (streaming, no System.Drawing): sheet "Xếp hạng" (one row per unit,
/// numbers as numbers), "Theo cấp trên" (each parent's units together), "Lỗi" (rejections and column problems) and
/// "Tóm tắt" (counts, rule set, grades).
/// </summary>
internal static class RankingXlsx
{
    public static void Write(RankingReport report, Stream output, CancellationToken cancellationToken)
    {
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["Xếp hạng"] = Rows(RankingTable.Headers(report), report.Rows.Select(r =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                return RankingTable.Cells(report, r);
            })),
            ["Theo cấp trên"] = Parents(report),
            ["Lỗi"] = Rows(RankingTable.ErrorHeaders, RankingTable.Errors(report).Select(RankingTable.ErrorCells)),
            ["Tóm tắt"] = Rows(["Mục", "Giá trị"], Summary(report)),
        };
        DeterministicXlsx.Save(sheets, output);
    }

    private static IEnumerable<Dictionary<string, object?>> Rows(IReadOnlyList<string> headers, IEnumerable<object?[]> rows)
    {
        foreach (var cells in rows)
        {
            var row = new Dictionary<string, object?>(headers.Count, StringComparer.Ordinal);
            for (var i = 0; i < headers.Count; i++)
            {
                row[headers[i]] = cells[i];
            }

            yield return row;
        }
    }

    private static IEnumerable<Dictionary<string, object?>> Parents(RankingReport report)
    {
        var parents = ParentSummary.Of(report);
        var grades = parents.Count == 0 ? [] : parents[0].Grades.Select(g => g.Grade).ToList();
        IReadOnlyList<string> headers =
        [
            "Hạng (rank)", "Đơn vị cấp trên (parent)", "Số đơn vị (units)", "Chỉ số bình quân (averageIndex)",
            "Cao nhất (bestIndex)", "Thấp nhất (worstIndex)", .. grades,
        ];
        return Rows(headers, parents.Select(p => (object?[])
        [
            p.Rank, p.Parent, p.Units, p.AverageIndex, p.BestIndex, p.WorstIndex, .. p.Grades.Select(g => (object?)g.Count),
        ]));
    }

    private static IEnumerable<object?[]> Summary(RankingReport report)
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
    }
}
