using System.Text.Json;
using Cchc.Cli.Tests.Support;

namespace Cchc.Cli.Tests;

public class SchemaAndUsageTests
{
    [Fact]
    public async Task Schema_Workflow_PrintsJsonSchemaTitledForRulesEngine()
    {
        var result = await CchcTool.RunAsync("schema", "workflow");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        Assert.Contains("RulesEngine", json.RootElement.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Contains("WorkflowName", json.RootElement.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData("ruleset")]
    [InlineData("tests")]
    public async Task Schema_OtherKinds_PrintValidJson(string kind)
    {
        var result = await CchcTool.RunAsync("schema", kind);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("test")]
    [InlineData("template")]
    public async Task Command_RuleSetThatIsNeitherFolderNorShippedId_ExitsWithUsageError(string command)
    {
        var result = await CchcTool.RunAsync(command, "khong-co-bo-tieu-chi-nay");

        Assert.True(result.ExitCode == 64, result.ToString());
        Assert.Contains("Không tìm thấy bộ tiêu chí 'khong-co-bo-tieu-chi-nay'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schema_UnknownKind_ExitsWithUsageError()
    {
        var result = await CchcTool.RunAsync("schema", "spreadsheet");

        Assert.True(result.ExitCode == 64, result.ToString());
        Assert.Equal("", result.Out);
        Assert.Contains("spreadsheet", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("check")]
    [InlineData("test")]
    [InlineData("template")]
    [InlineData("score", TestFiles.RuleSetId)]
    [InlineData("check", TestFiles.RuleSetId, "--format", "xml")]
    [InlineData("template", TestFiles.RuleSetId, "--level", "tinh")]
    public async Task Run_UnknownCommandOrMissingArgument_ExitsWithUsageError(params string[] args)
    {
        var result = await CchcTool.RunAsync(args);

        Assert.True(result.ExitCode == 64, result.ToString());
        Assert.Equal("", result.Out);
        Assert.Contains("cchc --help", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NoCommand_ExitsWithUsageError()
    {
        var result = await CchcTool.RunAsync();

        Assert.True(result.ExitCode == 64, result.ToString());
    }

    [Theory]
    [InlineData("ruleset")]
    [InlineData("workflow")]
    [InlineData("tests")]
    public async Task Schema_EveryDescription_IsVietnamese(string kind)
    {
        // The hover text analysts read in their editor: each description has Vietnamese letters, none is English only.
        var result = await CchcTool.RunAsync("schema", kind);
        var descriptions = new List<string>();
        Collect(System.Text.Json.Nodes.JsonNode.Parse(result.Out)!, descriptions);

        Assert.NotEmpty(descriptions);
        Assert.All(descriptions, d => Assert.Matches("[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]", d));
    }

    private static void Collect(System.Text.Json.Nodes.JsonNode node, List<string> descriptions)
    {
        switch (node)
        {
            case System.Text.Json.Nodes.JsonObject o:
                foreach (var (name, value) in o)
                {
                    if (name is "description" or "title" && value is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var text))
                    {
                        descriptions.Add(text);
                    }
                    else if (value is not null)
                    {
                        Collect(value, descriptions);
                    }
                }

                break;
            case System.Text.Json.Nodes.JsonArray a:
                foreach (var item in a)
                {
                    if (item is not null)
                    {
                        Collect(item, descriptions);
                    }
                }

                break;
        }
    }
}
