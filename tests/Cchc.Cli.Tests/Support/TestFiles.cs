using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cchc.Cli.Tests.Support;

/// <summary>The shipped rule set and samples, as copied beside the test assembly (tests/Directory.Build.props).</summary>
internal static class TestFiles
{
    public const string RuleSetId = "ke-hoach-cchc-2023-phu-quy";

    public static string RuleSet => Path.Combine(AppContext.BaseDirectory, "rules", RuleSetId);

    public static string Samples => Path.Combine(AppContext.BaseDirectory, "samples", "phu-quy");

    public static string Sample(string fileName) => Path.Combine(Samples, fileName);

    public static JsonNode ReadJson(string path) => JsonNode.Parse(File.ReadAllText(path)) ?? throw new InvalidDataException(path);

    /// <summary>The manifest's inputs, in manifest order: (name, label).</summary>
    public static IReadOnlyList<(string Name, string Label)> ManifestInputs()
        => [.. ReadJson(Path.Combine(RuleSet, "ruleset.json"))["inputs"]!.AsArray().Select(i => ((string)i!["name"]!, (string)i["label"]!))];

    /// <summary>The criterion ids that apply to a level, read straight from the workflow files (no levels = every level).</summary>
    public static IReadOnlyList<string> CriterionIds(string? level = null)
    {
        var ids = new List<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RuleSet, "workflows"), "*.json").Order(StringComparer.Ordinal))
        {
            foreach (var rule in ReadJson(file)["Rules"]!.AsArray())
            {
                var levels = rule!["Properties"]?["levels"]?.AsArray().Select(l => (string)l!).ToList();
                if (level is null || levels is null || levels.Contains(level))
                {
                    ids.Add((string)rule["RuleName"]!);
                }
            }
        }

        return ids;
    }

    /// <summary>The number of analysts' cases in the rule set's tests/*.json files.</summary>
    public static int TestCaseCount()
        => Directory.GetFiles(Path.Combine(RuleSet, "tests"), "*.json").Sum(f => ReadJson(f)["cases"]!.AsArray().Count);

    public static void WriteJson(string path, JsonNode node)
        => File.WriteAllText(path, node.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), new UTF8Encoding(false));
}

/// <summary>A temporary folder, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cchc-cli-tests", Guid.NewGuid().ToString("N"));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string text)
    {
        var path = File(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>
/// A copy of the shipped rule set in a temporary folder (named after its id, so the copy has no warnings),
/// to be broken in one place by a test.
/// </summary>
internal sealed class TempRuleSet : IDisposable
{
    private readonly TempFolder _folder = new();

    public TempRuleSet(string id = TestFiles.RuleSetId)
    {
        Directory = System.IO.Path.Combine(_folder.Path, id);
        var shipped = System.IO.Path.Combine(AppContext.BaseDirectory, "rules", id);
        foreach (var source in System.IO.Directory.GetFiles(shipped, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(Directory, System.IO.Path.GetRelativePath(shipped, source));
            System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(source, target);
        }
    }

    public string Directory { get; }

    public string PathOf(string relative) => System.IO.Path.Combine(Directory, relative);

    /// <summary>
    /// Replaces the first <paramref name="oldText"/> after <c>"RuleName": "<paramref name="ruleId"/>"</c> in a file,
    /// keeping every other line as it was; returns the 1-based line the replacement is on.
    /// </summary>
    public int ReplaceInRule(string relativeFile, string ruleId, string oldText, string newText)
    {
        var path = PathOf(relativeFile);
        var text = File.ReadAllText(path);
        var rule = text.IndexOf($"\"RuleName\": \"{ruleId}\"", StringComparison.Ordinal);
        Assert.True(rule >= 0, $"{ruleId} not found in {relativeFile}");
        var at = text.IndexOf(oldText, rule, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{oldText}' not found after {ruleId} in {relativeFile}");
        File.WriteAllText(path, string.Concat(text.AsSpan(0, at), newText, text.AsSpan(at + oldText.Length)), new UTF8Encoding(false));
        return text[..at].Count(c => c == '\n') + 1;
    }

    public void Dispose() => _folder.Dispose();
}
