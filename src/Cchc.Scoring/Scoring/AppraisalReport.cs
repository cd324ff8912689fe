using Cchc.Rules;
using Cchc.Rules.Model;
using Cchc.Scoring.Cards;
using Cchc.Scoring.Texts;
using Cchc.Scoring.Units;

namespace Cchc.Scoring.Scoring;

/// <summary>Puts a scored unit's appraisal into the card: its data problems and its appraisal record.</summary>
internal static class AppraisalReport
{
    /// <summary>
    /// The unit's appraisal record, or null when its data carries no appraisal; bad appraisal values and appraisals
    /// that were not applied (the criterion does not count for the unit) are added to <paramref name="problems"/>.
    /// </summary>
    public static AppraisalSummary? Of(CompiledRuleSet ruleSet, UnitData unit, UnitScore score, IReadOnlyList<CriterionScore> criteria, List<DataProblem> problems)
    {
        if (unit.Appraisals.Count == 0)
        {
            return null;
        }

        foreach (var finding in AppraisalChecker.Check(ruleSet, unit))
        {
            problems.Add(Problem(finding.Source ?? unit.Source, finding.Column, AppraisalChecker.Label(finding.Field, finding.Id), InputConverter.Show(finding.Raw), finding.Reason));
        }

        for (var i = 0; i < score.Requested.Length; i++)
        {
            if (score.Requested[i] != PointsBasis.Computed && score.Basis[i] == PointsBasis.Computed)
            {
                var id = ruleSet.Flattened[i].Id;
                var field = score.Requested[i] == PointsBasis.Round2 ? CriterionField.Round2 : CriterionField.Round1;
                var item = unit.Appraisals[id];
                problems.Add(Problem(item.Source ?? unit.Source, CriterionColumns.Column(field, id), AppraisalChecker.Label(field, id), InputConverter.Show(field == CriterionField.Round2 ? item.Round2 : item.Round1),
                    CchcText.Format(nameof(ScoringStrings.Appraisal_NotCounted), id, (score.Shown[i] ? score.Status[i] : CriterionStatus.NotApplicable) is var status && CchcText.English ? status.ToCode() : status.ToVietnamese().ToLowerInvariant())));
            }
        }

        var claims = ClaimChecker.Valid(ruleSet, unit);
        var lines = new List<AppraisalLine>();
        var round2 = 0;
        foreach (var criterion in criteria.Flatten())
        {
            var index = ruleSet.CriterionIndex[criterion.Id];
            unit.Appraisals.TryGetValue(criterion.Id, out var item);
            decimal? claimed = claims.TryGetValue(criterion.Id, out var c) ? c : null;
            if (item is null && claimed is null)
            {
                continue;
            }

            decimal? Signed(decimal? points) => points is { } p && criterion.Kind == CriterionKind.Penalty ? -p : points;
            var r1 = Signed(item?.Round1 is { } raw1 ? AppraisalChecker.Points(ruleSet, unit, criterion.Id, raw1) : null);
            var r2 = Signed(item?.Round1 is not null && item.Round2 is { } raw2 ? AppraisalChecker.Points(ruleSet, unit, criterion.Id, raw2) : null);
            var computed = criterion.ComputedPoints ?? criterion.Points;
            var given = new[] { Signed(claimed), computed, r1, r2 }.OfType<decimal>().Distinct().Count();
            round2 += score.Basis[index] == PointsBasis.Round2 ? 1 : 0;
            lines.Add(new AppraisalLine
            {
                Id = criterion.Id,
                Title = criterion.Title,
                FullPoints = criterion.FullPoints,
                Status = criterion.Status,
                Claimed = Signed(claimed),
                Computed = computed,
                Round1 = r1,
                Round2 = r2,
                Final = criterion.Points,
                Basis = criterion.Basis,
                Differs = given > 1,
                Comment = item?.Comment,
                UnitExplanation = item?.Explanation,
                Evidence = item?.Evidence ?? [],
            });
        }

        // The totals the computed points alone give, through the same formula as the final ones.
        decimal basePoints = 0, bonus = 0, penalty = 0;
        foreach (var i in score.Plan.TopLevel)
        {
            switch (score.Plan.Definition(i).Kind)
            {
                case CriterionKind.Bonus:
                    bonus += score.Computed[i];
                    break;
                case CriterionKind.Penalty:
                    penalty -= score.Computed[i];
                    break;
                default:
                    basePoints += score.Computed[i];
                    break;
            }
        }

        var computedTotals = ScoreTotals.Of(ruleSet, unit.Level, basePoints, score.Totals.MaxPoints, bonus, penalty);
        return new AppraisalSummary
        {
            Round2Count = round2,
            ComputedPoints = computedTotals.Points,
            ComputedIndex = computedTotals.Index,
            Lines = lines,
        };
    }

    private static DataProblem Problem(UnitSource? at, string column, string label, string value, string reason)
        => new(column, label, value, DataProblemKind.Invalid, reason)
        {
            File = at?.File,
            Row = at?.Row,
            Line = at?.Line,
        };
}
