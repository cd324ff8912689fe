using Cchc.Scoring.Scoring;
using Cchc.Scoring.Units;

namespace Cchc.Scoring.Ranking;

/// <summary>How to rank a data file.</summary>
public sealed record RankingOptions
{
    /// <summary>Also rank each unit among the units of its parent (district or province).</summary>
    public bool GroupByParent { get; init; }

    /// <summary>Units scored at once; 0 = one per processor. The result does not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; }

    /// <summary>
    /// Survey results to merge with the units by code (<see cref="Survey.SurveyFileReader"/>), for a rule set whose
    /// index has a survey component; the report then says what became of every survey row.
    /// </summary>
    public Survey.SurveyResults? Survey { get; init; }

    /// <summary>Told the number of units scored so far, as scoring goes on.</summary>
    public IProgress<int>? Progress { get; init; }

    /// <summary>
    /// Keep every unit's full score card so that the ranking can be written as JSON (which prints them): the cards
    /// are spilled to a temporary file as they are scored, never held in memory, and the file is deleted when the
    /// report is disposed. Off by default: CSV, XLSX, HTML and the table need only the rows.
    /// </summary>
    public bool KeepCards { get; init; }

    /// <summary>
    /// Last year's ranking (with the mapping of merged units' codes, if any): each row then carries its movement
    /// (<see cref="RankedUnit.Previous"/>) and the report the summary (<see cref="RankingReport.Previous"/>).
    /// </summary>
    public PreviousRanking? Previous { get; init; }

    /// <summary>The appraisal council's sheets, merged into the units by code (see <see cref="UnitPipeline.AppraisalFiles"/>).</summary>
    public IReadOnlyList<string> AppraisalFiles { get; init; } = [];
}

/// <summary>
/// Reads data files through <see cref="UnitPipeline"/>, scores the accepted units in parallel and ranks them, losing
/// nothing: every row read is either ranked or rejected with file, row, column, value and reason.
/// </summary>
/// <remarks>
/// The ranking streams: units are read, scored and reduced to a <see cref="UnitStanding"/> one after another, and each
/// card is dropped (or spilled, with <see cref="RankingOptions.KeepCards"/>) as soon as its standing is taken, so the
/// memory kept per unit is a few hundred bytes whatever the size of its card. Which rows are rejected is
/// <see cref="UnitPipeline"/>'s decision, the same as <c>cchc score</c>'s.
/// </remarks>
public static class RankingRun
{
    /// <summary>Ranks the units of a JSON, CSV or XLSX file.</summary>
    /// <exception cref="NotSupportedException">The file is of a kind the reader does not know.</exception>
    public static Task<RankingReport> RunAsync(IScoringEngine engine, string dataPath, RankingOptions options, CancellationToken cancellationToken)
        => RunAsync(engine, [dataPath], options, cancellationToken);

    /// <summary>
    /// Ranks the units of several files together — e.g. one spreadsheet per district, or the national portal's
    /// responses for QĐ 766 (one file per endpoint, merged per unit). A code that appears in two files is kept from
    /// the first file given and refused in the other, naming both places.
    /// </summary>
    /// <exception cref="NotSupportedException">A file is of a kind the reader does not know.</exception>
    /// <exception cref="InvalidDataException">An .xlsx file is not a workbook.</exception>
    public static async Task<RankingReport> RunAsync(IScoringEngine engine, IReadOnlyList<string> dataPaths, RankingOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(dataPaths);
        ArgumentNullException.ThrowIfNull(options);

        // One version for the whole batch: the engine a host injects follows reloads, and a ranking whose units were
        // scored by two versions would mix their points. It also gives the compact path the engine itself.
        if (engine is DependencyInjection.CurrentEngine current)
        {
            engine = current.Current;
        }

        var ruleSet = engine.RuleSet;
        var standings = new List<UnitStanding>();
        var parents = new Dictionary<string, string>(StringComparer.Ordinal);
        var spill = options.KeepCards ? new SpilledCards() : null;
        try
        {
            var read = await new UnitPipeline(ruleSet) { AppraisalFiles = options.AppraisalFiles }.ReadAsync(
                dataPaths,
                async (read, token) =>
                {
                    var units = options.Survey is { } survey ? read.Select(survey.Attach) : read;
                    if (spill is null && engine is ScoringEngine compact)
                    {
                        // No card is needed (CSV, XLSX, HTML, the table): each unit goes through the compact core into
                        // one reused result, and only its standing is kept. About 10 µs a commune, so one thread is
                        // enough and the order is the input's, whatever the parallelism.
                        var score = new UnitScore(compact.Plan);
                        foreach (var unit in units)
                        {
                            token.ThrowIfCancellationRequested();
                            await compact.ScoreIntoAsync(unit, score, token).ConfigureAwait(false);
                            standings.Add(UnitStanding.Of(unit, score, parents, standings.Count));
                            options.Progress?.Report(standings.Count);
                        }

                        return;
                    }

                    await foreach (var card in engine.ScoreManyAsync(units, options.MaxDegreeOfParallelism, token).ConfigureAwait(false))
                    {
                        standings.Add(UnitStanding.Of(card, ruleSet, parents, standings.Count));
                        spill?.Add(card);
                        options.Progress?.Report(standings.Count);
                    }
                },
                cancellationToken).ConfigureAwait(false);

            var rows = UnitRanker.RankStandings(standings, ruleSet, options.GroupByParent);
            PreviousComparison? previous = null;
            if (options.Previous is not null)
            {
                (rows, previous) = PreviousComparison.Compare(rows, options.Previous, ruleSet);
            }

            return new RankingReport
            {
                RuleSet = ruleSet,
                Rows = rows,
                Previous = previous,
                GroupedByParent = options.GroupByParent,
                Rejections = read.Rejections,
                ColumnProblems = read.ColumnProblems,
                AppraisalProblems = read.AppraisalProblems,
                Cards = spill,
                Survey = options.Survey?.Reconcile(standings.Select(s => s.Code)),
            };
        }
        catch
        {
            spill?.Dispose();
            throw;
        }
    }
}
