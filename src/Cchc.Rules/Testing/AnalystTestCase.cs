namespace Cchc.Rules.Testing;

/// <summary>An analyst's test case: given this unit, expect these results.</summary>
/// <param name="Name">What the case is about.</param>
/// <param name="File">The test file, relative to the rule-set folder.</param>
/// <param name="Line">The line the case starts on.</param>
/// <param name="Unit">The unit, as a flat row: identity fields and one value per input (null = missing).</param>
/// <param name="Expect">What must come out.</param>
public sealed record AnalystTestCase(string Name, string File, int Line, IReadOnlyDictionary<string, object?> Unit, TestExpectation Expect)
{
    /// <summary>The unit's survey results, when the case states them (a rule set with a survey component); null otherwise.</summary>
    public IReadOnlyList<AnalystSurveyRow>? Survey { get; init; }
}

/// <summary>One row of a test case's survey results: a group, a question and the count of each answer.</summary>
/// <param name="Group">The respondent group's id.</param>
/// <param name="Question">The question's id.</param>
/// <param name="Counts">Respondents per answer id.</param>
public sealed record AnalystSurveyRow(string Group, string Question, IReadOnlyDictionary<string, long> Counts);

/// <summary>The expected results of a test case; only what is given is checked.</summary>
/// <param name="Points">Expected total points.</param>
/// <param name="MaxPoints">Expected applicable maximum.</param>
/// <param name="Index">Expected index.</param>
/// <param name="Grade">Expected grade (when <paramref name="ChecksGrade"/>; null means no grade).</param>
/// <param name="ChecksGrade">Whether the grade is checked.</param>
/// <param name="Problems">Expected inputs with data problems, exactly; null when not checked.</param>
/// <param name="Criteria">Expected status and points per criterion id.</param>
public sealed record TestExpectation(
    decimal? Points,
    decimal? MaxPoints,
    decimal? Index,
    string? Grade,
    bool ChecksGrade,
    IReadOnlyList<string>? Problems,
    IReadOnlyDictionary<string, CriterionExpectation> Criteria)
{
    /// <summary>Expected number of sub-criteria whose final points are the council's appraisal, or null.</summary>
    public int? AppraisedCount { get; init; }
}

/// <summary>Expected results for one criterion.</summary>
/// <param name="Status">Expected status word (<c>met</c>, <c>notMet</c>, …), or null.</param>
/// <param name="Points">Expected final points (the appraisal's where the council appraised), or null.</param>
public sealed record CriterionExpectation(string? Status, decimal? Points)
{
    /// <summary>Expected basis of the final points (<c>computed</c>, <c>round1</c>, <c>round2</c>), or null.</summary>
    public string? Basis { get; init; }

    /// <summary>Expected points computed from the unit's figures (before any appraisal), or null.</summary>
    public decimal? ComputedPoints { get; init; }
}
