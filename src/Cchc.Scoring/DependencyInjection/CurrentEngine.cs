using Cchc.Rules;
using Cchc.Scoring.Cards;
using Cchc.Scoring.Units;
using Microsoft.Extensions.DependencyInjection;

namespace Cchc.Scoring.DependencyInjection;

/// <summary>
/// The engine DI injects: it reads the provider's current engine on every call, so a reload reaches code that took
/// an engine once (a singleton, a controller). A batch scores with the version current when it started.
/// </summary>
internal sealed class CurrentEngine(IRuleSetProvider provider, string? pinnedVersion = null) : IScoringEngine
{
    public CompiledRuleSet RuleSet => Current.RuleSet;

    public ValueTask<ScoreCard> ScoreAsync(UnitData unit, CancellationToken cancellationToken = default)
        => Current.ScoreAsync(unit, cancellationToken);

    public IAsyncEnumerable<ScoreCard> ScoreManyAsync(IEnumerable<UnitData> units, int maxDegreeOfParallelism = 0, CancellationToken cancellationToken = default)
        => Current.ScoreManyAsync(units, maxDegreeOfParallelism, cancellationToken);

    /// <summary>The engine of the current version, to use for a whole batch (a ranking reads it once at its start).</summary>
    internal IScoringEngine Current
    {
        get
        {
            var engine = provider.Engine;
            if (pinnedVersion is not null && !string.Equals(engine.RuleSet.Version, pinnedVersion, StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    $"Bộ tiêu chí '{engine.RuleSet.Id}' nay là phiên bản {engine.RuleSet.Version}, không còn phiên bản {pinnedVersion} (rule set '{engine.RuleSet.Id}' is now version {engine.RuleSet.Version}).");
            }

            return engine;
        }
    }
}
