using Cchc.Rules;
using Cchc.Rules.Model;

namespace Cchc.Scoring.Scoring;

/// <summary>
/// A unit's totals as the rule set adds them, stated once for the engine, the self-assessment, the what-if and the
/// ranking: base points plus bonus (capped) minus penalty (capped), the index of that total over the applicable
/// maximum, and its grade.
/// </summary>
/// <param name="BasePoints">Points of the base criteria.</param>
/// <param name="MaxPoints">The applicable base maximum.</param>
/// <param name="BonusRaw">Bonus points before the cap.</param>
/// <param name="PenaltyRaw">Penalty points before the cap (a positive number: the points lost).</param>
/// <param name="Bonus">Bonus points counted.</param>
/// <param name="Penalty">Penalty points counted (positive).</param>
/// <param name="Points">The total.</param>
/// <param name="Index">The index, or null when nothing applies.</param>
/// <param name="Grade">The grade band holding the index, if any.</param>
/// <param name="SurveyPoints">The survey component's points counted in the index; null when there is none (or the rule set renormalised a missing survey).</param>
internal readonly record struct ScoreTotals(
    decimal BasePoints,
    decimal MaxPoints,
    decimal BonusRaw,
    decimal PenaltyRaw,
    decimal Bonus,
    decimal Penalty,
    decimal Points,
    decimal? Index,
    GradeBand? Grade,
    decimal? SurveyPoints = null)
{
    /// <summary>The totals of base, bonus and penalty points (penalty as the positive points lost) for a unit of <paramref name="level"/>.</summary>
    public static ScoreTotals Of(CompiledRuleSet ruleSet, UnitLevel level, decimal basePoints, decimal maxPoints, decimal bonusRaw, decimal penaltyRaw, decimal? surveyPoints = null)
    {
        var bonus = Math.Min(bonusRaw, ruleSet.BonusCap);
        var penalty = Math.Min(penaltyRaw, ruleSet.PenaltyCap);
        var points = basePoints + bonus - penalty;
        var index = IndexMath.Index(ruleSet, points, maxPoints, surveyPoints);
        return new ScoreTotals(basePoints, maxPoints, bonusRaw, penaltyRaw, bonus, penalty, points, index, IndexMath.Band(ruleSet, level, index), surveyPoints);
    }

    /// <summary>The criteria component's points (the points converted to its weight), when the index has components.</summary>
    public decimal? CriteriaPoints(CompiledRuleSet ruleSet) => IndexMath.CriteriaPoints(ruleSet, Points, MaxPoints);

    /// <summary>The total if <paramref name="baseGain"/> more base points, <paramref name="bonusGain"/> more bonus and <paramref name="penaltyRemoved"/> less penalty were earned, through the same caps.</summary>
    public decimal PointsAfter(CompiledRuleSet ruleSet, decimal baseGain, decimal bonusGain, decimal penaltyRemoved)
        => BasePoints + baseGain + Math.Min(BonusRaw + bonusGain, ruleSet.BonusCap) - Math.Min(PenaltyRaw - penaltyRemoved, ruleSet.PenaltyCap);
}
