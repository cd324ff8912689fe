using Cchc.Rules;
using Cchc.Rules.Testing;
using Cchc.Scoring.Cards;
using Cchc.Scoring.Explanations;
using Cchc.Scoring.Texts;
using Cchc.Scoring.Units;

namespace Cchc.Scoring.Testing;

/// <summary>The result of one analyst's test case.</summary>
/// <param name="Case">The case.</param>
/// <param name="Failures">What differed from the expectation (empty when it passed).</param>
/// <param name="Card">The score card computed, if the unit could be scored.</param>
public sealed record AnalystTestResult(AnalystTestCase Case, IReadOnlyList<string> Failures, ScoreCard? Card)
{
    /// <summary>Whether the case passed.</summary>
    public bool Passed => Failures.Count == 0;
}

/// <summary>Runs a rule set's analysts' test cases.</summary>
public static class AnalystTestRunner
{
    /// <summary>Runs every test case of the rule set, in file order.</summary>
    public static async Task<IReadOnlyList<AnalystTestResult>> RunAsync(IScoringEngine engine, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var results = new List<AnalystTestResult>(engine.RuleSet.TestCases.Count);
        foreach (var testCase in engine.RuleSet.TestCases)
        {
            results.Add(await RunCaseAsync(engine, testCase, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    /// <summary>Runs one test case.</summary>
    public static async Task<AnalystTestResult> RunCaseAsync(IScoringEngine engine, AnalystTestCase testCase, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(testCase);
        UnitData unit;
        try
        {
            unit = UnitData.FromRow(testCase.Unit, new UnitSource(testCase.File, testCase.Line));
            if (testCase.Survey is { } survey)
            {
                unit = unit with { Survey = new Survey.SurveyResponses([.. survey.Select(r => new Survey.SurveyAnswerCounts(r.Group, r.Question, r.Counts) { Source = new UnitSource(testCase.File, testCase.Line) })]) };
            }
        }
        catch (UnitDataException e)
        {
            return new AnalystTestResult(testCase, [CchcText.Format(nameof(ScoringStrings.Test_CannotScore), e.Message)], null);
        }

        var card = await engine.ScoreAsync(unit, cancellationToken).ConfigureAwait(false);
        return new AnalystTestResult(testCase, Compare(testCase.Expect, card), card);
    }

    private static List<string> Compare(TestExpectation expect, ScoreCard card)
    {
        var failures = new List<string>();
        void Check<T>(string what, T? expected, T? actual)
        {
            if (expected is not null && !Equals(expected, actual))
            {
                failures.Add(CchcText.Format(nameof(ScoringStrings.Test_Expected), what, Show(expected), Show(actual)));
            }
        }

        Check("points", expect.Points, card.Points);
        Check("maxPoints", expect.MaxPoints, card.MaxPoints);
        Check("index", expect.Index, card.Index);
        Check("appraisedCount", expect.AppraisedCount, card.AppraisedCount);
        if (expect.ChecksGrade && !string.Equals(expect.Grade, card.Grade, StringComparison.Ordinal))
        {
            failures.Add(CchcText.Format(nameof(ScoringStrings.Test_Expected), "grade", Show(expect.Grade), Show(card.Grade)));
        }

        if (expect.Problems is { } problems)
        {
            var expected = problems.Order(StringComparer.Ordinal).ToList();
            var actual = card.Problems.Select(p => p.Input).Distinct().Order(StringComparer.Ordinal).ToList();
            if (!expected.SequenceEqual(actual))
            {
                failures.Add(CchcText.Format(nameof(ScoringStrings.Test_ExpectedList), string.Join(", ", expected), string.Join(", ", actual)));
            }
        }

        var byId = card.Criteria.Flatten().ToDictionary(c => c.Id, StringComparer.Ordinal);
        foreach (var (id, criterion) in expect.Criteria)
        {
            if (!byId.TryGetValue(id, out var actual))
            {
                failures.Add(CchcText.Format(nameof(ScoringStrings.Test_NoCriterion), id));
                continue;
            }

            if (criterion.Status is { } status && status != actual.Status.ToCode())
            {
                failures.Add(CchcText.Format(nameof(ScoringStrings.Test_ExpectedExplained), $"{id} status", status, actual.Status.ToCode(), actual.Explanation));
            }

            if (criterion.Points is { } points && points != actual.Points)
            {
                failures.Add(CchcText.Format(nameof(ScoringStrings.Test_ExpectedExplained), $"{id} points", Show(points), Show(actual.Points), actual.Explanation));
            }

            if (criterion.Basis is { } basis && basis != BasisWord(actual.Basis))
            {
                failures.Add(CchcText.Format(nameof(ScoringStrings.Test_Expected), $"{id} basis", basis, BasisWord(actual.Basis)));
            }

            if (criterion.ComputedPoints is { } computed && computed != (actual.ComputedPoints ?? actual.Points))
            {
                failures.Add(CchcText.Format(nameof(ScoringStrings.Test_ExpectedExplained), $"{id} computedPoints", Show(computed), Show(actual.ComputedPoints ?? actual.Points), actual.Explanation));
            }
        }

        return failures;
    }


    private static string BasisWord(PointsBasis basis) => basis switch
    {
        PointsBasis.Round1 => "round1",
        PointsBasis.Round2 => "round2",
        _ => "computed",
    };

    private static string Show(object? value) => value switch
    {
        null => CchcText.Get(nameof(ScoringStrings.Test_None)),
        decimal d => d.ToString("0.############", System.Globalization.CultureInfo.InvariantCulture),
        string s => $"'{s}'",
        _ => value.ToString() ?? "",
    };
}
