using Cchc.Rules;
using Cchc.Rules.Loading;

namespace Cchc.Scoring.Tests.Support;

/// <summary>The shipped 2023 rule set, loaded once for the whole test run (it is immutable and thread-safe).</summary>
internal static class Shipped
{
    private static readonly Lazy<CompiledRuleSet> Lazy = new(() => new RuleSetLoader().LoadOrThrow(Paths.Plan2023));
    private static readonly Lazy<ScoringEngine> LazyEngine = new(() => new ScoringEngine(RuleSet));

    public static CompiledRuleSet RuleSet => Lazy.Value;

    public static ScoringEngine Engine => LazyEngine.Value;
}
