using System.Text;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Cchc.Cli.Commands;
using Cchc.Cli.Tests.Support;
using MiniExcelLibs;

namespace Cchc.Cli.Tests;

/// <summary><c>cchc sensitivity</c>: options, outputs, and the nominal rank being <c>cchc rank</c>'s.</summary>
public sealed class SensitivityCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string NationalHead(int rows)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Cchc.Scoring.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        var path = _folder.File($"xa-{rows}.csv");
        File.WriteAllLines(path, File.ReadLines(Path.Combine(directory.FullName, "samples", "national", "xa-10600.csv")).Take(rows + 1), new UTF8Encoding(false));
        return path;
    }

    [Theory]
    [InlineData("±20%", 0.2)]
    [InlineData("20%", 0.2)]
    [InlineData("20", 0.2)]
    [InlineData("2,5%", 0.025)]
    [InlineData("+-5%", 0.05)]
    [InlineData("0", 0)]
    public void Band_ReadsAPercentage(string text, double expected) => Assert.Equal((decimal)expected, SensitivityCommand.Band(text));

    [Theory]
    [InlineData("abc")]
    [InlineData("95%")]
    [InlineData("-5%")]
    public async Task Band_Refused_UsageError(string text)
    {
        Assert.Null(SensitivityCommand.Band(text));
        var result = await CchcTool.RunAsync("sensitivity", "chi-so-cchc-xa", TestFiles.Sample("chi-so-cchc-xa.csv"), "--weights", text);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--weights", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NominalRank_IsRanksRank_AndTheOutputsOpen()
    {
        var data = NationalHead(400);
        var rankCsv = _folder.File("rank.csv");
        var rank = await CchcTool.RunAsync("rank", "chi-so-cchc-xa", data, "-o", rankCsv);
        Assert.True(rank.ExitCode is 0 or 2, rank.ToString());
        var ranks = File.ReadAllLines(rankCsv).Skip(1).Select(l => l.Split(',')).ToDictionary(c => c[1], c => c[0], StringComparer.Ordinal);

        var json = await CchcTool.RunAsync("sensitivity", "chi-so-cchc-xa", data, "--runs", "200", "--seed", "42", "--thresholds", "±5%", "--format", "json");
        Assert.True(json.ExitCode is 0 or 2, json.ToString());
        var result = JsonNode.Parse(json.Out)!.AsObject();
        var units = result["units"]!.AsArray();
        Assert.Equal(ranks.Count, units.Count);
        Assert.All(units, u => Assert.Equal(ranks[u!["code"]!.GetValue<string>()], u["nominalRank"]?.ToJsonString() ?? ""));
        Assert.Equal(result["summary"]!["scored"]!.GetValue<int>() + result["summary"]!["rejected"]!.GetValue<int>(), result["summary"]!["total"]!.GetValue<int>());
        Assert.NotEmpty(result["perturbedCriteria"]!.AsArray());

        var xlsx = _folder.File("s.xlsx");
        var html = _folder.File("s.html");
        foreach (var output in new[] { xlsx, html })
        {
            var written = await CchcTool.RunAsync("sensitivity", "chi-so-cchc-xa", data, "--runs", "200", "--seed", "42", "--thresholds", "±5%", "-o", output);
            Assert.True(written.ExitCode is 0 or 2, written.ToString());
        }

        Assert.Equal(["Độ nhạy", "Ảnh hưởng lĩnh vực", "Tóm tắt"], MiniExcel.GetSheetNames(xlsx));
        var rows = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "Độ nhạy").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(units.Count, rows.Count);
        Assert.Equal(units[0]!["worstRank"]!.GetValue<int>(), Convert.ToInt32(rows[0]["Hạng kém (P95) (worstRank)"], System.Globalization.CultureInfo.InvariantCulture));

        var document = new HtmlParser().ParseDocument(File.ReadAllText(html));
        Assert.Empty(document.QuerySelectorAll("script"));
        Assert.Equal(units.Count(u => u!["nominalRank"] is not null), document.QuerySelectorAll("#units div.r").Length);
        Assert.Equal(result["areas"]!.AsArray().Count, document.QuerySelectorAll("#areas tbody tr").Length);
    }

    [Fact]
    public async Task Table_VietnameseHeaders_AndXlsxOnlyToAFile()
    {
        var table = await CchcTool.RunAsync("sensitivity", "chi-so-cchc-xa", TestFiles.Sample("chi-so-cchc-xa.csv"), "--runs", "50");
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains(table.OutLines, l => l.StartsWith("Hạng", StringComparison.Ordinal) && l.Contains("Khoảng hạng 90%", StringComparison.Ordinal));
        Assert.Contains(table.OutLines, l => l.StartsWith("50 lần xếp hạng lại (seed 1)", StringComparison.Ordinal));

        var xlsx = await CchcTool.RunAsync("sensitivity", "chi-so-cchc-xa", TestFiles.Sample("chi-so-cchc-xa.csv"), "--format", "xlsx");
        Assert.Equal(64, xlsx.ExitCode);
    }
}
