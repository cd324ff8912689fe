using Cchc.Rules.Diagnostics;

namespace Cchc.Rules.Tests.Diagnostics;

/// <summary>Diagnostics speak Vietnamese to the analysts, but keep codes, places, names and machine words as written.</summary>
public sealed class VietnameseDiagnosticsTests
{
    [Fact]
    public void ToString_VietnameseMessage_KeepsTheEnglishSeverityWordForTools()
    {
        var error = Assert.Single(TempRuleSet.Load(workflow: TempRuleSet.WorkflowWithExpression("value >= 60 &&")).Diagnostics);

        Assert.Matches(@"^w\.json\(10,\d+\): error CCHC030 \[R1\]: Không đọc được biểu thức `value >= 60 &&`\. Trình phân tích biểu thức báo: .+\.$", error.ToString());
    }

    [Fact]
    public void Load_SchemaTypeMismatch_SaysWhatWasExpectedAndWhatWasFound()
    {
        var workflow = TempRuleSet.DefaultWorkflow.Replace("\"method\": \"passFail\", \"points\": 1", "\"method\": \"passFail\", \"points\": \"1\"", StringComparison.Ordinal);

        var result = TempRuleSet.Load(workflow: workflow);

        var error = Assert.Single(result.Diagnostics, d => d.Code == "CCHC010");
        Assert.Equal("R1", error.RuleId);
        Assert.Contains("'points'", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("phải là một số, không phải văn bản \"1\".", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownEnumValue_ListsTheAllowedValuesVerbatim()
    {
        var workflow = TempRuleSet.DefaultWorkflow.Replace("\"method\": \"passFail\"", "\"method\": \"PassFail\"", StringComparison.Ordinal);

        var error = Assert.Single(TempRuleSet.Load(workflow: workflow).Diagnostics, d => d.Code == "CCHC010");

        Assert.StartsWith("Giá trị 'PassFail' không được phép cho 'method'", error.Message, StringComparison.Ordinal);
        Assert.Contains("passFail", error.Hint, StringComparison.Ordinal);
        Assert.EndsWith("(phân biệt chữ hoa, chữ thường).", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BandsOutOfOrder_NamesTheBandAndBothBoundsTheVietnameseWay()
    {
        var workflow = TempRuleSet.DefaultWorkflow.Replace("{ \"min\": 70, \"points\": 1 }", "{ \"min\": 92.5, \"points\": 1 }", StringComparison.Ordinal);

        var error = Assert.Single(TempRuleSet.Load(workflow: workflow).Diagnostics, d => d.Code == "CCHC053");

        Assert.Equal("Các mức sai thứ tự: mức 2 có 'min' là 92,5, không thấp hơn mức ngay trước (90).", error.Message);
        Assert.Equal("R2", error.RuleId);
    }

    [Fact]
    public void Load_TestCaseWithMisspeltInput_SuggestsTheInputInVietnamese()
    {
        const string tests = """
            { "cases": [ { "name": "một ca", "unit": { "code": "X", "level": "xa", "soDatt": 1 }, "expect": { "points": 1 } } ] }
            """;
        var manifest = TempRuleSet.DefaultManifest.Replace("\"workflows\": [\"w.json\"]", "\"workflows\": [\"w.json\"], \"tests\": [\"t.json\"]", StringComparison.Ordinal);

        var result = TempRuleSet.Load(manifest: manifest, extraFiles: new Dictionary<string, string> { ["t.json"] = tests });

        var error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("CCHC070", error.Code);
        Assert.Equal("Ca kiểm thử 'một ca': 'soDatt' không phải đầu vào của bộ tiêu chí này.", error.Message);
        Assert.Equal("Có phải ý bạn là 'soDat'?", error.Hint);
    }
}
