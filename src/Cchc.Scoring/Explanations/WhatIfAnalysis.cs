using Cchc.Rules.Model;
using System.Text.Json.Serialization;
using Cchc.Scoring.Cards;

namespace Cchc.Scoring.Explanations;

/// <summary>How points could be won back on a criterion.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WhatIfKind>))]
public enum WhatIfKind
{
    /// <summary>A base criterion that applies and lost points: meet its target.</summary>
    [JsonStringEnumMemberName("lostPoints")]
    LostPoints,

    /// <summary>A criterion that could not be scored (missing or invalid data, or an error): supply the data.</summary>
    [JsonStringEnumMemberName("missingData")]
    MissingData,

    /// <summary>A bonus not yet earned, within what the bonus cap still allows.</summary>
    [JsonStringEnumMemberName("bonus")]
    Bonus,

    /// <summary>A penalty that could be won back, as far as the penalty cap lets it count.</summary>
    [JsonStringEnumMemberName("penalty")]
    Penalty,
}

/// <summary>One criterion where the unit could gain points, with what it would take.</summary>
public sealed record WhatIfItem
{
    /// <summary>The criterion id (a sub-criterion of a composite is listed by itself).</summary>
    public required string Id { get; init; }

    /// <summary>Its title.</summary>
    public required string Title { get; init; }

    /// <summary>Whether the criterion is base, bonus or penalty: how recovering it moves the total through the caps.</summary>
    [JsonConverter(typeof(CamelCaseEnumConverter<CriterionKind>))]
    public CriterionKind CriterionKind { get; init; }

    /// <summary>Its area id.</summary>
    public required string Area { get; init; }

    /// <summary>How the points would be won back.</summary>
    public required WhatIfKind Kind { get; init; }

    /// <summary>Its computed outcome.</summary>
    public required CriterionStatus Status { get; init; }

    /// <summary>Points it earned (negative for a penalty).</summary>
    public required decimal Points { get; init; }

    /// <summary>The most it can earn (for a penalty, the most it can take away).</summary>
    public required decimal MaxPoints { get; init; }

    /// <summary>
    /// What the unit's total would gain if this criterion alone were fully recovered: max − points for a base
    /// criterion; for a bonus or penalty, the change in the capped bonus or penalty.
    /// </summary>
    public required decimal Recoverable { get; init; }

    /// <summary>The measured value, as people read it.</summary>
    public string? ValueText { get; init; }

    /// <summary>The target with its comparison, as people read it.</summary>
    public string? TargetText { get; init; }

    /// <summary>How far the value is from the target, as people read it.</summary>
    public string? GapText { get; init; }

    /// <summary>The lead unit responsible, if named.</summary>
    public string? LeadUnit { get; init; }

    /// <summary>What it would take, in Vietnamese.</summary>
    public required string Advice { get; init; }

    /// <summary>The criterion's explanation on the card.</summary>
    public required string Explanation { get; init; }
}

/// <summary>The next grade up and exactly how many points reach it.</summary>
public sealed record NextGrade
{
    /// <summary>The grade's name.</summary>
    public required string Name { get; init; }

    /// <summary>The lowest index of its band.</summary>
    public required decimal From { get; init; }

    /// <summary>
    /// The smallest points total (at the rule set's points decimals) whose rounded index reaches <see cref="From"/>.
    /// </summary>
    public required decimal PointsTotal { get; init; }

    /// <summary>The rounded index at <see cref="PointsTotal"/>.</summary>
    public required decimal Index { get; init; }

    /// <summary>Points still needed: <see cref="PointsTotal"/> − the card's points.</summary>
    public required decimal PointsNeeded { get; init; }

    /// <summary>Whether recovering every listed criterion would reach it.</summary>
    public required bool Reachable { get; init; }

    /// <summary>The listed criteria, largest gain first, that together reach it (empty when it cannot be reached).</summary>
    public required IReadOnlyList<string> Criteria { get; init; }
}

/// <summary>What-if for one score card: where points were lost, sorted by points recoverable, and the next grade.</summary>
public sealed record WhatIfAnalysis
{
    /// <summary>The criteria where points can be gained, most recoverable points first (ties by id, ordinal).</summary>
    public required IReadOnlyList<WhatIfItem> Items { get; init; }

    /// <summary>The next grade up; null when the unit is already in the top grade or has no index.</summary>
    public NextGrade? NextGrade { get; init; }

    /// <summary>Whether the unit is already in the best grade for its level.</summary>
    public required bool TopGrade { get; init; }

    /// <summary>The points total if every listed criterion were recovered (caps applied).</summary>
    public required decimal BestPoints { get; init; }

    /// <summary>One Vietnamese sentence: the next grade and what it takes, or that the unit is at the top.</summary>
    public required string Summary { get; init; }
}
