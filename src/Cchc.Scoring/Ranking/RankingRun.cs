using Cchc.Scoring.Cards;
using Cchc.Scoring.Units;

namespace Cchc.Scoring.Ranking;

/// <summary>How to rank a data file.</summary>
public sealed record RankingOptions
{
    /// <summary>Also rank each unit among the units of its parent (district or province).</summary>
    public bool GroupByParent { get; init; }

    /// <summary>Units scored at once; 0 = one per processor. The result does not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; }

    /// <summary>Told the number of rows handled so far, as scoring goes on.</summary>
    public IProgress<int>? Progress { get; init; }
}

/// <summary>
/// Reads a data file, scores its units in parallel and ranks them, losing nothing: every row read is either ranked
/// or rejected with file, row, column, value and reason.
/// </summary>
/// <remarks>
/// A row is rejected when it cannot be a unit (no code, bad level, more cells than the header), when its code
/// repeats an earlier row's (the first is kept: it is the one the sheet's author sees first), or when one of its
/// values has the wrong type or is out of range — ranking such a unit on a zero for that criterion would put it
/// in a place it did not earn. An empty cell is not an error: the unit is ranked on the points it has and flagged
/// as incomplete.
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
    public static async Task<RankingReport> RunAsync(IScoringEngine engine, IReadOnlyList<string> dataPaths, RankingOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(dataPaths);
        ArgumentNullException.ThrowIfNull(options);
        var reader = new UnitBatchReader(engine.RuleSet);
        var rejections = new List<UnitRejection>();
        var cards = new List<ScoreCard>();
        var handled = 0;
        await foreach (var card in engine.ScoreManyAsync(Accepted(reader.Read(dataPaths), rejections), options.MaxDegreeOfParallelism, cancellationToken).ConfigureAwait(false))
        {
            var invalid = card.Problems.Where(p => p.Kind == DataProblemKind.Invalid).ToList();
            if (invalid.Count > 0)
            {
                rejections.AddRange(invalid.Select(p => new UnitRejection(p.File ?? "", p.Row ?? 0, p.Input, p.Value, p.Reason) { Unit = card.Unit.Code, Line = p.Line }));
            }
            else
            {
                cards.Add(card);
            }

            options.Progress?.Report(++handled);
        }

        return new RankingReport
        {
            RuleSet = engine.RuleSet,
            Rows = UnitRanker.Rank(cards, engine.RuleSet, options.GroupByParent),
            GroupedByParent = options.GroupByParent,
            Rejections = [.. rejections.OrderBy(r => r.File, StringComparer.Ordinal).ThenBy(r => r.Row).ThenBy(r => r.Column, StringComparer.Ordinal)],
            ColumnProblems = reader.ColumnProblems,
        };
    }

    /// <summary>Passes on the units that can be scored; the others become rejections as they stream by.</summary>
    private static IEnumerable<UnitData> Accepted(IEnumerable<UnitReadResult> items, List<UnitRejection> rejections)
    {
        foreach (var item in items)
        {
            if (item.Rejection is { } rejection)
            {
                rejections.Add(rejection);
            }
            else
            {
                yield return item.Unit!;
            }
        }
    }
}
