namespace Cchc.Scoring.Ranking;

/// <summary>How many units of a group got one grade.</summary>
/// <param name="Grade">The grade's name.</param>
/// <param name="Count">Units with that grade.</param>
public sealed record GradeCount(string Grade, int Count);

/// <summary>
/// The units of one parent (district or province) taken together: how many, their average, best and worst index and
/// how many got each grade — the table a province sends each district beside the commune ranking.
/// </summary>
/// <param name="Parent">The parent's code (the units' <c>parent</c>); empty for units without one.</param>
/// <param name="Rank">Competition rank of the parent by average index (1, 2, 2, 4); null when none of its units has an index.</param>
/// <param name="Units">Ranked units of the parent.</param>
/// <param name="AverageIndex">Mean index of its units that have one, rounded like the index; null when none has.</param>
/// <param name="BestIndex">Highest index among its units.</param>
/// <param name="WorstIndex">Lowest index among its units.</param>
/// <param name="Grades">Units per grade, in the rule set's order (best first).</param>
public sealed record ParentSummary(string Parent, int? Rank, int Units, decimal? AverageIndex, decimal? BestIndex, decimal? WorstIndex, IReadOnlyList<GradeCount> Grades)
{
    /// <summary>The parents of a ranking, best average first (ties share a rank and are listed by code).</summary>
    public static IReadOnlyList<ParentSummary> Of(RankingReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var ruleSet = report.RuleSet;
        var parents = report.Rows
            .GroupBy(r => r.Standing.Parent ?? "", StringComparer.Ordinal)
            .Select(g =>
            {
                var indexes = g.Where(r => r.Standing.Index is not null).Select(r => r.Standing.Index!.Value).ToList();
                decimal? average = indexes.Count == 0 ? null : Math.Round(indexes.Sum() / indexes.Count, ruleSet.Index.Decimals, MidpointRounding.AwayFromZero);
                var grades = GradeDistribution.Count(ruleSet, g).Select(x => new GradeCount(x.Grade, x.Count)).ToList();
                return new ParentSummary(g.Key, null, g.Count(), average, indexes.Count == 0 ? null : indexes.Max(), indexes.Count == 0 ? null : indexes.Min(), grades);
            })
            .OrderBy(p => p.AverageIndex is null ? 1 : 0)
            .ThenByDescending(p => p.AverageIndex)
            .ThenBy(p => p.Parent, StringComparer.Ordinal)
            .ToList();

        for (var i = 0; i < parents.Count; i++)
        {
            if (parents[i].AverageIndex is null)
            {
                continue;
            }

            var rank = i > 0 && parents[i - 1].AverageIndex == parents[i].AverageIndex ? parents[i - 1].Rank : i + 1;
            parents[i] = parents[i] with { Rank = rank };
        }

        return parents;
    }
}
