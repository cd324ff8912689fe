namespace Cchc.Scoring.Units;

/// <summary>What a score published by the national public-service portal (Cổng DVCQG) is the score of.</summary>
public enum PublishedScoreKind
{
    /// <summary>One metric: a criterion of the rule set, by its id (the metric code).</summary>
    Criterion,

    /// <summary>A group total: an area of the rule set, by its id.</summary>
    Group,
}

/// <summary>A score the portal published for one unit.</summary>
/// <param name="Id">The criterion id (metric code) or the area id (group).</param>
/// <param name="Kind">Criterion or group.</param>
/// <param name="Score">The published score; null when the portal published none ("not published", not 0).</param>
/// <param name="MaxScore">The published maximum, if given.</param>
/// <param name="Source">The file and line it was read from.</param>
public sealed record PublishedScore(string Id, PublishedScoreKind Kind, decimal? Score, decimal? MaxScore, UnitSource Source);

/// <summary>One unit read from the portal's data: its unit data and the scores the portal published for it.</summary>
/// <param name="Unit">The unit: code = the portal's department id, name, level, parent, and the inputs.</param>
/// <param name="PublishedScores">The published scores, in the order read.</param>
public sealed record PortalUnit(UnitData Unit, IReadOnlyList<PublishedScore> PublishedScores);

/// <summary>Everything read from a set of portal files.</summary>
/// <param name="Units">The units, in the order each first appeared.</param>
/// <param name="Rejections">Units or files that could not be read, with the place and the reason.</param>
/// <param name="Warnings">What was read but not used (unknown metric codes, aggregate rows), with the place.</param>
public sealed record PortalReadResult(IReadOnlyList<PortalUnit> Units, IReadOnlyList<UnitRejection> Rejections, IReadOnlyList<string> Warnings);
