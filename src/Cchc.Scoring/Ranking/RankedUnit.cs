namespace Cchc.Scoring.Ranking;

/// <summary>Points a unit lost on one criterion: what it could have earned minus what it earned.</summary>
/// <param name="CriterionId">The criterion id.</param>
/// <param name="Title">The criterion title.</param>
/// <param name="Area">The criterion's area id.</param>
/// <param name="Lost">Points lost (a penalty's points count as lost).</param>
public sealed record PointLoss(string CriterionId, string Title, string Area, decimal Lost);

/// <summary>One row of a ranking: the unit's standing, with its place overall and within its parent.</summary>
/// <param name="Rank">
/// Competition rank overall (1, 2, 2, 4); null when the unit has no index (no criterion applies to it).
/// </param>
/// <param name="GroupRank">Competition rank among the units of the same parent, when the ranking is grouped.</param>
/// <param name="Standing">What the ranking keeps of the unit: identity, totals, grade, areas, top losses.</param>
public sealed record RankedUnit(int? Rank, int? GroupRank, UnitStanding Standing)
{
    /// <summary>
    /// Whether every applicable criterion could be scored. An incomplete unit is still ranked, on the points it has,
    /// and flagged in every output so that nobody mistakes its place for a final one.
    /// </summary>
    public bool Complete => Standing.Complete;

    /// <summary>The criteria that cost the unit most points, most first (at most three).</summary>
    public IReadOnlyList<PointLoss> TopLosses => Standing.TopLosses;

    /// <summary>The unit's movement against last year, when the ranking was compared with last year's (<c>RankingOptions.Previous</c>).</summary>
    public PreviousYear? Previous { get; init; }
}
