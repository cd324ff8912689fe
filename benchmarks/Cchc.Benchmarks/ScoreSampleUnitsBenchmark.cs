using BenchmarkDotNet.Attributes;
using Cchc.Rules;
using Cchc.Scoring;
using Cchc.Scoring.Cards;
using Cchc.Scoring.Units;

namespace Cchc.Benchmarks;

/// <summary>
/// Scoring the four Phú Quý units (the district and its three communes) on the 2023 plan's 27 targets.
/// Baseline: the RulesEngine evaluation alone (what stock RulesEngine costs); then the whole score card
/// (input checks, points, explanations in Vietnamese), and the card written as JSON.
/// </summary>
[MemoryDiagnoser]
public class ScoreSampleUnitsBenchmark
{
    private CompiledRuleSet _ruleSet = null!;
    private ScoringEngine _engine = null!;
    private UnitData[] _units = null!;
    private Dictionary<string, object?>[] _typed = null!;

    [GlobalSetup]
    public void Setup()
    {
        _ruleSet = Fixture.LoadRuleSet();
        _engine = new ScoringEngine(_ruleSet);
        _units = Fixture.LoadSampleUnits(_ruleSet);
        _typed = Fixture.TypedInputs(_ruleSet, _units);
    }

    [Benchmark(Baseline = true, Description = "RulesEngine evaluation only, 4 units")]
    public async Task<int> EvaluateWithRulesEngine()
    {
        var count = 0;
        foreach (var inputs in _typed)
        {
            count += (await _ruleSet.EvaluateAsync(inputs)).Count;
        }

        return count;
    }

    [Benchmark(Description = "Score cards, 4 units")]
    public async Task<decimal> ScoreCards()
    {
        var total = 0m;
        foreach (var unit in _units)
        {
            total += (await _engine.ScoreAsync(unit)).Points;
        }

        return total;
    }

    [Benchmark(Description = "Score cards + JSON, 4 units")]
    public async Task<int> ScoreCardsToJson()
    {
        var length = 0;
        foreach (var unit in _units)
        {
            length += ScoreCardJson.Serialize(await _engine.ScoreAsync(unit), indented: false).Length;
        }

        return length;
    }
}
