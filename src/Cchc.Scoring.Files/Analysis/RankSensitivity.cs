using Cchc.Rules;
using Cchc.Rules.Compilation;
using Cchc.Rules.Model;
using Cchc.Scoring.Cards;
using Cchc.Scoring.Ranking;
using Cchc.Scoring.Scoring;
using Cchc.Scoring.Units;

namespace Cchc.Scoring.Analysis;

/// <summary>How <see cref="RankSensitivity.AnalyzeAsync"/> perturbs the ranking.</summary>
public sealed record SensitivityOptions
{
    /// <summary>How many perturbed rankings are made (default 1,000).</summary>
    public int Runs { get; init; } = 1000;

    /// <summary>The seed: the same seed gives the same runs, on any machine and with any parallelism.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>
    /// Each area's weight is multiplied by a factor drawn uniformly in [1 − band, 1 + band] (0.20 for ±20%), then the
    /// weights are scaled back so that the unit's maximum stays the same. From 0 to 0.9.
    /// </summary>
    public decimal WeightBand { get; init; } = 0.20m;

    /// <summary>Each perturbable criterion's thresholds are multiplied by a factor drawn uniformly in [1 − band, 1 + band] (0 = thresholds fixed). From 0 to 0.9.</summary>
    public decimal ThresholdBand { get; init; }

    /// <summary>Runs computed at once; 0 = one per processor. The result does not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; }
}

/// <summary>One unit's place across the perturbed rankings.</summary>
/// <param name="Code">Unit code.</param>
/// <param name="Name">Unit name.</param>
/// <param name="Parent">Parent code, if any.</param>
/// <param name="Complete">Whether every applicable criterion could be scored.</param>
/// <param name="Index">The nominal index (as <c>cchc rank</c> gives it).</param>
/// <param name="Grade">The nominal grade.</param>
/// <param name="NominalRank">The rank <c>cchc rank</c> gives; null when the unit has no index.</param>
/// <param name="MedianRank">The median rank over the runs (nearest rank).</param>
/// <param name="BestRank">The 5th percentile of the rank over the runs (the better end of the 90% interval).</param>
/// <param name="WorstRank">The 95th percentile of the rank over the runs (the worse end of the 90% interval).</param>
/// <param name="GradeChangeShare">The share of runs (0–1) in which the unit's grade differs from its nominal grade.</param>
/// <param name="MeanRankShift">The unit's average absolute distance from its nominal rank over the runs.</param>
public sealed record UnitSensitivity(
    string Code,
    string Name,
    string? Parent,
    bool Complete,
    decimal? Index,
    string? Grade,
    int? NominalRank,
    int? MedianRank,
    int? BestRank,
    int? WorstRank,
    decimal GradeChangeShare,
    decimal MeanRankShift);

/// <summary>How much one area's weight moves the ranking.</summary>
/// <param name="AreaId">The area id.</param>
/// <param name="Title">The area title.</param>
/// <param name="FirstOrderIndex">
/// The first-order sensitivity index S of the area's weight factor on the run's average rank shift: the share of that
/// shift's variance explained by the factor alone (0–1), estimated by binning the runs on the factor; null when the
/// weights are not perturbed or the shift does not vary.
/// </param>
/// <param name="Correlation">Pearson correlation between the area's weight factor and the run's average rank shift.</param>
public sealed record AreaInfluence(string AreaId, string Title, decimal? FirstOrderIndex, decimal? Correlation);

/// <summary>
/// The uncertainty analysis the OECD/JRC <i>Handbook on Constructing Composite Indicators</i> (2008, §5 and step 7)
/// recommends before an index is published: the ranking repeated many times with the area weights (and optionally
/// the thresholds) drawn within a band, and for each unit its nominal rank, median rank, 90% rank interval and how
/// often its grade changes; for the ranking, the average absolute rank shift and which area's weight moves it most.
/// </summary>
/// <remarks>
/// Every unit is scored once, through the same pipeline and compiled core as <c>cchc rank</c>, so the nominal ranks are
/// <c>cchc rank</c>'s. A run is then arithmetic over the kept area points (double inside the runs; the index rounded
/// half away from zero to the rule set's decimals as the index is) and a sort with the same competition ranking and
/// tie-break areas. Each run's random numbers come from (seed, run number) alone and runs are combined in run order,
/// so the result does not depend on the parallelism.
/// </remarks>
public sealed class RankSensitivity
{
    private RankSensitivity()
    {
    }

    /// <summary>The rule set.</summary>
    public required CompiledRuleSet RuleSet { get; init; }

    /// <summary>The options the analysis ran with.</summary>
    public required SensitivityOptions Options { get; init; }

    /// <summary>How the data read (rejections, column problems): units in = scored + rejected.</summary>
    public required UnitReadSummary Read { get; init; }

    /// <summary>Every scored unit, in the nominal ranking's order (units without an index last).</summary>
    public required IReadOnlyList<UnitSensitivity> Units { get; init; }

    /// <summary>Per area, how much its weight moves the ranking, in the rule set's order.</summary>
    public required IReadOnlyList<AreaInfluence> Areas { get; init; }

    /// <summary>The average over runs and ranked units of |rank in the run − nominal rank|.</summary>
    public required decimal AverageRankShift { get; init; }

    /// <summary>The area whose weight moves the ranking most (highest first-order index), if any.</summary>
    public AreaInfluence? MostInfluential => Areas.Where(a => a.FirstOrderIndex is not null).OrderByDescending(a => a.FirstOrderIndex).FirstOrDefault();

    /// <summary>The criteria whose thresholds the runs move (when <see cref="SensitivityOptions.ThresholdBand"/> is above 0, else empty).</summary>
    public required IReadOnlyList<string> PerturbedCriteria { get; init; }

    /// <summary>Scores every unit once and runs the perturbed rankings.</summary>
    /// <param name="engine">The engine of the rule set.</param>
    /// <param name="dataPaths">The data files (as <c>cchc rank</c> takes them).</param>
    /// <param name="options">Runs, seed, bands.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <exception cref="ArgumentOutOfRangeException">Runs below 1, or a band outside 0–0.9.</exception>
    /// <exception cref="NotSupportedException">A file is of a kind the reader does not know.</exception>
    public static async Task<RankSensitivity> AnalyzeAsync(ScoringEngine engine, IReadOnlyList<string> dataPaths, SensitivityOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(dataPaths);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Runs, 1, nameof(options));
        if (options.WeightBand is < 0 or > 0.9m || options.ThresholdBand is < 0 or > 0.9m)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "A band must lie between 0 and 0.9.");
        }

        var model = new SensitivityModel(engine.Plan, options.ThresholdBand > 0);
        var standings = new List<UnitStanding>();
        var parents = new Dictionary<string, string>(StringComparer.Ordinal);
        var read = await new UnitPipeline(engine.RuleSet).ReadAsync(
            dataPaths,
            async (units, token) =>
            {
                var score = new UnitScore(engine.Plan);
                foreach (var unit in units)
                {
                    token.ThrowIfCancellationRequested();
                    await engine.ScoreIntoAsync(unit, score, token).ConfigureAwait(false);
                    var standing = UnitStanding.Of(unit, score, parents, standings.Count);
                    standings.Add(standing);
                    model.Add(score);
                }
            },
            cancellationToken).ConfigureAwait(false);

        var rows = UnitRanker.RankStandings(standings, engine.RuleSet);
        var result = model.Run(rows, options, cancellationToken);
        return new RankSensitivity
        {
            RuleSet = engine.RuleSet,
            Options = options,
            Read = read,
            Units = result.Units,
            Areas = result.Areas,
            AverageRankShift = result.AverageShift,
            PerturbedCriteria = model.PerturbedCriteria,
        };
    }
}

/// <summary>
/// What the runs need of each unit, kept as arrays of doubles: per area its points and applicable maximum, the capped
/// bonus minus penalty, and (for threshold runs) each perturbable criterion's measured value and nominal points.
/// </summary>
internal sealed class SensitivityModel
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

    /// <summary>
    /// The kept figures as plain arrays (the lists frozen once the units are read), and the grade bands of each level as
    /// limits on the index counted in its last decimal (72,45 → 7245 with two decimals), so that a run compares
    /// integers held in doubles: the index rounded half away from zero to the rule set's decimals, as the index is.
    /// </summary>
    private sealed class Frozen
    {
        public Frozen(SensitivityModel model)
        {
            var ruleSet = model._ruleSet;
            AreaCount = model._areaCount;
            AreaPoints = [.. model._areaPoints];
            AreaMax = [.. model._areaMax];
            Max = [.. model._max];
            OutsidePoints = [.. model._outsidePoints];
            OutsideMax = [.. model._outsideMax];
            Adjust = [.. model._adjust];
            EntryStart = [.. model._entryStart];
            EntrySlot = [.. model._entrySlot];
            EntryValue = [.. model._entryValue];
            EntryPoints = [.. model._entryPoints];
            Slots = [.. model._slots];
            PointsDecimals = ruleSet.PointsDecimals;
            Unit = Math.Pow(10, ruleSet.Index.Decimals);
            // Without survey results a unit's index is the criteria on the whole scale (renormalised), or, when the rule
            // set scores a missing survey 0, the criteria component alone on its weight (IndexMath.Index with 0 points).
            Scale = ruleSet.Composition is { Survey: not null, WhenNoSurvey: WhenNoSurvey.Zero } composition
                ? (double)composition.Criteria.Weight
                : (double)ruleSet.Index.Scale;
            Cap = ruleSet.Index.CapAtScale ? (double)(ruleSet.Index.Scale * (decimal)Unit) : double.PositiveInfinity;
            var levels = model._levels.Distinct().ToList();
            Tables = [.. levels.Select(level => ruleSet.Grades.Where(g => g.AppliesTo(level))
                .Select(g => (Band: g, From: (double)(g.From * (decimal)Unit), To: g.To is { } to ? (double)(to * (decimal)Unit) : double.PositiveInfinity))
                .ToArray())];
            TableOf = [.. model._levels.Select(level => levels.IndexOf(level))];
        }

        public int AreaCount { get; }

        public double[] AreaPoints { get; }

        public double[] AreaMax { get; }

        public double[] Max { get; }

        public double[] OutsidePoints { get; }

        public double[] OutsideMax { get; }

        public double[] Adjust { get; }

        public int[] EntryStart { get; }

        public int[] EntrySlot { get; }

        public double[] EntryValue { get; }

        public double[] EntryPoints { get; }

        public Slot[] Slots { get; }

        public int PointsDecimals { get; }

        /// <summary>10^decimals of the index.</summary>
        public double Unit { get; }

        public double Scale { get; }

        /// <summary>The scale in index units when the rule set caps the index at it, else infinity.</summary>
        public double Cap { get; }

        public (GradeBand Band, double From, double To)[][] Tables { get; }

        public int[] TableOf { get; }
    }

    /// <summary>One run's buffers, reused by a worker across the runs it computes.</summary>
    private sealed class Worker(Frozen model, int n, int tieAreaCount)
    {
        private readonly double[] _points = new double[model.AreaCount];
        private readonly double[] _keys = new double[n];
        private readonly double[] _sortKeys = new double[n];
        private readonly double[] _ties = new double[n * tieAreaCount];
        private readonly int[] _order = new int[n];

        public double[] Thresholds { get; } = new double[model.Slots.Length];

        public int[] Ranks { get; } = new int[n];

        public GradeBand?[] Grades { get; } = new GradeBand?[n];

        public long[] GradeChanges { get; } = new long[n];

        public void Rank(int[] unitOf, ReadOnlySpan<double> factors, int[] tieAreas)
        {
            var areaCount = model.AreaCount;
            var areaPoints = model.AreaPoints;
            var areaMax = model.AreaMax;
            var slots = model.Slots;
            var entrySlot = model.EntrySlot;
            var entryValue = model.EntryValue;
            var entryPoints = model.EntryPoints;
            var thresholds = Thresholds;
            var toIndex = model.Scale * model.Unit;
            for (var k = 0; k < unitOf.Length; k++)
            {
                var u = unitOf[k];
                var max = model.Max[u];
                double weightedMax = model.OutsideMax[u], weighted = model.OutsidePoints[u];
                Array.Copy(areaPoints, u * areaCount, _points, 0, areaCount);
                for (var e = model.EntryStart[u]; e < model.EntryStart[u + 1]; e++)
                {
                    var slot = slots[entrySlot[e]];
                    _points[slot.Area] += slot.Points(entryValue[e], thresholds[slot.Number], model.PointsDecimals) - entryPoints[e];
                }

                for (var a = 0; a < areaCount; a++)
                {
                    weighted += factors[a] * _points[a];
                    weightedMax += factors[a] * areaMax[(u * areaCount) + a];
                }

                // Renormalised: the weights scaled back so that the unit's maximum stays what it was. The index is
                // counted in its last decimal; rounding first to 6 decimals there removes the last bits of the double
                // arithmetic (72,4499999… is 72,45), then half away from zero, as IndexMath rounds the index.
                var renormalise = weightedMax > 0 ? max / weightedMax : 1;
                var points = (weighted * renormalise) + model.Adjust[u];
                var index = Math.Min(Math.Round(Math.Round(points / max * toIndex, 6), MidpointRounding.AwayFromZero), model.Cap);
                GradeBand? grade = null;
                foreach (var (band, from, to) in model.Tables[model.TableOf[u]])
                {
                    if (index >= from && index < to)
                    {
                        grade = band;
                        break;
                    }
                }

                Grades[k] = grade;
                _keys[k] = -index;
                for (var t = 0; t < tieAreas.Length; t++)
                {
                    _ties[(k * tieAreas.Length) + t] = tieAreas[t] < 0 ? 0 : Math.Round(factors[tieAreas[t]] * renormalise * _points[tieAreas[t]], 9);
                }

                _order[k] = k;
            }

            // Sorted by index (higher first); equal indexes by the tie-break areas' points (more first). Ranks are
            // competition ranks (1, 2, 2, 4), so the order among fully equal units does not matter.
            var keys = _sortKeys;
            Array.Copy(_keys, keys, keys.Length);
            Array.Sort(keys, _order);
            for (var start = 0; start < _order.Length;)
            {
                var end = start + 1;
                while (end < _order.Length && keys[end] == keys[start])
                {
                    end++;
                }

                if (end - start > 1 && tieAreas.Length > 0)
                {
                    Array.Sort(_order, start, end - start, Comparer<int>.Create(CompareTies));
                }

                start = end;
            }

            for (var i = 0; i < _order.Length; i++)
            {
                var k = _order[i];
                Ranks[k] = i > 0 && _keys[_order[i - 1]] == _keys[k] && CompareTies(_order[i - 1], k) == 0 ? Ranks[_order[i - 1]] : i + 1;
            }

            int CompareTies(int x, int y)
            {
                for (var t = 0; t < tieAreas.Length; t++)
                {
                    var result = _ties[(y * tieAreas.Length) + t].CompareTo(_ties[(x * tieAreas.Length) + t]);
                    if (result != 0)
                    {
                        return result;
                    }
                }

                return 0;
            }
        }
    }

    /// <summary>
    /// A criterion whose thresholds can be moved and its points recomputed from its measured value: pass/fail on
    /// <c>value &lt;op&gt; constant</c>, linear (fullAt and zeroAt), bands (every band's min and max). Per item,
    /// deduction, choice, composites' own tests and tests on booleans, dates or other expressions are not moved.
    /// </summary>
    internal sealed class Slot
    {
        private ScoringMethod _method;
        private double _max;
        private Comparison _comparison;
        private double _target;
        private double _fullAt;
        private double _zeroAt;
        private (double? Min, double? Max, double Points)[] _bands = [];

        public required string Id { get; init; }

        public required int Number { get; init; }

        public required int Area { get; init; }

        public static Slot? Of(CriterionDefinition criterion, int number, int area)
        {
            var rule = criterion.Scoring;
            var slot = new Slot { Id = criterion.Id, Number = number, Area = area, _method = rule.Method, _max = (double)rule.Points };
            switch (rule.Method)
            {
                case ScoringMethod.PassFail when criterion.Comparison is { } comparison and not Comparison.EqualTo && criterion.ConstantTarget is decimal target:
                    slot._comparison = comparison;
                    slot._target = (double)target;
                    return slot;
                case ScoringMethod.Linear when rule.FullAt != rule.ZeroAt:
                    slot._fullAt = (double)rule.FullAt;
                    slot._zeroAt = (double)rule.ZeroAt;
                    return slot;
                case ScoringMethod.Bands when rule.Bands.Count > 0:
                    slot._bands = [.. rule.Bands.Select(b => ((double?)b.Min, (double?)b.Max, Math.Min((double)b.Points, (double)rule.Points)))];
                    return slot;
                default:
                    return null;
            }
        }

        /// <summary>The points of <paramref name="value"/> with every threshold multiplied by <paramref name="factor"/>, rounded as the rule set rounds points.</summary>
        public double Points(double value, double factor, int decimals)
        {
            double points;
            switch (_method)
            {
                case ScoringMethod.PassFail:
                    var target = _target * factor;
                    var passed = _comparison switch
                    {
                        Comparison.AtLeast => value >= target,
                        Comparison.MoreThan => value > target,
                        Comparison.AtMost => value <= target,
                        _ => value < target,
                    };
                    points = passed ? _max : 0;
                    break;
                case ScoringMethod.Linear:
                    // The only method whose points need rounding: pass/fail and bands give written point values.
                    return Math.Round(_max * Math.Clamp((value - (_zeroAt * factor)) / ((_fullAt - _zeroAt) * factor), 0, 1), decimals, MidpointRounding.AwayFromZero);
                default:
                    points = 0;
                    foreach (var (min, max, bandPoints) in _bands)
                    {
                        if (min is { } m ? value >= m * factor : value <= max!.Value * factor)
                        {
                            points = bandPoints;
                            break;
                        }
                    }

                    break;
            }

            return points;
        }
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
