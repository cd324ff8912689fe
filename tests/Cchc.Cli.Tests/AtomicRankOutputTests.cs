using Cchc.Cli.Tests.Support;
using Cchc.Rules.Loading;
using Cchc.Scoring;
using Cchc.Scoring.Ranking;

namespace Cchc.Cli.Tests;

/// <summary>Ctrl-C while the ranking is being written leaves the old file as it was and no temporary file.</summary>
public sealed class AtomicRankOutputTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(RankingFormat.Csv)]
    [InlineData(RankingFormat.Xlsx)]
    [InlineData(RankingFormat.Json)]
    [InlineData(RankingFormat.Html)]
    public async Task WriteBytes_CancelledWhileWritingRanking_OldFileKeptNoTemporaryLeft(RankingFormat format)
    {
        var ruleSet = new RuleSetLoader().LoadOrThrow(RankRuleSet.Write(_folder));
        var data = _folder.Write("xa.csv", RankRuleSet.ValidCsv(20, seed: 1).Ordered);
        using var report = await RankingRun.RunAsync(new ScoringEngine(ruleSet), data, new RankingOptions { KeepCards = true }, CancellationToken.None);
        var target = _folder.Write("ranking.out", "bản cũ");
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        Assert.ThrowsAny<OperationCanceledException>(() => AtomicFile.WriteBytes(target, stream => RankingWriter.Write(report, format, stream, cancellation.Token)));

        Assert.Equal("bản cũ", File.ReadAllText(target));
        Assert.Equal(["ranking.out", "xa.csv"], Directory.GetFiles(_folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
