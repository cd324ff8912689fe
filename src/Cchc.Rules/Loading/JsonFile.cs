using System.Text.Json;
using Cchc.Rules.Diagnostics;
using Cchc.Rules.Texts;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Cchc.Rules.Loading;

/// <summary>A JSON file read with line information, plus small typed accessors that never throw.</summary>
internal sealed class JsonFile
{
    private JsonFile(string path, string relativePath, string text, JToken root)
    {
        Path = path;
        RelativePath = relativePath;
        Text = text;
        Root = root;
    }

    public string Path { get; }

    public string RelativePath { get; }

    public string Text { get; }

    public JToken Root { get; }

    /// <summary>
    /// Reads a file. With <paramref name="plainRulesEngine"/> the file must also be JSON that RulesEngine's own
    /// System.Text.Json reader accepts (no comments, no trailing commas).
    /// </summary>
    public static JsonFile? Read(string directory, string relativePath, bool plainRulesEngine, DiagnosticBag diagnostics)
    {
        var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, relativePath));
        var shown = relativePath.Replace('\\', '/');
        if (!IsInside(directory, path))
        {
            // Never read it: a diagnostic could quote what it holds, and a service validating uploaded rule sets would leak it.
            diagnostics.Error("CCHC004", shown, 0, 0, null, RulesText.Format(nameof(RulesStrings.File_OutsideFolder), shown),
                RulesText.Get(nameof(RulesStrings.File_OutsideFolder_Hint)));
            return null;
        }

        if (!File.Exists(path))
        {
            diagnostics.Error("CCHC001", shown, 0, 0, null, RulesText.Format(nameof(RulesStrings.File_NotFound), shown), RulesText.Get(nameof(RulesStrings.File_NotFound_Hint)));
            return null;
        }

        string text;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxFileBytes)
            {
                diagnostics.Error("CCHC004", shown, 0, 0, null, RulesText.Format(nameof(RulesStrings.File_TooLarge), shown, RulesText.Count(length), RulesText.Count(MaxFileBytes)),
                    RulesText.Get(nameof(RulesStrings.File_TooLarge_Hint)));
                return null;
            }

            text = File.ReadAllText(path, System.Text.Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            diagnostics.Error("CCHC001", shown, 0, 0, null, RulesText.Format(nameof(RulesStrings.File_Unreadable), shown, e.Message), RulesText.Get(nameof(RulesStrings.File_Unreadable_Hint)));
            return null;
        }

        JToken root;
        try
        {
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal, MaxDepth = MaxJsonDepth };
            root = JToken.ReadFrom(reader, new JsonLoadSettings
            {
                LineInfoHandling = LineInfoHandling.Load,
                DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
                CommentHandling = CommentHandling.Ignore,
            });
            if (reader.Read() && reader.TokenType != JsonToken.Comment)
            {
                diagnostics.Error("CCHC002", shown, reader.LineNumber, reader.LinePosition, null, RulesText.Get(nameof(RulesStrings.Json_TrailingContent)), RulesText.Get(nameof(RulesStrings.Json_TrailingContent_Hint)));
                return null;
            }
        }
        catch (JsonReaderException e) when (e.Message.Contains("is not a valid decimal", StringComparison.Ordinal) || e.Message.Contains("is not a valid integer", StringComparison.Ordinal))
        {
            diagnostics.Error("CCHC005", shown, e.LineNumber, e.LinePosition, null, RulesText.Format(nameof(RulesStrings.Json_NumberOutOfRange), TrimPathSuffix(e.Message)), RulesText.Format(nameof(RulesStrings.Json_NumberOutOfRange_Hint), MaxNumberText));
            return null;
        }
        catch (JsonReaderException e) when (e.Message.Contains("MaxDepth", StringComparison.Ordinal))
        {
            diagnostics.Error("CCHC004", shown, e.LineNumber, e.LinePosition, null, RulesText.Format(nameof(RulesStrings.Json_TooDeep), MaxJsonDepth), RulesText.Get(nameof(RulesStrings.Json_TooDeep_Hint)));
            return null;
        }
        catch (JsonReaderException e)
        {
            // The commonest slip, a comma left out between two fields, is said as such.
            var missingComma = e.Message.StartsWith("After parsing a value an unexpected character was encountered", StringComparison.Ordinal);
            diagnostics.Error("CCHC002", shown, e.LineNumber, e.LinePosition, null, RulesText.Format(nameof(RulesStrings.Json_Invalid), TrimPathSuffix(e.Message)),
                RulesText.Get(missingComma ? nameof(RulesStrings.Json_Invalid_MissingComma_Hint) : nameof(RulesStrings.Json_Invalid_Hint)));
            return null;
        }

        if (plainRulesEngine)
        {
            try
            {
                using var _ = JsonDocument.Parse(text);
            }
            catch (System.Text.Json.JsonException e)
            {
                diagnostics.Error("CCHC003", shown, (int)(e.LineNumber ?? -1) + 1, (int)(e.BytePositionInLine ?? 0) + 1, null,
                    RulesText.Format(nameof(RulesStrings.Json_NotPlainForRulesEngine), e.Message.Split(" Path:", StringSplitOptions.None)[0]),
                    RulesText.Get(nameof(RulesStrings.Json_NotPlainForRulesEngine_Hint)));
                return null;
            }
        }

        CheckNumbers(root, shown, diagnostics);
        return new JsonFile(path, shown, text, root);
    }

    /// <summary>The deepest JSON nesting read (also the default of RulesEngine's System.Text.Json reader).</summary>
    internal const int MaxJsonDepth = 64;

    /// <summary>The largest file of a rule set read, in bytes: the shipped ones are under 100 KB.</summary>
    internal const long MaxFileBytes = 4L * 1024 * 1024;

    /// <summary>
    /// The largest magnitude of a number in a rule file. Far above any points, target or range a rule set needs, and
    /// low enough that sums and products of them stay inside <see cref="decimal"/>.
    /// </summary>
    internal const decimal MaxNumber = 1_000_000_000_000_000m;

    private const string MaxNumberText = "10^15";

    private static bool IsInside(string directory, string path)
    {
        var root = System.IO.Path.GetFullPath(directory);
        if (!IsUnder(root, path))
        {
            return false;
        }

        // A link inside the folder may still point outside it: resolve every link on the way, then check again.
        try
        {
            var resolvedRoot = Resolve(root);
            var resolved = Resolve(path);
            return IsUnder(resolvedRoot, resolved);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool IsUnder(string root, string path)
    {
        var prefix = root.EndsWith(System.IO.Path.DirectorySeparatorChar) ? root : root + System.IO.Path.DirectorySeparatorChar;
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return path.StartsWith(prefix, comparison);
    }

    /// <summary>The path with every symbolic link along it followed (parts that do not exist are kept as written).</summary>
    private static string Resolve(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var root = System.IO.Path.GetPathRoot(full)!;
        var current = root;
        foreach (var part in full[root.Length..].Split(System.IO.Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = System.IO.Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (info.Exists && info.LinkTarget is not null)
            {
                var target = info.ResolveLinkTarget(returnFinalTarget: true);
                if (target is not null)
                {
                    current = System.IO.Path.GetFullPath(target.FullName);
                }
            }
        }

        return current;
    }

    /// <summary>
    /// Numbers outside ±<see cref="MaxNumber"/> (an integer above the decimal range arrives as a BigInteger, which the
    /// schema validator and the readers cannot convert) are reported where they are and replaced by 0, so that the
    /// rest of the file is still checked and every other diagnostic kept.
    /// </summary>
    private static void CheckNumbers(JToken root, string shown, DiagnosticBag diagnostics)
    {
        var pending = new Stack<JToken>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var token = pending.Pop();
            if (token is JContainer container)
            {
                foreach (var child in container.Children())
                {
                    pending.Push(child);
                }

                continue;
            }

            if (token is JValue { Type: JTokenType.Integer or JTokenType.Float } value && !WithinRange(value.Value))
            {
                var name = (value.Parent as JProperty)?.Name;
                diagnostics.Error("CCHC005", shown, value, RuleIdAt(value), RulesText.Format(nameof(RulesStrings.Json_NumberTooLarge), Convert.ToString(value.Value, System.Globalization.CultureInfo.InvariantCulture), name is null ? "" : RulesText.Format(nameof(RulesStrings.Json_NumberTooLarge_At), name), MaxNumberText),
                    RulesText.Get(nameof(RulesStrings.Json_NumberTooLarge_Hint)));
                value.Value = 0m;
            }
        }
    }

    private static bool WithinRange(object? value) => value switch
    {
        decimal d => Math.Abs(d) <= MaxNumber,
        long l => l is >= -1_000_000_000_000_000 and <= 1_000_000_000_000_000,
        int => true,
        double d => !double.IsNaN(d) && Math.Abs(d) <= 1e15,
        _ => false,
    };

    private static string? RuleIdAt(JToken token)
    {
        for (var t = token.Parent; t is not null; t = t.Parent)
        {
            if (t is JObject o && o["RuleName"] is JValue { Type: JTokenType.String } name)
            {
                return (string?)name.Value;
            }
        }

        return null;
    }

    private static string TrimPathSuffix(string message)
    {
        var at = message.IndexOf(" Path '", StringComparison.Ordinal);
        return at > 0 ? message[..at] : message;
    }

    // Total accessors: a field asked of something that is not an object (a string, a number, an array) is absent.
    private static JToken? Field(JToken? obj, string name) => obj is JObject o ? o[name] : null;

    public static string? String(JToken? obj, string name) => Field(obj, name) is JValue { Type: JTokenType.String } v ? (string?)v.Value : null;

    public static decimal? Number(JToken? obj, string name) => Field(obj, name) is JValue { Type: JTokenType.Integer or JTokenType.Float } v && WithinRange(v.Value) ? Convert.ToDecimal(v.Value, System.Globalization.CultureInfo.InvariantCulture) : null;

    public static bool? Bool(JToken? obj, string name) => Field(obj, name) is JValue { Type: JTokenType.Boolean } v ? (bool?)v.Value : null;

    public static JArray? Array(JToken? obj, string name) => Field(obj, name) as JArray;

    public static JObject? Object(JToken? obj, string name) => Field(obj, name) as JObject;

    public static IEnumerable<string> Strings(JToken? obj, string name)
        => Array(obj, name)?.OfType<JValue>().Where(v => v.Type == JTokenType.String).Select(v => (string)v.Value!) ?? [];
}
