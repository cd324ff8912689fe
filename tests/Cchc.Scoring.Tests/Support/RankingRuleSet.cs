using System.Globalization;
using Cchc.Scoring.Cards;
using Cchc.Scoring.Units;

namespace Cchc.Scoring.Tests.Support;

/// <summary>
/// Three areas of 10 points (a, tthc, tac-dong), one per-item criterion each reading its own input (0–10, one point
/// per unit of value, communes only), tie-breaks tthc then tac-dong, and the five grades of a commune index.
/// Index = (a + tthc + tacDong) ÷ 30 × 100, so every standing is easy to write down.
/// </summary>
public static class RankingRuleSet
{
    public static readonly string[] Inputs = ["diemA", "diemTthc", "diemTacDong"];

    public static TempRuleSet Create(bool tieBreaks = true) => TempRuleSet.FromFiles(Manifest(tieBreaks), TempRuleSet.Workflow(Rules));

    public static string Manifest(bool tieBreaks) => $$"""
        {
          "id": "{{TempRuleSet.Id}}",
          "version": "1.0.0",
          "title": "Chỉ số thử nghiệm",
          "levels": ["xa", "huyen"],
          "inputs": [
            { "name": "diemA", "type": "number", "label": "Điểm lĩnh vực A", "min": 0, "max": 10 },
            { "name": "diemTthc", "type": "number", "label": "Điểm thủ tục hành chính", "min": 0, "max": 10 },
            { "name": "diemTacDong", "type": "number", "label": "Điểm tác động", "min": 0, "max": 10 }
          ],
          "areas": [
            { "id": "a", "title": "Lĩnh vực A", "maxPoints": 10 },
            { "id": "tthc", "title": "Cải cách thủ tục hành chính", "maxPoints": 10 },
            { "id": "tac-dong", "title": "Tác động của CCHC", "maxPoints": 10 }
          ],
          "maxPoints": 30,
          "index": { "scale": 100, "decimals": 2 },
          "pointsDecimals": 2,
          "grades": [
            { "name": "Xuất sắc", "from": 90 },
            { "name": "Tốt", "from": 80, "to": 90 },
            { "name": "Khá", "from": 65, "to": 80 },
            { "name": "Trung bình", "from": 50, "to": 65 },
            { "name": "Yếu", "from": 0, "to": 50 }
          ],
          {{(tieBreaks ? "\"ranking\": { \"tieBreaks\": [ { \"area\": \"tthc\" }, { \"area\": \"tac-dong\" } ] }," : "")}}
          "workflows": [ "workflows/main.json" ]
        }
        """;

    private const string Rules = """
        [
          { "RuleName": "A1", "LocalParams": [ { "Name": "value", "Expression": "diemA" } ], "Expression": "value >= 10",
            "Properties": { "title": "Tiêu chí lĩnh vực A", "area": "a", "levels": ["xa"], "format": "number",
              "scoring": { "method": "perItem", "points": 10, "pointsPerItem": 1 } } },
          { "RuleName": "T1", "LocalParams": [ { "Name": "value", "Expression": "diemTthc" } ], "Expression": "value >= 10",
            "Properties": { "title": "Tiêu chí thủ tục hành chính", "area": "tthc", "levels": ["xa"], "format": "number",
              "scoring": { "method": "perItem", "points": 10, "pointsPerItem": 1 } } },
          { "RuleName": "D1", "LocalParams": [ { "Name": "value", "Expression": "diemTacDong" } ], "Expression": "value >= 10",
            "Properties": { "title": "Tiêu chí tác động", "area": "tac-dong", "levels": ["xa"], "format": "number",
              "scoring": { "method": "perItem", "points": 10, "pointsPerItem": 1 } } }
        ]
        """;

    /// <summary>A commune with the three values (null = missing).</summary>
    public static UnitData Unit(string code, decimal? a, decimal? tthc, decimal? tacDong, string? parent = null, string level = "xa")
        => UnitData.FromRow(new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["code"] = code,
            ["name"] = $"Xã {code}",
            ["level"] = level,
            ["parent"] = parent,
            ["diemA"] = a,
            ["diemTthc"] = tthc,
            ["diemTacDong"] = tacDong,
        });

    public static async Task<List<ScoreCard>> ScoreAsync(TempRuleSet ruleSet, params UnitData[] units)
    {
        var cards = new List<ScoreCard>();
        await foreach (var card in ruleSet.Engine.ScoreManyAsync(units, 2))
        {
            cards.Add(card);
        }

        return cards;
    }

    /// <summary>A CSV line of a unit: code,name,level,parent,diemA,diemTthc,diemTacDong.</summary>
    public static string Line(string code, decimal a, decimal tthc, decimal tacDong, string parent = "h1")
        => string.Create(CultureInfo.InvariantCulture, $"{code},Xã {code},xa,{parent},{a},{tthc},{tacDong}");
}
