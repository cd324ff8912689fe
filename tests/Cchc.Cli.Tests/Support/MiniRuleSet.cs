namespace Cchc.Cli.Tests.Support;

/// <summary>A one-area, one-criterion rule set written for a test, with its lines known.</summary>
internal static class MiniRuleSet
{
    /// <summary>The line of the area's maxPoints in ruleset.json.</summary>
    public const int AreaLine = 10;

    /// <summary>The line of the second band in workflows/a.json.</summary>
    public const int SecondBandLine = 19;

    /// <summary>Best first: 90 → 4 points, 80 → 2, 0 → 0.</summary>
    public static readonly (int Min, int Points)[] OrderedBands = [(90, 4), (80, 2), (0, 0)];

    /// <summary>The second band has a higher min than the first.</summary>
    public static readonly (int Min, int Points)[] UnorderedBands = [(80, 4), (90, 2), (0, 0)];

    public static string Write(TempFolder folder, int areaMaxPoints, (int Min, int Points)[] bands, string? extraInput = null)
    {
        var inputs = """{ "name": "tyLe", "type": "percent", "label": "Tỷ lệ (%)" }""" + (extraInput is null ? "" : ", " + extraInput);
        var bandLines = string.Join(",\n", bands.Select(b => $"            {{ \"min\": {b.Min}, \"points\": {b.Points} }}"));
        folder.Write("mini/ruleset.json", $$"""
            {
              "id": "mini",
              "version": "1.0.0",
              "title": "Bộ quy tắc thử",
              "levels": ["xa"],
              "inputs": [
                {{inputs}}
              ],
              "areas": [
                { "id": "a", "title": "Lĩnh vực A", "maxPoints": {{areaMaxPoints}} }
              ],
              "maxPoints": {{areaMaxPoints}},
              "index": { "scale": 100, "decimals": 2 },
              "grades": [
                { "name": "Tốt", "from": 80 },
                { "name": "Chưa tốt", "from": 0, "to": 80 }
              ],
              "workflows": ["workflows/a.json"]
            }
            """);
        folder.Write("mini/workflows/a.json", $$"""
            {
              "WorkflowName": "mini/a",
              "Rules": [
                {
                  "RuleName": "A1",
                  "LocalParams": [
                    { "Name": "value", "Expression": "tyLe" }
                  ],
                  "Expression": "value >= 90",
                  "Properties": {
                    "title": "Tỷ lệ đạt",
                    "area": "a",
                    "format": "percent",
                    "scoring": {
                      "method": "bands",
                      "points": 4,
                      "bands": [
            {{bandLines}}
                      ]
                    }
                  }
                }
              ]
            }
            """);
        return folder.File("mini");
    }
}
