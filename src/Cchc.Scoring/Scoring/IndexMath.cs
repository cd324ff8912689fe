using Cchc.Rules;
using Cchc.Rules.Model;

namespace Cchc.Scoring.Scoring;

/// <summary>The index and grade of a points total, stated once for the engine, self-assessment and what-if.</summary>
internal static class IndexMath
{
    /// <summary>
    /// Points ÷ maximum × scale, rounded half away from zero to the rule set's decimals (and no more than the scale when
    /// the rule set caps it); null when nothing applies. With a survey component's points (<paramref name="surveyPoints"/>,
    /// already rounded), the index is the criteria component (points ÷ maximum × its weight, rounded) plus them; without
    /// them (no survey component, or none for this unit and the rule set renormalises) it is the criteria alone on the scale.
    /// </summary>
    public static decimal? Index(CompiledRuleSet ruleSet, decimal points, decimal maxPoints, decimal? surveyPoints = null)
    {
        if (maxPoints <= 0)
        {
            return null;
        }

        var index = surveyPoints is { } survey && CriteriaPoints(ruleSet, points, maxPoints) is { } criteria
            ? criteria + survey
            : Math.Round(points / maxPoints * ruleSet.Index.Scale, ruleSet.Index.Decimals, MidpointRounding.AwayFromZero);
        return ruleSet.Index.CapAtScale ? Math.Min(index, ruleSet.Index.Scale) : index;
    }

    /// <summary>The criteria component's points: points ÷ maximum × its weight, rounded to the index's decimals; null without components or when nothing applies.</summary>
    public static decimal? CriteriaPoints(CompiledRuleSet ruleSet, decimal points, decimal maxPoints)
        => ruleSet.Composition is { } composition && maxPoints > 0
            ? Math.Round(points / maxPoints * composition.Criteria.Weight, ruleSet.Index.Decimals, MidpointRounding.AwayFromZero)
            : null;

    /// <summary>The band of <paramref name="level"/> that holds <paramref name="index"/>, if any.</summary>
    public static GradeBand? Band(CompiledRuleSet ruleSet, UnitLevel level, decimal? index)
    {
        if (index is not { } value)
        {
            return null;
        }

        // A loop, not LINQ: this runs once per unit on the hot path and must not allocate.
        var grades = ruleSet.Grades;
        for (var g = 0; g < grades.Count; g++)
        {
            if (grades[g].AppliesTo(level) && grades[g].Contains(value))
            {
                return grades[g];
            }
        }

        return null;
    }
}
