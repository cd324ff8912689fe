using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cchc.Cli.Tests.Support;

namespace Cchc.Cli.Tests;

public partial class TemplateCommandTests
{
    private static readonly string[] Identity = ["code", "name", "level", "parent"];

    [Fact]
    public async Task Template_Csv_HeaderIsIdentityThenEveryInputInManifestOrder()
    {
        var result = await CchcTool.RunAsync("template", TestFiles.RuleSet);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.OutLines;
        Assert.Single(lines);
        Assert.StartsWith("code,name,level,parent,", lines[0], StringComparison.Ordinal);
        var expected = Identity.Concat(TestFiles.ManifestInputs().Select(i => $"{i.Label} ({i.Name})"));
        Assert.Equal(expected, Csv.SplitRecord(lines[0]));
    }

    [Fact]
    public async Task Template_LevelXa_HasExactlyTheInputsReadByCommuneTargets()
    {
        var result = await CchcTool.RunSharedAsync("template", TestFiles.RuleSet, "--level", "xa");

        Assert.True(result.ExitCode == 0, result.ToString());
        var header = Csv.SplitRecord(result.OutLines[0]);
        Assert.Equal(Identity, header.Take(4));
        var names = header.Skip(4).Select(NameOf).ToList();
        Assert.Contains("hoSoLuanChuyen", names);
        Assert.DoesNotContain("tthcDeXuatDonGianHoa", names);
        Assert.DoesNotContain("namDanhGia", names);

        // Independently: the identifiers in the expressions of the criteria that apply to xã, in manifest order.
        var manifest = TestFiles.ManifestInputs();
        var read = InputsReadByLevel("xa", manifest.Select(i => i.Name).ToHashSet(StringComparer.Ordinal));
        Assert.Equal(manifest.Select(i => i.Name).Where(read.Contains), names);
    }

    [Fact]
    public async Task Template_FilledWithSampleValues_ScoresLikeTheJsonSample()
    {
        using var folder = new TempFolder();
        var template = await CchcTool.RunSharedAsync("template", TestFiles.RuleSet, "--level", "xa");
        Assert.True(template.ExitCode == 0, template.ToString());
        var header = Csv.SplitRecord(template.OutLines[0]);
        var unit = TestFiles.ReadJson(TestFiles.Sample("xa-tam-thanh.json")).AsObject();
        var row = header.Select(h => Csv.Quote(Cell(unit[NameOf(h)])));
        var data = folder.Write("tam-thanh.csv", template.OutLines[0] + "\n" + string.Join(",", row) + "\n");

        var fromTemplate = await CchcTool.RunAsync("score", TestFiles.RuleSet, data, "--format", "json");
        var fromSample = await CchcTool.RunSharedAsync("score", TestFiles.RuleSet, TestFiles.Sample("xa-tam-thanh.json"), "--format", "json");

        Assert.True(fromTemplate.ExitCode == 0, fromTemplate.ToString());
        Assert.Equal("", string.Join("\n", fromTemplate.ErrorLines.SkipLast(1)));
        using var filled = JsonDocument.Parse(fromTemplate.Out);
        using var sample = JsonDocument.Parse(fromSample.Out);
        Assert.Equal(14m, sample.RootElement.GetProperty("points").GetDecimal());
        foreach (var field in new[] { "points", "maxPoints", "index" })
        {
            Assert.Equal(sample.RootElement.GetProperty(field).GetDecimal(), filled.RootElement.GetProperty(field).GetDecimal());
        }

        Assert.Equal(sample.RootElement.GetProperty("grade").GetString(), filled.RootElement.GetProperty("grade").GetString());
        Assert.Equal(sample.RootElement.GetProperty("criteria").ToString(), filled.RootElement.GetProperty("criteria").ToString());
    }

    [Fact]
    public async Task Template_Json_ListsInputsWithNameTypeLabelMinMax()
    {
        var result = await CchcTool.RunAsync("template", TestFiles.RuleSet, "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var inputs = json.RootElement.EnumerateArray().ToList();
        var manifest = TestFiles.ManifestInputs();
        Assert.Equal(manifest.Select(i => i.Name), inputs.Select(i => i.GetProperty("name").GetString()));
        Assert.Equal(manifest.Select(i => i.Label), inputs.Select(i => i.GetProperty("label").GetString()));
        Assert.All(inputs, i => Assert.Contains(i.GetProperty("type").GetString(), new[] { "count", "percent", "number", "bool", "date", "choice" }));

        var year = inputs.Single(i => i.GetProperty("name").GetString() == "namDanhGia");
        Assert.Equal(("number", 2021m, 2030m), (year.GetProperty("type").GetString(), year.GetProperty("min").GetDecimal(), year.GetProperty("max").GetDecimal()));
        var percent = inputs.Single(i => i.GetProperty("name").GetString() == "tyLeHaiLong");
        Assert.Equal(("percent", 0m, 100m), (percent.GetProperty("type").GetString(), percent.GetProperty("min").GetDecimal(), percent.GetProperty("max").GetDecimal()));
        var count = inputs.Single(i => i.GetProperty("name").GetString() == "hoSoLuanChuyen");
        Assert.Equal(("count", 0m), (count.GetProperty("type").GetString(), count.GetProperty("min").GetDecimal()));
        var date = inputs.Single(i => i.GetProperty("name").GetString() == "ngayBanHanhKeHoachCchc");
        Assert.Equal("date", date.GetProperty("type").GetString());
    }

    /// <summary>"label (name)" → name.</summary>
    private static string NameOf(string header)
    {
        var match = Regex.Match(header, @"\(([A-Za-z][A-Za-z0-9]*)\)$");
        return match.Success ? match.Groups[1].Value : header;
    }

    private static string Cell(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => value.ToJsonString(),
    };

    private static HashSet<string> InputsReadByLevel(string level, HashSet<string> inputs)
    {
        var read = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(TestFiles.RuleSet, "workflows"), "*.json"))
        {
            foreach (var rule in TestFiles.ReadJson(file)["Rules"]!.AsArray())
            {
                var levels = rule!["Properties"]?["levels"]?.AsArray().Select(l => (string)l!).ToList();
                if (levels is not null && !levels.Contains(level))
                {
                    continue;
                }

                var expressions = (rule["LocalParams"]?.AsArray().Select(p => (string)p!["Expression"]!) ?? []).Append((string)rule["Expression"]!);
                foreach (Match identifier in expressions.SelectMany(e => Identifier().Matches(e)))
                {
                    if (inputs.Contains(identifier.Value))
                    {
                        read.Add(identifier.Value);
                    }
                }
            }
        }

        return read;
    }

    [GeneratedRegex(@"\b[A-Za-z_][A-Za-z0-9_]*\b")]
    private static partial Regex Identifier();
}
