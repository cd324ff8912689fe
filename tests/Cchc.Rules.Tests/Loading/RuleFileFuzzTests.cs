using System.Diagnostics;
using System.Numerics;
using Cchc.Rules.Diagnostics;
using Cchc.Rules.Loading;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Cchc.Rules.Tests.Loading;

/// <summary>One file of the 2023 plan, mutated: the file and its new text, and what was done (shown when a property fails).</summary>
public sealed record MutatedRuleSet(string File, string Text, string What)
{
    public override string ToString() => $"{File}: {What}";
}

/// <summary>
/// Random and hostile edits of a copy of <c>rules/ke-hoach-cchc-2023-phu-quy</c>: text edits (cut, truncate, insert
/// hostile characters, duplicate) and JSON edits (a token replaced by a hostile value, or removed).
/// </summary>
public static class RuleFileMutations
{
    /// <summary>The manifest, every workflow and one analysts' test file (reading all eight would double each load).</summary>
    internal static readonly IReadOnlyDictionary<string, string> Originals = Directory
        .GetFiles(Paths.Plan2023, "*.json", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(Paths.Plan2023, f).Replace('\\', '/'))
        .Where(f => !f.StartsWith("tests/", StringComparison.Ordinal) || f == "tests/2-tthc.json")
        .Order(StringComparer.Ordinal)
        .ToDictionary(f => f, f => f == "ruleset.json"
            ? System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(Path.Combine(Paths.Plan2023, f)), "\"tests\": \\[[^\\]]*\\]", "\"tests\": [ \"tests/2-tthc.json\" ]")
            : File.ReadAllText(Path.Combine(Paths.Plan2023, f)), StringComparer.Ordinal);

    private static readonly string[] Fragments =
    [
        "{", "}", "[", "]", "\"", ",", ":", "\\", "\\u0000", "null", "true", "1e400", "-0", "NaN", "79228162514264337593543950336",
        "\u0000", "\u001b[2J", "\u202e", "\uFEFF", "\ud800", "é", "/*", "//", "\"RuleName\": \"MT2.4\"", "\"Rules\": [", "((((",
    ];

    private static JToken[] HostileValues() =>
    [
        JValue.CreateNull(), new JValue(true), new JValue(""), new JValue("x"), new JValue(new string('a', 10_000)),
        new JValue(new string('(', 3000) + "value >= 50" + new string(')', 3000)),
        new JValue(string.Join(" && ", Enumerable.Repeat("value >= 1", 20_000))),
        new JValue("np(ketQuaDaSoHoa) >= 50"), new JValue("DateTime.Now.Year > 2000"), new JValue("\"Ch\".StartsWith(\"C\")"),
        new JValue("System.IO.File.ReadAllText(\"/etc/passwd\") != \"\""), new JValue("Enumerable.Range(0, 1000000000).Count() > 0"),
        new JValue("/etc/hostname"), new JValue("../../../../etc/hostname"), new JValue("\u001b[31mĐỏ\u0007"),
        new JValue(BigInteger.Parse("79228162514264337593543950336", System.Globalization.CultureInfo.InvariantCulture)),
        new JValue(7.9e28m), new JValue(-1m), new JValue(0m), new JValue(1_000_000_000_000_001m), new JValue(0.0000000000000000000000000001m),
        new JValue(long.MaxValue), new JArray(), new JObject(), Nest(70),
    ];

    private static JToken Nest(int depth)
    {
        JToken token = new JArray();
        for (var i = 0; i < depth; i++)
        {
            token = new JArray(token);
        }

        return token;
    }

    private static Gen<MutatedRuleSet> TextEdit(string file, string text) => Gen.Choose(0, 4).SelectMany(kind => Gen.Choose(0, text.Length).SelectMany(at => Gen.Choose(1, 200).SelectMany(length =>
        Gen.Elements(Fragments).Select(fragment =>
        {
            var end = Math.Min(text.Length, at + length);
            return kind switch
            {
                0 => new MutatedRuleSet(file, text.Remove(at, end - at), $"cut {end - at} characters at {at}"),
                1 => new MutatedRuleSet(file, text[..at], $"truncated at {at}"),
                2 => new MutatedRuleSet(file, text.Insert(at, fragment), $"inserted {JsonConvert.ToString(fragment)} at {at}"),
                3 => new MutatedRuleSet(file, text.Insert(at, text[at..end]), $"repeated {end - at} characters at {at}"),
                _ => new MutatedRuleSet(file, text.Insert(at, string.Concat(Enumerable.Repeat(fragment, length))), $"inserted {length} × {JsonConvert.ToString(fragment)} at {at}"),
            };
        }))));

    private static Gen<MutatedRuleSet> JsonEdit(string file, string text)
    {
        var count = ((JContainer)JToken.Parse(text)).DescendantsAndSelf().Count();
        return Gen.Choose(0, count - 1).SelectMany(index => Gen.Choose(0, HostileValues().Length).Select(value =>
        {
            var root = JToken.Parse(text);
            var target = ((JContainer)root).DescendantsAndSelf().ElementAt(index);
            var path = target.Path;
            if (value == HostileValues().Length)
            {
                if (target.Parent is JProperty property)
                {
                    property.Remove();
                }
                else if (target.Parent is JArray)
                {
                    target.Remove();
                }

                return new MutatedRuleSet(file, root.ToString(Formatting.Indented), $"removed '{path}'");
            }

            var hostile = HostileValues()[value];
            if (target is JProperty p)
            {
                p.Value = hostile;
            }
            else if (target.Parent is null)
            {
                root = hostile;
            }
            else
            {
                target.Replace(hostile);
            }

            var shown = hostile.ToString(Formatting.None);
            return new MutatedRuleSet(file, root.ToString(Formatting.Indented), $"'{path}' := {(shown.Length > 60 ? shown[..60] + "…" : shown)}");
        }));
    }

    public static Arbitrary<MutatedRuleSet> Mutations()
        => Gen.Elements(Originals.Keys.ToArray())
            .SelectMany(file => Gen.Frequency((2, TextEdit(file, Originals[file])), (3, JsonEdit(file, Originals[file]))))
            .ToArbitrary();
}

/// <summary>Fuzzing the loader: whatever a rule file holds, Load returns in bounded time with located diagnostics.</summary>
public class RuleFileFuzzTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    // A lone surrogate is written as U+FFFD instead of throwing, as an editor would save it.
    private static readonly System.Text.Encoding Utf8 = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private static RuleSetLoadResult LoadWith(string file, string text, out TimeSpan elapsed)
    {
        var directory = Path.Combine(Path.GetTempPath(), "cchc-fuzz", Guid.NewGuid().ToString("N"), "ke-hoach-cchc-2023-phu-quy");
        try
        {
            foreach (var (name, original) in RuleFileMutations.Originals)
            {
                var path = Path.Combine(directory, name);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, name == file ? text : original, Utf8);
            }

            var watch = Stopwatch.StartNew();
            var result = new RuleSetLoader().Load(directory);
            elapsed = watch.Elapsed;
            return result;
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(directory)!, recursive: true);
        }
    }

    private static Property Holds(RuleSetLoadResult result, TimeSpan elapsed, string file)
    {
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        return (elapsed < Bound).Label($"returned within {Bound.TotalSeconds} s (took {elapsed.TotalSeconds:0.0} s)")
            .And((result.Succeeded || errors.Count > 0).Label("a refused rule set has at least one error"))
            .And((result.Succeeded || errors.Exists(e => e.File.Length > 0)).Label("at least one error names a file"))
            .And(result.Diagnostics.All(d => d.File is not null && d.Message.Length > 0).Label("every diagnostic has a file and a message"))
            .And(result.Diagnostics.All(d => d.Code is not "CCHC090").Label($"no unforeseen exception (CCHC090) while reading {file}"));
    }

    [Property(Arbitrary = [typeof(RuleFileMutations)], MaxTest = 40)]
    public Property Load_MutatedRuleFile_ReturnsInTimeWithLocatedDiagnostics(MutatedRuleSet mutation)
    {
        var result = LoadWith(mutation.File, mutation.Text, out var elapsed);

        return Holds(result, elapsed, mutation.File).Label(string.Join(Environment.NewLine, result.Diagnostics.Take(5)));
    }

    [Property(MaxTest = 12)]
    public Property Load_RandomTextAsAWorkflowFile_ReturnsInTimeWithLocatedDiagnostics(string text)
    {
        var result = LoadWith("workflows/2-tthc.json", text ?? "", out var elapsed);

        return Holds(result, elapsed, "workflows/2-tthc.json").And((!result.Succeeded).Label("random text is not a workflow"));
    }
}
