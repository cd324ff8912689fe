using System.Text.Json;
using System.Text.Json.Serialization;
using Cchc.Rules.Model;

namespace Cchc.Scoring.Cards;

/// <summary>The outcome of one criterion for one unit.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CriterionStatus>))]
public enum CriterionStatus
{
    /// <summary>The target is met.</summary>
    [JsonStringEnumMemberName("met")]
    Met,

    /// <summary>Not met, but some points were earned.</summary>
    [JsonStringEnumMemberName("partial")]
    Partial,

    /// <summary>Not met; no points.</summary>
    [JsonStringEnumMemberName("notMet")]
    NotMet,

    /// <summary>Nothing to do in the period (không phát sinh); scored by the criterion's policy.</summary>
    [JsonStringEnumMemberName("noOccurrence")]
    NoOccurrence,

    /// <summary>Does not apply to the unit's level; out of its maximum.</summary>
    [JsonStringEnumMemberName("notApplicable")]
    NotApplicable,

    /// <summary>An input the criterion reads is missing or invalid; no points, reported.</summary>
    [JsonStringEnumMemberName("missingData")]
    MissingData,

    /// <summary>The expression failed on this unit's data; no points, reported.</summary>
    [JsonStringEnumMemberName("error")]
    Error,
}

/// <summary>Which rule set produced a score card.</summary>
/// <param name="Id">The rule-set id.</param>
/// <param name="Version">Its version.</param>
/// <param name="Sha256">The hash of its manifest and workflow files.</param>
public sealed record RuleSetInfo(string Id, string Version, string Sha256);

/// <summary>The unit a score card is for.</summary>
/// <param name="Code">Its code.</param>
/// <param name="Name">Its name.</param>
/// <param name="Level">Its level word: <c>xa</c>, <c>huyen</c> or <c>so</c>.</param>
/// <param name="Parent">The code of its parent unit, if any.</param>
public sealed record UnitInfo(string Code, string Name, string Level, string? Parent)
{
    /// <summary>The commune kind's file word when the data states it: <c>xa</c>, <c>phuong</c> or <c>dacKhu</c>; null otherwise.</summary>
    public string? Kind { get; init; }
}

/// <summary>An area's subtotal.</summary>
/// <param name="Id">The area id.</param>
/// <param name="Title">The area title.</param>
/// <param name="Points">Points earned in the area.</param>
/// <param name="MaxPoints">The area's applicable maximum for this unit.</param>
public sealed record AreaScore(string Id, string Title, decimal Points, decimal MaxPoints);

/// <summary>What kind of data problem a unit has.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DataProblemKind>))]
public enum DataProblemKind
{
    /// <summary>An input a criterion needs is absent or empty.</summary>
    [JsonStringEnumMemberName("missing")]
    Missing,

    /// <summary>A value has the wrong type or is out of range.</summary>
    [JsonStringEnumMemberName("invalid")]
    Invalid,
}

/// <summary>A problem with one value of a unit's data.</summary>
/// <param name="Input">The input (column) name.</param>
/// <param name="Label">The input's Vietnamese label.</param>
/// <param name="Value">The value found, as text ("" when missing).</param>
/// <param name="Kind">Missing or invalid.</param>
/// <param name="Reason">What is wrong, in Vietnamese.</param>
public sealed record DataProblem(string Input, string Label, string Value, DataProblemKind Kind, string Reason)
{
    /// <summary>The data file, when the unit came from one.</summary>
    public string? File { get; init; }

    /// <summary>The row in that file (for JSON, the item's number; see <see cref="Line"/>).</summary>
    public int? Row { get; init; }

    /// <summary>The text line where the unit's item starts, when <see cref="Row"/> numbers items (JSON).</summary>
    public int? Line { get; init; }
}

/// <summary>The score and explanation of one criterion for one unit.</summary>
public sealed record CriterionScore
{
    /// <summary>The criterion id.</summary>
    public required string Id { get; init; }

    /// <summary>Its area id.</summary>
    public required string Area { get; init; }

    /// <summary>Its title.</summary>
    public required string Title { get; init; }

    /// <summary>The outcome.</summary>
    public required CriterionStatus Status { get; init; }

    /// <summary>
    /// The final points (negative for a penalty): the council's last appraised points where it appraised the
    /// criterion (see <see cref="Basis"/>), the points computed from the unit's figures elsewhere. A composite's are
    /// the sum of its sub-criteria's.
    /// </summary>
    public required decimal Points { get; init; }

    /// <summary>Which points <see cref="Points"/> is: computed (the default, not written in JSON), or appraised in round 1 or 2.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public PointsBasis Basis { get; init; }

    /// <summary>The points computed from the unit's figures, when they differ from <see cref="Points"/> (an appraised criterion, or a composite with one).</summary>
    public decimal? ComputedPoints { get; init; }

    /// <summary>The most it could earn toward this unit's maximum (0 when it does not count toward the maximum: bonus, penalty, not applicable, excluded).</summary>
    public required decimal MaxPoints { get; init; }

    /// <summary>Base, bonus or penalty: whether its points count toward the maximum, are added (capped) or are subtracted (capped).</summary>
    [JsonConverter(typeof(CamelCaseEnumConverter<CriterionKind>))]
    public CriterionKind Kind { get; init; }

    /// <summary>
    /// The points the rule set gives the criterion — what it can earn, or for a penalty the most it can take away —
    /// whatever this unit's status; unlike <see cref="MaxPoints"/> it is not 0 for bonus and penalty rows.
    /// </summary>
    public decimal FullPoints { get; init; }

    /// <summary>The measured value, if any.</summary>
    public ScoreValue? Value { get; init; }

    /// <summary>The target, if any.</summary>
    public ScoreValue? Target { get; init; }

    /// <summary>The value as people read it (<c>72,5%</c>).</summary>
    public string? ValueText { get; init; }

    /// <summary>The target as people read it, with its comparison (<c>≥ 60%</c>).</summary>
    public string? TargetText { get; init; }

    /// <summary>How far the value is from the target when it is not met, as people read it.</summary>
    public string? GapText { get; init; }

    /// <summary>The lead unit responsible, if named.</summary>
    public string? LeadUnit { get; init; }

    /// <summary>The Vietnamese sentence that explains the outcome.</summary>
    public required string Explanation { get; init; }

    /// <summary>The sub-criteria of a composite.</summary>
    public IReadOnlyList<CriterionScore> Children { get; init; } = [];
}

/// <summary>A unit's score card: points, index, grade, area subtotals and every criterion explained.</summary>
public sealed record ScoreCard
{
    /// <summary>The rule set that scored it.</summary>
    public required RuleSetInfo RuleSet { get; init; }

    /// <summary>The unit.</summary>
    public required UnitInfo Unit { get; init; }

    /// <summary>
    /// The version of the engine that scored it: the informational version of the Cchc.Scoring assembly (with the
    /// source revision when the build knew it). Null on cards written before it was recorded.
    /// </summary>
    public string? EngineVersion { get; init; }

    /// <summary>
    /// The SHA-256 (lowercase hex) of the unit's input values in their canonical form (see
    /// <see cref="InputHash"/>): it changes when any identity field or declared input's value changes. Null on cards
    /// written before it was recorded.
    /// </summary>
    public string? InputSha256 { get; init; }

    /// <summary>Total points: base points, plus capped bonus, minus capped penalty.</summary>
    public required decimal Points { get; init; }

    /// <summary>The applicable base maximum for this unit.</summary>
    public required decimal MaxPoints { get; init; }

    /// <summary>Points ÷ maximum × scale, rounded as the rule set says; null when nothing applies.</summary>
    public decimal? Index { get; init; }

    /// <summary>The grade of the index, if a band holds it.</summary>
    public string? Grade { get; init; }

    /// <summary>Bonus points counted (after the cap).</summary>
    public decimal Bonus { get; init; }

    /// <summary>Penalty points counted (after the cap).</summary>
    public decimal Penalty { get; init; }

    /// <summary>Rank in a ranking, when the card is part of one.</summary>
    public int? Rank { get; init; }

    /// <summary>Area subtotals, in rule-set order.</summary>
    public required IReadOnlyList<AreaScore> Areas { get; init; }

    /// <summary>Every criterion, in rule-set order.</summary>
    public required IReadOnlyList<CriterionScore> Criteria { get; init; }

    /// <summary>The unit's data problems: missing or invalid values.</summary>
    public required IReadOnlyList<DataProblem> Problems { get; init; }

    /// <summary>The unit's claimed points set against the computed ones; null when its data carries no claims.</summary>
    public SelfAssessment? SelfAssessment { get; init; }

    /// <summary>
    /// The index's components (e.g. the appraisal 70 and the survey 30) with the points each contributes; null when
    /// the rule set's index is the criteria alone.
    /// </summary>
    public IReadOnlyList<Survey.IndexComponentScore>? Components { get; init; }

    /// <summary>The survey component: respondents, satisfaction by group and question, or that it was missing and how that was handled; null when the index has no survey component.</summary>
    public Survey.SurveyScore? Survey { get; init; }

    /// <summary>How many sub-criteria have the council's appraised points as their final points (0, not written in JSON, when none).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int AppraisedCount { get; init; }

    /// <summary>The unit's appraisal record — claimed, computed and appraised points, comments, explanations, evidence — or null when its data carries no appraisal.</summary>
    public AppraisalSummary? Appraisal { get; init; }

    /// <summary>Whether every applicable criterion could be scored (no missing data, no error).</summary>
    public bool Complete => Criteria.All(c => c.Status is not CriterionStatus.MissingData and not CriterionStatus.Error);
}

/// <summary>Walks the criteria of a score card.</summary>
public static class CriterionScoreTree
{
    /// <summary>Every criterion and, after each composite, its sub-criteria, depth first in rule-set order.</summary>
    public static IEnumerable<CriterionScore> Flatten(this IEnumerable<CriterionScore> criteria)
        => criteria.SelectMany(c => new[] { c }.Concat(c.Children.Flatten()));
}

/// <summary>An enum of Cchc.Rules (which knows nothing of JSON) written as its camelCase word (<c>base</c>, <c>bonus</c>, <c>penalty</c>) with any serializer options.</summary>
/// <typeparam name="T">The enum.</typeparam>
internal sealed class CamelCaseEnumConverter<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where T : struct, Enum;
