using System.Text.Json.Nodes;
using Cchc.Cli.Tests.Support;

namespace Cchc.Cli.Tests;

/// <summary><c>cchc new</c>: a rule-set folder that works where it is put, its schemas and editor settings with it.</summary>
public sealed class NewCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Every JSON file's <c>$schema</c> names a file that exists beside it, inside the new folder.</summary>
    private static void AssertSchemasResolveInside(string folder)
    {
        var files = Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}schema{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.Contains(".vscode", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var reference = (string?)TestFiles.ReadJson(file)["$schema"];
            Assert.False(reference is null, $"{file} has no $schema");
            var schema = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, reference));
            Assert.True(File.Exists(schema), $"{file}: $schema '{reference}' does not exist");
            Assert.StartsWith(folder, schema, StringComparison.Ordinal);
        }

        var settings = TestFiles.ReadJson(Path.Combine(folder, ".vscode", "settings.json"));
        foreach (var mapping in settings["json.schemas"]!.AsArray())
        {
            Assert.True(File.Exists(Path.Combine(folder, (string)mapping!["url"]!)), $"VS Code schema {mapping["url"]} does not exist");
        }
    }

    [Fact]
    public async Task New_Template_ChecksAndPassesItsTestsOutsideTheRepository()
    {
        var result = await CchcTool.RunAsync("new", "chi-so-thu-nghiem", "-o", _temp.Path);
        var folder = Path.Combine(_temp.Path, "chi-so-thu-nghiem");

        Assert.True(result.ExitCode == 0, result.ToString());
        AssertSchemasResolveInside(folder);
        Assert.Equal("chi-so-thu-nghiem", (string?)TestFiles.ReadJson(Path.Combine(folder, "ruleset.json"))["id"]);
        var check = await CchcTool.RunAsync("check", folder);
        Assert.True(check.ExitCode == 0, check.ToString());
        var test = await CchcTool.RunAsync("test", folder);
        Assert.True(test.ExitCode == 0, test.ToString());
        Assert.Equal("2 passed, 0 failed", test.OutLines[^1]);
    }

    [Fact]
    public async Task New_FromShippedRuleSet_CopiesItUnderTheNewIdWithLocalSchemas()
    {
        var result = await CchcTool.RunAsync("new", "ke-hoach-cchc-2024", "--from", TestFiles.RuleSetId, "-o", _temp.Path);
        var folder = Path.Combine(_temp.Path, "ke-hoach-cchc-2024");

        Assert.True(result.ExitCode == 0, result.ToString());
        AssertSchemasResolveInside(folder);
        Assert.Equal("ke-hoach-cchc-2024", (string?)TestFiles.ReadJson(Path.Combine(folder, "ruleset.json"))["id"]);
        Assert.Equal("ke-hoach-cchc-2024/tthc", (string?)TestFiles.ReadJson(Path.Combine(folder, "workflows", "2-tthc.json"))["WorkflowName"]);
        var check = await CchcTool.RunAsync("check", folder, "--format", "json");
        Assert.True(check.ExitCode == 0, check.ToString());
        var shipped = JsonNode.Parse((await CchcTool.RunAsync("check", TestFiles.RuleSet, "--format", "json")).Out)!;
        var copied = JsonNode.Parse(check.Out)!;
        Assert.Equal(((int)shipped["criteria"]!, (int)shipped["testCases"]!), ((int)copied["criteria"]!, (int)copied["testCases"]!));
    }

    [Fact]
    public async Task New_FolderAlreadyHasFiles_ExitsWithUsageErrorAndOverwritesNothing()
    {
        var existing = Path.Combine(_temp.Path, "da-co", "ruleset.json");
        Directory.CreateDirectory(Path.GetDirectoryName(existing)!);
        await File.WriteAllTextAsync(existing, "{}");

        var result = await CchcTool.RunAsync("new", "da-co", "-o", _temp.Path);

        Assert.True(result.ExitCode == 64, result.ToString());
        Assert.Contains("không ghi đè", result.Error, StringComparison.Ordinal);
        Assert.Equal("{}", await File.ReadAllTextAsync(existing));
    }

    [Theory]
    [InlineData("Chi So")]
    [InlineData("chỉ-số")]
    [InlineData("-dau-gach")]
    public async Task New_IdNotLowerCaseWithDashes_ExitsWithUsageError(string id)
    {
        var result = await CchcTool.RunAsync("new", id, "-o", _temp.Path);

        Assert.True(result.ExitCode == 64, result.ToString());
        Assert.Empty(Directory.GetFileSystemEntries(_temp.Path));
    }
}
