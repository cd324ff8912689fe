using Cchc.Rules;
using Cchc.Rules.Model;

namespace Cchc.Scoring.Scoring;

/// <summary>The index and grade of a points total, stated once for the engine, self-assessment and what-if.</summary>
internal static class IndexMath
{
    /// <summary>Points ÷ maximum × scale, rounded half away from zero to the rule set's decimals; null when nothing applies.</summary>
    public static decimal? Index(CompiledRuleSet ruleSet, decimal points, decimal maxPoints)
        => maxPoints > 0
            ? Math.Round(points / maxPoints * ruleSet.Index.Scale, ruleSet.Index.Decimals, MidpointRounding.AwayFromZero)
            : null;

    /// <summary>The band of <paramref name="level"/> that holds <paramref name="index"/>, if any.</summary>
    public static GradeBand? Band(CompiledRuleSet ruleSet, UnitLevel level, decimal? index)
    {
        if (index is not { } i)
        {
            return null;
        }

        // A loop, not FirstOrDefault with a lambda: the closure and its delegate were allocated for every unit scored.
        var grades = ruleSet.Grades;
        for (var g = 0; g < grades.Count; g++)
        {
            if (grades[g].AppliesTo(level) && grades[g].Contains(i))
            {
                return grades[g];
            }
        }

        return null;
    }
}
