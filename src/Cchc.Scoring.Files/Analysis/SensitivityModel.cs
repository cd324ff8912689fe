using Cchc.Rules;
using Cchc.Rules.Compilation;
using Cchc.Rules.Model;
using Cchc.Scoring.Cards;
using Cchc.Scoring.Ranking;
using Cchc.Scoring.Scoring;
using Cchc.Scoring.Units;

namespace Cchc.Scoring.Analysis;

/// <summary>
/// What the runs need of each unit, kept as arrays of doubles: per area its points and applicable maximum, the capped
/// bonus minus penalty, and (for threshold runs) each perturbable criterion's measured value and nominal points.
/// </summary>
internal sealed partial class SensitivityModel
{
    private readonly ScoringPlan _plan;
    private readonly CompiledRuleSet _ruleSet;
    private readonly int _areaCount;
    private readonly Slot?[] _slotOf;
    private readonly List<Slot> _slots = [];
    private readonly List<double> _areaPoints = [];
    private readonly List<double> _areaMax = [];
    private readonly List<double> _adjust = [];
    private readonly List<double> _max = [];
    private readonly List<double> _outsidePoints = [];
    private readonly List<double> _outsideMax = [];
    private readonly List<UnitLevel> _levels = [];
    private readonly List<int> _entryStart = [0];
    private readonly List<int> _entrySlot = [];
    private readonly List<double> _entryValue = [];
    private readonly List<double> _entryPoints = [];

    public SensitivityModel(ScoringPlan plan, bool thresholds)
    {
        _plan = plan;
        _ruleSet = plan.RuleSet;
        _areaCount = _ruleSet.Areas.Count;
        _slotOf = new Slot?[plan.Count];
        if (!thresholds)
        {
            return;
        }

        var areaIndex = _ruleSet.Areas.Select((a, i) => (a.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        foreach (var top in plan.TopLevelIndexes)
        {
            if (plan.Definition(top).Kind != CriterionKind.Base || !areaIndex.TryGetValue(plan.Definition(top).Area, out var area))
            {
                continue;
            }

            foreach (var leaf in Leaves(top))
            {
                if (Slot.Of(plan.Definition(leaf), _slots.Count, area) is { } slot)
                {
                    _slotOf[leaf] = slot;
                    _slots.Add(slot);
                }
            }
        }
    }

    /// <summary>The ids of the criteria whose thresholds move, in rule-set order.</summary>
    public IReadOnlyList<string> PerturbedCriteria => [.. _slots.Select(s => s.Id)];

    private int Count => _levels.Count;

    /// <summary>Keeps what the runs need of one scored unit.</summary>
    public void Add(UnitScore score)
    {
        decimal inAreas = 0, inAreasMax = 0;
        for (var a = 0; a < _areaCount; a++)
        {
            _areaPoints.Add((double)score.AreaPoints[a]);
            _areaMax.Add((double)score.AreaMaxPoints[a]);
            inAreas += score.AreaPoints[a];
            inAreasMax += score.AreaMaxPoints[a];
        }

        // Base criteria outside every area (none in the shipped rule sets) keep their weight; bonus and penalty
        // (capped as the rule set caps them) are added after the weighting, as the index adds them.
        var totals = score.Totals;
        _outsidePoints.Add((double)(totals.BasePoints - inAreas));
        _outsideMax.Add((double)(totals.MaxPoints - inAreasMax));
        _max.Add((double)totals.MaxPoints);
        _adjust.Add((double)(totals.Bonus - totals.Penalty));
        _levels.Add(score.Level);
        if (_slots.Count > 0)
        {
            var evaluation = score.Evaluation;
            for (var i = 0; i < _slotOf.Length; i++)
            {
                if (_slotOf[i] is { } slot
                    && score.Shown[i]
                    && score.Status[i] is CriterionStatus.Met or CriterionStatus.Partial or CriterionStatus.NotMet
                    && evaluation.Value.Kinds[i] == ValueKind.Number)
                {
                    _entrySlot.Add(slot.Number);
                    _entryValue.Add((double)evaluation.Value.Numbers[i]);
                    _entryPoints.Add((double)score.Points[i]);
                }
            }
        }

        _entryStart.Add(_entrySlot.Count);
    }

    public (IReadOnlyList<UnitSensitivity> Units, IReadOnlyList<AreaInfluence> Areas, decimal AverageShift) Run(IReadOnlyList<RankedUnit> rows, SensitivityOptions options, CancellationToken cancellationToken)
    {
        // The ranked units, best first, by where their figures were kept (their arrival order).
        var ranked = rows.Where(r => r.Rank is not null).ToArray();
        var n = ranked.Length;
        var runs = options.Runs;
        var unitOf = ranked.Select(r => r.Standing.Sequence).ToArray();
        var nominal = ranked.Select(r => r.Rank!.Value).ToArray();
        var nominalGrade = ranked.Select(r => IndexMath.Band(_ruleSet, _levels[r.Standing.Sequence], r.Standing.Index)).ToArray();
        var frozen = new Frozen(this);
        var tieAreas = _ruleSet.TieBreakAreas.Select(id => _ruleSet.Areas.Select(a => a.Id).ToList().IndexOf(id)).ToArray();
        var ranks = new int[(long)n * runs];
        var shifts = new double[runs];
        var factors = new double[runs * _areaCount];
        var gradeChanges = new long[n];
        var weightBand = (double)options.WeightBand;
        var thresholdBand = (double)options.ThresholdBand;
        var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = options.MaxDegreeOfParallelism > 0 ? options.MaxDegreeOfParallelism : Environment.ProcessorCount };
        var gate = new object();
        Parallel.For(
            0,
            runs,
            parallel,
            () => new Worker(frozen, n, tieAreas.Length),
            (run, _, worker) =>
            {
                var random = new SplitMix(options.Seed, run);
                var f = factors.AsSpan(run * _areaCount, _areaCount);
                for (var a = 0; a < _areaCount; a++)
                {
                    f[a] = 1 + (weightBand * ((2 * random.NextDouble()) - 1));
                }

                for (var s = 0; s < _slots.Count; s++)
                {
                    worker.Thresholds[s] = 1 + (thresholdBand * ((2 * random.NextDouble()) - 1));
                }

                worker.Rank(unitOf, f, tieAreas);
                double shift = 0;
                for (var k = 0; k < n; k++)
                {
                    ranks[((long)k * runs) + run] = worker.Ranks[k];
                    shift += Math.Abs(worker.Ranks[k] - nominal[k]);
                    if (!ReferenceEquals(worker.Grades[k], nominalGrade[k]))
                    {
                        worker.GradeChanges[k]++;
                    }
                }

                shifts[run] = n == 0 ? 0 : shift / n;
                return worker;
            },
            worker =>
            {
                // Integer counts: the order the workers finish in does not change the sums.
                lock (gate)
                {
                    for (var k = 0; k < n; k++)
                    {
                        gradeChanges[k] += worker.GradeChanges[k];
                    }
                }
            });

        var units = new List<UnitSensitivity>(rows.Count);
        var sorted = new int[runs];
        for (var k = 0; k < n; k++)
        {
            Array.Copy(ranks, (long)k * runs, sorted, 0, runs);
            Array.Sort(sorted);
            long distance = 0;
            foreach (var r in sorted)
            {
                distance += Math.Abs(r - nominal[k]);
            }

            var s = ranked[k].Standing;
            units.Add(new UnitSensitivity(
                s.Code, s.Name, s.Parent, s.Complete, s.Index, s.Grade, nominal[k],
                Percentile(sorted, 50), Percentile(sorted, 5), Percentile(sorted, 95),
                Math.Round((decimal)gradeChanges[k] / runs, 4, MidpointRounding.AwayFromZero),
                Math.Round((decimal)distance / runs, 2, MidpointRounding.AwayFromZero)));
        }

        foreach (var row in rows.Where(r => r.Rank is null))
        {
            var s = row.Standing;
            units.Add(new UnitSensitivity(s.Code, s.Name, s.Parent, s.Complete, s.Index, s.Grade, null, null, null, null, 0, 0));
        }

        var areas = new List<AreaInfluence>(_areaCount);
        for (var a = 0; a < _areaCount; a++)
        {
            var x = new double[runs];
            for (var run = 0; run < runs; run++)
            {
                x[run] = factors[(run * _areaCount) + a];
            }

            areas.Add(new AreaInfluence(_ruleSet.Areas[a].Id, _ruleSet.Areas[a].Title, Rounded(FirstOrder(x, shifts, 1 - weightBand, 1 + weightBand)), Rounded(x.Length < 2 ? null : RuleSetImpact.Pearson(x, shifts))));
        }

        double total = 0;
        foreach (var shift in shifts)
        {
            total += shift;
        }

        return (units, areas, Rounded(total / runs) ?? 0);
    }

    /// <summary>
    /// The largest difference between a kept criterion's nominal points and its points recomputed from its measured
    /// value with unmoved thresholds (factor 1): 0 when the recomputation is the scoring's own. A self-check for tests.
    /// </summary>
    internal double RecomputationGap()
    {
        double gap = 0;
        for (var e = 0; e < _entrySlot.Count; e++)
        {
            gap = Math.Max(gap, Math.Abs(_slots[_entrySlot[e]].Points(_entryValue[e], 1, _ruleSet.PointsDecimals) - _entryPoints[e]));
        }

        return gap;
    }

    /// <summary>How many (unit, criterion) values the threshold runs recompute.</summary>
    internal int EntryCount => _entrySlot.Count;

    /// <summary>Nearest-rank percentile of sorted ranks: the smallest rank with at least p% of the runs at or above it in the order.</summary>
    internal static int Percentile(int[] sorted, int percent)
        => sorted[Math.Max(0, (int)Math.Ceiling(sorted.Length * percent / 100.0) - 1)];

    /// <summary>A double statistic as a decimal with four decimals, so that its last bits never reach an output.</summary>
    private static decimal? Rounded(double? value) => value is { } v && double.IsFinite(v) ? Math.Round((decimal)v, 4, MidpointRounding.AwayFromZero) : null;

    /// <summary>
    /// First-order sensitivity index by binning (the Handbook's variance-based measure, estimated as in its
    /// scatter-plot approach): the runs are split into equal-width bins of the factor, and S = Var(bin means of y)
    /// ÷ Var(y), the bins weighted by their runs. Unbiased only for many runs; with 1,000 runs and 20 bins a factor with
    /// no effect reads about 0.02.
    /// </summary>
    /// <summary>How many bins the first-order index splits <paramref name="runs"/> runs into (about 50 runs a bin, 2 to 20).</summary>
    internal static int Bins(int runs) => Math.Clamp(runs / 50, 2, 20);

    /// <summary>What S reads for an area without effect, about (bins − 1) ÷ runs: the floor below which S means nothing.</summary>
    internal static decimal NoEffectLevel(int runs) => Math.Round((decimal)(Bins(runs) - 1) / runs, 3, MidpointRounding.AwayFromZero);

    internal static double? FirstOrder(double[] x, double[] y, double low, double high)
    {
        var n = y.Length;
        if (n < 2 || high <= low)
        {
            return null;
        }

        var mean = y.Average();
        double variance = 0;
        foreach (var v in y)
        {
            variance += (v - mean) * (v - mean);
        }

        if (variance <= 0)
        {
            return null;
        }

        var bins = Bins(n);
        var sums = new double[bins];
        var counts = new int[bins];
        for (var i = 0; i < n; i++)
        {
            var b = Math.Clamp((int)((x[i] - low) / (high - low) * bins), 0, bins - 1);
            sums[b] += y[i];
            counts[b]++;
        }

        double between = 0;
        for (var b = 0; b < bins; b++)
        {
            if (counts[b] > 0)
            {
                var m = sums[b] / counts[b];
                between += counts[b] * (m - mean) * (m - mean);
            }
        }

        return between / variance;
    }

    private List<int> Leaves(int i)
    {
        var children = _plan.Children(i);
        if (children.Length == 0)
        {
            return [i];
        }

        var leaves = new List<int>();
        foreach (var child in children)
        {
            leaves.AddRange(Leaves(child));
        }

        return leaves;
    }

    /// <summary>SplitMix64 (Steele, Lea and Flood 2014): a run's stream from (seed, run number) alone.</summary>
    private struct SplitMix(long seed, int run)
    {
        private ulong _state = Mix(Mix((ulong)seed) ^ Mix(0x632BE59BD9B4E019UL + (ulong)run));

        public double NextDouble()
        {
            _state += 0x9E3779B97F4A7C15UL;
            return (Mix(_state) >> 11) * (1.0 / (1UL << 53));
        }

        private static ulong Mix(ulong z)
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
