using Cchc.Rules;
using Cchc.Rules.Loading;

namespace Cchc.Scoring.Tests.Support;

/// <summary>The shipped Decision 766 rule set and its portal-shaped sample, loaded once for the test run.</summary>
internal static class Qd766
{
    private static readonly Lazy<CompiledRuleSet> Lazy = new(() => new RuleSetLoader().LoadOrThrow(Path.Combine(AppContext.BaseDirectory, "rules", "qd766")));
    private static readonly Lazy<ScoringEngine> LazyEngine = new(() => new ScoringEngine(RuleSet));

    public static CompiledRuleSet RuleSet => Lazy.Value;

    public static ScoringEngine Engine => LazyEngine.Value;

    public static string Samples => Path.Combine(AppContext.BaseDirectory, "samples", "qd766");

    public static IReadOnlyList<string> SampleFiles => [.. Directory.GetFiles(Samples, "*.json").Order(StringComparer.Ordinal)];
}
