using Cchc.Rules.Diagnostics;

namespace Cchc.Rules.Tests.Loading;

/// <summary>A threshold is written once: the met test and the scoring's full-points point must agree (CCHC047).</summary>
public class OneThresholdTests
{
    [Fact]
    public void Load_BandsBestMinDiffersFromTheExpression_OneErrorNamingBothPlaces()
    {
        var workflow = TempRuleSet.DefaultWorkflow.Replace("\"Expression\": \"value >= 90\"", "\"Expression\": \"value >= 95\"", StringComparison.Ordinal);

        var result = TempRuleSet.Load(workflow: workflow);

        var error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(("CCHC047", "R2"), (error.Code, error.RuleId));
        Assert.True(error.Message.Contains("`value >= 95` (dòng 16)", StringComparison.Ordinal), error.Message);
        Assert.True(error.Message.Contains("'bands[0].min' là 90", StringComparison.Ordinal), error.Message);
        Assert.True(error.Line > 16, $"line {error.Line}");
        Assert.Null(result.RuleSet);
    }

    [Theory]
    [InlineData("value >= 70", """{ "method": "linear", "points": 1, "fullAt": 60 }""", "'fullAt' là 60")]
    [InlineData("value >= 60.5", """{ "method": "linear", "points": 1, "fullAt": 60 }""", "mục tiêu 60,5, nhưng 'fullAt' là 60")]
    [InlineData("value <= 10", """{ "method": "linear", "points": 1, "zeroAt": 0, "fullAt": 10 }""", "'zeroAt' là 0 — biểu thức coi giá trị thấp là tốt")]
    [InlineData("value <= 10", """{ "method": "bands", "points": 1, "bands": [ { "max": 5, "points": 1 }, { "max": 20, "points": 0.5 } ] }""", "'bands[0].max' là 5")]
    public void Load_LinearOrBandsDisagreeWithTheExpression_IsRefused(string expression, string scoring, string expected)
    {
        var workflow = TempRuleSet.WorkflowWithExpression(expression)
            .Replace("""{ "method": "passFail", "points": 1 }""", scoring, StringComparison.Ordinal);

        var result = TempRuleSet.Load(workflow: workflow);

        var error = Assert.Single(result.Diagnostics, d => d.Code == "CCHC047");
        Assert.True(error.Message.Contains(expected, StringComparison.Ordinal), error.Message);
        Assert.False(result.Succeeded);
    }

    [Theory]
    [InlineData("value >= 60", """{ "method": "linear", "points": 1, "fullAt": 60 }""")]
    [InlineData("value <= 10", """{ "method": "linear", "points": 1, "zeroAt": 40, "fullAt": 10 }""")]
    [InlineData("value >= 1", """{ "method": "perItem", "points": 1, "pointsPerItem": 0.5 }""")]
    public void Load_OneThreshold_Loads(string expression, string scoring)
    {
        var workflow = TempRuleSet.WorkflowWithExpression(expression)
            .Replace("""{ "method": "passFail", "points": 1 }""", scoring, StringComparison.Ordinal);

        var result = TempRuleSet.Load(workflow: workflow);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
    }
}

/// <summary>Diagnostics come file by file and, within a file, by line — whichever check found them.</summary>
public class DiagnosticOrderTests
{
    [Fact]
    public void Load_ErrorsFromSeveralChecks_AreOrderedByFileThenLine()
    {
        // A semantic error early in the file (R1's area), found after a schema error late in it (R2's misspelt field).
        var workflow = TempRuleSet.DefaultWorkflow
            .Replace("\"title\": \"Tỷ lệ đạt\", \"area\": \"a\"", "\"title\": \"Tỷ lệ đạt\", \"area\": \"zz\"", StringComparison.Ordinal)
            .Replace("\"RuleName\": \"R2\"", "\"RuleName\": \"R2\", \"Enabeld\": true", StringComparison.Ordinal);

        var result = TempRuleSet.Load(workflow: workflow);

        var inWorkflow = result.Diagnostics.Where(d => d.File == "w.json").ToList();
        Assert.True(inWorkflow.Select(d => d.Code).Distinct().Count() >= 2, string.Join("\n", result.Diagnostics));
        Assert.Equal(inWorkflow.OrderBy(d => d.Line).ThenBy(d => d.Column).ToList(), inWorkflow);
    }
}
