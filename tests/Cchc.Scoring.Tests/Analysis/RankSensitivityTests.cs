using System.Text;
using Cchc.Rules;
using Cchc.Rules.Loading;
using Cchc.Scoring.Analysis;
using Cchc.Scoring.Ranking;
using Cchc.Scoring.Scoring;
using Cchc.Scoring.Tests.Support;
using Cchc.Scoring.Units;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Cchc.Scoring.Tests.Analysis;

/// <summary><see cref="RankSensitivity"/> on the commune index and the national sample.</summary>
public sealed class RankSensitivityTests : IDisposable
{
    private static readonly Lazy<CompiledRuleSet> Xa = new(() => new RuleSetLoader().LoadOrThrow(Path.Combine(AppContext.BaseDirectory, "rules", "chi-so-cchc-xa")));
    private static readonly Lazy<string[]> National = new(() => File.ReadAllLines(RepositoryFile("samples", "national", "xa-10600.csv")));
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string RepositoryFile(params string[] parts)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Cchc.Scoring.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        return Path.Combine([directory.FullName, .. parts]);
    }

    /// <summary>The national sample's header and <paramref name="count"/> of its rows from <paramref name="offset"/>.</summary>
    private string Slice(int offset, int count)
    {
        var lines = National.Value;
        var path = Path.Combine(_folder.Root, $"xa-{offset}-{count}.csv");
        File.WriteAllLines(path, lines.Take(1).Concat(lines.Skip(1 + offset).Take(count)), new UTF8Encoding(false));
        return path;
    }

    private static Task<RankSensitivity> Analyze(string path, SensitivityOptions options)
        => RankSensitivity.AnalyzeAsync(new ScoringEngine(Xa.Value), [path], options);

    private static byte[] Bytes(RankSensitivity analysis, RankingFormat format)
    {
        using var stream = new MemoryStream();
        SensitivityWriter.Write(analysis, format, stream);
        return stream.ToArray();
    }

    [Fact]
    public async Task NominalRank_IsTheRankOfCchcRank_ForEveryUnit()
    {
        var path = Slice(0, 3000);
        var analysis = await Analyze(path, new SensitivityOptions { Runs = 20 });
        using var ranking = await RankingRun.RunAsync(new ScoringEngine(Xa.Value), path, new RankingOptions(), CancellationToken.None);

        Assert.Equal(ranking.Rows.Count, analysis.Units.Count);
        Assert.Equal(ranking.Summary.Rejected, analysis.Read.Rejected);
        Assert.Equal(ranking.Rows.Select(r => (r.Standing.Code, r.Rank, r.Standing.Index, r.Standing.Grade)), analysis.Units.Select(u => (u.Code, u.NominalRank, u.Index, u.Grade)));
        Assert.Contains(analysis.Units, u => u.WorstRank > u.BestRank);
    }

    [Property(MaxTest = 12)]
    public Property NoPerturbation_EveryRunIsTheNominalRanking()
        => Prop.ForAll(
            (from offset in Gen.Choose(0, 10_000)
             from count in Gen.Choose(2, 400)
             from runs in Gen.Choose(1, 12)
             from seed in Gen.Choose(int.MinValue, int.MaxValue)
             select (offset, count, runs, seed: (long)seed * 7919)).ToArbitrary(),
            c =>
            {
                var (offset, count, runs, seed) = c;
                var analysis = Analyze(Slice(offset, count), new SensitivityOptions { Runs = runs, Seed = seed, WeightBand = 0, ThresholdBand = 0 }).GetAwaiter().GetResult();
                Assert.Equal(0m, analysis.AverageRankShift);
                Assert.All(analysis.Units, u =>
                {
                    Assert.Equal(u.NominalRank, u.MedianRank);
                    Assert.Equal(u.NominalRank, u.BestRank);
                    Assert.Equal(u.NominalRank, u.WorstRank);
                    Assert.Equal(0m, u.GradeChangeShare);
                    Assert.Equal(0m, u.MeanRankShift);
                });
                Assert.All(analysis.Areas, a => Assert.Null(a.FirstOrderIndex));
            });

    [Fact]
    public async Task SameSeed_SameBytes_WhateverTheParallelism_AndAnotherSeedDiffers()
    {
        var path = Slice(100, 1500);
        var one = await Analyze(path, new SensitivityOptions { Runs = 60, Seed = 7, ThresholdBand = 0.05m, MaxDegreeOfParallelism = 1 });
        var four = await Analyze(path, new SensitivityOptions { Runs = 60, Seed = 7, ThresholdBand = 0.05m, MaxDegreeOfParallelism = 4 });
        var other = await Analyze(path, new SensitivityOptions { Runs = 60, Seed = 8, ThresholdBand = 0.05m });
        foreach (var format in Enum.GetValues<RankingFormat>())
        {
            Assert.Equal(Bytes(one, format), Bytes(four, format));
        }

        Assert.NotEqual(Bytes(one, RankingFormat.Json), Bytes(other, RankingFormat.Json));
    }

    [Fact]
    public async Task Thresholds_RecomputedFromTheMeasuredValue_GiveTheScoringsPointsWhenUnmoved()
    {
        var engine = new ScoringEngine(Xa.Value);
        var model = new SensitivityModel(engine.Plan, thresholds: true);
        var batch = await new UnitPipeline(Xa.Value).ReadAllAsync([Slice(0, 2000)]);
        var score = new UnitScore(engine.Plan);
        foreach (var unit in batch.Units)
        {
            await engine.ScoreIntoAsync(unit, score);
            model.Add(score);
        }

        Assert.True(model.EntryCount > 10 * batch.Units.Count, $"{model.EntryCount} values kept");
        Assert.Equal(0, model.RecomputationGap());
        Assert.Contains("3.4", model.PerturbedCriteria);
    }

    [Fact]
    public async Task Weights_ThatMoveRanks_ShowInTheIntervalsTheShiftAndTheAreas()
    {
        var analysis = await Analyze(Slice(0, 2000), new SensitivityOptions { Runs = 200, Seed = 3, WeightBand = 0.3m });
        Assert.True(analysis.AverageRankShift > 0);
        Assert.All(analysis.Units.Where(u => u.NominalRank is not null), u => Assert.True(u.BestRank <= u.MedianRank && u.MedianRank <= u.WorstRank, u.Code));
        Assert.NotNull(analysis.MostInfluential);
        Assert.All(analysis.Areas, a => Assert.InRange(a.FirstOrderIndex ?? 0, 0m, 1m));
        Assert.Equal(analysis.Read.Accepted, analysis.Units.Count);
    }

    [Fact]
    public void Percentile_IsTheNearestRank()
    {
        int[] sorted = [.. Enumerable.Range(1, 100)];
        Assert.Equal(5, SensitivityModel.Percentile(sorted, 5));
        Assert.Equal(50, SensitivityModel.Percentile(sorted, 50));
        Assert.Equal(95, SensitivityModel.Percentile(sorted, 95));
        Assert.Equal(7, SensitivityModel.Percentile([7], 5));
    }

    [Fact]
    public void FirstOrder_NoEffect_ReadsAboutTheNoEffectLevel_AndAFullEffectReadsNearOne()
    {
        var random = new Random(5);
        var x = Enumerable.Range(0, 1000).Select(_ => 0.8 + (0.4 * random.NextDouble())).ToArray();
        var noise = x.Select(_ => random.NextDouble()).ToArray();
        var driven = x.Select(v => Math.Abs(v - 1)).ToArray();

        Assert.Equal(20, SensitivityModel.Bins(1000));
        Assert.Equal(0.019m, SensitivityModel.NoEffectLevel(1000));
        Assert.InRange(SensitivityModel.FirstOrder(x, noise, 0.8, 1.2)!.Value, 0, 0.06);
        Assert.InRange(SensitivityModel.FirstOrder(x, driven, 0.8, 1.2)!.Value, 0.95, 1);
        Assert.Null(SensitivityModel.FirstOrder(x, [.. x.Select(_ => 3.0)], 0.8, 1.2));
    }
}
