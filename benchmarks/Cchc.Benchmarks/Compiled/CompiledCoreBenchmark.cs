using BenchmarkDotNet.Attributes;
using Cchc.Rules.Model;
using Cchc.Scoring.Scoring;

namespace Cchc.Benchmarks.Compiled;

/// <summary>
/// One commune of the commune PAR Index (<c>rules/chi-so-cchc-xa</c>: 65 criteria, 93 inputs) scored per operation,
/// cycling over the first 1,024 communes of the national batch, converted once in setup. Baseline: the hand-written
/// C# scorer (<see cref="HandScorer"/>, proven equal to the compiled path in setup); then the compiled path
/// (<c>ScoringEngine.Score</c>: copy the unit's typed values into one reused <see cref="UnitScore"/>, the compiled
/// delegate, the scoring plan); then the same through RulesEngine's <c>ExecuteAllRulesAsync</c> (the reference
/// evaluator). Results storage (one <see cref="HandResult"/>, one <see cref="UnitScore"/> per path) is allocated in setup.
/// </summary>
[MemoryDiagnoser]
public class CompiledCoreBenchmark
{
    private const int Units = 1_024;
    private NationalUnits _data = null!;
    private HandResult _hand = null!;
    private UnitScore _compiled = null!;
    private UnitScore _reference = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _data = NationalUnits.Load(Units);
        Console.WriteLine(HandVerifier.Verify(_data));
        Console.WriteLine(HandVerifier.VerifyReference(_data, 128));
        _hand = new HandResult();
        _compiled = _data.NewScore(_data.Engine);
        _reference = _data.NewScore(_data.Reference);
    }

    [Benchmark(Baseline = true, Description = "hand-written C#")]
    public decimal HandWritten()
    {
        var i = _next++ & (Units - 1);
        HandScorer.Score(_data.Inputs[i], _hand);
        return _hand.Total;
    }

    [Benchmark(Description = "compiled (ScoringEngine.Score)")]
    public decimal Compiled()
    {
        var i = _next++ & (Units - 1);
        NationalUnits.CopyInto(_data.Values[i], _compiled.Values);
        _data.Engine.Score(_compiled, UnitLevel.Xa);
        return _compiled.Totals.Points;
    }

    [Benchmark(Description = "RulesEngine (ExecuteAllRulesAsync)")]
    public decimal RulesEngine()
    {
        var i = _next++ & (Units - 1);
        NationalUnits.CopyInto(_data.Values[i], _reference.Values);
        var pending = _data.Reference.EvaluateAsync(_reference, UnitLevel.Xa);
        if (!pending.IsCompletedSuccessfully)
        {
            pending.AsTask().GetAwaiter().GetResult();
        }

        return _reference.Totals.Points;
    }
}
