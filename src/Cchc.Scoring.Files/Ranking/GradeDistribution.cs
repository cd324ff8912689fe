namespace Cchc.Scoring.Ranking;

/// <summary>How many ranked units got each grade, in the rule set's order (best first).</summary>
internal static class GradeDistribution
{
    public const string Ungraded = "Chưa xếp loại";

    public static IReadOnlyList<(string Grade, int Count)> Of(RankingReport report) => Count(report.RuleSet, report.Rows);

    /// <summary>The grades of <paramref name="rows"/>, every band of the rule set listed (with 0), then the ungraded.</summary>
    public static IReadOnlyList<(string Grade, int Count)> Count(Cchc.Rules.CompiledRuleSet ruleSet, IEnumerable<RankedUnit> rows)
    {
        var counts = rows.GroupBy(r => r.Standing.Grade ?? Ungraded, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var result = ruleSet.Grades.Select(g => g.Name).Distinct(StringComparer.Ordinal).Select(g => (g, counts.GetValueOrDefault(g))).ToList();
        if (counts.TryGetValue(Ungraded, out var ungraded))
        {
            result.Add((Ungraded, ungraded));
        }

        return result;
    }
}
