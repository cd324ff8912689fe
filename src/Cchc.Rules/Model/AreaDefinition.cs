namespace Cchc.Rules.Model;

/// <summary>An area (lĩnh vực) of a rule set: a group of criteria with a subtotal.</summary>
/// <param name="Id">The area id used by criteria.</param>
/// <param name="Title">The Vietnamese title.</param>
/// <param name="MaxPoints">The declared maximum, equal to the sum of its base criteria.</param>
public sealed record AreaDefinition(string Id, string Title, decimal MaxPoints);

/// <summary>A grade band <c>[From, To)</c> on the rounded index.</summary>
/// <param name="Name">The grade's name (e.g. <c>Xuất sắc</c>).</param>
/// <param name="From">The lowest index of the band, inclusive.</param>
/// <param name="To">The upper bound, exclusive; null for no upper bound.</param>
/// <param name="Levels">The unit levels the band is for; empty for all.</param>
public sealed record GradeBand(string Name, decimal From, decimal? To, IReadOnlyList<UnitLevel> Levels)
{
    /// <summary>Whether <paramref name="index"/> falls in the band.</summary>
    public bool Contains(decimal index) => index >= From && (To is null || index < To.Value);

    /// <summary>Whether the band applies to units of <paramref name="level"/>.</summary>
    public bool AppliesTo(UnitLevel level) => Levels.Count == 0 || Levels.Contains(level);
}

/// <summary>How the index is computed from points.</summary>
/// <param name="Scale">The index of a unit with full points (usually 100).</param>
/// <param name="Decimals">Decimals the index is rounded to, half away from zero.</param>
public sealed record IndexSettings(decimal Scale, int Decimals)
{
    /// <summary>
    /// Whether the index stops at <see cref="Scale"/>: bonus points then only make up points lost. False (the
    /// default) lets bonus points take a unit above 100, as the commune index does.
    /// </summary>
    public bool CapAtScale { get; init; }
}
