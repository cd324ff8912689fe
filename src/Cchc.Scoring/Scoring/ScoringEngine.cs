using System.Runtime.CompilerServices;
using Cchc.Rules.Compilation;
using Cchc.Rules;
using Cchc.Rules.Model;
using Cchc.Scoring.Cards;
using Cchc.Scoring.Explanations;
using Cchc.Scoring.Scoring;
using Cchc.Scoring.Texts;
using Cchc.Scoring.Units;

namespace Cchc.Scoring;

/// <summary>Which evaluator runs the rule set's expressions.</summary>
public enum ScoringEvaluator
{
    /// <summary>The rule set compiled once into one typed delegate (the default: no allocation per criterion).</summary>
    Compiled,

    /// <summary>
    /// Microsoft RulesEngine's <c>ExecuteAllRulesAsync</c>, one call per workflow: the reference the compiled path is
    /// proven against, about a hundred times slower.
    /// </summary>
    RulesEngine,
}

/// <summary>
/// The scoring engine: the rule set's expressions are evaluated (compiled once, or through RulesEngine), then
/// turned into points, statuses and totals by a precomputed plan, and into words only for the card.
/// </summary>
public sealed class ScoringEngine : IScoringEngine
{
    private readonly RuleSetInfo _info;
    private readonly ScoringPlan _plan;

    /// <summary>Creates an engine for a compiled rule set.</summary>
    public ScoringEngine(CompiledRuleSet ruleSet)
        : this(ruleSet, ScoringEvaluator.Compiled)
    {
    }

    /// <summary>Creates an engine for a compiled rule set, evaluating its expressions with <paramref name="evaluator"/>.</summary>
    public ScoringEngine(CompiledRuleSet ruleSet, ScoringEvaluator evaluator)
    {
        RuleSet = ruleSet ?? throw new ArgumentNullException(nameof(ruleSet));
        Evaluator = evaluator;
        _info = new RuleSetInfo(ruleSet.Id, ruleSet.Version, ruleSet.Sha256);
        _plan = new ScoringPlan(ruleSet);
    }

    /// <inheritdoc />
    public CompiledRuleSet RuleSet { get; }

    /// <summary>Which evaluator runs the expressions.</summary>
    public ScoringEvaluator Evaluator { get; }

    internal ScoringPlan Plan => _plan;

    /// <inheritdoc />
    public async ValueTask<ScoreCard> ScoreAsync(UnitData unit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var score = new UnitScore(_plan);
        var invalid = await ScoreIntoAsync(unit, score, cancellationToken).ConfigureAwait(false);
        var card = Card(unit, score, invalid);
        if (Evaluator == ScoringEvaluator.Compiled)
        {
            CompiledCardObserver?.Invoke(this, unit, card);
        }

        return card;
    }

    /// <summary>
    /// Told of every card the compiled path writes (null in production). The test suites set it to score each unit
    /// again through RulesEngine and require the same card, so every test of every rule set is a conformance check.
    /// </summary>
    internal static Action<ScoringEngine, UnitData, ScoreCard>? CompiledCardObserver { get; set; }

    /// <summary>
    /// Scores one unit into <paramref name="score"/> (reused between units): its values converted into the typed slots,
    /// then evaluated. Returns the invalid values, which count as missing. The compact path of ranking and impact.
    /// </summary>
    internal async ValueTask<Dictionary<string, DataProblem>?> ScoreIntoAsync(UnitData unit, UnitScore score, CancellationToken cancellationToken = default)
    {
        var invalid = Convert(unit, score.Values);
        AppraisalChecker.Fill(RuleSet, unit, score);
        score.Survey = Survey.SurveyMath.Compute(RuleSet, unit.Survey);
        await EvaluateAsync(score, unit.Level, cancellationToken).ConfigureAwait(false);
        return invalid;
    }

    /// <summary>Scores a unit whose values are already typed into <paramref name="score"/>'s values, with the evaluator of this engine.</summary>
    internal ValueTask EvaluateAsync(UnitScore score, UnitLevel level, CancellationToken cancellationToken = default)
    {
        if (Evaluator == ScoringEvaluator.Compiled)
        {
            Score(score, level);
            return ValueTask.CompletedTask;
        }

        return EvaluateWithRulesEngineAsync(score, level, cancellationToken);
    }

    /// <summary>
    /// The hot path: values already typed into <paramref name="score"/>'s values → statuses, points, area totals,
    /// index and grade in <paramref name="score"/>, through the compiled delegate and the plan. Allocates nothing.
    /// </summary>
    internal void Score(UnitScore score, UnitLevel level)
    {
        RuleSet.Evaluate(score.Values, score.Evaluation);
        _plan.Score(score.Values, score.Evaluation, level, score);
    }

    private async ValueTask EvaluateWithRulesEngineAsync(UnitScore score, UnitLevel level, CancellationToken cancellationToken)
    {
        var typed = new Dictionary<string, object?>(RuleSet.Inputs.Count, StringComparer.Ordinal);
        for (var i = 0; i < RuleSet.Inputs.Count; i++)
        {
            typed[RuleSet.Inputs[i].Name] = score.Values.Present[i] ? score.Values.Get(i) : null;
        }

        var evaluations = await RuleSet.EvaluateAsync(typed, cancellationToken).ConfigureAwait(false);
        score.Evaluation.Fill(evaluations, RuleSet.CriterionIndex);
        _plan.Score(score.Values, score.Evaluation, level, score);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ScoreCard> ScoreManyAsync(IEnumerable<UnitData> units, int maxDegreeOfParallelism = 0, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(units);
        var parallelism = maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount;
        var window = new Queue<Task<ScoreCard>>();

        // The window reads ahead (parallelism × 4 units) so a slow unit does not stall the others; the gate keeps
        // the number of units actually being scored at once within maxDegreeOfParallelism. It is not disposed:
        // tasks still queued when the caller stops enumerating may still release it.
        var gate = new SemaphoreSlim(parallelism, parallelism);
        foreach (var unit in units)
        {
            cancellationToken.ThrowIfCancellationRequested();
            window.Enqueue(Task.Run(
                async () =>
                {
                    await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                    try
                    {
                        return await ScoreAsync(unit, cancellationToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        gate.Release();
                    }
                },
                cancellationToken));
            if (window.Count >= parallelism * 4)
            {
                yield return await window.Dequeue().ConfigureAwait(false);
            }
        }

        while (window.Count > 0)
        {
            yield return await window.Dequeue().ConfigureAwait(false);
        }
    }

    /// <summary>Converts a unit's raw values into <paramref name="values"/>; returns the invalid ones (absent from the values).</summary>
    internal Dictionary<string, DataProblem>? Convert(UnitData unit, UnitValues values)
    {
        Dictionary<string, DataProblem>? invalid = null;
        values.Clear();
        for (var i = 0; i < RuleSet.Inputs.Count; i++)
        {
            var input = RuleSet.Inputs[i];
            unit.Values.TryGetValue(input.Name, out var raw);
            var value = InputConverter.Convert(input, raw, out var problem);
            if (problem is not null)
            {
                (invalid ??= new(StringComparer.Ordinal))[input.Name] = problem with { File = unit.Source?.File, Row = unit.Source?.Row, Line = unit.Source?.Line };
            }

            values.Set(i, value);
        }

        return invalid;
    }

    /// <summary>The score card of a scored unit: the compact result put into words.</summary>
    internal ScoreCard Card(UnitData unit, UnitScore score, Dictionary<string, DataProblem>? invalid)
    {
        var missingInputs = new SortedSet<int>();
        var criteria = new List<CriterionScore>(_plan.TopLevel.Length);
        foreach (var i in _plan.TopLevel)
        {
            criteria.Add(Criterion(i, score, invalid, missingInputs));
        }

        var totals = score.Totals;
        var areas = new List<AreaScore>(RuleSet.Areas.Count);
        for (var a = 0; a < RuleSet.Areas.Count; a++)
        {
            areas.Add(new AreaScore(RuleSet.Areas[a].Id, RuleSet.Areas[a].Title, score.AreaPoints[a], score.AreaMaxPoints[a]));
        }

        var problems = (invalid?.Values ?? Enumerable.Empty<DataProblem>())
            .Concat(missingInputs.Select(i => new DataProblem(RuleSet.Inputs[i].Name, RuleSet.Inputs[i].Label, "", DataProblemKind.Missing, CchcText.Get(nameof(ScoringStrings.Card_MissingData)))
            {
                File = unit.Source?.File,
                Row = unit.Source?.Row,
                Line = unit.Source?.Line,
            }))
            .OrderBy(p => RuleSet.InputIndex[p.Input])
            .ToList();
        var selfAssessment = ClaimChecker.Check(RuleSet, unit, criteria, totals.MaxPoints, problems, totals.SurveyPoints);
        var appraisal = AppraisalReport.Of(RuleSet, unit, score, criteria, problems);

        return new ScoreCard
        {
            RuleSet = _info,
            Unit = new UnitInfo(unit.Code, unit.Name, unit.Level.ToCode(), unit.Parent) { Kind = unit.Kind?.ToCode() },
            EngineVersion = InputHash.EngineVersion,
            InputSha256 = InputHash.Of(RuleSet, unit, score.Values, invalid),
            Points = totals.Points,
            MaxPoints = totals.MaxPoints,
            Index = totals.Index,
            Grade = totals.Grade?.Name,
            Bonus = totals.Bonus,
            Penalty = totals.Penalty,
            Areas = areas,
            Criteria = criteria,
            Problems = problems,
            SelfAssessment = selfAssessment,
            Components = Components(RuleSet, totals, score.Survey),
            Survey = score.Survey,
            AppraisedCount = score.AppraisedCount,
            Appraisal = appraisal,
        };
    }

    /// <summary>The index's components with their points (null when the index has none): the criteria converted to their weight, the survey's points.</summary>
    internal static IReadOnlyList<Survey.IndexComponentScore>? Components(CompiledRuleSet ruleSet, ScoreTotals totals, Survey.SurveyScore? survey)
        => ruleSet.Composition?.Components.Select(c => new Survey.IndexComponentScore(
                c.Id,
                c.Title,
                c.Source == IndexComponentSource.Criteria ? "criteria" : "survey",
                c.Weight,
                c.Source == IndexComponentSource.Criteria ? totals.CriteriaPoints(ruleSet) : survey?.Points))
            .ToList();

    private CriterionScore Criterion(int i, UnitScore score, Dictionary<string, DataProblem>? invalid, SortedSet<int> missingInputs)
    {
        var criterion = _plan.Definition(i);
        var status = score.Status[i];
        var evaluation = score.Evaluation;
        var children = _plan.Children(i);
        if (children.Length > 0)
        {
            if (!score.Shown[children[0]])
            {
                return Card(criterion, status, score.Points[i], score.MaxPoints[i], null, null, score.Level) with { ComputedPoints = Computed(i, score) };
            }

            var scores = new List<CriterionScore>(children.Length);
            foreach (var c in children)
            {
                scores.Add(Criterion(c, score, invalid, missingInputs));
            }

            var composite = Card(criterion, status, score.Points[i], score.MaxPoints[i], null, null, score.Level,
                missing: string.Join(", ", scores.Where(c => c.Status == CriterionStatus.MissingData).Select(c => c.Id)));
            return composite with { Children = scores, ComputedPoints = Computed(i, score) };
        }

        switch (status)
        {
            case CriterionStatus.NotApplicable:
                return Card(criterion, status, 0, 0, null, null, score.Level) with { ComputedPoints = Computed(i, score) };
            case CriterionStatus.MissingData:
                var absent = new List<string>();
                foreach (var input in _plan.Inputs(i))
                {
                    if (!score.Values.Present[input])
                    {
                        var name = RuleSet.Inputs[input].Name;
                        absent.Add(name);
                        if (invalid is null || !invalid.ContainsKey(name))
                        {
                            missingInputs.Add(input);
                        }
                    }
                }

                var labels = string.Join(", ", absent.Select(name => invalid is not null && invalid.TryGetValue(name, out var p)
                    ? $"{RuleSet.InputsByName[name].Label}: '{p.Value}' {p.Reason}"
                    : RuleSet.InputsByName[name].Label));
                return Appraised(Card(criterion, status, score.Computed[i], score.MaxPoints[i], null, null, score.Level, missing: labels), i, score);
            default:
                var evaluated = evaluation.Evaluated[i];
                var value = evaluated ? evaluation.Value.Get(i) : null;
                var target = evaluated ? evaluation.Target.Get(i) : null;
                var error = status == CriterionStatus.Error ? evaluation.Errors[i]?.Split('\n')[0] ?? CchcText.Get(nameof(ScoringStrings.Card_NoResult)) : null;
                return Appraised(Card(criterion, status, score.Computed[i], score.MaxPoints[i], value, target, score.Level, error: error), i, score);
        }
    }

    /// <summary>
    /// A sub-criterion's card with its final points: the explanation speaks of the computed points; when the council
    /// appraised it, the points are the appraisal's, and the computed ones and the basis are kept beside them.
    /// </summary>
    private static CriterionScore Appraised(CriterionScore card, int i, UnitScore score)
        => score.Basis[i] == PointsBasis.Computed ? card : card with { Points = score.Points[i], ComputedPoints = score.Computed[i], Basis = score.Basis[i] };

    /// <summary>The computed points when they differ from the final ones (a composite with appraised sub-criteria).</summary>
    private static decimal? Computed(int i, UnitScore score) => score.Computed[i] != score.Points[i] ? score.Computed[i] : null;

    private CriterionScore Card(
        CriterionDefinition criterion,
        CriterionStatus status,
        decimal points,
        decimal maxPoints,
        object? measured,
        object? measuredTarget,
        UnitLevel level,
        string? missing = null,
        string? error = null)
    {
        var options = measured is string ? ChoiceOptionsOf(criterion) : null;
        // With nothing to do, the measured value is a 0 ÷ 0 artefact; with missing data it is a neutral stand-in.
        var value = status is CriterionStatus.MissingData or CriterionStatus.NotApplicable or CriterionStatus.NoOccurrence ? null : measured;
        var target = status == CriterionStatus.NotApplicable ? null : measuredTarget ?? criterion.ConstantTarget;
        var valueText = VietnameseFormat.Value(value, criterion.Format, options);
        var targetValueText = VietnameseFormat.Value(target, criterion.Format, options);
        var targetText = targetValueText is null ? null
            : criterion.Comparison is { } comparison
                ? target is DateTime ? $"{VietnameseFormat.DateWords(comparison)} {targetValueText}" : $"{VietnameseFormat.Symbol(comparison)} {targetValueText}"
                : targetValueText;
        var gap = status is CriterionStatus.NotMet or CriterionStatus.Partial ? Gap(criterion, value, target) : null;
        var explanation = ExplanationRenderer.Render(new ExplanationFacts(criterion, status, valueText, targetValueText, targetText, gap, Math.Abs(points), criterion.Scoring.Points, missing, error, level));
        return new CriterionScore
        {
            Id = criterion.Id,
            Area = criterion.Area,
            Title = criterion.Title,
            Kind = criterion.Kind,
            FullPoints = criterion.Scoring.Points,
            Status = status,
            Points = points,
            MaxPoints = maxPoints,
            Value = ScoreValue.From(Published(value)),
            Target = ScoreValue.From(Published(target)),
            ValueText = valueText,
            TargetText = targetText,
            GapText = gap,
            LeadUnit = criterion.LeadUnit,
            Explanation = explanation,
        };
    }

    /// <summary>Card values keep 6 decimals (1 ÷ 3 would otherwise print 28 digits); points are computed from the exact value.</summary>
    private static object? Published(object? value) => value is decimal d ? Math.Round(d, 6, MidpointRounding.AwayFromZero) : value;

    private IReadOnlyList<ChoiceOption>? ChoiceOptionsOf(CriterionDefinition criterion)
        => criterion.Inputs.Count == 1 && RuleSet.InputsByName.TryGetValue(criterion.Inputs[0], out var input) ? input.Options : null;

    private static string? Gap(CriterionDefinition criterion, object? value, object? target)
    {
        if (criterion.Comparison is not { } comparison || value is null || target is null)
        {
            return null;
        }

        if (value is DateTime date && target is DateTime deadline)
        {
            var days = (date.Date - deadline.Date).Days + (comparison == Comparison.LessThan ? 1 : 0);
            return days > 0 ? $"{days} ngày" : null;
        }

        if (value is string or bool || target is string or bool)
        {
            return null;
        }

        var v = System.Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture);
        var t = System.Convert.ToDecimal(target, System.Globalization.CultureInfo.InvariantCulture);
        var gap = comparison is Comparison.AtLeast or Comparison.MoreThan ? t - v : comparison is Comparison.AtMost or Comparison.LessThan ? v - t : Math.Abs(v - t);
        if (gap <= 0)
        {
            return null;
        }

        return criterion.Format == ValueFormat.Percent ? $"{VietnameseFormat.Number(gap)} điểm phần trăm" : VietnameseFormat.Value(gap, criterion.Format);
    }
}
