using System.Collections.Concurrent;
using System.Text;
using Cchc.Rules.Model;
using Cchc.Scoring.Cards;
using Cchc.Scoring.Texts;

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

/// <summary>Renders a criterion's sentence from its template (the rule set's, Vietnamese), or from a standard sentence (Vietnamese, or English with <see cref="Cchc.Rules.CchcLanguage.Current"/>).</summary>
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
        "leadUnit" => facts.Criterion.LeadUnit ?? CchcText.Get(nameof(ScoringStrings.Expl_NoLeadUnit)),
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

    /// <summary>
    /// The standard sentence of a status, from the library's texts in <see cref="Cchc.Rules.CchcLanguage.Current"/>
    /// (Vietnamese unless set to English): its parts <c>{targetPart}</c> and <c>{leadPart}</c> are filled here, its
    /// placeholders by <see cref="Render"/>. The expression's error and the level are written into the template, as
    /// they always were.
    /// </summary>
    private static string Standard(ExplanationFacts facts)
    {
        var template = facts.Status switch
        {
            CriterionStatus.Met => CchcText.Get(facts.Value is null ? nameof(ScoringStrings.Expl_Met) : nameof(ScoringStrings.Expl_MetValue)),
            CriterionStatus.Partial => CchcText.Get(nameof(ScoringStrings.Expl_Partial)),
            CriterionStatus.NotMet => CchcText.Get(facts.Gap is null ? nameof(ScoringStrings.Expl_NotMet) : nameof(ScoringStrings.Expl_NotMetGap)),
            CriterionStatus.NoOccurrence => CchcText.Get(facts.Criterion.WhenNoOccurrence switch
            {
                NoOccurrencePolicy.Full => nameof(ScoringStrings.Expl_NoOccurrenceFull),
                NoOccurrencePolicy.Zero => nameof(ScoringStrings.Expl_NoOccurrenceZero),
                _ => nameof(ScoringStrings.Expl_NoOccurrenceExcluded),
            }),
            CriterionStatus.NotApplicable => facts.Criterion.AppliesTo(facts.Level)
                ? CchcText.Get(nameof(ScoringStrings.Expl_NotApplicable))
                : CchcText.Get(nameof(ScoringStrings.Expl_NotApplicableLevel)).Replace("{level}", facts.Level.ToVietnamese(), StringComparison.Ordinal),
            CriterionStatus.MissingData => CchcText.Get(nameof(ScoringStrings.Expl_MissingData)),
            _ => CchcText.Get(nameof(ScoringStrings.Expl_Error)).Replace("{error}", facts.Error ?? Unknown, StringComparison.Ordinal),
        };
        return template
            .Replace("{targetPart}", facts.Target is null ? "" : CchcText.Get(nameof(ScoringStrings.Expl_TargetPart)), StringComparison.Ordinal)
            .Replace("{leadPart}", facts.Criterion.LeadUnit is null ? "" : CchcText.Get(nameof(ScoringStrings.Expl_LeadPart)), StringComparison.Ordinal);
    }
}
