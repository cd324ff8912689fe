using System.Text.Json.Serialization;

namespace Cchc.Scoring.Cards;

/// <summary>Which points a criterion's final points are: computed from the unit's figures, or appraised by the council.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PointsBasis>))]
public enum PointsBasis
{
    /// <summary>Computed by the rule set from the unit's figures (no appraisal given).</summary>
    [JsonStringEnumMemberName("computed")]
    Computed,

    /// <summary>The council's round-1 appraisal (<c>thamDinh:&lt;id&gt;</c>).</summary>
    [JsonStringEnumMemberName("round1")]
    Round1,

    /// <summary>The council's round-2 appraisal after the unit's explanation (<c>thamDinh2:&lt;id&gt;</c>).</summary>
    [JsonStringEnumMemberName("round2")]
    Round2,
}

/// <summary>
/// A unit's appraisal (thẩm định) set beside its claims and its computed points: how many sub-criteria the council
/// appraised, and one line per criterion where the data says anything about it (claim, appraisal, comment,
/// explanation, evidence) — the unit's appraisal record (biên bản thẩm định).
/// </summary>
public sealed record AppraisalSummary
{
    /// <summary>Sub-criteria whose final points are the council's round-2 appraisal (<see cref="ScoreCard.AppraisedCount"/> counts both rounds).</summary>
    public required int Round2Count { get; init; }

    /// <summary>The total the computed points alone would give (base, plus capped bonus, minus capped penalty).</summary>
    public required decimal ComputedPoints { get; init; }

    /// <summary>The index of <see cref="ComputedPoints"/>.</summary>
    public decimal? ComputedIndex { get; init; }

    /// <summary>Every criterion the data speaks of, in rule-set order (sub-criteria after their composite).</summary>
    public required IReadOnlyList<AppraisalLine> Lines { get; init; }

    /// <summary>The criteria where claimed, computed and appraised points are not all the same.</summary>
    [JsonIgnore]
    public IEnumerable<AppraisalLine> Differences => Lines.Where(l => l.Differs);
}

/// <summary>One criterion of an appraisal record. Points are signed like <see cref="CriterionScore.Points"/> (a penalty's are negative).</summary>
public sealed record AppraisalLine
{
    /// <summary>The criterion id.</summary>
    public required string Id { get; init; }

    /// <summary>Its title.</summary>
    public required string Title { get; init; }

    /// <summary>The points the rule set gives it (for a penalty, the most it can take away).</summary>
    public required decimal FullPoints { get; init; }

    /// <summary>Its computed outcome.</summary>
    public required CriterionStatus Status { get; init; }

    /// <summary>The unit's claimed points, if given and valid.</summary>
    public decimal? Claimed { get; init; }

    /// <summary>The points computed from the unit's figures.</summary>
    public required decimal Computed { get; init; }

    /// <summary>The council's round-1 appraised points, if given and valid.</summary>
    public decimal? Round1 { get; init; }

    /// <summary>The council's round-2 appraised points, if given and valid.</summary>
    public decimal? Round2 { get; init; }

    /// <summary>The points the index counts: the last appraisal where one applies, the computed points elsewhere.</summary>
    public required decimal Final { get; init; }

    /// <summary>Which points <see cref="Final"/> is.</summary>
    public required PointsBasis Basis { get; init; }

    /// <summary>Whether the claimed, computed and appraised points (those given) are not all the same.</summary>
    public required bool Differs { get; init; }

    /// <summary>The council's comment (<c>nhanXet</c>).</summary>
    public string? Comment { get; init; }

    /// <summary>The unit's explanation (<c>giaiTrinh</c>).</summary>
    public string? UnitExplanation { get; init; }

    /// <summary>The evidence references (<c>tlkc</c>).</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];
}
