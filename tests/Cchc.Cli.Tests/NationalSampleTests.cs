using System.Text;
using System.Text.RegularExpressions;
using Cchc.Cli.Tests.Support;
using Cchc.Rules.Loading;
using Cchc.Rules.Model;
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

    [Fact]
    public void GenerateToday_TodaysCountry_34Provinces_3321Units_InTheRealProportions_WithPhuQuyAnDacKhuOfLamDong()
    {
        var ruleSet = new RuleSetLoader().LoadOrThrow(CommuneRuleSet);
        var earlier = new NationalGenerator(ruleSet, new GeneratorOptions(10_600, 700, 2026, 4));
        _ = earlier.Generate();

        var today = new NationalGenerator(ruleSet, new GeneratorOptions(10_600, 700, 2026, 2)).GenerateToday(earlier.Communes);

        Assert.Equal(34, Country2025.Provinces.Count);
        Assert.Equal(6, Country2025.Provinces.Count(p => p.Name.StartsWith("Thành phố ", StringComparison.Ordinal)));
        Assert.Equal(3321, today.Units.Count);
        Assert.Equal((2621, 687, 13), (today.Units.Count(u => u.Kind == UnitKind.Xa), today.Units.Count(u => u.Kind == UnitKind.Phuong), today.Units.Count(u => u.Kind == UnitKind.DacKhu)));
        var sizes = today.Units.GroupBy(u => u.Province).ToDictionary(g => Country2025.Provinces.Single(p => p.Code == g.Key).Name, g => g.Count());
        Assert.Equal(34, sizes.Count);
        Assert.Equal(("Thành phố Hồ Chí Minh", 168), sizes.MaxBy(s => s.Value) is var max ? (max.Key, max.Value) : default);
        Assert.Equal(("Lai Châu", 38), sizes.MinBy(s => s.Value) is var min ? (min.Key, min.Value) : default);
        Assert.Equal(124, sizes["Lâm Đồng"]);
        var phuQuy = Assert.Single(today.Units, u => u.Name == "UBND đặc khu Phú Quý");
        Assert.Equal((UnitKind.DacKhu, "68"), (phuQuy.Kind, phuQuy.Province));
        Assert.Equal(3, phuQuy.Predecessors.Count);

        // The file: parent = the province code, the kind column, the level word of the commune level.
        var rows = today.Batch.Csv.Split('\n').Skip(1).Where(l => l.Length > 0).Select(l => l.Split(';')).ToList();
        Assert.StartsWith("code;name;level;kind;parent;", today.Batch.Csv, StringComparison.Ordinal);
        var phuQuyRow = Assert.Single(rows, r => r[1] == "UBND đặc khu Phú Quý");
        Assert.Equal(["xa", "dacKhu", "68"], phuQuyRow[2..5]);
        Assert.All(rows.Where(r => r.Length > 4 && r[4].Length > 0), r => Assert.Contains(Country2025.Provinces, p => p.Code == r[4]));
        Assert.Equal(3321 + 2, today.Batch.Rows); // two duplicate rows pasted in
    }

    [Fact]
    public void GenerateToday_MergerMapping_MapsEveryEarlierCommuneOnce_AndMostNewUnitsKeepAPredecessorsCode()
    {
        var ruleSet = new RuleSetLoader().LoadOrThrow(CommuneRuleSet);
        var earlier = new NationalGenerator(ruleSet, new GeneratorOptions(10_600, 700, 2026, 4));
        _ = earlier.Generate();

        var today = new NationalGenerator(ruleSet, new GeneratorOptions(10_600, 700, 2026, 2)).GenerateToday(earlier.Communes);

        var lines = today.Mapping.Split('\n').Where(l => l.Length > 0).ToList();
        Assert.Equal("oldCode,newCode,oldName,newName", lines[0]);
        var pairs = lines.Skip(1).Select(l => l.Split(',')).Select(c => (Old: c[0], New: c[1])).ToList();
        Assert.Equal(earlier.Communes.Select(c => c.Code).Order(StringComparer.Ordinal), pairs.Select(p => p.Old));
        var newCodes = today.Units.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(3321, newCodes.Count);
        Assert.All(pairs, p => Assert.Contains(p.New, newCodes));
        var kept = today.Units.Count(u => u.Predecessors.Any(p => p.Code == u.Code));
        Assert.InRange(kept, 3321 * 8 / 10, 3321 - 1);
        Assert.InRange(pairs.Count / (double)newCodes.Count, 3.0, 3.4);

        // A new unit's quality follows its predecessors': last year's results and this year's tell one story.
        var quality = earlier.Communes.ToDictionary(c => c.Code, c => c.Quality, StringComparer.Ordinal);
        Assert.All(today.Units, u => Assert.All(u.Predecessors, p => Assert.Equal(p.Quality, quality[p.Code])));
    }

    [Fact]
    public async Task Rank_TodaysBatch_RefusesExactlyThePlantedRows_IncludingUnknownLevelAndKindWords()
    {
        var ruleSet = new RuleSetLoader().LoadOrThrow(CommuneRuleSet);
        var earlier = new NationalGenerator(ruleSet, new GeneratorOptions(10_600, 700, 2026, 4));
        _ = earlier.Generate();
        var today = new NationalGenerator(ruleSet, new GeneratorOptions(10_600, 700, 2026, 2)).GenerateToday(earlier.Communes);
        var data = Path.Combine(_directory, "xa-3321.csv");
        await File.WriteAllTextAsync(data, today.Batch.Csv, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var result = await CchcTool.RunAsync("rank", CommuneRuleSet, data, "-o", Path.Combine(_directory, "ranking.csv"));

        Assert.Equal(22, today.Batch.BadRows.Count);
        Assert.Contains(today.Batch.BadRows, b => b.Kind == "unknown level word");
        Assert.Contains(today.Batch.BadRows, b => b.Kind == "unknown kind word");
        Assert.Contains($"scored {today.Batch.Rows - 22}, rejected 22, total {today.Batch.Rows}", result.Error, StringComparison.Ordinal);
        Assert.Contains("cột level = 'quận': cấp đơn vị (level) không rõ; đọc được: xa, phuong, dacKhu", result.Error, StringComparison.Ordinal);
        var ranking = await File.ReadAllTextAsync(Path.Combine(_directory, "ranking.csv"));
        Assert.Contains("Loại (kind)", ranking, StringComparison.Ordinal);
        Assert.Contains(",UBND đặc khu Phú Quý,xa,đặc khu,68,", ranking, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"dòng (\d+)")]
    private static partial Regex RefusedLine();
}
