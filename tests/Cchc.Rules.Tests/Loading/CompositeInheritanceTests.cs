namespace Cchc.Rules.Tests.Loading;

public class CompositeInheritanceTests
{
    private const string Workflow = """
        {
          "WorkflowName": "thu/a",
          "Rules": [
            {
              "RuleName": "C",
              "Operator": "And",
              "Rules": [
                { "RuleName": "C.a", "Expression": "soDat > 0", "Properties": { "title": "Có kết quả", "scoring": { "method": "passFail", "points": 1 } } },
                { "RuleName": "C.b", "Expression": "tong > 0", "Properties": { "title": "Có hồ sơ", "leadUnit": "Bộ phận Một cửa", "scoring": { "method": "passFail", "points": 2 } } }
              ],
              "Properties": { "title": "Nhóm", "area": "a", "leadUnit": "Chủ tịch UBND xã", "scoring": { "method": "composite", "points": 3 } }
            }
          ]
        }
        """;

    [Fact]
    public void Load_SubCriterionWithoutLeadUnit_InheritsItsParents()
    {
        var result = TempRuleSet.Load(workflow: Workflow);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var children = result.RuleSet!.Criteria[0].Children;
        Assert.Equal("Chủ tịch UBND xã", children[0].LeadUnit);
        Assert.Equal("Bộ phận Một cửa", children[1].LeadUnit);
    }
}
