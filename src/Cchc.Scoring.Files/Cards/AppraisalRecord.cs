using System.Globalization;
using System.Text;
using Cchc.Rules;
using Cchc.Rules.Model;
using Cchc.Scoring.Spreadsheets;
using Cchc.Scoring.Texts;

namespace Cchc.Scoring.Cards;

/// <summary>
/// Each unit's appraisal record (biên bản thẩm định): per criterion its id, title, points, the unit's claim, the
/// computed points, the council's round-1 and round-2 points, the final points and their basis, the comment, the
/// unit's explanation and the evidence; then the totals. Written as one self-contained HTML page or as an XLSX workbook
/// (a summary sheet and one sheet of every unit's criteria), in Vietnamese, the same bytes on any machine.
/// </summary>
public static class AppraisalRecord
{
    private const string Style = """
        body{font-family:system-ui,"Segoe UI",Roboto,Arial,sans-serif;margin:24px;color:#1f2933}
        h1{font-size:22px}h2{font-size:18px;margin-top:32px;border-top:2px solid #cbd2d9;padding-top:12px}
        table{border-collapse:collapse;font-size:13px;margin-top:8px}
        th{background:#f5f7fa;text-align:left;vertical-align:bottom}
        th,td{padding:3px 8px;border:1px solid #e4e7eb;vertical-align:top}
        td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        tr.d td{background:#fffbea}tr.c td{font-weight:600;background:#f8fafc}
        tr.t td{font-weight:700;background:#eef2f7}
        .m{color:#616e7c}.w{color:#b44d12}
        table.record td:nth-child(2){min-width:240px}table.record td:nth-child(9){white-space:nowrap}
        """;

    /// <summary>The words of a basis in <see cref="CchcLanguage.Current"/>: Tính từ số liệu, Thẩm định lần 1, Thẩm định lần 2.</summary>
    public static string BasisWords(PointsBasis basis) => FileText.Get(basis switch
    {
        PointsBasis.Round1 => nameof(FileStrings.Record_BasisRound1),
        PointsBasis.Round2 => nameof(FileStrings.Record_BasisRound2),
        _ => nameof(FileStrings.Record_BasisComputed),
    });

    /// <summary>Writes the records of <paramref name="cards"/> as one self-contained HTML page (inline CSS, no script).</summary>
    public static void WriteHtml(IReadOnlyList<ScoreCard> cards, CompiledRuleSet ruleSet, Stream output)
    {
        ArgumentNullException.ThrowIfNull(cards);
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(output);
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        writer.WriteLine("<!DOCTYPE html>");
        writer.WriteLine("<html lang=\"vi\">");
        writer.WriteLine($"<head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>{E(FileText.Format(nameof(FileStrings.Record_Title), ruleSet.Title))}</title>");
        writer.WriteLine("<style>\n" + Style + "</style></head>");
        writer.WriteLine("<body>");
        writer.WriteLine($"<h1>{E(FileText.Format(nameof(FileStrings.Record_Heading), ruleSet.Title))}</h1>");
        writer.WriteLine($"<p class=\"m\">Bộ tiêu chí {E(ruleSet.Id)} {E(ruleSet.Version)} · SHA-256 {E(ruleSet.Sha256)} · {N(cards.Count)} đơn vị. Điểm cuối cùng: điểm thẩm định lần cuối (lần 2, nếu không có thì lần 1) ở tiêu chí được thẩm định, điểm tính từ số liệu ở tiêu chí khác. Dòng tô vàng: điểm tự chấm, điểm tính và điểm thẩm định không khớp nhau.</p>");
        foreach (var card in cards)
        {
            var unit = card.Unit;
            writer.WriteLine($"<h2 id=\"u-{E(unit.Code)}\">{E(unit.Name)} ({E(unit.Code)})</h2>");
            writer.WriteLine($"<p>Điểm cuối cùng <b>{P(card.Points)}</b>/{P(card.MaxPoints)} · Chỉ số <b>{Index(card.Index, ruleSet)}</b> · Xếp loại <b>{E(card.Grade ?? "—")}</b> · Số tiêu chí lấy điểm thẩm định: <b>{N(card.AppraisedCount)}</b>{(card.Appraisal is { } a ? $" (lần 2: {N(a.Round2Count)}) · Nếu chỉ tính từ số liệu: {P(a.ComputedPoints)} điểm, chỉ số {Index(a.ComputedIndex, ruleSet)}" : "")}{(card.SelfAssessment is { } s ? $" · Tự chấm: {P(s.ClaimedPoints)} điểm" : "")}</p>");
            writer.WriteLine($"<table class=\"record\"><thead><tr><th>{FileText.Get(nameof(FileStrings.Html_Code))}</th><th>{FileText.Get(nameof(FileStrings.Record_Criterion))}</th><th>{FileText.Get(nameof(FileStrings.Record_MaxPointsShort))}</th><th>{FileText.Get(nameof(FileStrings.Appraisal_Claimed))}</th><th>{FileText.Get(nameof(FileStrings.Record_ComputedShort))}</th><th>{FileText.Get(nameof(FileStrings.Record_BasisRound1))}</th><th>{FileText.Get(nameof(FileStrings.Record_BasisRound2))}</th><th>{FileText.Get(nameof(FileStrings.Record_Final))}</th><th>{FileText.Get(nameof(FileStrings.Record_Basis))}</th><th>{FileText.Get(nameof(FileStrings.Appraisal_CouncilComment))}</th><th>{FileText.Get(nameof(FileStrings.Appraisal_UnitExplanation))}</th><th>{FileText.Get(nameof(FileStrings.Appraisal_Evidence))}</th></tr></thead><tbody>");
            foreach (var row in Rows(card))
            {
                var css = row.Composite ? " class=\"c\"" : row.Differs ? " class=\"d\"" : "";
                writer.WriteLine($"<tr{css}><td>{E(row.Id)}</td><td>{E(row.Title)}</td><td class=\"n\">{P(row.Max)}</td><td class=\"n\">{P(row.Claimed)}</td><td class=\"n\">{P(row.Computed)}</td><td class=\"n\">{P(row.Round1)}</td><td class=\"n\">{P(row.Round2)}</td><td class=\"n\"><b>{P(row.Final)}</b></td><td>{E(row.Composite ? "" : BasisWords(row.Basis))}</td><td>{E(row.Comment ?? "")}</td><td>{E(row.Explanation ?? "")}</td><td>{string.Join("<br>", row.Evidence.Select(E))}</td></tr>");
            }

            writer.WriteLine($"<tr class=\"t\"><td></td><td>Tổng cộng (cộng điểm thưởng, trừ điểm trừ trong mức trần)</td><td class=\"n\">{P(card.MaxPoints)}</td><td class=\"n\">{P(card.SelfAssessment?.ClaimedPoints)}</td><td class=\"n\">{P(card.Appraisal?.ComputedPoints ?? card.Points)}</td><td></td><td></td><td class=\"n\">{P(card.Points)}</td><td></td><td></td><td></td><td></td></tr>");
            writer.WriteLine("</tbody></table>");
            if (card.SelfAssessment?.WithoutEvidence is { Count: > 0 } missing)
            {
                writer.WriteLine($"<p class=\"w\">Tự chấm điểm nhưng không có tài liệu kiểm chứng: {E(string.Join(", ", missing))}.</p>");
            }

            var problems = card.Problems.Where(p => p.Input.Contains(':', StringComparison.Ordinal)).ToList();
            if (problems.Count > 0)
            {
                writer.WriteLine("<p class=\"w\">Số liệu thẩm định có vấn đề:</p><ul>");
                foreach (var problem in problems)
                {
                    writer.WriteLine($"<li>{E(problem.File ?? "")}{(problem.Row is { } r ? $", dòng {r.ToString(CultureInfo.InvariantCulture)}" : "")}, cột {E(problem.Input)} = '{E(problem.Value)}': {E(problem.Reason)}</li>");
                }

                writer.WriteLine("</ul>");
            }
        }

        writer.WriteLine("</body></html>");
    }

    /// <summary>Writes the records of <paramref name="cards"/> as an XLSX workbook: "Tổng hợp" (one row per unit) and "Biên bản thẩm định" (one row per unit and criterion).</summary>
    public static void WriteXlsx(IReadOnlyList<ScoreCard> cards, CompiledRuleSet ruleSet, Stream output)
    {
        ArgumentNullException.ThrowIfNull(cards);
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(output);
        IReadOnlyList<XlsxSheet> sheets =
        [
            new(FileText.Get(nameof(FileStrings.Record_SheetSummary)),
            [
                new(FileText.Get(nameof(FileStrings.Record_Code)), XlsxFormat.Text), new(FileText.Get(nameof(FileStrings.Record_Name)), Width: 30), new(FileText.Get(nameof(FileStrings.Record_Claimed)), XlsxFormat.Decimal2), new(FileText.Get(nameof(FileStrings.Record_Computed)), XlsxFormat.Decimal2),
                new(FileText.Get(nameof(FileStrings.Record_Points)), XlsxFormat.Decimal2), new(FileText.Get(nameof(FileStrings.Record_MaxPoints)), XlsxFormat.Decimal2), new(FileText.Get(nameof(FileStrings.Record_Index)), XlsxFormat.Decimal2), new(FileText.Get(nameof(FileStrings.Record_Grade))),
                new(FileText.Get(nameof(FileStrings.Record_AppraisedCount)), XlsxFormat.Integer), new(FileText.Get(nameof(FileStrings.Record_Round2Count)), XlsxFormat.Integer), new(FileText.Get(nameof(FileStrings.Record_DifferentCount)), XlsxFormat.Integer), new(FileText.Get(nameof(FileStrings.Record_NoEvidence)), Width: 40),
            ],
            cards.Select(c => new object?[]
            {
                c.Unit.Code, c.Unit.Name, c.SelfAssessment?.ClaimedPoints, c.Appraisal?.ComputedPoints ?? c.Points, c.Points, c.MaxPoints, c.Index, c.Grade,
                c.AppraisedCount, c.Appraisal?.Round2Count ?? 0, Rows(c).Count(r => r.Differs && !r.Composite), string.Join(", ", c.SelfAssessment?.WithoutEvidence ?? []),
            })),
            new(FileText.Get(nameof(FileStrings.Record_SheetRecord)),
            [
                new(FileText.Get(nameof(FileStrings.Record_Code)), XlsxFormat.Text), new(FileText.Get(nameof(FileStrings.Record_UnitName)), Width: 24), new(FileText.Get(nameof(FileStrings.Record_CriterionCode)), XlsxFormat.Text), new(FileText.Get(nameof(FileStrings.Record_Criterion)), Width: 50), new(FileText.Get(nameof(FileStrings.Record_MaxPointsShort)), XlsxFormat.Decimal2),
                new(FileText.Get(nameof(FileStrings.Record_ClaimCol)), XlsxFormat.Decimal2), new(FileText.Get(nameof(FileStrings.Record_ComputedShort)), XlsxFormat.Decimal2), new(FileText.Get(nameof(FileStrings.Record_Round1Col)), XlsxFormat.Decimal2), new(FileText.Get(nameof(FileStrings.Record_Round2Col)), XlsxFormat.Decimal2),
                new(FileText.Get(nameof(FileStrings.Record_Final)), XlsxFormat.Decimal2), new(FileText.Get(nameof(FileStrings.Record_Basis)), Width: 18), new(FileText.Get(nameof(FileStrings.Record_Difference))), new(FileText.Get(nameof(FileStrings.Record_CommentCol)), Width: 50), new(FileText.Get(nameof(FileStrings.Record_ExplanationCol)), Width: 50), new(FileText.Get(nameof(FileStrings.Record_EvidenceCol)), Width: 50),
            ],
            cards.SelectMany(c => Rows(c).Select(r => new object?[]
            {
                c.Unit.Code, c.Unit.Name, r.Id, r.Title, r.Max, r.Claimed, r.Computed, r.Round1, r.Round2, r.Final, r.Composite ? "" : BasisWords(r.Basis), r.Differs && !r.Composite ? "x" : "",
                r.Comment, r.Explanation, string.Join("; ", r.Evidence),
            }))),
        ];
        StyledXlsx.Save(sheets, output);
    }

    /// <summary>One row of a record: a criterion as the council reads it.</summary>
    internal sealed record Row(string Id, string Title, bool Composite, decimal Max, decimal? Claimed, decimal Computed, decimal? Round1, decimal? Round2, decimal Final, PointsBasis Basis, bool Differs, string? Comment, string? Explanation, IReadOnlyList<string> Evidence);

    /// <summary>Every criterion that applies to the unit, in rule-set order, with what the data says of it.</summary>
    internal static IEnumerable<Row> Rows(ScoreCard card)
    {
        var lines = card.Appraisal?.Lines.ToDictionary(l => l.Id, StringComparer.Ordinal) ?? [];
        foreach (var criterion in card.Criteria.Flatten().Where(c => c.Status != CriterionStatus.NotApplicable))
        {
            var max = criterion.Kind == CriterionKind.Penalty ? -criterion.FullPoints : criterion.FullPoints;
            var composite = criterion.Children.Count > 0;
            var computed = criterion.ComputedPoints ?? criterion.Points;
            yield return lines.TryGetValue(criterion.Id, out var line)
                ? new Row(criterion.Id, criterion.Title, composite, max, line.Claimed, line.Computed, line.Round1, line.Round2, line.Final, line.Basis, line.Differs, line.Comment, line.UnitExplanation, line.Evidence)
                : new Row(criterion.Id, criterion.Title, composite, max, null, computed, null, null, criterion.Points, criterion.Basis, computed != criterion.Points, null, null, []);
        }
    }

    private static string P(decimal? value) => value is { } v ? VietnameseFormat.Number(v) : "";

    private static string Index(decimal? index, CompiledRuleSet ruleSet) => index is { } i ? VietnameseFormat.Number(i, ruleSet.Index.Decimals) : "—";

    private static string N(int value) => VietnameseFormat.Number(value, 0);

    private static string E(string text)
        => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);
}
