namespace Cchc.Scoring.Ranking;

/// <summary>How many ranked units got each grade, in the rule set's order (best first).</summary>
internal static class GradeDistribution
{
    public const string Ungraded = "Chưa xếp loại";

    public static IReadOnlyList<(string Grade, int Count)> Of(RankingReport report)
    {
        var counts = report.Rows.GroupBy(r => r.Card.Grade ?? Ungraded, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var grades = report.RuleSet.Grades.Select(g => g.Name).Distinct(StringComparer.Ordinal).ToList();
        var result = grades.Select(g => (g, counts.GetValueOrDefault(g))).ToList();
        if (counts.TryGetValue(Ungraded, out var ungraded))
        {
            result.Add((Ungraded, ungraded));
        }

        return result;
    }
}
