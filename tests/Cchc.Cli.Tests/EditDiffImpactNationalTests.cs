using System.Text;
using System.Text.Json.Nodes;
using Cchc.Cli.Tests.Support;

namespace Cchc.Cli.Tests;

/// <summary>
/// Issue 11, "Done means": on the shipped commune rule set a threshold, a point value and a grade band are edited;
/// <c>diff</c> names exactly those, and <c>impact</c> on the whole national sample (10,600 rows) lists exactly the units
/// whose grade changes — checked against <c>rank</c> run on each side.
/// </summary>
public sealed class EditDiffImpactNationalTests
{
    private const string Xa = "chi-so-cchc-xa";
    private const string Tthc = "workflows/3-tthc.json";

    private static string Shipped => Path.Combine(AppContext.BaseDirectory, "rules", Xa);

    /// <summary>3.4's threshold 60% → 70% (expression and fullAt), half a point moved from 3.4 to 3.3, grade "Tốt" from 80 to 82.</summary>
    private static TempRuleSet Edited()
    {
        var ruleSet = new TempRuleSet(Xa);
        ruleSet.ReplaceInRule(Tthc, "3.4", "\"Expression\": \"value >= 60\"", "\"Expression\": \"value >= 70\"");
        ruleSet.ReplaceInRule(Tthc, "3.4", "\"fullAt\": 60", "\"fullAt\": 70");
        ruleSet.ReplaceInRule(Tthc, "3.4", "\"points\": 2,", "\"points\": 1.5,");
        ruleSet.ReplaceInRule(Tthc, "3.3", "\"points\": 1", "\"points\": 1.5");
        var manifest = ruleSet.PathOf("ruleset.json");
        var text = File.ReadAllText(manifest);
        var edited = text.Replace("\"from\": 80,\n      \"to\": 90", "\"from\": 82,\n      \"to\": 90", StringComparison.Ordinal)
            .Replace("\"from\": 70,\n      \"to\": 80", "\"from\": 70,\n      \"to\": 82", StringComparison.Ordinal);
        Assert.NotEqual(text, edited);
        File.WriteAllText(manifest, edited, new UTF8Encoding(false));
        return ruleSet;
    }

    private static string National()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Cchc.Scoring.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        return Path.Combine(directory.FullName, "samples", "national", "xa-10600.csv");
    }

    [Fact]
    public async Task ThresholdPointsAndGradeBandEdited_DiffNamesExactlyThose_ImpactListsExactlyTheUnitsWhoseGradeChanges()
    {
        using var edited = Edited();

        var diff = await CchcTool.RunAsync("diff", Shipped, edited.Directory, "--format", "json");
        Assert.True(diff.ExitCode == 0, diff.ToString());
        var changes = JsonNode.Parse(diff.Out)!["changes"]!.AsArray()
            .Select(c => $"{c!["kind"]!.GetValue<string>()}|{c["subject"]!.GetValue<string>()}")
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(["grade-band|Xếp loại Khá", "grade-band|Xếp loại Tốt", "points|3.3", "points|3.4", "threshold|3.4"], changes);

        var data = National();
        var impact = await CchcTool.RunAsync("impact", Shipped, edited.Directory, data, "--format", "json");
        Assert.True(impact.ExitCode == 0, impact.ToString());
        var units = JsonNode.Parse(impact.Out)!["unitImpacts"]!.AsArray();
        var changedByImpact = units
            .Where(u => u!["before"] is not null && u["after"] is not null && u["before"]!["grade"]!.GetValue<string>() != u["after"]!["grade"]!.GetValue<string>())
            .Select(u => u!["code"]!.GetValue<string>())
            .Order(StringComparer.Ordinal)
            .ToList();

        var before = await Grades(Shipped, data);
        var after = await Grades(edited.Directory, data);
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        var changedByRanking = before.Keys.Where(code => before[code] != after[code]).Order(StringComparer.Ordinal).ToList();

        Assert.True(changedByRanking.Count > 0, "the edit changes no grade: the test would prove nothing");
        Assert.Equal(changedByRanking, changedByImpact);
        Assert.True(before.Count > 10_000, $"{before.Count} units ranked");
    }

    private static async Task<Dictionary<string, string>> Grades(string ruleSet, string data)
    {
        var result = await CchcTool.RunAsync("rank", ruleSet, data, "--format", "json");
        return JsonNode.Parse(result.Out)!["rows"]!.AsArray().ToDictionary(
            r => r!["card"]!["unit"]!["code"]!.GetValue<string>(),
            r => r!["card"]!["grade"]!.GetValue<string>(),
            StringComparer.Ordinal);
    }
}
