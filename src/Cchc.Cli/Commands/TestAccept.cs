using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Cchc.Scoring.Cards;
using Cchc.Scoring.Testing;

namespace Cchc.Cli.Commands;

/// <summary>
/// <c>cchc test --accept</c>: writes the results a failing case now gives into what it expects — only the values the
/// case already states (points, maxPoints, index, grade, problems, each criterion's status and points) — by replacing
/// those values in the file's text, so every other byte (layout, comments, order, other cases) stays as the analyst
/// wrote it and a review shows exactly the accepted numbers.
/// </summary>
internal static class TestAccept
{
    private static readonly JsonSerializerOptions Text = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A planned change of one file: the old and new text, and the lines that differ.</summary>
    public sealed record FileChange(string Path, string Relative, string OldText, string NewText, IReadOnlyList<(int Line, string Old, string New)> Lines);

    /// <summary>The changes accepting <paramref name="failing"/> would make, per test file.</summary>
    public static IReadOnlyList<FileChange> Plan(string ruleSetFolder, IEnumerable<AnalystTestResult> failing)
    {
        var changes = new List<FileChange>();
        foreach (var group in failing.Where(r => r.Card is not null).GroupBy(r => r.Case.File, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var path = Path.Combine(ruleSetFolder, group.Key);
            var text = File.ReadAllText(path, Encoding.UTF8);
            var byLine = group.ToDictionary(r => r.Case.Line, r => r.Card!);
            var edits = Edits(text, byLine);
            if (edits.Count == 0)
            {
                continue;
            }

            var updated = new StringBuilder(text);
            foreach (var (start, length, value) in edits.OrderByDescending(e => e.Start))
            {
                updated.Remove(start, length).Insert(start, value);
            }

            var newText = updated.ToString();
            changes.Add(new FileChange(path, group.Key, text, newText, DiffLines(text, newText)));
        }

        return changes;
    }

    /// <summary>Writes the planned changes, each file replaced atomically.</summary>
    public static void Write(IEnumerable<FileChange> changes)
    {
        foreach (var change in changes)
        {
            var temporary = change.Path + ".cchc-accept.tmp";
            File.WriteAllText(temporary, change.NewText, new UTF8Encoding(encoderShouldEmitUTF8Identifier: change.OldText.StartsWith('\uFEFF')));
            File.Move(temporary, change.Path, overwrite: true);
        }
    }

    /// <summary>The value edits (character offset, length, new JSON text) of the cases starting on the given lines.</summary>
    private static List<(int Start, int Length, string Value)> Edits(string text, Dictionary<int, ScoreCard> cardsByLine)
    {
        var edits = new List<(int, int, string)>();
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var path = new List<string>();
        string? property = null;
        ScoreCard? card = null;
        var caseDepth = -1;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    property = reader.GetString();
                    continue;
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    var name = property ?? "[]";
                    property = null;
                    if (reader.TokenType == JsonTokenType.StartObject && path.Count == 2 && path[1] == "cases")
                    {
                        var line = LineOf(bytes, (int)reader.TokenStartIndex);
                        card = cardsByLine.GetValueOrDefault(line);
                        caseDepth = path.Count;
                    }

                    if (card is not null && reader.TokenType == JsonTokenType.StartArray && name == "problems" && IsExpect(path, caseDepth))
                    {
                        var start = (int)reader.TokenStartIndex;
                        reader.Skip();
                        var end = (int)reader.TokenStartIndex + 1;
                        var problems = card.Problems.Select(p => p.Input).Distinct().Order(StringComparer.Ordinal).ToList();
                        edits.Add(Edit(bytes, start, end, "[" + string.Join(", ", problems.Select(p => JsonSerializer.Serialize(p, Text))) + "]"));
                        continue;
                    }

                    path.Add(name);
                    continue;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    path.RemoveAt(path.Count - 1);
                    if (path.Count <= caseDepth)
                    {
                        card = null;
                        caseDepth = -1;
                    }

                    continue;
            }

            // A value.
            var key = property;
            property = null;
            if (card is null || key is null)
            {
                continue;
            }

            string? replacement = null;
            if (IsExpect(path, caseDepth))
            {
                replacement = key switch
                {
                    "points" => Number(card.Points),
                    "maxPoints" => Number(card.MaxPoints),
                    "index" => card.Index is { } index ? Number(index) : "null",
                    "grade" => card.Grade is { } grade ? JsonSerializer.Serialize(grade, Text) : "null",
                    _ => null,
                };
            }
            else if (path.Count == caseDepth + 4 && path[caseDepth + 1] == "expect" && path[caseDepth + 2] == "criteria"
                && card.Criteria.Flatten().FirstOrDefault(c => c.Id == path[caseDepth + 3]) is { } criterion)
            {
                replacement = key switch
                {
                    "points" => Number(criterion.Points),
                    "status" => JsonSerializer.Serialize(criterion.Status.ToCode(), Text),
                    _ => null,
                };
            }

            if (replacement is not null)
            {
                var start = (int)reader.TokenStartIndex;
                var end = (int)(reader.TokenStartIndex + (reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length) + (reader.TokenType == JsonTokenType.String ? 2 : 0));
                var old = Encoding.UTF8.GetString(bytes, start, end - start);
                if (old != replacement)
                {
                    edits.Add(Edit(bytes, start, end, replacement));
                }
            }
        }

        return edits;
    }

    /// <summary>Whether the reader is directly inside the current case's <c>expect</c> object.</summary>
    private static bool IsExpect(List<string> path, int caseDepth) => caseDepth >= 0 && path.Count == caseDepth + 2 && path[caseDepth + 1] == "expect";

    /// <summary>Byte offsets to character offsets (the file is edited as text).</summary>
    private static (int, int, string) Edit(byte[] bytes, int start, int end, string value)
    {
        var charStart = Encoding.UTF8.GetCharCount(bytes, 0, start);
        var charLength = Encoding.UTF8.GetCharCount(bytes, start, end - start);
        return (charStart, charLength, value);
    }

    private static int LineOf(byte[] bytes, int offset)
    {
        var line = 1;
        for (var i = 0; i < offset; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
            }
        }

        return line;
    }

    private static string Number(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    private static List<(int, string, string)> DiffLines(string oldText, string newText)
    {
        var oldLines = oldText.Split('\n');
        var newLines = newText.Split('\n');
        var lines = new List<(int, string, string)>();
        for (var i = 0; i < Math.Min(oldLines.Length, newLines.Length); i++)
        {
            if (oldLines[i] != newLines[i])
            {
                lines.Add((i + 1, oldLines[i].TrimEnd('\r'), newLines[i].TrimEnd('\r')));
            }
        }

        return lines;
    }
}
