namespace Cchc.Rules.Tests;

/// <summary>A throw-away rule-set folder written from strings, deleted on dispose.</summary>
internal sealed class TempRuleSet : IDisposable
{
    public const string DefaultManifest = """
        {
          "id": "thu",
          "version": "1",
          "title": "Bộ thử",
          "levels": ["xa", "huyen"],
          "inputs": [
            { "name": "soDat", "type": "count", "label": "Số đạt" },
            { "name": "tong", "type": "count", "label": "Tổng số" },
            { "name": "tyLe", "type": "percent", "label": "Tỷ lệ" },
            { "name": "ngay", "type": "date", "label": "Ngày" }
          ],
          "areas": [ { "id": "a", "title": "Lĩnh vực A", "maxPoints": 3 } ],
          "maxPoints": 3,
          "index": { "scale": 100, "decimals": 2 },
          "grades": [ { "name": "Tốt", "from": 80 }, { "name": "Khá", "from": 0, "to": 80 } ],
          "workflows": ["w.json"]
        }
        """;

    public const string DefaultWorkflow = """
        {
          "WorkflowName": "thu/a",
          "Rules": [
            {
              "RuleName": "R1",
              "LocalParams": [
                { "Name": "noOccurrence", "Expression": "tong == 0" },
                { "Name": "value", "Expression": "Fn.Percent(soDat, tong)" }
              ],
              "Expression": "value >= 60",
              "Properties": { "title": "Tỷ lệ đạt", "area": "a", "format": "percent", "scoring": { "method": "passFail", "points": 1 } }
            },
            {
              "RuleName": "R2",
              "LocalParams": [ { "Name": "value", "Expression": "tyLe" } ],
              "Expression": "value >= 90",
              "Properties": {
                "title": "Hài lòng", "area": "a", "format": "percent",
                "scoring": { "method": "bands", "points": 2, "bands": [ { "min": 90, "points": 2 }, { "min": 70, "points": 1 }, { "min": 0, "points": 0 } ] }
              }
            }
          ]
        }
        """;

    public TempRuleSet(string? manifest = null, string? workflow = null, IDictionary<string, string>? extraFiles = null)
    {
        Directory = Path.Combine(Path.GetTempPath(), "cchc-rules-tests", Guid.NewGuid().ToString("N"), "thu");
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllText(Path.Combine(Directory, "ruleset.json"), manifest ?? DefaultManifest);
        File.WriteAllText(Path.Combine(Directory, "w.json"), workflow ?? DefaultWorkflow);
        foreach (var (name, text) in extraFiles ?? new Dictionary<string, string>())
        {
            var path = Path.Combine(Directory, name);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
    }

    public string Directory { get; }

    public static Cchc.Rules.Loading.RuleSetLoadResult Load(string? manifest = null, string? workflow = null, IDictionary<string, string>? extraFiles = null)
    {
        using var set = new TempRuleSet(manifest, workflow, extraFiles);
        return new Cchc.Rules.Loading.RuleSetLoader().Load(set.Directory);
    }

    /// <summary>The default workflow with one rule's Expression replaced.</summary>
    public static string WorkflowWithExpression(string expression) => DefaultWorkflow.Replace("\"Expression\": \"value >= 60\"", "\"Expression\": " + Newtonsoft.Json.JsonConvert.ToString(expression), StringComparison.Ordinal);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Path.GetDirectoryName(Directory)!, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
