using BenchmarkDotNet.Attributes;
using Cchc.Rules;

namespace Cchc.Benchmarks;

/// <summary>Loading the 2023 plan: read, schema-validate, check every expression, compile onto RulesEngine, warm.</summary>
[MemoryDiagnoser]
public class LoadRuleSetBenchmark
{
    [Benchmark(Baseline = true, Description = "Load + validate + compile ke-hoach-cchc-2023-phu-quy")]
    public CompiledRuleSet Load() => Fixture.LoadRuleSet();
}
