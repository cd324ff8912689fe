namespace Cchc.Rules.Model;

/// <summary>The scoring methods a criterion can use.</summary>
public enum ScoringMethod
{
    /// <summary>Full points when the met test is true, else zero.</summary>
    PassFail,

    /// <summary>Ordered bands; the first band the value reaches gives its points.</summary>
    Bands,

    /// <summary>Points grow linearly from <c>zeroAt</c> to <c>fullAt</c>, then saturate.</summary>
    Linear,

    /// <summary>Points per item, capped at the maximum.</summary>
    PerItem,

    /// <summary>Points deducted per event, down to a floor.</summary>
    Deduction,

    /// <summary>Each option of a choice gives a fraction of the points.</summary>
    Choice,

    /// <summary>The sum of the sub-criteria's points.</summary>
    Composite,
}

/// <summary>One band of a <see cref="ScoringMethod.Bands"/> criterion.</summary>
/// <param name="Min">The band is reached when value ≥ Min (higher is better); null when the band uses Max.</param>
/// <param name="Max">The band is reached when value ≤ Max (lower is better); null when the band uses Min.</param>
/// <param name="Points">The points the band gives.</param>
public sealed record ScoreBand(decimal? Min, decimal? Max, decimal Points)
{
    /// <summary>Whether <paramref name="value"/> reaches the band.</summary>
    public bool IsReachedBy(decimal value) => Min is { } min ? value >= min : value <= Max!.Value;
}

/// <summary>How a criterion's points are computed. <see cref="Points"/> is always its maximum.</summary>
public sealed record ScoringRule
{
    /// <summary>The method.</summary>
    public required ScoringMethod Method { get; init; }

    /// <summary>The maximum points of the criterion.</summary>
    public required decimal Points { get; init; }

    /// <summary>Bands, best first (<see cref="ScoringMethod.Bands"/>).</summary>
    public IReadOnlyList<ScoreBand> Bands { get; init; } = [];

    /// <summary>Value that gives zero points (<see cref="ScoringMethod.Linear"/>).</summary>
    public decimal ZeroAt { get; init; }

    /// <summary>Value from which points are full (<see cref="ScoringMethod.Linear"/>).</summary>
    public decimal FullAt { get; init; }

    /// <summary>Points per item (<see cref="ScoringMethod.PerItem"/>).</summary>
    public decimal PointsPerItem { get; init; }

    /// <summary>Points deducted per item (<see cref="ScoringMethod.Deduction"/>).</summary>
    public decimal DeductionPerItem { get; init; }

    /// <summary>Lowest points after deductions (<see cref="ScoringMethod.Deduction"/>).</summary>
    public decimal Floor { get; init; }

    /// <summary>Fraction of the points per option (<see cref="ScoringMethod.Choice"/>).</summary>
    public IReadOnlyDictionary<string, decimal> Options { get; init; } = new Dictionary<string, decimal>();
}
