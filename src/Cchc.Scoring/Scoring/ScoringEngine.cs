using System.Runtime.CompilerServices;
using Cchc.Rules;
using Cchc.Rules.Model;
using Cchc.Scoring.Cards;
using Cchc.Scoring.Explanations;
using Cchc.Scoring.Units;

namespace Cchc.Scoring;

/// <summary>The scoring engine: RulesEngine evaluates the expressions, this class turns them into points and words.</summary>
public sealed class ScoringEngine : IScoringEngine
{
    private readonly RuleSetInfo _info;
    private readonly Dictionary<string, int> _inputOrder;
    private readonly int _criterionCount;

    /// <summary>Creates an engine for a compiled rule set.</summary>
    public ScoringEngine(CompiledRuleSet ruleSet)
    {
        RuleSet = ruleSet ?? throw new ArgumentNullException(nameof(ruleSet));
        _info = new RuleSetInfo(ruleSet.Id, ruleSet.Version, ruleSet.Sha256);
        _inputOrder = ruleSet.Inputs.Select((input, i) => (input.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        _criterionCount = ruleSet.Criteria.Flatten().Count();
    }

    /// <inheritdoc />
    public CompiledRuleSet RuleSet { get; }

    /// <inheritdoc />
    public async ValueTask<ScoreCard> ScoreAsync(UnitData unit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var (typed, invalid) = Convert(unit);
        var evaluations = await RuleSet.EvaluateAsync(typed, cancellationToken).ConfigureAwait(false);
        var byId = Index(evaluations);
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        var criteria = RuleSet.Criteria.Select(c => Score(c, unit.Level, typed, invalid, byId, missing)).ToList();
        return Assemble(unit, criteria, invalid, missing);
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

    private (Dictionary<string, object?> Typed, Dictionary<string, DataProblem> Invalid) Convert(UnitData unit)
    {
        var typed = new Dictionary<string, object?>(StringComparer.Ordinal);
        var invalid = new Dictionary<string, DataProblem>(StringComparer.Ordinal);
        foreach (var input in RuleSet.Inputs)
        {
            unit.Values.TryGetValue(input.Name, out var raw);
            var value = InputConverter.Convert(input, raw, out var problem);
            if (problem is not null)
            {
                invalid[input.Name] = problem with { File = unit.Source?.File, Row = unit.Source?.Row };
            }

            typed[input.Name] = value;
        }

        return (typed, invalid);
    }

    private Dictionary<string, RuleEvaluation> Index(IEnumerable<RuleEvaluation> evaluations)
    {
        var result = new Dictionary<string, RuleEvaluation>(_criterionCount, StringComparer.Ordinal);
        Add(evaluations);
        return result;

        void Add(IEnumerable<RuleEvaluation> level)
        {
            foreach (var evaluation in level)
            {
                result[evaluation.RuleId] = evaluation;
                Add(evaluation.Children);
            }
        }
    }

    private CriterionScore Score(
        CriterionDefinition criterion,
        UnitLevel level,
        Dictionary<string, object?> typed,
        Dictionary<string, DataProblem> invalid,
        Dictionary<string, RuleEvaluation> evaluations,
        SortedSet<string> missingInputs)
    {
        var max = criterion.Kind == CriterionKind.Base ? criterion.Scoring.Points : 0;
        if (!criterion.AppliesTo(level))
        {
            return Card(criterion, CriterionStatus.NotApplicable, 0, 0, null, level);
        }

        evaluations.TryGetValue(criterion.Id, out var evaluation);
        if (evaluation?.NotApplicable == true && criterion.NotApplicableInputs.All(i => typed[i] is not null))
        {
            return Card(criterion, CriterionStatus.NotApplicable, 0, 0, null, level);
        }

        if (criterion.Children.Count > 0)
        {
            var children = criterion.Children.Select(c => Score(c, level, typed, invalid, evaluations, missingInputs)).ToList();
            var childMax = children.Sum(c => c.MaxPoints);
            var childPoints = children.Sum(c => c.Points);
            var status = children.Any(c => c.Status == CriterionStatus.Error) ? CriterionStatus.Error
                : children.Any(c => c.Status == CriterionStatus.MissingData) ? CriterionStatus.MissingData
                : children.All(c => c.Status == CriterionStatus.NotApplicable) ? CriterionStatus.NotApplicable
                : children.All(c => c.Status is CriterionStatus.NoOccurrence or CriterionStatus.NotApplicable) ? CriterionStatus.NoOccurrence
                // RulesEngine's Operator reads the children's raw tests, which know nothing of "nothing to do".
                : childPoints >= childMax && (evaluation?.Passed != false || children.All(c => c.Status is CriterionStatus.Met or CriterionStatus.NoOccurrence or CriterionStatus.NotApplicable)) ? CriterionStatus.Met
                : childPoints > 0 ? CriterionStatus.Partial
                : CriterionStatus.NotMet;
            var composite = Card(criterion, status, childPoints, criterion.Kind == CriterionKind.Base ? childMax : 0, null, level,
                missing: string.Join(", ", children.Where(c => c.Status == CriterionStatus.MissingData).Select(c => c.Id)));
            return composite with { Children = children };
        }

        List<string>? absent = null;
        foreach (var input in criterion.Inputs)
        {
            if (typed[input] is null)
            {
                (absent ??= []).Add(input);
            }
        }

        if (absent is not null)
        {
            var noOccurrenceKnown = criterion.HasNoOccurrence && criterion.NoOccurrenceInputs.All(i => typed[i] is not null);
            if (!(noOccurrenceKnown && evaluation?.NoOccurrence == true))
            {
                missingInputs.UnionWith(absent.Where(i => !invalid.ContainsKey(i)));
                var labels = string.Join(", ", absent.Select(i => invalid.TryGetValue(i, out var p)
                    ? $"{RuleSet.InputsByName[i].Label}: '{p.Value}' {p.Reason}"
                    : RuleSet.InputsByName[i].Label));
                return Card(criterion, CriterionStatus.MissingData, 0, max, null, level, missing: labels);
            }
        }

        if (evaluation is null || evaluation.Error is not null)
        {
            return Card(criterion, CriterionStatus.Error, 0, max, evaluation, level, error: evaluation?.Error?.Split('\n')[0] ?? "không có kết quả");
        }

        if (evaluation.NoOccurrence == true)
        {
            var (points, maxPoints) = criterion.WhenNoOccurrence switch
            {
                NoOccurrencePolicy.Full => (criterion.Scoring.Points, max),
                NoOccurrencePolicy.Zero => (0m, max),
                _ => (0m, 0m),
            };
            return Card(criterion, CriterionStatus.NoOccurrence, Signed(criterion, points), maxPoints, evaluation, level);
        }

        var earned = RoundPoints(Scoring.PointsCalculator.Points(criterion.Scoring, evaluation.Passed, evaluation.Value));
        var result = evaluation.Passed && (criterion.Scoring.Method == ScoringMethod.PassFail || earned > 0) ? CriterionStatus.Met
            : earned > 0 ? CriterionStatus.Partial
            : CriterionStatus.NotMet;
        return Card(criterion, result, Signed(criterion, earned), max, evaluation, level);
    }

    /// <summary>
    /// Rounds half away from zero to the rule set's decimals. A repeating fraction carries decimal's last-digit error
    /// (6 × (1/96 × 100) ÷ 50 is 0.12499…98, not 0.125), which would turn an exact half down; rounding first to 20
    /// decimals, far below any real difference and far above that error, gives the half back.
    /// </summary>
    private decimal RoundPoints(decimal points)
        => Math.Round(Math.Round(points, 20, MidpointRounding.AwayFromZero), RuleSet.PointsDecimals, MidpointRounding.AwayFromZero);

    private static decimal Signed(CriterionDefinition criterion, decimal points) => criterion.Kind == CriterionKind.Penalty ? -points : points;

    private CriterionScore Card(
        CriterionDefinition criterion,
        CriterionStatus status,
        decimal points,
        decimal maxPoints,
        RuleEvaluation? evaluation,
        UnitLevel level,
        string? missing = null,
        string? error = null)
    {
        var options = evaluation?.Value is string ? ChoiceOptionsOf(criterion) : null;
        // With nothing to do, the measured value is a 0 ÷ 0 artefact; with missing data it is a neutral stand-in.
        var value = status is CriterionStatus.MissingData or CriterionStatus.NotApplicable or CriterionStatus.NoOccurrence ? null : evaluation?.Value;
        var target = status == CriterionStatus.NotApplicable ? null : evaluation?.Target ?? criterion.ConstantTarget;
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

    private ScoreCard Assemble(UnitData unit, List<CriterionScore> criteria, Dictionary<string, DataProblem> invalid, SortedSet<string> missingInputs)
    {
        // The cards are in the rule set's order, so each one's kind comes from the definition at the same place.
        var baseCriteria = criteria.Where((_, i) => RuleSet.Criteria[i].Kind == CriterionKind.Base).ToList();
        var basePoints = baseCriteria.Sum(c => c.Points);
        var maxPoints = baseCriteria.Sum(c => c.MaxPoints);
        var bonus = Math.Min(criteria.Where((_, i) => RuleSet.Criteria[i].Kind == CriterionKind.Bonus).Sum(c => c.Points), RuleSet.BonusCap);
        var penalty = Math.Min(-criteria.Where((_, i) => RuleSet.Criteria[i].Kind == CriterionKind.Penalty).Sum(c => c.Points), RuleSet.PenaltyCap);
        var points = basePoints + bonus - penalty;
        var index = Scoring.IndexMath.Index(RuleSet, points, maxPoints);
        var grade = Scoring.IndexMath.Band(RuleSet, unit.Level, index)?.Name;
        var areas = RuleSet.Areas.Select(a => new AreaScore(
            a.Id,
            a.Title,
            baseCriteria.Where(c => c.Area == a.Id).Sum(c => c.Points),
            baseCriteria.Where(c => c.Area == a.Id).Sum(c => c.MaxPoints))).ToList();

        var problems = invalid.Values
            .Concat(missingInputs.Select(name => new DataProblem(name, RuleSet.InputsByName[name].Label, "", DataProblemKind.Missing, "thiếu dữ liệu")
            {
                File = unit.Source?.File,
                Row = unit.Source?.Row,
            }))
            .OrderBy(p => _inputOrder[p.Input])
            .ToList();
        var selfAssessment = Scoring.ClaimChecker.Check(RuleSet, unit, criteria, maxPoints, problems);

        return new ScoreCard
        {
            RuleSet = _info,
            Unit = new UnitInfo(unit.Code, unit.Name, unit.Level.ToCode(), unit.Parent),
            Points = points,
            MaxPoints = maxPoints,
            Index = index,
            Grade = grade,
            Bonus = bonus,
            Penalty = penalty,
            Areas = areas,
            Criteria = criteria,
            Problems = problems,
            SelfAssessment = selfAssessment,
        };
    }
}
