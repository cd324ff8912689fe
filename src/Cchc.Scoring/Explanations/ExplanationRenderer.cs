using System.Collections.Concurrent;
using System.Text;
using Cchc.Rules.Model;
using Cchc.Scoring.Cards;

namespace Cchc.Scoring.Explanations;

/// <summary>The facts an explanation is rendered from.</summary>
internal sealed record ExplanationFacts(
    CriterionDefinition Criterion,
    CriterionStatus Status,
    string? Value,
    string? Target,
    string? TargetText,
    string? Gap,
    decimal Points,
    decimal MaxPoints,
    string? Missing,
    string? Error,
    UnitLevel Level);

/// <summary>Renders a criterion's Vietnamese sentence from its template, or from a standard sentence.</summary>
internal static class ExplanationRenderer
{
    private const string Unknown = "—";
    private static readonly ConcurrentDictionary<string, string[]> Parts = new(StringComparer.Ordinal);

    public static string Render(ExplanationFacts facts)
    {
        var key = facts.Status.ToCode();
        var template = facts.Criterion.Explanations.TryGetValue(key, out var custom) ? custom : Standard(facts);
        var parts = Parts.GetOrAdd(template, Split);
        var text = new StringBuilder(template.Length + 64);
        for (var i = 0; i < parts.Length; i++)
        {
            // Even positions are literal text, odd positions placeholder names.
            text.Append(i % 2 == 0 ? parts[i] : Fill(parts[i], facts));
        }

        return text.ToString();
    }

    private static string Fill(string placeholder, ExplanationFacts facts) => placeholder switch
    {
        "title" => facts.Criterion.Title,
        "value" => facts.Value ?? Unknown,
        "target" => facts.Target ?? Unknown,
        "targetText" => facts.TargetText ?? facts.Target ?? Unknown,
        "gap" => facts.Gap ?? Unknown,
        "points" => VietnameseFormat.Number(facts.Points),
        "maxPoints" => VietnameseFormat.Number(facts.MaxPoints),
        "leadUnit" => facts.Criterion.LeadUnit ?? "chưa phân công",
        "missing" => facts.Missing ?? Unknown,
        _ => "{" + placeholder + "}",
    };

    /// <summary>
    /// A template split once into literal text and placeholder names (literal, name, literal, …, literal), so a
    /// batch of 10,000 units does not search every sentence again. Templates are the rule set's own and the few
    /// standard sentences, so the cache stays small.
    /// </summary>
    private static string[] Split(string template)
    {
        var parts = new List<string>();
        var literal = 0;
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] != '{')
            {
                continue;
            }

            var end = i + 1;
            while (end < template.Length && char.IsAsciiLetter(template[end]))
            {
                end++;
            }

            if (end == i + 1 || end >= template.Length || template[end] != '}')
            {
                continue;
            }

            parts.Add(template[literal..i]);
            parts.Add(template[(i + 1)..end]);
            literal = end + 1;
            i = end;
        }

        parts.Add(template[literal..]);
        return [.. parts];
    }

    private static string Standard(ExplanationFacts facts)
    {
        var target = facts.Target is null ? "" : "; mục tiêu {targetText}";
        var lead = facts.Criterion.LeadUnit is null ? "" : " Đơn vị phụ trách: {leadUnit}.";
        return facts.Status switch
        {
            CriterionStatus.Met => facts.Value is null ? "{title}: đạt." : $"{{title}}: đạt ({{value}}{target}).",
            CriterionStatus.Partial => $"{{title}}: đạt một phần, {{points}}/{{maxPoints}} điểm ({{value}}{target}).{lead}",
            CriterionStatus.NotMet => facts.Gap is null
                ? $"{{title}}: chưa đạt ({{value}}{target}).{lead}"
                : $"{{title}}: chưa đạt ({{value}}{target}, còn thiếu {{gap}}).{lead}",
            CriterionStatus.NoOccurrence => facts.Criterion.WhenNoOccurrence switch
            {
                NoOccurrencePolicy.Full => "{title}: không phát sinh trong kỳ đánh giá, được tính đủ điểm.",
                NoOccurrencePolicy.Zero => "{title}: không phát sinh trong kỳ đánh giá, không được tính điểm.",
                _ => "{title}: không phát sinh trong kỳ đánh giá, không tính vào điểm tối đa.",
            },
            CriterionStatus.NotApplicable => facts.Criterion.AppliesTo(facts.Level)
                ? "{title}: không áp dụng đối với đơn vị này, không tính vào điểm tối đa."
                : $"{{title}}: không áp dụng đối với đơn vị {facts.Level.ToVietnamese()}.",
            CriterionStatus.MissingData => "{title}: thiếu dữ liệu ({missing}), chưa chấm được.",
            _ => $"{{title}}: không tính được do lỗi biểu thức ({facts.Error ?? Unknown}).",
        };
    }
}
