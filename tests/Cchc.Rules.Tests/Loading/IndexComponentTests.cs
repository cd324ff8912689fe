using Cchc.Rules.Diagnostics;
using Cchc.Rules.Model;

namespace Cchc.Rules.Tests.Loading;

/// <summary>The index as weighted components and the survey definition: what loads, and every refusal with its place.</summary>
public class IndexComponentTests
{
    private const string Components = """
        "components": [
          { "id": "thamDinh", "title": "Điểm thẩm định", "weight": 70, "source": "criteria" },
          { "id": "xhh", "title": "Điểm XHH", "weight": 30, "source": "survey" }
        ],
        "whenNoSurvey": "renormalize"
        """;

    internal const string Survey = """
        {
          "title": "Phiếu thử",
          "answers": [
            { "id": "rat-hai-long", "label": "Rất hài lòng", "weight": 1 },
            { "id": "hai-long", "label": "Hài lòng", "weight": 0.75 },
            { "id": "binh-thuong", "label": "Bình thường", "weight": 0.5 },
            { "id": "khong-hai-long", "label": "Không hài lòng", "weight": 0 }
          ],
          "groups": [
            { "id": "nguoi-dan", "title": "Người dân", "weight": 0.6 },
            { "id": "doanh-nghiep", "title": "Doanh nghiệp", "weight": 0.4 }
          ],
          "questions": [
            { "id": "CH1", "text": "Công khai TTHC", "groups": ["nguoi-dan", "doanh-nghiep"] },
            { "id": "CH2", "text": "Thái độ công chức", "groups": ["nguoi-dan"] }
          ]
        }
        """;

    /// <summary>The default manifest with the index replaced by one with <paramref name="index"/>'s extra fields and, unless null, a survey file.</summary>
    internal static string Manifest(string index, string? surveyFile = "survey.json")
        => TempRuleSet.DefaultManifest
            .Replace("\"index\": { \"scale\": 100, \"decimals\": 2 },", $"\"index\": {{ \"scale\": 100, \"decimals\": 2, {index} }},{(surveyFile is null ? "" : $" \"survey\": \"{surveyFile}\",")}", StringComparison.Ordinal);

    private static Cchc.Rules.Loading.RuleSetLoadResult Load(string index, string? survey = Survey, string? surveyFile = "survey.json")
        => TempRuleSet.Load(Manifest(index, surveyFile), extraFiles: survey is null ? null : new Dictionary<string, string> { ["survey.json"] = survey });

    private static RuleDiagnostic Single(Cchc.Rules.Loading.RuleSetLoadResult result, string code)
    {
        var found = result.Diagnostics.Where(d => d.Code == code).ToList();
        Assert.True(found.Count > 0, $"no {code}; got: {string.Join(" | ", result.Diagnostics)}");
        return found[0];
    }

    [Fact]
    public void Components_Load_WithTheSurvey()
    {
        var result = Load(Components);
        Assert.True(result.Succeeded, string.Join(" | ", result.Diagnostics));
        var ruleSet = result.RuleSet!;
        Assert.Equal(["thamDinh", "xhh"], ruleSet.Composition!.Components.Select(c => c.Id));
        Assert.Equal(70, ruleSet.Composition.Criteria.Weight);
        Assert.Equal(WhenNoSurvey.Renormalize, ruleSet.Composition.WhenNoSurvey);
        Assert.Equal(4, ruleSet.Survey!.Answers.Count);
        Assert.Equal(["nguoi-dan", "doanh-nghiep"], ruleSet.Survey.Groups.Select(g => g.Id));
        Assert.Equal(3, ruleSet.Survey.Asked.Count());
    }

    [Fact]
    public void SurveyFile_ChangesTheRuleSetHash()
    {
        var a = Load(Components).RuleSet!.Sha256;
        var b = Load(Components, Survey.Replace("\"weight\": 0.75", "\"weight\": 0.7", StringComparison.Ordinal)).RuleSet!.Sha256;
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Weights_NotAddingUpToTheScale_AreRefused()
    {
        var d = Single(Load(Components.Replace("\"weight\": 30", "\"weight\": 20", StringComparison.Ordinal)), "CCHC055");
        Assert.Equal("ruleset.json", d.File);
        Assert.True(d.Line > 0);
        Assert.Contains("90", d.Message, StringComparison.Ordinal);
        Assert.Contains("'scale'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Weight_ZeroOrNegative_IsRefusedBySchema()
    {
        var result = Load(Components.Replace("\"weight\": 30", "\"weight\": 0", StringComparison.Ordinal));
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code is "CCHC010" or "CCHC055" && d.File == "ruleset.json");
    }

    [Fact]
    public void TwoCriteriaComponents_AreRefused()
    {
        var d = Single(Load(Components.Replace("\"source\": \"survey\"", "\"source\": \"criteria\"", StringComparison.Ordinal)), "CCHC056");
        Assert.Contains("xhh", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoCriteriaComponent_IsRefused()
    {
        var index = """
            "components": [ { "id": "xhh", "title": "Điểm XHH", "weight": 100, "source": "survey" } ], "whenNoSurvey": "zero"
            """;
        Single(Load(index), "CCHC056");
    }

    [Fact]
    public void TwoSurveyComponents_AreRefused()
    {
        var index = """
            "components": [
              { "id": "thamDinh", "title": "Điểm thẩm định", "weight": 60, "source": "criteria" },
              { "id": "xhh1", "title": "Người dân", "weight": 20, "source": "survey" },
              { "id": "xhh2", "title": "Doanh nghiệp", "weight": 20, "source": "survey" }
            ],
            "whenNoSurvey": "zero"
            """;
        Assert.Contains("xhh2", Single(Load(index), "CCHC056").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateComponentIds_AreRefused()
        => Single(Load(Components.Replace("\"id\": \"xhh\"", "\"id\": \"thamDinh\"", StringComparison.Ordinal)), "CCHC054");

    [Fact]
    public void UnknownSource_IsRefusedBySchema()
    {
        var result = Load(Components.Replace("\"source\": \"survey\"", "\"source\": \"khaoSat\"", StringComparison.Ordinal));
        var d = result.Diagnostics.First(d => d.Code == "CCHC010");
        Assert.Contains("khaoSat", d.Message, StringComparison.Ordinal);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public void UnknownFieldInAComponent_IsRefusedWithASuggestion()
    {
        var result = Load(Components.Replace("\"weight\": 30", "\"wieght\": 30", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Code == "CCHC010" && d.Message.Contains("wieght", StringComparison.Ordinal));
        Assert.False(result.Succeeded);
    }

    [Fact]
    public void SurveyComponent_WithoutASurveyFile_IsRefused()
    {
        var d = Single(Load(Components, survey: null, surveyFile: null), "CCHC058");
        Assert.Equal("ruleset.json", d.File);
        Assert.Contains("xhh", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SurveyComponent_WithoutWhenNoSurvey_IsRefused()
        => Single(Load(Components.Replace(",\n    \"whenNoSurvey\": \"renormalize\"", "", StringComparison.Ordinal).Replace(",\r\n    \"whenNoSurvey\": \"renormalize\"", "", StringComparison.Ordinal).Replace("\"whenNoSurvey\": \"renormalize\"", "\"capAtScale\": false", StringComparison.Ordinal)), "CCHC057");

    [Fact]
    public void SurveyFile_Missing_IsNamed()
    {
        var d = Single(Load(Components, survey: null), "CCHC001");
        Assert.Equal("survey.json", d.File);
    }

    [Fact]
    public void SurveyFile_WithoutASurveyComponent_IsAWarning()
    {
        var result = Load("\"capAtScale\": false");
        Assert.True(result.Succeeded);
        Assert.Equal(DiagnosticSeverity.Warning, Single(result, "CCHC059").Severity);
        Assert.Null(result.RuleSet!.Survey);
    }

    [Fact]
    public void Survey_BestAnswerNotOne_IsRefused()
    {
        var d = Single(Load(Components, Survey.Replace("\"weight\": 1 }", "\"weight\": 0.9 }", StringComparison.Ordinal)), "CCHC062");
        Assert.Equal("survey.json", d.File);
        Assert.True(d.Line > 0);
    }

    [Fact]
    public void Survey_AnswerWeightAboveOne_IsRefusedBySchema()
    {
        var result = Load(Components, Survey.Replace("\"weight\": 0.75", "\"weight\": 75", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Code == "CCHC010" && d.File == "survey.json");
        Assert.False(result.Succeeded);
    }

    [Fact]
    public void Survey_GroupWeightsNotAddingUpToOne_AreRefused()
        => Assert.Contains("0,9", Single(Load(Components, Survey.Replace("\"weight\": 0.4", "\"weight\": 0.3", StringComparison.Ordinal)), "CCHC063").Message, StringComparison.Ordinal);

    [Fact]
    public void Survey_QuestionForAnUnknownGroup_IsRefusedWithASuggestion()
    {
        var d = Single(Load(Components, Survey.Replace("\"groups\": [\"nguoi-dan\"]", "\"groups\": [\"nguoi-dann\"]", StringComparison.Ordinal)), "CCHC064");
        Assert.Contains("nguoi-dann", d.Message, StringComparison.Ordinal);
        Assert.Contains("nguoi-dan", d.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Survey_DuplicateIds_AreRefused()
        => Single(Load(Components, Survey.Replace("\"id\": \"CH2\"", "\"id\": \"CH1\"", StringComparison.Ordinal)), "CCHC061");

    [Fact]
    public void Survey_GroupAskedNothing_IsRefused()
        => Assert.Contains("doanh-nghiep", Single(Load(Components, Survey.Replace("[\"nguoi-dan\", \"doanh-nghiep\"]", "[\"nguoi-dan\"]", StringComparison.Ordinal)), "CCHC064").Message, StringComparison.Ordinal);

    [Fact]
    public void Survey_UnknownField_IsRefusedBySchema()
    {
        var result = Load(Components, Survey.Replace("\"title\": \"Phiếu thử\"", "\"titel\": \"Phiếu thử\", \"title\": \"x\"", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Code == "CCHC010" && d.File == "survey.json" && d.Message.Contains("titel", StringComparison.Ordinal));
    }

    private const string SurveyCase = """
        { "cases": [ { "name": "có điều tra", "unit": { "code": "X", "level": "xa" },
          "survey": [ { "group": "nguoi-dan", "question": "CH1", "rat-hai-long": 3, "hai-long": 1 } ],
          "expect": { "index": 0 } } ] }
        """;

    [Fact]
    public void TestCase_WithSurveyRows_IsRead()
    {
        var result = TempRuleSet.Load(Manifest(Components), extraFiles: new Dictionary<string, string> { ["survey.json"] = Survey, ["tests/a.json"] = SurveyCase });

        Assert.Equal(0, result.TestErrors);
        var row = Assert.Single(Assert.Single(result.RuleSet!.TestCases).Survey!);
        Assert.Equal(("nguoi-dan", "CH1", 3L, 1L), (row.Group, row.Question, row.Counts["rat-hai-long"], row.Counts["hai-long"]));
    }

    [Theory]
    [InlineData("\"group\": \"nguoi-dan\"", "\"group\": \"hoc-sinh\"", "hoc-sinh")]
    [InlineData("\"question\": \"CH1\"", "\"question\": \"CH9\"", "CH9")]
    [InlineData("\"hai-long\": 1", "\"tot\": 1", "'tot'")]
    public void TestCase_SurveyRowThatDoesNotFit_IsATestError(string from, string to, string named)
    {
        var result = TempRuleSet.Load(Manifest(Components), extraFiles: new Dictionary<string, string> { ["survey.json"] = Survey, ["tests/a.json"] = SurveyCase.Replace(from, to, StringComparison.Ordinal) });

        Assert.True(result.Succeeded);
        Assert.Equal(1, result.TestErrors);
        var d = Single(result, "CCHC072");
        Assert.Equal("tests/a.json", d.File);
        Assert.Contains(named, d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TestCase_WithSurveyRows_OnARuleSetWithoutASurveyComponent_IsATestError()
    {
        var result = TempRuleSet.Load(extraFiles: new Dictionary<string, string> { ["tests/a.json"] = SurveyCase });

        Assert.Contains("không có thành phần điều tra", Single(result, "CCHC072").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShippedCommuneIndex_IsAppraisal70PlusSurvey30_Renormalised()
    {
        var ruleSet = new Cchc.Rules.Loading.RuleSetLoader { CheckWithRulesEngine = false }.LoadOrThrow(Path.Combine(Paths.Rules, "chi-so-cchc-xa"));
        Assert.Equal([("thamDinh", 70m, IndexComponentSource.Criteria), ("xhh", 30m, IndexComponentSource.Survey)], ruleSet.Composition!.Components.Select(c => (c.Id, c.Weight, c.Source)));
        Assert.Equal(WhenNoSurvey.Renormalize, ruleSet.Composition.WhenNoSurvey);
        Assert.Equal(1m, ruleSet.Survey!.Groups.Sum(g => g.Weight));
    }
}
