namespace Cchc.Scoring.Cards;

/// <summary>
/// A unit's own claimed points (điểm tự chấm) set against the computed ones: the claimed total, and every criterion
/// where the two differ — what an appraisal council (hội đồng thẩm định) would question.
/// </summary>
public sealed record SelfAssessment
{
    /// <summary>
    /// The claimed total: claimed base points, plus claimed bonus (capped), minus claimed penalty (capped). A criterion
    /// counts once: its own claim, or else the sum of its sub-criteria's claims. Criteria without a claim add nothing;
    /// a claim on a criterion that does not count for the unit (not applicable, or excluded when nothing happened)
    /// is listed in <see cref="Differences"/> but not added.
    /// </summary>
    public required decimal ClaimedPoints { get; init; }

    /// <summary>The index the claimed total gives on the unit's applicable maximum, rounded as the rule set says.</summary>
    public decimal? ClaimedIndex { get; init; }

    /// <summary>The grade of the claimed index.</summary>
    public string? ClaimedGrade { get; init; }

    /// <summary>How many valid claims the unit gave (criteria and sub-criteria).</summary>
    public required int ClaimCount { get; init; }

    /// <summary>Every claimed criterion whose computed points differ from the claim, in rule-set order (sub-criteria after their composite).</summary>
    public required IReadOnlyList<ClaimDifference> Differences { get; init; }

    /// <summary>Ids of the criteria that apply to the unit but have no claim at any level, in rule-set order.</summary>
    public IReadOnlyList<string> Unclaimed { get; init; } = [];

    /// <summary>
    /// Ids of the claimed criteria that need evidence (the rule set's <c>evidence</c> policy: flag or rejectClaim) and
    /// have no reference (<c>tlkc:&lt;id&gt;</c>, on the criterion or a composite above it), in rule-set order; null
    /// when there is none. A rejectClaim criterion's claim is also left out of <see cref="ClaimedPoints"/>.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? WithoutEvidence { get; init; }
}

/// <summary>A criterion whose computed points differ from the unit's claim.</summary>
public sealed record ClaimDifference
{
    /// <summary>The criterion id.</summary>
    public required string Id { get; init; }

    /// <summary>Its title.</summary>
    public required string Title { get; init; }

    /// <summary>Its computed outcome (a claim on a criterion that does not apply or lacks data is listed too).</summary>
    public required CriterionStatus Status { get; init; }

    /// <summary>The claimed points, signed like <see cref="CriterionScore.Points"/> (a penalty's claim is negative).</summary>
    public required decimal Claimed { get; init; }

    /// <summary>The computed points (<see cref="CriterionScore.Points"/>).</summary>
    public required decimal Computed { get; init; }

    /// <summary>Computed − claimed: what appraisal changes in the unit's total (negative: the unit claimed too much).</summary>
    public required decimal Difference { get; init; }

    /// <summary>The criterion's explanation: why it earned what it earned.</summary>
    public required string Explanation { get; init; }
}
