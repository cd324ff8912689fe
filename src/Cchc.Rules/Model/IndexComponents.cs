namespace Cchc.Rules.Model;

/// <summary>Where a component of the index takes its points from.</summary>
internal enum IndexComponentSource
{
    /// <summary>The rule set's criteria: (points + bonus − penalty) ÷ applicable maximum × the component's weight.</summary>
    Criteria,

    /// <summary>The sociological survey (điều tra xã hội học): the unit's satisfaction (0–1) × the component's weight.</summary>
    Survey,
}

/// <summary>What the index does for a unit that has no survey results.</summary>
internal enum WhenNoSurvey
{
    /// <summary>The index is the other components converted to the scale (Hà Nội: appraisal alone converted to 100).</summary>
    Renormalize,

    /// <summary>The survey component scores 0.</summary>
    Zero,
}

/// <summary>One weighted component of the index (e.g. the appraisal 70, the survey 30).</summary>
/// <param name="Id">The component id (e.g. <c>thamDinh</c>).</param>
/// <param name="Title">Its Vietnamese title, the column header of rankings (e.g. <c>Điểm thẩm định</c>).</param>
/// <param name="Weight">Its points on the index scale; the weights add up to the scale.</param>
/// <param name="Source">Where its points come from.</param>
internal sealed record IndexComponent(string Id, string Title, decimal Weight, IndexComponentSource Source);

/// <summary>The index declared as weighted components; absent when the index is the criteria alone.</summary>
/// <param name="Components">The components, in manifest order: exactly one from the criteria, at most one from the survey.</param>
/// <param name="WhenNoSurvey">What a unit without survey results gets.</param>
internal sealed record IndexComposition(IReadOnlyList<IndexComponent> Components, WhenNoSurvey WhenNoSurvey)
{
    /// <summary>The criteria component.</summary>
    public IndexComponent Criteria => Components.First(c => c.Source == IndexComponentSource.Criteria);

    /// <summary>The survey component, if any.</summary>
    public IndexComponent? Survey => Components.FirstOrDefault(c => c.Source == IndexComponentSource.Survey);
}

/// <summary>One answer of the survey's scale and the satisfaction it counts for.</summary>
/// <param name="Id">The answer id, the column of the survey results file (e.g. <c>rat-hai-long</c>).</param>
/// <param name="Label">Its Vietnamese label (also accepted as the column header).</param>
/// <param name="Weight">Satisfaction it counts for, from 0 to 1; the best answer weighs 1.</param>
internal sealed record SurveyAnswer(string Id, string Label, decimal Weight);

/// <summary>A respondent group and its weight in the survey component.</summary>
/// <param name="Id">The group id (e.g. <c>nguoi-dan</c>).</param>
/// <param name="Title">Its Vietnamese title.</param>
/// <param name="Weight">Its share of the survey component; the groups' weights add up to 1.</param>
internal sealed record SurveyGroup(string Id, string Title, decimal Weight);

/// <summary>A survey question and the groups it is asked of.</summary>
/// <param name="Id">The question id (e.g. <c>CH1</c>).</param>
/// <param name="Text">Its Vietnamese wording.</param>
/// <param name="Groups">The ids of the groups asked.</param>
internal sealed record SurveyQuestion(string Id, string Text, IReadOnlyList<string> Groups);

/// <summary>A rule set's survey: its answer scale, respondent groups and questions (the file <c>survey.json</c>).</summary>
/// <param name="File">The file, relative to the rule set's folder.</param>
/// <param name="Title">Its Vietnamese title.</param>
/// <param name="Answers">The answer scale, in file order.</param>
/// <param name="Groups">The respondent groups, in file order.</param>
/// <param name="Questions">The questions, in file order.</param>
internal sealed record SurveyDefinition(string File, string Title, IReadOnlyList<SurveyAnswer> Answers, IReadOnlyList<SurveyGroup> Groups, IReadOnlyList<SurveyQuestion> Questions)
{
    /// <summary>The (group, question) pairs the survey asks, group by group in file order.</summary>
    public IEnumerable<(SurveyGroup Group, SurveyQuestion Question)> Asked
        => Groups.SelectMany(g => Questions.Where(q => q.Groups.Contains(g.Id)).Select(q => (g, q)));
}
