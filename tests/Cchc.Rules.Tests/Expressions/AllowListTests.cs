namespace Cchc.Rules.Tests.Expressions;

public class AllowListTests
{
    [Theory]
    [InlineData("value >= 60")]
    [InlineData("Math.Min(value, 100) >= 60 && tong > 0")]
    [InlineData("(tong == 0 ? 100 : value) >= 60")]
    [InlineData("ngay.Year == 2023 && ngay.Month <= 2")]
    [InlineData("ngay < Fn.Date(2023, 2, 19)")]
    [InlineData("Fn.Days(ngay, Fn.Date(2023, 2, 19)) > 0")]
    [InlineData("ngay.AddDays(10) <= DateTime(2023, 3, 1)")]
    [InlineData("Math.Round(value, 1) >= 59.95 || !(tyLe < 50)")]
    [InlineData("soDat % 2 == 0 && -soDat <= 0")]
    public void Load_ExpressionWithinTheAllowList_IsAccepted(string expression)
    {
        var result = TempRuleSet.Load(workflow: TempRuleSet.WorkflowWithExpression(expression));

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void Load_CompositeRule_ChildrenPointsMustAddUp()
    {
        var workflow = """
            {
              "WorkflowName": "thu/a",
              "Rules": [
                {
                  "RuleName": "C",
                  "Operator": "And",
                  "Properties": { "title": "Tổng hợp", "area": "a", "scoring": { "method": "composite", "points": 3 } },
                  "Rules": [
                    { "RuleName": "C.1", "Expression": "soDat > 0", "Properties": { "title": "Con 1", "scoring": { "method": "passFail", "points": 1 } } },
                    { "RuleName": "C.2", "Expression": "tong > 0", "Properties": { "title": "Con 2", "scoring": { "method": "passFail", "points": 1 } } }
                  ]
                }
              ]
            }
            """;

        var result = TempRuleSet.Load(workflow: workflow);

        Assert.Contains(result.Diagnostics, d => d.Code == "CCHC044" && d.RuleId == "C");
        var fixedResult = TempRuleSet.Load(workflow: workflow.Replace("\"title\": \"Con 2\", \"scoring\": { \"method\": \"passFail\", \"points\": 1 }", "\"title\": \"Con 2\", \"scoring\": { \"method\": \"passFail\", \"points\": 2 }", StringComparison.Ordinal));
        Assert.True(fixedResult.Succeeded, string.Join("\n", fixedResult.Diagnostics));
        var composite = Assert.Single(fixedResult.RuleSet!.Criteria);
        Assert.Equal(["C.1", "C.2"], composite.Children.Select(c => c.Id));
        Assert.Equal("a", composite.Children[1].Area);
    }
}
