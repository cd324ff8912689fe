using Cchc.Rules;
using Cchc.Rules.Loading;
using Cchc.Scoring.Cards;
using Cchc.Scoring.Survey;
using Cchc.Scoring.Tests.Support;
using Cchc.Scoring.Units;

namespace Cchc.Scoring.Tests.Survey;

/// <summary>
/// A rule set whose points equal the input <c>diem</c> (0–100, one linear criterion) and whose index is appraisal 70 +
/// survey 30; its survey asks two groups (người dân 0,6, doanh nghiệp 0,4) on a four-answer scale (1 / 0,75 / 0,5 / 0).
/// </summary>
internal sealed class SurveySet : IDisposable
{
    public const string Survey = """
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

    private readonly TempDirectory _temp = new();

    public SurveySet(string whenNoSurvey = "renormalize", bool capAtScale = false)
    {
        var manifest = TempRuleSet.Manifest(
            """[ { "name": "diem", "type": "number", "label": "Điểm", "min": 0, "max": 100 } ]""",
            """[ { "id": "chung", "title": "Chung", "maxPoints": 100 } ]""",
            100,
            """[ { "name": "Xuất sắc", "from": 90 }, { "name": "Tốt", "from": 80, "to": 90 }, { "name": "Đạt", "from": 0, "to": 80 } ]""",
            pointsDecimals: 4,
            capAtScale: capAtScale);
        manifest = manifest.Replace(
            "\"capAtScale\": " + (capAtScale ? "true" : "false") + " }",
            "\"capAtScale\": " + (capAtScale ? "true" : "false") + $$""", "components": [ { "id": "thamDinh", "title": "Điểm thẩm định", "weight": 70, "source": "criteria" }, { "id": "xhh", "title": "Điểm XHH", "weight": 30, "source": "survey" } ], "whenNoSurvey": "{{whenNoSurvey}}" }, "survey": "survey.json" """,
            StringComparison.Ordinal);
        var workflow = TempRuleSet.Workflow("""
            [ { "RuleName": "DIEM", "LocalParams": [ { "Name": "value", "Expression": "diem" } ], "Expression": "value >= 100",
                "Properties": { "title": "Điểm", "area": "chung", "scoring": { "method": "linear", "points": 100, "fullAt": 100 } } } ]
            """);
        Directory = Path.Combine(_temp.Root, TempRuleSet.Id);
        _temp.Write(Path.Combine(TempRuleSet.Id, "ruleset.json"), manifest);
        _temp.Write(Path.Combine(TempRuleSet.Id, "workflows", "main.json"), workflow);
        _temp.Write(Path.Combine(TempRuleSet.Id, "survey.json"), Survey);
        RuleSet = new RuleSetLoader().LoadOrThrow(Directory);
        Engine = new ScoringEngine(RuleSet);
    }

    public string Directory { get; }

    public CompiledRuleSet RuleSet { get; }

    public ScoringEngine Engine { get; }

    public TempDirectory Temp => _temp;

    public static UnitData Unit(decimal diem, SurveyResponses? survey = null, string code = "X1")
        => UnitData.FromRow(new Dictionary<string, object?> { ["code"] = code, ["name"] = "Xã " + code, ["level"] = "xa", ["diem"] = diem }) with { Survey = survey };

    public static SurveyAnswerCounts Row(string group, string question, long rat, long hai, long binhThuong, long khong)
        => new(group, question, new Dictionary<string, long> { ["rat-hai-long"] = rat, ["hai-long"] = hai, ["binh-thuong"] = binhThuong, ["khong-hai-long"] = khong });

    /// <summary>Every (group, question) answered 74 / 8 / 4 / 14 of 100: satisfaction 0,82 everywhere.</summary>
    public static SurveyResponses Uniform82() => new([Row("nguoi-dan", "CH1", 74, 8, 4, 14), Row("nguoi-dan", "CH2", 74, 8, 4, 14), Row("doanh-nghiep", "CH1", 74, 8, 4, 14)]);

    public Task<ScoreCard> ScoreAsync(decimal diem, SurveyResponses? survey = null) => Engine.ScoreAsync(Unit(diem, survey)).AsTask();

    public void Dispose() => _temp.Dispose();
}
