using Cchc.Rules;
using Cchc.Rules.Model;
using Cchc.Scoring.Explanations;
using Cchc.Scoring.Texts;

namespace Cchc.Scoring.Survey;

/// <summary>
/// The survey component of one unit, stated once for every path (compiled, RulesEngine, ranking, impact): per group
/// and question, satisfaction = Σ count × answer weight ÷ Σ count; per group, the mean over its answered questions;
/// overall, Σ group weight × group satisfaction over the groups that answered (the weights renormalised when a group
/// is absent); points = overall × the component's weight, rounded to the index's decimals.
/// </summary>
internal static class SurveyMath
{
    /// <summary>The unit's survey component, or null when the rule set's index has no survey component.</summary>
    public static SurveyScore? Compute(CompiledRuleSet ruleSet, SurveyResponses? responses)
    {
        if (ruleSet.Composition?.Survey is not { } component || ruleSet.Survey is not { } survey)
        {
            return null;
        }

        var problems = new List<string>();
        var rows = new Dictionary<(string Group, string Question), SurveyAnswerCounts>();
        foreach (var row in responses?.Rows ?? [])
        {
            if (Misfit(survey, row, rows) is { } misfit)
            {
                problems.Add(misfit);
                continue;
            }

            rows[(row.Group, row.Question)] = row;
        }

        var questions = new List<SurveyQuestionScore>();
        var groups = new List<SurveyGroupScore>();
        decimal weighted = 0, weights = 0;
        foreach (var group in survey.Groups)
        {
            decimal sum = 0;
            var answered = 0;
            long respondents = 0;
            foreach (var question in survey.Questions.Where(q => q.Groups.Contains(group.Id)))
            {
                long count = 0;
                decimal satisfied = 0;
                if (rows.TryGetValue((group.Id, question.Id), out var row))
                {
                    foreach (var answer in survey.Answers)
                    {
                        var n = row.Counts.GetValueOrDefault(answer.Id);
                        count += n;
                        satisfied += n * answer.Weight;
                    }
                }
                else if (rows.Count > 0)
                {
                    problems.Add(CchcText.Format(nameof(ScoringStrings.Survey_MissingResult), question.Id, group.Id));
                }

                decimal? satisfaction = count > 0 ? satisfied / count : null;
                if (satisfaction is { } s)
                {
                    sum += s;
                    answered++;
                }

                respondents = Math.Max(respondents, count);
                questions.Add(new SurveyQuestionScore(group.Id, question.Id, question.Text, count, Published(satisfaction)));
            }

            decimal? mean = answered > 0 ? sum / answered : null;
            if (mean is { } m)
            {
                weighted += group.Weight * m;
                weights += group.Weight;
            }
            else if (rows.Count > 0)
            {
                problems.Add(CchcText.Format(nameof(ScoringStrings.Survey_GroupNoAnswers), group.Id, group.Title));
            }

            groups.Add(new SurveyGroupScore(group.Id, group.Title, group.Weight, respondents, Published(mean)));
        }

        var total = groups.Sum(g => g.Respondents);
        if (weights == 0)
        {
            var zero = ruleSet.Composition.WhenNoSurvey == WhenNoSurvey.Zero;
            return new SurveyScore
            {
                Component = component.Id,
                Status = SurveyStatus.Missing,
                WhenMissing = zero ? "zero" : "renormalize",
                Respondents = total,
                Points = zero ? 0 : null,
                Groups = groups,
                Questions = questions,
                Problems = problems,
            };
        }

        var overall = weighted / weights;
        return new SurveyScore
        {
            Component = component.Id,
            Status = SurveyStatus.Given,
            Respondents = total,
            Satisfaction = Published(overall),
            Points = Math.Round(overall * component.Weight, ruleSet.Index.Decimals, MidpointRounding.AwayFromZero),
            Groups = groups,
            Questions = questions,
            Problems = problems,
        };
    }

    /// <summary>Why a row does not fit the survey (unknown group, question or answer, a question not asked of the group, a negative count, a repeated row), or null.</summary>
    internal static string? Misfit(SurveyDefinition survey, SurveyAnswerCounts row, IReadOnlyDictionary<(string Group, string Question), SurveyAnswerCounts>? earlier)
    {
        if (!survey.Groups.Any(g => g.Id == row.Group))
        {
            return CchcText.Format(nameof(ScoringStrings.Survey_RowUnknownGroup), row.Group, string.Join(", ", survey.Groups.Select(g => g.Id)));
        }

        if (survey.Questions.FirstOrDefault(q => q.Id == row.Question) is not { } question)
        {
            return CchcText.Format(nameof(ScoringStrings.Survey_RowUnknownQuestion), row.Question);
        }

        if (!question.Groups.Contains(row.Group))
        {
            return CchcText.Format(nameof(ScoringStrings.Survey_RowQuestionNotForGroup), row.Question, row.Group, string.Join(", ", question.Groups));
        }

        foreach (var (answer, count) in row.Counts)
        {
            if (!survey.Answers.Any(a => a.Id == answer))
            {
                return CchcText.Format(nameof(ScoringStrings.Survey_RowUnknownAnswer), answer, string.Join(", ", survey.Answers.Select(a => a.Id)));
            }

            if (count == long.MinValue)
            {
                return CchcText.Format(nameof(ScoringStrings.Survey_RowCountNotWhole), answer);
            }

            if (count < 0)
            {
                return CchcText.Format(nameof(ScoringStrings.Survey_RowCountNegative), answer, CchcText.English ? count.ToString(System.Globalization.CultureInfo.InvariantCulture) : VietnameseFormat.Number(count, 0));
            }
        }

        return earlier is not null && earlier.ContainsKey((row.Group, row.Question))
            ? CchcText.Format(nameof(ScoringStrings.Survey_RowDuplicate), row.Question, row.Group)
            : null;
    }

    /// <summary>Satisfaction as published: 4 decimals (a percentage with 2); points are computed from the exact figure.</summary>
    private static decimal? Published(decimal? value) => value is { } v ? Math.Round(v, 4, MidpointRounding.AwayFromZero) : null;
}
