using Cchc.Rules;
using Cchc.Rules.Compilation;
using Cchc.Rules.Model;
using Cchc.Scoring.Cards;

namespace Cchc.Scoring.Scoring;

/// <summary>
/// A rule set's scoring decided ahead of time: per criterion (flattened, depth first) its kind, levels, children,
/// the input indexes its missing-data analysis reads, its area; then, per unit, statuses, points, area subtotals,
/// totals, index and grade from the evaluation buffer, with no allocation.
/// </summary>
internal sealed class ScoringPlan
{
    private readonly Node[] _nodes;
    private readonly int[] _top;

    public ScoringPlan(CompiledRuleSet ruleSet)
    {
        RuleSet = ruleSet;
        var flat = ruleSet.Flattened;
        var areaIndex = ruleSet.Areas.Select((a, i) => (a.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        int[] Inputs(IEnumerable<string> names) => [.. names.Select(n => ruleSet.InputIndex[n])];
        _nodes = [.. flat.Select(c => new Node(
            c,
            [.. c.Children.Select(child => ruleSet.CriterionIndex[child.Id])],
            Inputs(c.Inputs),
            Inputs(c.NoOccurrenceInputs),
            Inputs(c.NotApplicableInputs),
            c.Levels.Aggregate(0, (mask, level) => mask | (1 << (int)level)),
            areaIndex.GetValueOrDefault(c.Area, -1)))];
        _top = [.. ruleSet.Criteria.Select(c => ruleSet.CriterionIndex[c.Id])];
    }

    public CompiledRuleSet RuleSet { get; }

    public int Count => _nodes.Length;

    /// <summary>The top-level criteria, as indexes into the flattened order.</summary>
    public ReadOnlySpan<int> TopLevel => _top;

    /// <summary>The same, as a list.</summary>
    public IReadOnlyList<int> TopLevelIndexes => _top;

    public CriterionDefinition Definition(int index) => _nodes[index].Definition;

    public ReadOnlySpan<int> Children(int index) => _nodes[index].Children;

    public ReadOnlySpan<int> Inputs(int index) => _nodes[index].Inputs;

    /// <summary>Scores one evaluated unit into <paramref name="result"/>.</summary>
    public void Score(UnitValues values, EvaluationBuffer evaluation, UnitLevel level, UnitScore result)
    {
        result.Shown.AsSpan().Clear();
        result.Basis.AsSpan().Clear();
        result.AppraisedCount = 0;
        result.AreaPoints.AsSpan().Clear();
        result.AreaMaxPoints.AsSpan().Clear();
        decimal basePoints = 0, maxPoints = 0, bonus = 0, penalty = 0;
        var complete = true;
        foreach (var i in _top)
        {
            Score(i, values, evaluation, 1 << (int)level, result);
            var node = _nodes[i];
            var points = result.Points[i];
            switch (node.Definition.Kind)
            {
                case CriterionKind.Bonus:
                    bonus += points;
                    break;
                case CriterionKind.Penalty:
                    penalty -= points;
                    break;
                default:
                    basePoints += points;
                    maxPoints += result.MaxPoints[i];
                    if (node.Area >= 0)
                    {
                        result.AreaPoints[node.Area] += points;
                        result.AreaMaxPoints[node.Area] += result.MaxPoints[i];
                    }

                    break;
            }

            complete &= result.Status[i] is not CriterionStatus.MissingData and not CriterionStatus.Error;
        }

        result.Level = level;
        result.Complete = complete;
        result.Totals = ScoreTotals.Of(RuleSet, level, basePoints, maxPoints, bonus, penalty, result.Survey?.Points);
    }

    private void Score(int i, UnitValues values, EvaluationBuffer evaluation, int levelBit, UnitScore result)
    {
        var node = _nodes[i];
        var criterion = node.Definition;
        result.Shown[i] = true;
        var max = criterion.Kind == CriterionKind.Base ? criterion.Scoring.Points : 0;
        var evaluated = evaluation.Evaluated[i];
        if ((node.LevelMask & levelBit) == 0
            || (evaluated && evaluation.NotApplicable[i] == EvaluationBuffer.True && AllPresent(node.NotApplicableInputs, values.Present)))
        {
            if (node.Children.Length == 0)
            {
                SetLeaf(result, i, CriterionStatus.NotApplicable, 0, 0);
            }
            else
            {
                Set(result, i, CriterionStatus.NotApplicable, 0, 0);
            }

            return;
        }

        if (node.Children.Length > 0)
        {
            decimal childMax = 0, childPoints = 0, childComputed = 0;
            bool anyError = false, anyMissing = false, allNotApplicable = true, allNothingToDo = true, allMet = true;
            foreach (var c in node.Children)
            {
                Score(c, values, evaluation, levelBit, result);
                var status = result.Status[c];
                childMax += result.MaxPoints[c];
                childPoints += result.Points[c];
                childComputed += result.Computed[c];
                anyError |= status == CriterionStatus.Error;
                anyMissing |= status == CriterionStatus.MissingData;
                allNotApplicable &= status == CriterionStatus.NotApplicable;
                allNothingToDo &= status is CriterionStatus.NoOccurrence or CriterionStatus.NotApplicable;
                allMet &= status is CriterionStatus.Met or CriterionStatus.NoOccurrence or CriterionStatus.NotApplicable;
            }

            var composite = anyError ? CriterionStatus.Error
                : anyMissing ? CriterionStatus.MissingData
                : allNotApplicable ? CriterionStatus.NotApplicable
                : allNothingToDo ? CriterionStatus.NoOccurrence
                // RulesEngine's Operator reads the children's raw tests, which know nothing of "nothing to do".
                : childPoints >= childMax && (!evaluated || evaluation.Passed[i] || allMet) ? CriterionStatus.Met
                : childPoints > 0 ? CriterionStatus.Partial
                : CriterionStatus.NotMet;
            Set(result, i, composite, childPoints, criterion.Kind == CriterionKind.Base ? childMax : 0);
            result.Computed[i] = childComputed;
            return;
        }

        if (!AllPresent(node.Inputs, values.Present)
            && !(criterion.HasNoOccurrence && AllPresent(node.NoOccurrenceInputs, values.Present) && evaluated && evaluation.NoOccurrence[i] == EvaluationBuffer.True))
        {
            SetLeaf(result, i, CriterionStatus.MissingData, 0, max);
            return;
        }

        if (!evaluated || evaluation.Errors[i] is not null)
        {
            SetLeaf(result, i, CriterionStatus.Error, 0, max);
            return;
        }

        if (evaluation.NoOccurrence[i] == EvaluationBuffer.True)
        {
            switch (criterion.WhenNoOccurrence)
            {
                case NoOccurrencePolicy.Full:
                    SetLeaf(result, i, CriterionStatus.NoOccurrence, Signed(criterion, criterion.Scoring.Points), max);
                    break;
                case NoOccurrencePolicy.Zero:
                    SetLeaf(result, i, CriterionStatus.NoOccurrence, 0, max);
                    break;
                default:
                    SetLeaf(result, i, CriterionStatus.NoOccurrence, 0, 0);
                    break;
            }

            return;
        }

        var passed = evaluation.Passed[i];
        var earned = RoundPoints(PointsCalculator.Points(criterion.Scoring, passed, evaluation.Value, i));
        var outcome = passed && (criterion.Scoring.Method == ScoringMethod.PassFail || earned > 0) ? CriterionStatus.Met
            : earned > 0 ? CriterionStatus.Partial
            : CriterionStatus.NotMet;
        SetLeaf(result, i, outcome, Signed(criterion, earned), max);
    }

    /// <summary>
    /// Sets a sub-criterion's (leaf's) outcome; when the council appraised it, its final points are the last appraised
    /// points (round 2 over round 1), signed like computed points, and the computed ones are kept beside them. An
    /// appraisal of a criterion that does not count for the unit (not applicable, or excluded when nothing happened)
    /// is not applied (the card reports it).
    /// </summary>
    private void SetLeaf(UnitScore result, int i, CriterionStatus status, decimal points, decimal maxPoints)
    {
        var computed = points;
        var requested = result.Requested[i];
        var criterion = _nodes[i].Definition;
        if (requested != PointsBasis.Computed
            && status != CriterionStatus.NotApplicable
            && !(criterion.Kind == CriterionKind.Base && maxPoints == 0))
        {
            points = Signed(criterion, result.Appraised[i]);
            result.Basis[i] = requested;
            result.AppraisedCount++;
        }

        Set(result, i, status, points, maxPoints);
        result.Computed[i] = computed;
    }

    private static void Set(UnitScore result, int i, CriterionStatus status, decimal points, decimal maxPoints)
    {
        result.Computed[i] = points;
        result.Status[i] = status;
        result.Points[i] = points;
        result.MaxPoints[i] = maxPoints;
    }

    private static bool AllPresent(int[] inputs, bool[] present)
    {
        foreach (var input in inputs)
        {
            if (!present[input])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Rounds half away from zero to the rule set's decimals. A repeating fraction carries decimal's last-digit error
    /// (6 × (1/96 × 100) ÷ 50 is 0.12499…98, not 0.125), which would turn an exact half down; rounding first to 20
    /// decimals, far below any real difference and far above that error, gives the half back.
    /// </summary>
    private decimal RoundPoints(decimal points)
        => points.Scale <= RuleSet.PointsDecimals
            ? points // already at most the rule set's decimals (pass/fail, bands, most per-item points): rounding changes nothing
            : Math.Round(Math.Round(points, 20, MidpointRounding.AwayFromZero), RuleSet.PointsDecimals, MidpointRounding.AwayFromZero);

    private static decimal Signed(CriterionDefinition criterion, decimal points) => criterion.Kind == CriterionKind.Penalty ? -points : points;

    private sealed record Node(CriterionDefinition Definition, int[] Children, int[] Inputs, int[] NoOccurrenceInputs, int[] NotApplicableInputs, int LevelMask, int Area);
}

/// <summary>
/// One unit's compact result: per criterion (flattened) its status, points and applicable maximum, the area
/// subtotals and the totals — plus the typed values and the evaluation it came from, so that the card's sentences
/// can be written later, only when someone asks for text. Reusable: scoring overwrites it.
/// </summary>
internal sealed class UnitScore
{
    public UnitScore(ScoringPlan plan)
    {
        Plan = plan;
        Status = new CriterionStatus[plan.Count];
        Points = new decimal[plan.Count];
        MaxPoints = new decimal[plan.Count];
        Shown = new bool[plan.Count];
        AreaPoints = new decimal[plan.RuleSet.Areas.Count];
        AreaMaxPoints = new decimal[plan.RuleSet.Areas.Count];
        Computed = new decimal[plan.Count];
        Appraised = new decimal[plan.Count];
        Requested = new PointsBasis[plan.Count];
        Basis = new PointsBasis[plan.Count];
        Values = new UnitValues(plan.RuleSet.Layout);
        Evaluation = new EvaluationBuffer(plan.Count);
    }

    /// <summary>The points computed from the unit's figures (what <see cref="Points"/> holds unless appraised).</summary>
    public decimal[] Computed { get; }

    /// <summary>The last appraised points given for a sub-criterion (unsigned, checked), where <see cref="Requested"/> says so.</summary>
    public decimal[] Appraised { get; }

    /// <summary>Which appraisal the data gives per criterion (set from the unit before scoring).</summary>
    public PointsBasis[] Requested { get; }

    /// <summary>Which points <see cref="Points"/> holds: computed, or the appraisal of round 1 or 2 (set by scoring).</summary>
    public PointsBasis[] Basis { get; }

    /// <summary>How many sub-criteria have appraised final points.</summary>
    public int AppraisedCount { get; set; }

    public ScoringPlan Plan { get; }

    public CriterionStatus[] Status { get; }

    public decimal[] Points { get; }

    public decimal[] MaxPoints { get; }

    /// <summary>Whether the criterion was scored (false for the sub-criteria of a composite that does not apply as a whole).</summary>
    public bool[] Shown { get; }

    public decimal[] AreaPoints { get; }

    public decimal[] AreaMaxPoints { get; }

    public UnitValues Values { get; }

    public EvaluationBuffer Evaluation { get; }

    public UnitLevel Level { get; set; }

    public bool Complete { get; set; }

    public ScoreTotals Totals { get; set; }

    /// <summary>The unit's survey component (set before scoring, from its survey results); null when the index has none.</summary>
    public Survey.SurveyScore? Survey { get; set; }
}
