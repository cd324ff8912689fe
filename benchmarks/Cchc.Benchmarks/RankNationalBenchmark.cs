using BenchmarkDotNet.Attributes;
using Cchc.Rules;
using Cchc.Rules.Loading;
using Cchc.Scoring;
using Cchc.Scoring.Cards;
using Cchc.Scoring.Ranking;
using Cchc.Scoring.Units;

namespace Cchc.Benchmarks;

/// <summary>
/// The annual ranking on the commune PAR Index (<c>rules/chi-so-cchc-xa</c>: 8 areas, 61 scored items, 93 inputs),
/// on the first 1,000 rows of the seeded national batch (<c>samples/national/xa-10600.csv</c>). Baseline: reading
/// the rows; then scoring them (parallel, as <c>cchc rank</c> does), ranking the cards, the whole run from file to
/// ranked report, and writing that report as XLSX and as HTML. Multiply by 10.6 for the national run.
/// </summary>
[MemoryDiagnoser]
public class RankNationalBenchmark
{
    private const int Rows = 1_000;
    private CompiledRuleSet _ruleSet = null!;
    private ScoringEngine _engine = null!;
    private string _data = null!;
    private UnitData[] _units = null!;
    private ScoreCard[] _cards = null!;
    private RankingReport _report = null!;

    [GlobalSetup]
    public void Setup()
    {
        _ruleSet = new RuleSetLoader().LoadOrThrow(Path.Combine(AppContext.BaseDirectory, "rules", "chi-so-cchc-xa"));
        _engine = new ScoringEngine(_ruleSet);
        _data = Path.Combine(Path.GetTempPath(), $"cchc-bench-xa-{Rows}.csv");
        File.WriteAllLines(_data, File.ReadLines(Path.Combine(AppContext.BaseDirectory, "samples", "national", "xa-10600.csv")).Take(Rows + 1));
        _units = [.. new UnitPipeline(_ruleSet).ReadAllAsync([_data]).GetAwaiter().GetResult().Units];
        _cards = [.. _units.Select(u => _engine.ScoreAsync(u).AsTask().GetAwaiter().GetResult())];
        _report = RankingRun.RunAsync(_engine, _data, new RankingOptions(), CancellationToken.None).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_data);

    [Benchmark(Baseline = true, Description = "read 1,000 rows (CSV → unit data, values checked)")]
    public async Task<int> Read()
        => (await new UnitPipeline(_ruleSet).ReadAsync([_data], (units, _) => Task.FromResult(units.Count()))).Accepted;

    [Benchmark(Description = "score 1,000 units (parallel)")]
    public async Task<int> Score()
    {
        var count = 0;
        await foreach (var _ in _engine.ScoreManyAsync(_units))
        {
            count++;
        }

        return count;
    }

    [Benchmark(Description = "rank 1,000 cards")]
    public int Rank() => UnitRanker.Rank(_cards, _ruleSet, groupByParent: true).Count;

    [Benchmark(Description = "whole run: file → ranked report")]
    public async Task<int> Run()
    {
        using var report = await RankingRun.RunAsync(_engine, _data, new RankingOptions(), CancellationToken.None);
        return report.Rows.Count;
    }

    [Benchmark(Description = "write the report as XLSX")]
    public long WriteXlsx() => Write(RankingFormat.Xlsx);

    [Benchmark(Description = "write the report as HTML")]
    public long WriteHtml() => Write(RankingFormat.Html);

    private long Write(RankingFormat format)
    {
        using var stream = new MemoryStream();
        RankingWriter.Write(_report, format, stream, CancellationToken.None);
        return stream.Length;
    }
}
