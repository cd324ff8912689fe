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
