using Cchc.Rules;
using Cchc.Scoring.Cards;
using Cchc.Scoring.Units;

namespace Cchc.Scoring;

/// <summary>Scores units against one compiled rule set. Immutable and safe to share across threads.</summary>
public interface IScoringEngine
{
    /// <summary>The rule set this engine scores with.</summary>
    CompiledRuleSet RuleSet { get; }

    /// <summary>Scores one unit. Bad values are reported on the card; the other criteria are still scored.</summary>
    ValueTask<ScoreCard> ScoreAsync(UnitData unit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Scores many units in parallel, streaming them in and returning the cards in input order, so the output
    /// is the same whatever the degree of parallelism.
    /// </summary>
    IAsyncEnumerable<ScoreCard> ScoreManyAsync(IEnumerable<UnitData> units, int maxDegreeOfParallelism = 0, CancellationToken cancellationToken = default);
}
