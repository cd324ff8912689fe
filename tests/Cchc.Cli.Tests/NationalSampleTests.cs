using System.Text;
using System.Text.RegularExpressions;
using Cchc.Cli.Tests.Support;
using Cchc.Rules.Loading;
using Cchc.Samples;

namespace Cchc.Cli.Tests;

/// <summary>
/// The seeded national-size generator (samples/NationalSample) and <c>cchc rank</c> on what it writes: a batch with
/// planted bad rows of every kind must come out with exactly those rows refused and every other commune ranked.
/// </summary>
public sealed partial class NationalSampleTests : IDisposable
{
    private static readonly string CommuneRuleSet = Path.Combine(AppContext.BaseDirectory, "rules", "chi-so-cchc-xa");
    private readonly string _directory = Directory.CreateTempSubdirectory("cchc-national-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Generate_SameSeed_GivesTheSameBytes_AndAnotherSeedDoesNot()
    {
        var ruleSet = new RuleSetLoader().LoadOrThrow(CommuneRuleSet);

        var first = new NationalGenerator(ruleSet, new GeneratorOptions(300, 20, 7, 1)).Generate();
        var second = new NationalGenerator(ruleSet, new GeneratorOptions(300, 20, 7, 1)).Generate();
        var other = new NationalGenerator(ruleSet, new GeneratorOptions(300, 20, 8, 1)).Generate();

        Assert.Equal(first.Csv, second.Csv);
        Assert.NotEqual(first.Csv, other.Csv);
        Assert.Equal(300, first.Communes);
        Assert.Equal(301, first.Rows); // one duplicate row pasted in
        Assert.Equal(20, first.Csv.Split('\n').Skip(1).Where(l => l.Length > 0).Select(l => l.Split(';')[3]).Distinct().Count());
    }

    [Fact]
    public async Task Rank_GeneratedBatchWithPlantedBadRows_RefusesExactlyThoseRows_AndRanksEveryOtherCommune()
    {
        var ruleSet = new RuleSetLoader().LoadOrThrow(CommuneRuleSet);
        var batch = new NationalGenerator(ruleSet, new GeneratorOptions(600, 40, 2026, 2)).Generate();
        var data = Path.Combine(_directory, "xa.csv");
        await File.WriteAllTextAsync(data, batch.Csv, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        var output = Path.Combine(_directory, "ranking.xlsx");

        var result = await CchcTool.RunAsync("rank", CommuneRuleSet, data, "-o", output);

        // Nine kinds of bad row, two of each: duplicate code, wrong number/date/choice/yes-no, out of range twice,
        // no code, a row that ends early.
        Assert.Equal(18, batch.BadRows.Count);
        Assert.Equal(
            ["duplicate unit code", "missing cells (row ends early)", "missing unit code", "out of range", "wrong type"],
            batch.BadRows.Select(b => b.Kind).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"scored {batch.Rows - batch.BadRows.Count}, rejected {batch.BadRows.Count}, total {batch.Rows}", result.Error, StringComparison.Ordinal);
        var refused = result.ErrorLines
            .Where(l => l.StartsWith("Bị loại:", StringComparison.Ordinal))
            .Select(l => int.Parse(RefusedLine().Match(l).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .Distinct()
            .Order()
            .ToList();
        Assert.Equal(batch.BadRows.Select(b => b.Line).Order(), refused);
        Assert.True(File.Exists(output), result.ToString());
    }

    [GeneratedRegex(@"dòng (\d+)")]
    private static partial Regex RefusedLine();
}
