using BenchmarkDotNet.Attributes;
using Cchc.Rules;
using Cchc.Scoring;
using Cchc.Scoring.Explanations;
using Cchc.Scoring.Units;

namespace Cchc.Benchmarks;

/// <summary>
/// The three Phú Quý communes with their claimed points (phu-quy-tu-cham.csv, 19 claims each).
/// Baseline: their score cards without the claims; then with the claims checked (self-assessment on the card);
/// then with the what-if analysis of each card as well (<c>cchc score --explain</c>).
/// </summary>
[MemoryDiagnoser]
public class ExplainBenchmark
{
    private CompiledRuleSet _ruleSet = null!;
    private ScoringEngine _engine = null!;
    private UnitData[] _claimed = null!;
    private UnitData[] _plain = null!;

    [GlobalSetup]
    public void Setup()
    {
        _ruleSet = Fixture.LoadRuleSet();
        _engine = new ScoringEngine(_ruleSet);
        _claimed = [.. new UnitPipeline(_ruleSet).ReadAllAsync([Path.Combine(AppContext.BaseDirectory, "samples", "phu-quy", "phu-quy-tu-cham.csv")]).GetAwaiter().GetResult().Units];
        _plain = [.. _claimed.Select(u => u with { Claims = new Dictionary<string, object?>() })];
    }

    [Benchmark(Baseline = true, Description = "Score cards, 3 communes, no claims")]
    public async Task<decimal> ScoreCards()
    {
        var total = 0m;
        foreach (var unit in _plain)
        {
            total += (await _engine.ScoreAsync(unit)).Points;
        }

        return total;
    }

    [Benchmark(Description = "Score cards with claims checked, 3 communes")]
    public async Task<decimal> ScoreCardsWithClaims()
    {
        var total = 0m;
        foreach (var unit in _claimed)
        {
            total += (await _engine.ScoreAsync(unit)).SelfAssessment!.ClaimedPoints;
        }

        return total;
    }

    [Benchmark(Description = "Score cards with claims + what-if, 3 communes")]
    public async Task<decimal> ScoreCardsWithClaimsAndWhatIf()
    {
        var total = 0m;
        foreach (var unit in _claimed)
        {
            total += WhatIf.Analyze(await _engine.ScoreAsync(unit), _ruleSet).BestPoints;
        }

        return total;
    }
}
