using BenchmarkDotNet.Attributes;
using Cchc.Benchmarks.Compiled;
using Cchc.Rules;
using Cchc.Rules.Loading;

namespace Cchc.Benchmarks;

/// <summary>
/// Loading a rule set: read, schema-validate, check every expression, compile onto RulesEngine and into the one
/// typed delegate of the compiled core. Baseline: the 2023 plan (27 targets); then the commune PAR Index
/// (<c>chi-so-cchc-xa</c>, 65 criteria, 93 inputs). In-process and warm; for a fresh process see <c>--load-once</c>.
/// </summary>
[MemoryDiagnoser]
public class LoadRuleSetBenchmark
{
    [Benchmark(Baseline = true, Description = "Load + validate + compile ke-hoach-cchc-2023-phu-quy")]
    public CompiledRuleSet Load() => Fixture.LoadRuleSet();

    [Benchmark(Description = "Load + validate + compile chi-so-cchc-xa")]
    public CompiledRuleSet LoadCommuneIndex() => new RuleSetLoader().LoadOrThrow(NationalUnits.RuleSetDirectory);
}
