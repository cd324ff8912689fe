using System.Text.Json.Serialization;

namespace Cchc.Scoring.Survey;

/// <summary>Whether a unit's survey results were there.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SurveyStatus>))]
public enum SurveyStatus
{
    /// <summary>The unit has survey results; the survey component is computed from them.</summary>
    [JsonStringEnumMemberName("given")]
    Given,

    /// <summary>No usable survey results: the rule set's <c>whenNoSurvey</c> decides (see <see cref="SurveyScore.WhenMissing"/>).</summary>
    [JsonStringEnumMemberName("missing")]
    Missing,
}

/// <summary>One component of a unit's index (e.g. the appraisal, the survey).</summary>
/// <param name="Id">The component id.</param>
/// <param name="Title">Its Vietnamese title.</param>
/// <param name="Source"><c>criteria</c> or <c>survey</c>.</param>
/// <param name="Weight">Its points on the index scale.</param>
/// <param name="Points">
/// The points it contributes, rounded to the index's decimals; null for a survey component left out because the unit
/// has no survey and the rule set renormalises (the index is then the other components converted to the scale).
/// </param>
public sealed record IndexComponentScore(string Id, string Title, string Source, decimal Weight, decimal? Points);

/// <summary>A respondent group's satisfaction for one unit.</summary>
/// <param name="Id">The group id.</param>
/// <param name="Title">Its title.</param>
/// <param name="Weight">Its share of the survey component.</param>
/// <param name="Respondents">Its respondents: the most answers any of its questions got.</param>
/// <param name="Satisfaction">The mean satisfaction (0–1, 4 decimals) over its answered questions; null when none was answered.</param>
public sealed record SurveyGroupScore(string Id, string Title, decimal Weight, long Respondents, decimal? Satisfaction);

/// <summary>One question's satisfaction among one group, for one unit.</summary>
/// <param name="Group">The group id.</param>
/// <param name="Question">The question id.</param>
/// <param name="Text">The question's wording.</param>
/// <param name="Respondents">Answers given.</param>
/// <param name="Satisfaction">Σ answers × weight ÷ Σ answers (0–1, 4 decimals); null when nobody answered.</param>
public sealed record SurveyQuestionScore(string Group, string Question, string Text, long Respondents, decimal? Satisfaction);

/// <summary>The survey component of a unit's index: respondents, satisfaction by group and question, points.</summary>
public sealed record SurveyScore
{
    /// <summary>The id of the survey component.</summary>
    public required string Component { get; init; }

    /// <summary>Whether the unit had usable survey results.</summary>
    public required SurveyStatus Status { get; init; }

    /// <summary>When <see cref="Status"/> is missing, what the rule set did: <c>renormalize</c> or <c>zero</c>.</summary>
    public string? WhenMissing { get; init; }

    /// <summary>Respondents in all groups.</summary>
    public long Respondents { get; init; }

    /// <summary>Σ group weight × group satisfaction (0–1, 4 decimals), over the groups that answered.</summary>
    public decimal? Satisfaction { get; init; }

    /// <summary>The component's points (satisfaction × weight, rounded to the index's decimals); 0 or null when missing, per <see cref="WhenMissing"/>.</summary>
    public decimal? Points { get; init; }

    /// <summary>Each group, in the survey definition's order.</summary>
    public IReadOnlyList<SurveyGroupScore> Groups { get; init; } = [];

    /// <summary>Each question asked of each group, in the survey definition's order.</summary>
    public IReadOnlyList<SurveyQuestionScore> Questions { get; init; } = [];

    /// <summary>What is wrong or missing in the unit's results (a question not answered, a row that does not fit the survey), in Vietnamese.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
}
