using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cchc.Rules.Loading;

namespace Cchc.Cli.Commands;

/// <summary>
/// <c>cchc new</c>: a rule-set folder to start from, anywhere (outside this repository too): its JSON Schemas
/// travel inside it, so each file's <c>$schema</c> and the editor's settings work where the folder is.
/// </summary>
internal static class NewCommand
{
    /// <summary>Where the schemas go inside a new rule set, and the <c>$schema</c> each kind of file gets.</summary>
    private const string SchemaFolder = "schema";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("id") { Description = Strings.New_Id };
        var from = new Option<string?>("--from") { Description = Strings.New_From };
        var output = new Option<string?>("--output", "-o") { Description = Strings.New_Output };
        var command = new Command("new", Strings.New_Description) { id, from, output };
        command.SetAction(parse => Run(context, parse.GetValue(id)!, parse.GetValue(from), parse.GetValue(output) ?? "."));
        return command;
    }

    private static int Run(CliContext context, string id, string? from, string parent)
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(id, "^[a-z0-9][a-z0-9-]*\\z"))
        {
            context.Error.WriteLine(CliLanguage.Format(Strings.New_BadId, id));
            return ExitCodes.UsageError;
        }

        var folder = Path.GetFullPath(Path.Combine(parent, id));
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            context.Error.WriteLine(CliLanguage.Format(Strings.New_NotEmpty, folder));
            return ExitCodes.UsageError;
        }

        if (from is not null && context.RuleSetMissing(from))
        {
            return ExitCodes.UsageError;
        }

        var files = from is null ? Template(id) : Copy(CliContext.ResolveRuleSet(from), id);
        foreach (var (relative, json) in files)
        {
            json["$schema"] = SchemaReference(relative);
            Write(folder, relative, Reorder(json).ToJsonString(Indented));
        }

        foreach (var name in SchemaCatalog.Names)
        {
            Write(folder, Path.Combine(SchemaFolder, $"{name}.schema.json"), SchemaCatalog.GetText(name));
        }

        Write(folder, Path.Combine(".vscode", "settings.json"), VsCodeSettings());
        context.Out.WriteLine(CliLanguage.Format(Strings.New_Created, id, folder, files.Count, SchemaFolder));
        context.Out.WriteLine(CliLanguage.Format(Strings.New_Next, folder));
        return ExitCodes.Success;
    }

    /// <summary>The smallest rule set that passes <c>cchc check</c> and <c>cchc test</c>: one input, one area, one criterion, two cases.</summary>
    private static List<(string Relative, JsonObject Json)> Template(string id) =>
    [
        ("ruleset.json", JsonNode.Parse($$"""
            {
              "id": "{{id}}",
              "version": "0.1.0",
              "title": "Bộ tiêu chí mới (sửa tên)",
              "source": "Số, ngày và cơ quan ban hành văn bản mà bộ tiêu chí thể hiện",
              "levels": [ "xa" ],
              "inputs": [
                { "name": "soHoSoDungHan", "type": "count", "label": "Số hồ sơ giải quyết đúng hạn", "min": 0 },
                { "name": "soHoSo", "type": "count", "label": "Tổng số hồ sơ đã giải quyết", "min": 0 }
              ],
              "areas": [ { "id": "tthc", "title": "Cải cách thủ tục hành chính", "maxPoints": 1 } ],
              "maxPoints": 1,
              "index": { "scale": 100, "decimals": 2 },
              "grades": [ { "name": "Đạt", "from": 50 }, { "name": "Chưa đạt", "from": 0, "to": 50 } ],
              "workflows": [ "workflows/tthc.json" ],
              "tests": [ "tests/tthc.json" ]
            }
            """)!.AsObject()),
        ("workflows/tthc.json", JsonNode.Parse($$"""
            {
              "WorkflowName": "{{id}}/tthc",
              "Rules": [
                {
                  "RuleName": "TTHC.1",
                  "LocalParams": [
                    { "Name": "noOccurrence", "Expression": "soHoSo == 0" },
                    { "Name": "value", "Expression": "Fn.Percent(soHoSoDungHan, soHoSo)" }
                  ],
                  "Expression": "value >= 95",
                  "Properties": {
                    "title": "Tỷ lệ hồ sơ giải quyết đúng hạn",
                    "area": "tthc",
                    "format": "percent",
                    "scoring": { "method": "passFail", "points": 1 },
                    "whenNoOccurrence": "full"
                  }
                }
              ]
            }
            """)!.AsObject()),
        ("tests/tthc.json", JsonNode.Parse("""
            {
              "cases": [
                {
                  "name": "TTHC.1: 96/100 = 96% là đạt",
                  "unit": { "code": "T-01", "name": "UBND xã thử nghiệm", "level": "xa", "soHoSoDungHan": 96, "soHoSo": 100 },
                  "expect": { "criteria": { "TTHC.1": { "status": "met", "points": 1 } } }
                },
                {
                  "name": "TTHC.1: 90/100 = 90% là chưa đạt",
                  "unit": { "code": "T-02", "name": "UBND xã thử nghiệm", "level": "xa", "soHoSoDungHan": 90, "soHoSo": 100 },
                  "expect": { "criteria": { "TTHC.1": { "status": "notMet", "points": 0 } } }
                }
              ]
            }
            """)!.AsObject()),
    ];

    /// <summary>The source's manifest, workflow and test files, under the new id.</summary>
    private static List<(string Relative, JsonObject Json)> Copy(string source, string id)
    {
        var manifest = Read(source, "ruleset.json");
        var oldPrefix = $"{manifest["id"]?.GetValue<string>()}/";
        manifest["id"] = id;
        var files = new List<(string, JsonObject)> { ("ruleset.json", manifest) };
        foreach (var key in new[] { "workflows", "tests" })
        {
            foreach (var relative in manifest[key]?.AsArray().Select(f => f!.GetValue<string>()) ?? [])
            {
                var json = Read(source, relative);
                // Workflow names are '<rule-set id>/<area>' by convention: follow the new id.
                if (json["WorkflowName"]?.GetValue<string>() is { } name && name.StartsWith(oldPrefix, StringComparison.Ordinal))
                {
                    json["WorkflowName"] = id + "/" + name[oldPrefix.Length..];
                }

                files.Add((relative, json));
            }
        }

        return files;
    }

    private static JsonObject Read(string folder, string relative)
        => JsonNode.Parse(File.ReadAllText(Path.Combine(folder, relative)))!.AsObject();

    /// <summary>The path from a file to its schema inside the new folder (<c>../schema/workflow.schema.json</c>).</summary>
    private static string SchemaReference(string relative)
    {
        var kind = relative == "ruleset.json" ? "ruleset" : relative.StartsWith("tests/", StringComparison.Ordinal) ? "tests" : "workflow";
        var depth = relative.Count(c => c == '/');
        return string.Concat(Enumerable.Repeat("../", depth)) + $"{SchemaFolder}/{kind}.schema.json";
    }

    /// <summary><c>$schema</c> first, as editors and readers expect.</summary>
    private static JsonObject Reorder(JsonObject json)
    {
        var ordered = new JsonObject { ["$schema"] = json["$schema"]!.DeepClone() };
        foreach (var (name, value) in json.Where(p => p.Key != "$schema").ToList())
        {
            ordered[name] = value?.DeepClone();
        }

        return ordered;
    }

    private static string VsCodeSettings() => $$"""
        {
          "json.schemas": [
            { "fileMatch": [ "/ruleset.json" ], "url": "./{{SchemaFolder}}/ruleset.schema.json" },
            { "fileMatch": [ "/workflows/*.json" ], "url": "./{{SchemaFolder}}/workflow.schema.json" },
            { "fileMatch": [ "/tests/*.json" ], "url": "./{{SchemaFolder}}/tests.schema.json" }
          ],
          "files.encoding": "utf8",
          "files.insertFinalNewline": true
        }

        """;

    private static void Write(string folder, string relative, string text)
    {
        var path = Path.Combine(folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.EndsWith('\n') ? text : text + "\n", new System.Text.UTF8Encoding(false));
    }
}
