using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using MiniExcelLibs;

namespace Cchc.Scoring.Ranking;

/// <summary>
/// The ranking as XLSX, written by MiniExcel (streaming, no System.Drawing): sheet "Xếp hạng" (one row per unit,
/// numbers as numbers), "Lỗi" (rejections and column problems) and "Tóm tắt" (counts, rule set, grades).
/// </summary>
internal static partial class RankingXlsx
{
    /// <summary>Every zip entry carries this time, so that the same ranking gives the same bytes tomorrow.</summary>
    private static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Write(RankingReport report, Stream output, CancellationToken cancellationToken)
    {
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["Xếp hạng"] = Rows(RankingTable.Headers(report), report.Rows.Select(r =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                return RankingTable.Cells(report, r);
            })),
            ["Lỗi"] = Rows(RankingTable.ErrorHeaders, RankingTable.Errors(report).Select(RankingTable.ErrorCells)),
            ["Tóm tắt"] = Rows(["Mục", "Giá trị"], Summary(report)),
        };
        using var workbook = new MemoryStream();
        workbook.SaveAs(sheets, excelType: ExcelType.XLSX);
        workbook.Position = 0;
        Normalize(workbook, output);
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

    /// <summary>
    /// Copies the workbook's zip entries, in order, into a new zip whose entries all carry one fixed time, and
    /// whose relationship ids are numbered instead of random: MiniExcel stamps each entry with the current time and
    /// names each sheet's relationship with a new GUID, which would make every run's bytes differ.
    /// </summary>
    private static void Normalize(Stream workbook, Stream output)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        using var source = new ZipArchive(workbook, ZipArchiveMode.Read, leaveOpen: true);
        using var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in source.Entries)
        {
            var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
            copy.LastWriteTime = EntryTime;
            using var from = entry.Open();
            using var to = copy.Open();
            if (entry.FullName.EndsWith(".xml", StringComparison.Ordinal) || entry.FullName.EndsWith(".rels", StringComparison.Ordinal))
            {
                using var reader = new StreamReader(from, Encoding.UTF8, detectEncodingFromByteOrderMarks: false);
                var text = RandomRelationshipId().Replace(reader.ReadToEnd(), m =>
                {
                    if (!ids.TryGetValue(m.Value, out var id))
                    {
                        id = $"rIdCchc{ids.Count + 1}";
                        ids[m.Value] = id;
                    }

                    return id;
                });
                var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
                to.Write(bytes);
            }
            else
            {
                from.CopyTo(to);
            }
        }
    }

    [GeneratedRegex("\\bR[0-9a-f]{32}\\b", RegexOptions.CultureInvariant)]
    private static partial Regex RandomRelationshipId();
}
