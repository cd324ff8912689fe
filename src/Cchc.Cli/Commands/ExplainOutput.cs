using System.Text.Json;
using System.Text.Json.Nodes;
using Cchc.Rules;
using Cchc.Scoring;
using Cchc.Scoring.Cards;
using Cchc.Scoring.Explanations;

namespace Cchc.Cli.Commands;

/// <summary>The self-assessment section of a card and the what-if list of <c>cchc score --explain</c>, as text and JSON.</summary>
internal static class ExplainOutput
{
    /// <summary>
    /// Where the listed criteria come from, when not stated as such in a document (Properties.<c>source</c>): each
    /// borrowed or inferred criterion with its cited documents and reading, and the reconstructed ones by id.
    /// </summary>
    public static void WriteSources(TextWriter writer, CompiledRuleSet ruleSet, ScoreCard card, bool all)
    {
        var listed = card.Criteria.Flatten()
            .Where(c => all || c.Status != CriterionStatus.NotApplicable)
            .Select(c => ruleSet.FindCriterion(c.Id))
            .OfType<Cchc.Rules.Model.CriterionDefinition>()
            .Where(c => c.Source is { Basis: not Cchc.Rules.Model.SourceBasis.Stated })
            .ToList();
        if (listed.Count == 0)
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine("Nguồn của tiêu chí không lấy nguyên văn từ văn bản:");
        foreach (var criterion in listed.Where(c => c.Source!.Basis != Cchc.Rules.Model.SourceBasis.Reconstructed))
        {
            writer.WriteLine($"  {criterion.Id}: {criterion.Source}");
        }

        var reconstructed = listed.Where(c => c.Source!.Basis == Cchc.Rules.Model.SourceBasis.Reconstructed).Select(c => c.Id).ToList();
        if (reconstructed.Count > 0)
        {
            writer.WriteLine($"  Tái dựng, cần đối chiếu văn bản chính thức ({reconstructed.Count}): {string.Join(", ", reconstructed)}.");
        }
    }

    /// <summary>The "Tự chấm" section: claimed against computed totals, and every criterion where they differ.</summary>
    public static void WriteSelfAssessment(TextWriter writer, CompiledRuleSet ruleSet, ScoreCard card)
    {
        if (card.SelfAssessment is not { } self)
        {
            return;
        }

        writer.WriteLine();
        var index = self.ClaimedIndex is { } i ? VietnameseFormat.Number(i, ruleSet.Index.Decimals) : "—";
        writer.WriteLine($"Tự chấm: {Points(self.ClaimedPoints)}/{Points(card.MaxPoints)} · Chỉ số tự chấm: {index} · Xếp loại tự chấm: {self.ClaimedGrade ?? "—"} (điểm chấm: {Points(card.Points)}/{Points(card.MaxPoints)})");
        if (self.Differences.Count == 0)
        {
            writer.WriteLine($"Điểm tự chấm khớp với điểm chấm ở cả {self.ClaimCount} tiêu chí đã tự chấm.");
        }
        else
        {
            writer.WriteLine($"Tiêu chí có điểm tự chấm khác điểm chấm ({self.Differences.Count}) — nội dung hội đồng thẩm định cần xem xét:");
            var table = new Table("Mã", "Trạng thái", "Tự chấm", "Điểm chấm", "Chênh lệch", "Giải thích");
            foreach (var difference in self.Differences)
            {
                table.Add(difference.Id, difference.Status.ToVietnamese(), Points(difference.Claimed), Points(difference.Computed), Signed(difference.Difference), difference.Explanation);
            }

            table.Write(writer);
        }

        if (self.Unclaimed.Count > 0)
        {
            writer.WriteLine($"Chưa tự chấm: {string.Join(", ", self.Unclaimed)}.");
        }
    }

    /// <summary>The what-if list under a unit's table: where points were lost, most recoverable first, and the next grade.</summary>
    public static void WriteWhatIf(TextWriter writer, WhatIfAnalysis analysis)
    {
        writer.WriteLine("Có thể cải thiện (xếp theo số điểm có thể thêm):");
        if (analysis.Items.Count == 0)
        {
            writer.WriteLine("Không còn tiêu chí nào có thể thêm điểm.");
        }
        else
        {
            var table = new Table("Mã", "Loại", "Điểm", "Có thể thêm", "Cần làm");
            foreach (var item in analysis.Items)
            {
                table.Add(item.Id, Kind(item.Kind), $"{Points(item.Points)}/{Points(item.MaxPoints)}", "+" + Points(item.Recoverable), item.Advice);
            }

            table.Write(writer);
        }

        writer.WriteLine(analysis.Summary);
        writer.WriteLine();
    }

    /// <summary>The cards as JSON, each with its <c>whatIf</c> object; one card is an object, several an array.</summary>
    public static string Json(IReadOnlyList<ScoreCard> cards, CompiledRuleSet ruleSet)
    {
        var nodes = cards.Select(card =>
        {
            var node = JsonSerializer.SerializeToNode(card, ScoreCardJson.Options)!.AsObject();
            node["whatIf"] = JsonSerializer.SerializeToNode(WhatIf.Analyze(card, ruleSet), ScoreCardJson.Options);
            return (JsonNode)node;
        }).ToList();
        JsonNode root = nodes.Count == 1 ? nodes[0] : new JsonArray([.. nodes]);
        return root.ToJsonString(ScoreCardJson.Options);
    }

    private static string Kind(WhatIfKind kind) => kind switch
    {
        WhatIfKind.LostPoints => "Mất điểm",
        WhatIfKind.MissingData => "Thiếu dữ liệu",
        WhatIfKind.Bonus => "Điểm thưởng",
        _ => "Điểm trừ",
    };

    private static string Points(decimal value) => VietnameseFormat.Number(value, 6);

    private static string Signed(decimal value) => value > 0 ? "+" + Points(value) : Points(value);
}
