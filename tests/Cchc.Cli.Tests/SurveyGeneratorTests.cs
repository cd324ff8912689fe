using Cchc.Cli.Tests.Support;
using Cchc.Samples;

namespace Cchc.Cli.Tests;

/// <summary>The national sample's <c>survey</c> mode: seeded survey results for the units of a data CSV, read back strictly.</summary>
public class SurveyGeneratorTests
{
    private static async Task<string> Generate(TempFolder folder, string name, int seed)
    {
        var output = folder.File(name);
        var rules = Path.Combine(AppContext.BaseDirectory, "rules", "chi-so-cchc-xa");
        var exit = await SurveyGenerator.Create().Parse(["--units", TestFiles.Sample("chi-so-cchc-xa.csv"), "-o", output, "--rules", rules, "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture)]).InvokeAsync();
        Assert.Equal(0, exit);
        return output;
    }

    [Fact]
    public async Task Survey_SameUnitsAndSeed_SameBytes_AndEveryRowIsUsed()
    {
        using var folder = new TempFolder();
        var first = await Generate(folder, "a.csv", 5);
        var second = await Generate(folder, "b.csv", 5);
        var other = await Generate(folder, "c.csv", 6);

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        Assert.NotEqual(File.ReadAllBytes(first), File.ReadAllBytes(other));
        Assert.Equal(1 + (3 * 11), File.ReadAllLines(first).Length); // 3 communes × (5 questions for người dân + 6 for tổ chức)

        var result = await CchcTool.RunAsync("rank", Path.Combine(AppContext.BaseDirectory, "rules", "chi-so-cchc-xa"), TestFiles.Sample("chi-so-cchc-xa.csv"), "--survey", first);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("survey rows read 33, used 33, refused 0; units with survey 3, without 0", result.ErrorLines);
    }
}
