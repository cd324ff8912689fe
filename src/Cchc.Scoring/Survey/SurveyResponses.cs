using Cchc.Scoring.Units;

namespace Cchc.Scoring.Survey;

/// <summary>
/// One row of survey results: for one respondent group and one question, how many respondents chose each answer of
/// the rule set's scale (keyed by the answer's id).
/// </summary>
/// <param name="Group">The respondent group's id (e.g. <c>nguoi-dan</c>).</param>
/// <param name="Question">The question's id (e.g. <c>CH1</c>).</param>
/// <param name="Counts">Respondents per answer id; an answer left out counts 0.</param>
public sealed record SurveyAnswerCounts(string Group, string Question, IReadOnlyDictionary<string, long> Counts)
{
    /// <summary>Where the row was read from, if it came from a file.</summary>
    public UnitSource? Source { get; init; }
}

/// <summary>A unit's survey results (điều tra xã hội học): one row per respondent group and question.</summary>
/// <param name="Rows">The rows; a (group, question) pair appears at most once.</param>
public sealed record SurveyResponses(IReadOnlyList<SurveyAnswerCounts> Rows);
