using Cchc.Rules;
using Cchc.Rules.Model;
using Cchc.Scoring.Cards;
using Cchc.Scoring.Scoring;
using Cchc.Scoring.Texts;

namespace Cchc.Scoring.Explanations;

/// <summary>
/// What-if for a score card: the criteria where the unit lost points, sorted by points recoverable, and how many
/// points it needs for the next grade. Pure: reads the card and its rule set, thread-safe.
/// </summary>
public static class WhatIf
{
    /// <summary>Analyses a card scored on <paramref name="ruleSet"/>.</summary>
    /// <exception cref="ArgumentException">The card was scored on another rule set.</exception>
    public static WhatIfAnalysis Analyze(ScoreCard card, CompiledRuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(ruleSet);
        if (card.RuleSet.Id != ruleSet.Id || card.RuleSet.Sha256 != ruleSet.Sha256)
        {
            throw new ArgumentException($"The card was scored on {card.RuleSet.Id} {card.RuleSet.Version}, not on {ruleSet.Id} {ruleSet.Version}.", nameof(card));
        }

        var totals = Totals(card, ruleSet);
        var items = new List<WhatIfItem>();
        foreach (var top in card.Criteria)
        {
            foreach (var leaf in Leaves(top))
            {
                if (Item(leaf, top.Kind, card, ruleSet, totals) is { } item)
                {
                    items.Add(item);
                }
            }
        }

        items = [.. items.OrderByDescending(i => i.Recoverable).ThenBy(i => i.Id, StringComparer.Ordinal)];
        var best = After(totals, items, ruleSet);
        var (next, topGrade) = Next(card, ruleSet, items, totals, best);
        return new WhatIfAnalysis
        {
            Items = items,
            NextGrade = next,
            TopGrade = topGrade,
            BestPoints = best,
            Summary = Summary(card, ruleSet, items, next, topGrade, best),
        };
    }

    private static IEnumerable<CriterionScore> Leaves(CriterionScore criterion)
        => criterion.Children.Count == 0 ? [criterion] : criterion.Children.SelectMany(Leaves);

    private static WhatIfItem? Item(CriterionScore leaf, CriterionKind kind, ScoreCard card, CompiledRuleSet ruleSet, ScoreTotals totals)
    {
        if (leaf.Status is CriterionStatus.NotApplicable or CriterionStatus.NoOccurrence || ruleSet.FindCriterion(leaf.Id) is not { } definition)
        {
            return null;
        }

        var max = leaf.FullPoints;
        var unscored = leaf.Status is CriterionStatus.MissingData or CriterionStatus.Error;
        var (whatIfKind, recoverable) = kind switch
        {
            CriterionKind.Bonus => (unscored ? WhatIfKind.MissingData : WhatIfKind.Bonus, totals.PointsAfter(ruleSet, 0, max - leaf.Points, 0) - totals.Points),
            CriterionKind.Penalty => (WhatIfKind.Penalty, unscored ? 0 : totals.PointsAfter(ruleSet, 0, 0, -leaf.Points) - totals.Points),
            _ => (unscored ? WhatIfKind.MissingData : WhatIfKind.LostPoints, leaf.MaxPoints - leaf.Points),
        };
        if (recoverable <= 0)
        {
            return null;
        }

        return new WhatIfItem
        {
            Id = leaf.Id,
            Title = leaf.Title,
            Area = leaf.Area,
            Kind = whatIfKind,
            CriterionKind = leaf.Kind,
            Status = leaf.Status,
            Points = leaf.Points,
            MaxPoints = kind == CriterionKind.Base ? leaf.MaxPoints : max,
            Recoverable = recoverable,
            ValueText = leaf.ValueText,
            TargetText = leaf.TargetText,
            GapText = leaf.GapText,
            LeadUnit = leaf.LeadUnit,
            Advice = Advice(leaf, definition, whatIfKind, recoverable, card, ruleSet),
            Explanation = leaf.Explanation,
        };
    }

    private static string Advice(CriterionScore leaf, CriterionDefinition definition, WhatIfKind kind, decimal recoverable, ScoreCard card, CompiledRuleSet ruleSet)
    {
        var points = Points(recoverable, ruleSet);
        var upTo = definition.Scoring.Method == ScoringMethod.PassFail ? "" : CchcText.Get(nameof(ScoringStrings.WhatIf_UpTo));
        var lead = leaf.LeadUnit is null ? "" : CchcText.Format(nameof(ScoringStrings.WhatIf_Lead), leaf.LeadUnit);
        var now = leaf.ValueText is null ? "" : leaf.GapText is null ? CchcText.Format(nameof(ScoringStrings.WhatIf_Now), leaf.ValueText) : CchcText.Format(nameof(ScoringStrings.WhatIf_NowGap), leaf.ValueText, leaf.GapText);
        switch (kind)
        {
            case WhatIfKind.MissingData:
                var inputs = definition.Inputs.Where(i => card.Problems.Any(p => p.Input == i)).Select(i => ruleSet.InputsByName[i].Label).ToList();
                var what = leaf.Status == CriterionStatus.Error ? CchcText.Get(nameof(ScoringStrings.WhatIf_CheckData))
                    : inputs.Count == 0 ? CchcText.Get(nameof(ScoringStrings.WhatIf_AddMissing)) : CchcText.Format(nameof(ScoringStrings.WhatIf_AddInputs), string.Join("; ", inputs));
                return CchcText.Format(nameof(ScoringStrings.WhatIf_MissingAdvice), what, upTo, points, lead);
            case WhatIfKind.Bonus:
                var goal = leaf.TargetText is null ? CchcText.Get(nameof(ScoringStrings.WhatIf_BonusGoal)) : CchcText.Format(nameof(ScoringStrings.WhatIf_Reach), leaf.TargetText, now);
                return CchcText.Format(nameof(ScoringStrings.WhatIf_BonusAdvice), goal, upTo, points, Points(ruleSet.BonusCap, ruleSet), lead);
            case WhatIfKind.Penalty:
                return CchcText.Format(nameof(ScoringStrings.WhatIf_PenaltyAdvice), now, points, Points(-leaf.Points, ruleSet), lead);
            default:
                var target = leaf.TargetText is null ? CchcText.Get(nameof(ScoringStrings.WhatIf_MeetAll)) : CchcText.Format(nameof(ScoringStrings.WhatIf_ReachTarget), leaf.TargetText, now);
                return CchcText.Format(nameof(ScoringStrings.WhatIf_Advice), target, upTo, points, lead);
        }
    }

    private static (NextGrade? Next, bool Top) Next(ScoreCard card, CompiledRuleSet ruleSet, List<WhatIfItem> items, ScoreTotals totals, decimal best)
    {
        if (card.Index is not { } index || !UnitLevels.TryParse(card.Unit.Level, out var level))
        {
            return (null, false);
        }

        var band = ruleSet.Grades.Where(g => g.AppliesTo(level) && g.From > index).OrderBy(g => g.From).FirstOrDefault();
        if (band is null)
        {
            return (null, true);
        }

        var total = SmallestTotalReaching(band.From, card.MaxPoints, ruleSet, card.Survey?.Points);
        var reachable = best >= total;
        var chosen = new List<WhatIfItem>();
        if (reachable)
        {
            foreach (var item in items)
            {
                chosen.Add(item);
                if (After(totals, chosen, ruleSet) >= total)
                {
                    break;
                }
            }
        }

        return (new NextGrade
        {
            Name = band.Name,
            From = band.From,
            PointsTotal = total,
            Index = IndexMath.Index(ruleSet, total, card.MaxPoints, card.Survey?.Points)!.Value,
            PointsNeeded = total - card.Points,
            Reachable = reachable,
            Criteria = [.. chosen.Select(c => c.Id)],
        }, false);
    }

    /// <summary>
    /// The smallest total at the points' decimals whose index, rounded half away from zero, is at least
    /// <paramref name="from"/>: the rounded index reaches <c>from</c> once the exact index is within half a last
    /// digit of it, so start there and step to the exact answer against the engine's own formula.
    /// </summary>
    internal static decimal SmallestTotalReaching(decimal from, decimal maxPoints, CompiledRuleSet ruleSet, decimal? surveyPoints = null)
    {
        var step = Pow10(-ruleSet.PointsDecimals);
        var indexStep = Pow10(-ruleSet.Index.Decimals);

        // With the survey's points counted, the criteria must bring the rest, on the criteria component's weight.
        var (goal, scale) = surveyPoints is { } survey && ruleSet.Composition is { } composition
            ? (from - survey, composition.Criteria.Weight)
            : (from, ruleSet.Index.Scale);
        var reachableIndex = Math.Ceiling(goal / indexStep) * indexStep;
        var exact = (reachableIndex - (indexStep / 2)) * maxPoints / scale;
        var total = Math.Max(0, Math.Ceiling(exact / step) * step);
        bool Reaches(decimal points) => IndexMath.Index(ruleSet, points, maxPoints, surveyPoints) >= from;
        while (!Reaches(total))
        {
            total += step;
        }

        while (total - step >= 0 && Reaches(total - step))
        {
            total -= step;
        }

        return total;
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < Math.Abs(exponent); i++)
        {
            result = exponent < 0 ? result / 10 : result * 10;
        }

        return result;
    }

    private static string Summary(ScoreCard card, CompiledRuleSet ruleSet, List<WhatIfItem> items, NextGrade? next, bool top, decimal best)
    {
        var more = items.Count == 0 ? "" : CchcText.Format(nameof(ScoringStrings.WhatIf_More), items.Count, Points(best, ruleSet));
        if (top)
        {
            return CchcText.Format(nameof(ScoringStrings.WhatIf_Top), card.Grade, more);
        }

        if (next is null)
        {
            return CchcText.Get(nameof(ScoringStrings.WhatIf_NoneApplies));
        }

        var goal = CchcText.Format(nameof(ScoringStrings.WhatIf_NextGrade), next.Name, CchcText.Number(next.From, ruleSet.Index.Decimals), Points(next.PointsTotal, ruleSet), Points(card.MaxPoints, ruleSet), CchcText.Number(next.Index, ruleSet.Index.Decimals), Points(next.PointsNeeded, ruleSet));
        return next.Reachable
            ? CchcText.Format(nameof(ScoringStrings.WhatIf_Reachable), goal, string.Join(", ", next.Criteria), more)
            : CchcText.Format(nameof(ScoringStrings.WhatIf_Unreachable), goal, Points(best, ruleSet));
    }

    private static string Points(decimal value, CompiledRuleSet ruleSet) => CchcText.Number(value, Math.Max(ruleSet.PointsDecimals, 2));

    /// <summary>The card's totals split as the engine adds them, so that gains can be replayed through the caps.</summary>
    private static ScoreTotals Totals(ScoreCard card, CompiledRuleSet ruleSet)
    {
        decimal Sum(CriterionKind kind) => card.Criteria.Where(c => c.Kind == kind).Sum(c => c.Points);
        _ = UnitLevels.TryParse(card.Unit.Level, out var level); // the level only names the grade, which the what-if does not read
        return ScoreTotals.Of(ruleSet, level, Sum(CriterionKind.Base), card.MaxPoints, Sum(CriterionKind.Bonus), -Sum(CriterionKind.Penalty), card.Survey?.Points);
    }

    /// <summary>The total if every item were fully recovered; bonus and penalty items replayed through the caps together.</summary>
    private static decimal After(ScoreTotals totals, IEnumerable<WhatIfItem> items, CompiledRuleSet ruleSet)
    {
        decimal baseGain = 0, bonusGain = 0, penaltyRemoved = 0;
        foreach (var item in items)
        {
            switch (item.CriterionKind)
            {
                case CriterionKind.Bonus:
                    bonusGain += item.MaxPoints - item.Points;
                    break;
                case CriterionKind.Penalty:
                    penaltyRemoved += -item.Points;
                    break;
                default:
                    baseGain += item.Recoverable;
                    break;
            }
        }

        return totals.PointsAfter(ruleSet, baseGain, bonusGain, penaltyRemoved);
    }
}
