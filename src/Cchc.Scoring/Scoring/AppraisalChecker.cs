using System.Runtime.CompilerServices;
using Cchc.Rules;
using Cchc.Rules.Diagnostics;
using Cchc.Rules.Model;
using Cchc.Scoring.Cards;
using Cchc.Scoring.Texts;
using Cchc.Scoring.Units;

namespace Cchc.Scoring.Scoring;

/// <summary>
/// Checks a unit's appraisal data (<c>thamDinh:</c>, <c>thamDinh2:</c>, <c>nhanXet:</c>, <c>giaiTrinh:</c>,
/// <c>tlkc:</c>) against the rule set, and hands the valid appraised points to scoring.
/// </summary>
/// <remarks>
/// One rule for every per-criterion value: a value that changes the index is checked like an input — an appraised
/// point that is not a number, is outside [0, the criterion's points], names no criterion, a composite (appraisal is
/// per sub-criterion), or a criterion that does not apply to the unit's level, rejects the unit in
/// <c>UnitPipeline</c> (file, row, column, value, unit code) and is refused, reported on the card, when a host
/// scores the unit directly. A value that does not change the index (a claim, a comment, an explanation, evidence) is
/// reported on the card and ignored when bad. As for claims, a penalty's appraisal is the number of points taken away.
/// </remarks>
internal static class AppraisalChecker
{
    private static readonly ConditionalWeakTable<CompiledRuleSet, Dictionary<string, CriterionDefinition>> Parents = [];

    /// <summary>One bad value: its criterion, column, the value found, why, and whether it would change the index.</summary>
    internal readonly record struct Finding(string Id, CriterionField Field, string Column, object? Raw, string Reason, bool AffectsIndex)
    {
        /// <summary>Where the value was read, when not the unit's own row (an appraisal sheet).</summary>
        public UnitSource? Source { get; init; }
    }

    /// <summary>Every bad appraisal value of <paramref name="unit"/>, in rule-set order (unknown ids last).</summary>
    public static List<Finding> Check(CompiledRuleSet ruleSet, UnitData unit)
    {
        var found = new List<Finding>();
        if (unit.Appraisals.Count == 0)
        {
            return found;
        }

        foreach (var (id, item) in unit.Appraisals.OrderBy(a => ruleSet.CriterionIndex.GetValueOrDefault(a.Key, int.MaxValue)).ThenBy(a => a.Key, StringComparer.Ordinal))
        {
            if (Unknown(ruleSet, id) is { } unknown)
            {
                foreach (var (field, raw) in Given(item))
                {
                    found.Add(new Finding(id, field, Column(field, id), raw, unknown, field is CriterionField.Round1 or CriterionField.Round2) { Source = item.Source });
                }

                continue;
            }

            var criterion = ruleSet.FindCriterion(id)!;
            foreach (var (field, raw) in Given(item).Where(g => g.Field is CriterionField.Round1 or CriterionField.Round2))
            {
                if (PointsProblem(ruleSet, criterion, unit.Level, raw, out _) is { } reason)
                {
                    found.Add(new Finding(id, field, Column(field, id), raw, reason, true) { Source = item.Source });
                }
            }

            if (item.Round2 is not null && item.Round1 is null)
            {
                found.Add(new Finding(id, CriterionField.Round2, Column(CriterionField.Round2, id), item.Round2,
                    CchcText.Format(nameof(ScoringStrings.Appraisal_Round2WithoutRound1), CriterionColumns.Column(CriterionField.Round1, id)), true) { Source = item.Source });
            }
        }

        return found;
    }

    /// <summary>Sets the appraised points scoring applies: per sub-criterion the last valid round (2 over 1).</summary>
    public static void Fill(CompiledRuleSet ruleSet, UnitData unit, UnitScore score)
    {
        score.Requested.AsSpan().Clear();
        if (unit.Appraisals.Count == 0)
        {
            return;
        }

        foreach (var (id, item) in unit.Appraisals)
        {
            if (!ruleSet.CriterionIndex.TryGetValue(id, out var index) || item.Round1 is null)
            {
                continue;
            }

            var criterion = ruleSet.Flattened[index];
            if (PointsProblem(ruleSet, criterion, unit.Level, item.Round1, out var round1) is not null)
            {
                continue;
            }

            score.Requested[index] = PointsBasis.Round1;
            score.Appraised[index] = round1;
            if (item.Round2 is not null && PointsProblem(ruleSet, criterion, unit.Level, item.Round2, out var round2) is null)
            {
                score.Requested[index] = PointsBasis.Round2;
                score.Appraised[index] = round2;
            }
        }
    }

    /// <summary>The valid appraised points of one round for a criterion, or null.</summary>
    public static decimal? Points(CompiledRuleSet ruleSet, UnitData unit, string id, object? raw)
        => raw is not null && ruleSet.FindCriterion(id) is { } criterion && PointsProblem(ruleSet, criterion, unit.Level, raw, out var points) is null ? points : null;

    /// <summary>The column a field of a criterion is read from: <c>thamDinh:1.1</c>, or the bare field name when the id is missing.</summary>
    public static string Column(CriterionField field, string id) => id.Length == 0 ? CriterionColumns.Name(field) : CriterionColumns.Column(field, id);

    /// <summary>The Vietnamese label of a field of a criterion, for a data problem.</summary>
    public static string Label(CriterionField field, string id) => $"{CchcText.Get(field switch
    {
        CriterionField.Round1 => nameof(ScoringStrings.Appraisal_LabelRound1),
        CriterionField.Round2 => nameof(ScoringStrings.Appraisal_LabelRound2),
        CriterionField.Comment => nameof(ScoringStrings.Appraisal_LabelComment),
        CriterionField.Explanation => nameof(ScoringStrings.Appraisal_LabelExplanation),
        CriterionField.Evidence => nameof(ScoringStrings.Appraisal_LabelEvidence),
        _ => nameof(ScoringStrings.Appraisal_LabelClaim),
    })} {id}".TrimEnd();

    private static IEnumerable<(CriterionField Field, object Raw)> Given(CriterionAppraisal item)
    {
        if (item.Round1 is not null)
        {
            yield return (CriterionField.Round1, item.Round1);
        }

        if (item.Round2 is not null)
        {
            yield return (CriterionField.Round2, item.Round2);
        }

        if (item.Comment is not null)
        {
            yield return (CriterionField.Comment, item.Comment);
        }

        if (item.Explanation is not null)
        {
            yield return (CriterionField.Explanation, item.Explanation);
        }

        if (item.Evidence.Count > 0)
        {
            yield return (CriterionField.Evidence, string.Join("; ", item.Evidence));
        }
    }

    private static string? Unknown(CompiledRuleSet ruleSet, string id)
    {
        if (id.Length == 0)
        {
            return CchcText.Get(nameof(ScoringStrings.Appraisal_MissingCriterion));
        }

        return ClaimChecker.UnknownCriterion(ruleSet, id);
    }

    private static string? PointsProblem(CompiledRuleSet ruleSet, CriterionDefinition criterion, UnitLevel level, object raw, out decimal points)
    {
        points = 0;
        if (criterion.Children.Count > 0)
        {
            return CchcText.Format(nameof(ScoringStrings.Appraisal_ParentCriterion), criterion.Id, string.Join(", ", criterion.Children.Select(c => c.Id)));
        }

        for (var c = criterion; c is not null; c = Parent(ruleSet, c))
        {
            if (!c.AppliesTo(level))
            {
                return CchcText.Format(nameof(ScoringStrings.Appraisal_NotApplicableLevel), c.Id, level.ToCode());
            }
        }

        return ClaimChecker.PointsProblem(criterion, raw, CchcText.Get(nameof(ScoringStrings.Appraisal_What)), out points);
    }

    /// <summary>Whether the unit gives evidence for a claim on <paramref name="criterion"/>: a <c>tlkc:</c> reference on it or on a composite above it.</summary>
    public static bool HasEvidence(CompiledRuleSet ruleSet, UnitData unit, CriterionDefinition criterion)
    {
        for (var c = criterion; c is not null; c = Parent(ruleSet, c))
        {
            if (unit.Appraisals.TryGetValue(c.Id, out var item) && item.Evidence.Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    private static CriterionDefinition? Parent(CompiledRuleSet ruleSet, CriterionDefinition criterion)
        => Parents.GetValue(ruleSet, r => r.Criteria.Flatten().SelectMany(p => p.Children.Select(c => (c.Id, Parent: p))).ToDictionary(x => x.Id, x => x.Parent, StringComparer.Ordinal))
            .GetValueOrDefault(criterion.Id);
}
