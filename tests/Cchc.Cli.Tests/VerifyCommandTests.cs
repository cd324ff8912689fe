using System.Text.Json;
using System.Text.Json.Nodes;
using Cchc.Cli.Tests.Support;

namespace Cchc.Cli.Tests;

public class VerifyCommandTests
{
    private static string Data => TestFiles.Sample("phu-quy.csv");

    [Fact]
    public async Task Verify_UntouchedScoreCards_AllMatchExit0()
    {
        var folder = Directory.CreateTempSubdirectory("cchc-verify-").FullName;
        try
        {
            var cards = Path.Combine(folder, "cards.json");
            var score = await CchcTool.RunAsync("score", TestFiles.RuleSet, Data, "--format", "json", "-o", cards);
            Assert.True(score.ExitCode == 0, score.ToString());

            var verify = await CchcTool.RunAsync("verify", cards, TestFiles.RuleSet, Data);

            Assert.True(verify.ExitCode == 0, verify.ToString());
            Assert.StartsWith("Tất cả 4 thẻ điểm khớp", verify.OutLines[^1], StringComparison.Ordinal);
            Assert.Equal("cards 4, matching 4, differing 0, cards without data 0, units without card 0", verify.ErrorLines[^1]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Verify_RankingJson_ReadsRowsCardsAndMatches()
    {
        var folder = Directory.CreateTempSubdirectory("cchc-verify-").FullName;
        try
        {
            var ranking = Path.Combine(folder, "ranking.json");
            var rank = await CchcTool.RunAsync("rank", TestFiles.RuleSet, Data, "-o", ranking);
            Assert.True(rank.ExitCode == 0, rank.ToString());

            var verify = await CchcTool.RunAsync("verify", ranking, TestFiles.RuleSet, Data, "--format", "json");

            Assert.True(verify.ExitCode == 0, verify.ToString());
            var summary = JsonNode.Parse(verify.Out)!["summary"]!;
            Assert.Equal(4, (int)summary["cards"]!);
            Assert.Equal(4, (int)summary["matching"]!);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Verify_PointsEditedByHand_IsCaughtExit1()
    {
        var folder = Directory.CreateTempSubdirectory("cchc-verify-").FullName;
        try
        {
            var cards = Path.Combine(folder, "cards.json");
            Assert.Equal(0, (await CchcTool.RunAsync("score", TestFiles.RuleSet, Data, "--format", "json", "-o", cards)).ExitCode);
            var array = JsonNode.Parse(File.ReadAllText(cards))!.AsArray();
            var card = array[1]!;
            var code = (string)card["unit"]!["code"]!;
            card["points"] = (decimal)card["points"]! + 1;
            var criterion = card["criteria"]!.AsArray().First(c => (string)c!["status"]! == "notMet")!;
            criterion["status"] = "met";
            var area = card["areas"]!.AsArray()[0]!;
            area["points"] = (decimal)area["points"]! + 0.5m;
            File.WriteAllText(cards, array.ToJsonString());

            var verify = await CchcTool.RunAsync("verify", cards, TestFiles.RuleSet, Data, "--format", "json");

            Assert.True(verify.ExitCode == 1, verify.ToString());
            var report = JsonNode.Parse(verify.Out)!;
            Assert.Equal(1, (int)report["summary"]!["differing"]!);
            var differences = report["differences"]!.AsArray();
            Assert.All(differences, d => Assert.Equal(code, (string)d!["unit"]!));
            Assert.Contains(differences, d => (string)d!["field"]! == "points");
            Assert.Contains(differences, d => (string)d!["field"]! == $"criteria[{(string)criterion["id"]!}].status");
            Assert.Contains(differences, d => (string)d!["field"]! == $"areas[{(string)area["id"]!}].points");
            Assert.DoesNotContain(differences, d => (string)d!["kind"]! is "ruleSet" or "inputs");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Verify_CardsOfAnotherRuleSetVersion_AreCaught()
    {
        var folder = Directory.CreateTempSubdirectory("cchc-verify-").FullName;
        try
        {
            // A copy of the rule set, one point value changed and the version raised: the cards it wrote are checked
            // against the shipped rule set.
            var copy = Path.Combine(folder, "rules");
            CopyFolder(TestFiles.RuleSet, copy);
            // MT1.1 goes from 1 to 2 points; its area's and the rule set's maxima follow, so the copy is valid.
            var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(copy, "ruleset.json")))!;
            manifest["version"] = "2099.9.9";
            var area = manifest["areas"]!.AsArray().Single(a => (string)a!["id"]! == "the-che")!;
            area["maxPoints"] = (decimal)area["maxPoints"]! + 1;
            manifest["maxPoints"] = (decimal)manifest["maxPoints"]! + 1;
            File.WriteAllText(Path.Combine(copy, "ruleset.json"), manifest.ToJsonString());
            var workflow = Path.Combine(copy, "workflows", "1-the-che.json");
            var onePoint = new System.Text.RegularExpressions.Regex("\"points\": 1(?=\\s*[\\r\\n])");
            Assert.Matches(onePoint, File.ReadAllText(workflow));
            File.WriteAllText(workflow, onePoint.Replace(File.ReadAllText(workflow), "\"points\": 2", 1));

            var cards = Path.Combine(folder, "cards.json");
            var score = await CchcTool.RunAsync("score", copy, Data, "--format", "json", "-o", cards);
            Assert.True(score.ExitCode == 0, score.ToString());

            var verify = await CchcTool.RunAsync("verify", cards, TestFiles.RuleSet, Data, "--format", "json");

            Assert.True(verify.ExitCode == 1, verify.ToString());
            var differences = JsonNode.Parse(verify.Out)!["differences"]!.AsArray();
            Assert.Equal(4, differences.Count(d => (string)d!["field"]! == "ruleSet.version" && (string)d!["card"]! == "2099.9.9"));
            Assert.Equal(4, differences.Count(d => (string)d!["field"]! == "ruleSet.sha256"));
            Assert.DoesNotContain(differences, d => (string)d!["kind"]! == "inputs");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Verify_ChangedDataMissingUnitAndExtraUnit_AreEachReported()
    {
        var folder = Directory.CreateTempSubdirectory("cchc-verify-").FullName;
        try
        {
            var cards = Path.Combine(folder, "cards.json");
            Assert.Equal(0, (await CchcTool.RunAsync("score", TestFiles.RuleSet, Data, "--format", "json", "-o", cards)).ExitCode);
            var lines = File.ReadAllLines(Data).ToList();
            var header = lines[0].Split(',');
            var removed = lines[^1].Split(',')[Array.IndexOf(header, "code")];
            lines.RemoveAt(lines.Count - 1);
            var cells = lines[1].Split(',');
            var changedCode = cells[Array.IndexOf(header, "code")];
            var name = Array.IndexOf(header, "name");
            cells[name] = cells[name] + " (đã sửa)";
            lines[1] = string.Join(',', cells);
            var extra = lines[2].Split(',');
            extra[Array.IndexOf(header, "code")] = "don-vi-moi";
            lines.Add(string.Join(',', extra));
            var data = Path.Combine(folder, "data.csv");
            File.WriteAllLines(data, lines);

            var verify = await CchcTool.RunAsync("verify", cards, TestFiles.RuleSet, data, "--format", "json");

            Assert.True(verify.ExitCode == 1, verify.ToString());
            var differences = JsonNode.Parse(verify.Out)!["differences"]!.AsArray();
            Assert.Contains(differences, d => (string)d!["kind"]! == "inputs" && (string)d!["unit"]! == changedCode);
            Assert.Contains(differences, d => (string)d!["kind"]! == "cardWithoutData" && (string)d!["unit"]! == removed);
            Assert.Contains(differences, d => (string)d!["kind"]! == "dataWithoutCard" && (string)d!["unit"]! == "don-vi-moi");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Score_OutputIsItsOwnInput_IsRefusedExit64AndLeavesTheInput()
    {
        var folder = Directory.CreateTempSubdirectory("cchc-verify-").FullName;
        try
        {
            var data = Path.Combine(folder, "data.csv");
            File.Copy(Data, data);
            var before = File.ReadAllBytes(data);

            var result = await CchcTool.RunAsync("score", TestFiles.RuleSet, data, "--format", "json", "-o", data);

            Assert.True(result.ExitCode == 64, result.ToString());
            Assert.Contains("không ghi đè lên dữ liệu đầu vào", result.Error, StringComparison.Ordinal);
            Assert.Equal(before, File.ReadAllBytes(data));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.GetDirectories(from))
        {
            CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }
}

public class TemplateFormulaHeaderTests
{
    [Fact]
    public async Task Template_Csv_LabelThatIsAFormula_IsNeutralisedAndTheColumnStillReads()
    {
        var folder = Directory.CreateTempSubdirectory("cchc-template-").FullName;
        try
        {
            var copy = Path.Combine(folder, "ke-hoach-cchc-2023-phu-quy");
            CopyFolder(TestFiles.RuleSet, copy);
            var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(copy, "ruleset.json")))!;
            var input = manifest["inputs"]!.AsArray()[0]!;
            var name = (string)input["name"]!;
            input["label"] = "=HYPERLINK(\"http://x\")";
            File.WriteAllText(Path.Combine(copy, "ruleset.json"), manifest.ToJsonString());

            var result = await CchcTool.RunAsync("template", copy);

            Assert.True(result.ExitCode == 0, result.ToString());
            var header = Csv.SplitRecord(result.OutLines[0]);
            var cell = Assert.Single(header, h => h.EndsWith($"({name})", StringComparison.Ordinal));
            Assert.StartsWith("'=HYPERLINK", cell, StringComparison.Ordinal);
            Assert.DoesNotContain(header, h => h.Length > 0 && h[0] is '=' or '+' or '-' or '@');

            // The neutralised header still names its input: a sheet filled from the template reads.
            var data = Path.Combine(folder, "data.csv");
            var row = header.Select(h => h switch { "code" => "x1", "name" => "Xã Một", "level" => "xa", _ => "" }).ToList();
            File.WriteAllText(data, result.OutLines[0] + "\n" + string.Join(',', row) + "\n");
            var score = await CchcTool.RunAsync("score", copy, data, "--format", "json");
            Assert.DoesNotContain("không có trong bộ tiêu chí", score.Error, StringComparison.Ordinal);
            Assert.StartsWith("scored 1, rejected 0", score.ErrorLines[^1], StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.GetDirectories(from))
        {
            CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }
}
