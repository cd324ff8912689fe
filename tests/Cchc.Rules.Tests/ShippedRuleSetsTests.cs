using Cchc.Rules.Loading;
using RulesEngine.Models;

namespace Cchc.Rules.Tests;

public class ShippedRuleSetsTests
{
    public static TheoryData<string> RuleSets() => [.. Paths.ShippedRuleSets.Select(d => Path.GetFileName(d))];

    [Theory]
    [MemberData(nameof(RuleSets))]
    public void Load_ShippedRuleSet_HasNoDiagnostics(string id)
    {
        var result = new RuleSetLoader().Load(Path.Combine(Paths.Rules, id));

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.Empty(result.Diagnostics);
    }

    [Theory]
    [MemberData(nameof(RuleSets))]
    public async Task EveryWorkflowFile_LoadsAndRunsInPlainRulesEngine(string id)
    {
        var ruleSet = new RuleSetLoader().LoadOrThrow(Path.Combine(Paths.Rules, id));
        foreach (var file in ruleSet.WorkflowFiles)
        {
            // The file's text, unchanged, through RulesEngine's own JSON reader.
            var json = await File.ReadAllTextAsync(Path.Combine(ruleSet.Directory, file));
            var engine = new RulesEngine.RulesEngine([json], new ReSettings { CustomTypes = [typeof(Cchc.Rules.Expressions.Fn)] });
            var name = Assert.Single(engine.GetAllRegisteredWorkflowNames());
            var parameters = ruleSet.Inputs.Select(i => new RuleParameter(i.Name, CompiledRuleSet.Neutral(i.Type))).ToArray();

            var results = await engine.ExecuteAllRulesAsync(name, parameters);

            Assert.NotEmpty(results);
            Assert.All(results, r => Assert.True(string.IsNullOrEmpty(r.ExceptionMessage), $"{file} {r.Rule.RuleName}: {r.ExceptionMessage}"));
        }
    }

    [Fact]
    public void Plan2023_HasTheTwentySevenTargetsOfTheSeed()
    {
        var ruleSet = new RuleSetLoader().LoadOrThrow(Paths.Plan2023);
        string[] expected =
        [
            "MT1.1", "MT1.2", "MT2.1a", "MT2.1b", "MT2.2a", "MT2.2b", "MT2.3a", "MT2.3b", "MT2.4", "MT2.5a", "MT2.5b", "MT2.6",
            "MT2.7a", "MT2.7b", "MT2.7c", "MT2.8", "MT3.1a", "MT3.1b", "MT4.1", "MT5.1", "MT6.1a", "MT6.1b", "MT6.2",
            "MT7.1", "MT7.2", "MT7.3", "MT7.4",
        ];

        Assert.Equal(expected, ruleSet.Criteria.Select(c => c.Id));
        Assert.All(ruleSet.Criteria, c => Assert.False(string.IsNullOrWhiteSpace(c.LeadUnit), c.Id));
        Assert.Equal(27m, ruleSet.MaxPoints);
    }

    [Fact]
    public void ShippedSchemaFiles_AreTheEmbeddedSchemas()
    {
        foreach (var name in SchemaCatalog.Names)
        {
            var shipped = File.ReadAllText(Path.Combine(Paths.Rules, "schema", $"{name}.schema.json"));
            Assert.Equal(shipped, SchemaCatalog.GetText(name));
        }
    }
}
