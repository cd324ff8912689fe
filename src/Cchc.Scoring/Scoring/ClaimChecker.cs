using Cchc.Rules;
using Cchc.Rules.Diagnostics;
using Cchc.Rules.Model;
using Cchc.Scoring.Cards;
using Cchc.Scoring.Texts;
using Cchc.Scoring.Units;

namespace Cchc.Scoring.Scoring;

/// <summary>
/// Checks a unit's claimed points (điểm tự chấm) against the rule set and sets them beside the computed points.
/// A bad claim is a data problem with its place; it counts as not given, and the unit is still scored.
/// </summary>
internal static class ClaimChecker
{
    /// <summary>The unit's self-assessment, or null when it claims nothing; bad claims are added to <paramref name="problems"/>.</summary>
    public static SelfAssessment? Check(CompiledRuleSet ruleSet, UnitData unit, IReadOnlyList<CriterionScore> criteria, decimal maxPoints, List<DataProblem> problems, decimal? surveyPoints = null)
    {
        if (unit.Claims.Count == 0)
        {
            return null;
        }

        var order = ruleSet.Criteria.Flatten().Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var claims = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var found = new List<(int Order, string Id, DataProblem Problem)>();
        foreach (var (id, raw) in unit.Claims)
        {
            var reason = Validate(ruleSet, id, raw, out var claimed);
            if (reason is null)
            {
                claims[id] = claimed;
            }
            else
            {
                found.Add((order.GetValueOrDefault(id, int.MaxValue), id, Problem(unit, id, InputConverter.Show(raw), reason)));
            }
        }

        // Evidence (tài liệu kiểm chứng): a claim the rule set requires it for and that has none is listed; under
        // rejectClaim it is also not accepted — left out of the claimed total and reported as a problem of the claim.
        var withoutEvidence = new List<string>();
        foreach (var criterion in ruleSet.Criteria.Flatten().Where(c => claims.ContainsKey(c.Id)))
        {
            var policy = ruleSet.EvidenceFor(criterion);
            if (policy == EvidencePolicy.None || AppraisalChecker.HasEvidence(ruleSet, unit, criterion))
            {
                continue;
            }

            withoutEvidence.Add(criterion.Id);
            if (policy == EvidencePolicy.RejectClaim)
            {
                found.Add((order[criterion.Id], criterion.Id, Problem(unit, criterion.Id, InputConverter.Show(claims[criterion.Id]),
                    CchcText.Format(nameof(ScoringStrings.Claim_NoEvidence), CriterionColumns.Column(CriterionField.Evidence, criterion.Id)))));
                claims.Remove(criterion.Id);
            }
        }

        foreach (var composite in ruleSet.Criteria.Flatten().Where(c => c.Children.Count > 0 && claims.ContainsKey(c.Id)))
        {
            // Claims at both levels must agree when every sub-criterion is claimed; the composite's own claim is the one counted.
            if (composite.Children.All(c => claims.ContainsKey(c.Id)) && composite.Children.Sum(c => claims[c.Id]) is var sum && sum != claims[composite.Id])
            {
                found.Add((order[composite.Id], composite.Id, Problem(unit, composite.Id, InputConverter.Show(claims[composite.Id]),
                    CchcText.Format(nameof(ScoringStrings.Claim_SumOfChildren), CchcText.Number(sum, 6)))));
            }
        }

        problems.AddRange(found.OrderBy(f => f.Order).ThenBy(f => f.Id, StringComparer.Ordinal).Select(f => f.Problem));

        var definitions = ruleSet.Criteria;
        var claimedBase = 0m;
        var claimedBonus = 0m;
        var claimedPenalty = 0m;
        var unclaimed = new List<string>();
        for (var i = 0; i < criteria.Count; i++)
        {
            var criterion = criteria[i];
            if (criterion.Status == CriterionStatus.NotApplicable || (criterion.Kind == CriterionKind.Base && criterion.MaxPoints == 0))
            {
                // A claim on a criterion that does not count for this unit is listed as a difference, not added to the total.
                continue;
            }

            if (Effective(definitions[i], claims) is not { } claimed)
            {
                if (criterion.Kind == CriterionKind.Base)
                {
                    unclaimed.Add(criterion.Id);
                }

                continue;
            }

            switch (criterion.Kind)
            {
                case CriterionKind.Bonus:
                    claimedBonus += claimed;
                    break;
                case CriterionKind.Penalty:
                    claimedPenalty += claimed;
                    break;
                default:
                    claimedBase += claimed;
                    break;
            }
        }

        var claimedTotals = ScoreTotals.Of(ruleSet, unit.Level, claimedBase, maxPoints, claimedBonus, claimedPenalty, surveyPoints);
        var differences = criteria.Flatten()
            .Where(c => claims.ContainsKey(c.Id))
            .Select(c =>
            {
                var signed = c.Kind == CriterionKind.Penalty ? -claims[c.Id] : claims[c.Id];
                return new ClaimDifference
                {
                    Id = c.Id,
                    Title = c.Title,
                    Status = c.Status,
                    Claimed = signed,
                    Computed = c.Points,
                    Difference = c.Points - signed,
                    Explanation = c.Explanation,
                };
            })
            .Where(d => d.Difference != 0)
            .ToList();

        return new SelfAssessment
        {
            ClaimedPoints = claimedTotals.Points,
            ClaimedIndex = claimedTotals.Index,
            ClaimedGrade = claimedTotals.Grade?.Name,
            ClaimCount = claims.Count,
            Differences = differences,
            Unclaimed = unclaimed,
            WithoutEvidence = withoutEvidence.Count > 0 ? withoutEvidence : null,
        };
    }

    /// <summary>The unit's valid claims by criterion id (unsigned, as written), bad ones left out.</summary>
    public static Dictionary<string, decimal> Valid(CompiledRuleSet ruleSet, UnitData unit)
    {
        var claims = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (id, raw) in unit.Claims)
        {
            if (Validate(ruleSet, id, raw, out var claimed) is null)
            {
                claims[id] = claimed;
            }
        }

        return claims;
    }

    /// <summary>A criterion's claim: its own, or else the sum of its sub-criteria's; null when nothing below it is claimed.</summary>
    private static decimal? Effective(CriterionDefinition criterion, Dictionary<string, decimal> claims)
    {
        if (claims.TryGetValue(criterion.Id, out var own))
        {
            return own;
        }

        var children = criterion.Children.Select(c => Effective(c, claims)).OfType<decimal>().ToList();
        return children.Count > 0 ? children.Sum() : null;
    }

    private static string? Validate(CompiledRuleSet ruleSet, string id, object? raw, out decimal claimed)
    {
        claimed = 0;
        if (id.Length == 0)
        {
            return CchcText.Format(nameof(ScoringStrings.Claim_MissingCriterion), UnitData.ClaimPrefix, UnitData.ClaimsField);
        }

        if (UnknownCriterion(ruleSet, id) is { } unknown)
        {
            return unknown;
        }

        return PointsProblem(ruleSet.FindCriterion(id)!, raw, CchcText.Get(nameof(ScoringStrings.Claim_What)), out claimed);
    }

    /// <summary>Why <paramref name="id"/> names no criterion of the rule set (with the closest id), or null when it names one.</summary>
    internal static string? UnknownCriterion(CompiledRuleSet ruleSet, string id)
    {
        if (ruleSet.FindCriterion(id) is not null)
        {
            return null;
        }

        var suggestion = NameSuggestions.Closest(id, ruleSet.Criteria.Flatten().Select(c => c.Id));
        return CchcText.Format(nameof(ScoringStrings.Claim_UnknownCriterion), id, ruleSet.Id) + (suggestion is null ? "" : CchcText.Format(nameof(ScoringStrings.Claim_UnknownCriterionSuggestion), suggestion));
    }

    /// <summary>
    /// Why a per-criterion point (claimed or appraised: <paramref name="what"/>) is not valid for <paramref name="criterion"/>
    /// — not a number, negative (a penalty is written as the points taken away), above the criterion's points — or null.
    /// </summary>
    internal static string? PointsProblem(CriterionDefinition criterion, object? raw, string what, out decimal points)
    {
        points = 0;
        if (raw is null || !InputConverter.TryNumber(raw, out points))
        {
            return CchcText.Format(nameof(ScoringStrings.Claim_NotNumber), what);
        }

        if (points < 0)
        {
            return CchcText.Format(nameof(ScoringStrings.Claim_Negative), what);
        }

        if (points > criterion.Scoring.Points)
        {
            return CchcText.Format(nameof(ScoringStrings.Claim_AboveMax), what, CchcText.Number(criterion.Scoring.Points, 6), criterion.Id);
        }

        return null;
    }

    private static DataProblem Problem(UnitData unit, string id, string value, string reason)
        => new(id.Length == 0 ? UnitData.ClaimsField : UnitData.ClaimPrefix + id, AppraisalChecker.Label(CriterionField.Claim, id), value, DataProblemKind.Invalid, reason)
        {
            File = unit.Source?.File,
            Row = unit.Source?.Row,
                Line = unit.Source?.Line,
        };
}
