using Cchc.Rules.Diagnostics;

namespace Cchc.Rules.Tests.Loading;

public class NotApplicableParameterTests
{
    private static string WithR1Parameter(string name, string expression) => TempRuleSet.DefaultWorkflow.Replace(
        "{ \"Name\": \"noOccurrence\", \"Expression\": \"tong == 0\" },",
        $"{{ \"Name\": \"{name}\", \"Expression\": \"{expression}\" }}, {{ \"Name\": \"noOccurrence\", \"Expression\": \"tong == 0\" }},",
        StringComparison.Ordinal);

    [Fact]
    public void Load_NotApplicableParameter_IsRecordedWithTheInputsItReads()
    {
        var result = TempRuleSet.Load(workflow: WithR1Parameter("notApplicable", "tyLe > 50"));

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var r1 = result.RuleSet!.Criteria[0];
        Assert.True(r1.HasNotApplicable);
        Assert.Equal(["tyLe"], r1.NotApplicableInputs);
        Assert.Contains("tyLe", r1.Inputs);
        Assert.False(result.RuleSet.Criteria[1].HasNotApplicable);
    }

    [Fact]
    public void Load_NotApplicableNotBool_IsRefusedNamingTheRule()
    {
        var result = TempRuleSet.Load(workflow: WithR1Parameter("notApplicable", "tyLe + 1"));

        var error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("CCHC034", error.Code);
        Assert.Equal("R1", error.RuleId);
        Assert.Contains("'notApplicable' cho ra một số", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_GlobalNotApplicable_IsRefused()
    {
        var workflow = TempRuleSet.DefaultWorkflow.Replace(
            "\"WorkflowName\": \"thu/a\",",
            "\"WorkflowName\": \"thu/a\", \"GlobalParams\": [ { \"Name\": \"notApplicable\", \"Expression\": \"tong == 0\" } ],",
            StringComparison.Ordinal);

        var result = TempRuleSet.Load(workflow: workflow);

        Assert.Contains(result.Diagnostics, d => d.Code == "CCHC033" && d.Message.Contains("'notApplicable'", StringComparison.Ordinal));
        Assert.Null(result.RuleSet);
    }

    [Fact]
    public void Load_InputNamedNotApplicable_IsRefused()
    {
        var manifest = TempRuleSet.DefaultManifest.Replace("\"name\": \"tyLe\"", "\"name\": \"notApplicable\"", StringComparison.Ordinal);

        var result = TempRuleSet.Load(manifest: manifest, workflow: TempRuleSet.DefaultWorkflow.Replace("tyLe", "tong", StringComparison.Ordinal));

        Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Message.Contains("notApplicable", StringComparison.Ordinal));
        Assert.Null(result.RuleSet);
    }
}
