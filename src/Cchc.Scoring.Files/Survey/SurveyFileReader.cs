using System.Globalization;
using System.Text;
using Cchc.Rules;
using Cchc.Rules.Model;
using Cchc.Scoring.Texts;
using Cchc.Scoring.Units;
using CsvHelper;
using CsvHelper.Configuration;
using Newtonsoft.Json.Linq;

namespace Cchc.Scoring.Survey;

/// <summary>
/// Reads survey results files (điều tra xã hội học): one row per unit × respondent group × question with the number of
/// respondents who chose each answer of the rule set's scale. CSV (UTF-8, BOM or not, semicolon or comma), XLSX (the
/// first sheet, its first row the header) or JSON (an array of flat objects with the same fields). Columns:
/// <c>code</c> (or <c>Mã đơn vị</c>), <c>group</c> (<c>Nhóm</c>), <c>question</c> (<c>Câu hỏi</c>), an optional
/// <c>name</c> (<c>Tên đơn vị</c>), then one column per answer, headed by its id or its label. An empty count is 0.
/// Every refused row names its file, row, column and value; rows read = rows kept + rows refused.
/// </summary>
public static class SurveyFileReader
{
    private static readonly string[] CodeHeaders = ["code", "ma", "mã", "mã đơn vị", "ma don vi", "madonvi"];
    private static readonly string[] GroupHeaders = ["group", "nhom", "nhóm", "nhóm người được hỏi", "nhom nguoi duoc hoi"];
    private static readonly string[] QuestionHeaders = ["question", "cauhoi", "câu hỏi", "cau hoi", "mã câu hỏi", "ma cau hoi"];
    private static readonly string[] NameHeaders = ["name", "ten", "tên", "tên đơn vị", "ten don vi"];

    /// <summary>Reads the survey results files of a rule set whose index has a survey component.</summary>
    /// <exception cref="InvalidOperationException">The rule set's index has no survey component.</exception>
    /// <exception cref="NotSupportedException">A file is of a kind no reader knows.</exception>
    /// <exception cref="InvalidDataException">A file cannot be read at all (not UTF-8, not a workbook, not JSON).</exception>
    public static SurveyResults Read(CompiledRuleSet ruleSet, IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(paths);
        if (ruleSet.Composition?.Survey is null || ruleSet.Survey is not { } survey)
        {
            throw new InvalidOperationException(FileText.Format(nameof(FileStrings.Survey_NoComponent), ruleSet.Id));
        }

        var results = new SurveyResults.Builder(survey);
        foreach (var path in paths)
        {
            var shown = Path.GetFileName(path);
            var extension = Path.GetExtension(path).ToLowerInvariant();
            var rows = extension switch
            {
                ".csv" => CsvRows(path),
                ".xlsx" => XlsxRows(path),
                ".json" => JsonRows(path),
                _ => throw new NotSupportedException(FileText.Format(nameof(FileStrings.Survey_Unsupported), path)),
            };
            Read(results, survey, shown, rows);
        }

        return results.Build();
    }

    private static void Read(SurveyResults.Builder results, SurveyDefinition survey, string file, IEnumerable<(int Row, IReadOnlyList<string> Cells)> rows)
    {
        const string notAnObject = JsonNotAnObject;
        Column[]? columns = null;
        var headerRow = 0;
        var headerProblem = false;
        foreach (var (row, cells) in rows)
        {
            if (columns is null)
            {
                if (cells.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                headerRow = row;
                var named = cells.Count;
                while (named > 0 && string.IsNullOrWhiteSpace(cells[named - 1]))
                {
                    named--; // trailing empty header cells (a spreadsheet's) are not columns
                }

                columns = [.. cells.Take(named).Select(c => Classify(survey, c))];
                foreach (var (column, i) in columns.Select((c, i) => (c, i)))
                {
                    if (column.Kind == ColumnKind.Unknown)
                    {
                        headerProblem = true;
                        results.ColumnProblem(new UnitRejection(file, row, column.Header, null,
                            FileText.Format(nameof(FileStrings.Survey_UnknownColumn), cells[i], string.Join(", ", survey.Answers.Select(a => a.Id)))));
                    }
                }

                foreach (var duplicate in columns.Where(c => c.Kind != ColumnKind.Unknown && c.Kind != ColumnKind.Name).GroupBy(c => (c.Kind, c.Answer)).Where(g => g.Count() > 1))
                {
                    headerProblem = true;
                    results.ColumnProblem(new UnitRejection(file, row, duplicate.ElementAt(1).Header, null, FileText.Format(nameof(FileStrings.Survey_DuplicateColumn), duplicate.First().Header)));
                }

                foreach (var (kind, what) in new[] { (ColumnKind.Code, FileText.Get(nameof(FileStrings.Survey_ColumnCode))), (ColumnKind.Group, FileText.Get(nameof(FileStrings.Survey_ColumnGroup))), (ColumnKind.Question, FileText.Get(nameof(FileStrings.Survey_ColumnQuestion))) })
                {
                    if (!columns.Any(c => c.Kind == kind))
                    {
                        headerProblem = true;
                        results.ColumnProblem(new UnitRejection(file, row, what, null, FileText.Format(nameof(FileStrings.Survey_MissingColumn), what)));
                    }
                }

                foreach (var answer in survey.Answers.Where(a => !columns.Any(c => c.Answer == a.Id)))
                {
                    headerProblem = true;
                    results.ColumnProblem(new UnitRejection(file, row, answer.Id, null, FileText.Format(nameof(FileStrings.Survey_MissingAnswerColumn), answer.Label, answer.Id)));
                }

                continue;
            }

            if (cells.Count == 1 && cells[0].StartsWith(notAnObject, StringComparison.Ordinal))
            {
                results.Refuse(new UnitRejection(file, row, null, cells[0][notAnObject.Length..], FileText.Get(nameof(FileStrings.Survey_NotARow))));
                continue;
            }

            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            string Cell(ColumnKind kind)
            {
                var at = Array.FindIndex(columns, c => c.Kind == kind);
                return at >= 0 && at < cells.Count ? Nfc(cells[at]).Trim() : "";
            }

            var code = Cell(ColumnKind.Code);
            if (headerProblem)
            {
                results.Refuse(new UnitRejection(file, row, null, null, FileText.Format(nameof(FileStrings.Survey_HeaderBroken), headerRow)) { Unit = code.Length > 0 ? code : null });
                continue;
            }

            if (cells.Count > columns.Length && cells.Skip(columns.Length).Any(c => !string.IsNullOrWhiteSpace(c)))
            {
                results.Refuse(new UnitRejection(file, row, null, null, FileText.Format(nameof(FileStrings.Survey_TooManyCells), cells.Count, columns.Length)) { Unit = code.Length > 0 ? code : null });
                continue;
            }

            if (code.Length == 0)
            {
                results.Refuse(new UnitRejection(file, row, "code", "", FileText.Get(nameof(FileStrings.Survey_MissingCode))));
                continue;
            }

            var groupText = Cell(ColumnKind.Group);
            var group = survey.Groups.FirstOrDefault(g => g.Id == groupText || Same(g.Title, groupText));
            if (group is null)
            {
                results.Refuse(new UnitRejection(file, row, "group", groupText, FileText.Format(nameof(FileStrings.Survey_UnknownGroup), string.Join(", ", survey.Groups.Select(g => g.Id)))) { Unit = code });
                continue;
            }

            var questionText = Cell(ColumnKind.Question);
            var question = survey.Questions.FirstOrDefault(q => q.Id == questionText || Same(q.Id, questionText));
            if (question is null)
            {
                results.Refuse(new UnitRejection(file, row, "question", questionText, FileText.Format(nameof(FileStrings.Survey_UnknownQuestion), string.Join(", ", survey.Questions.Select(q => q.Id)))) { Unit = code });
                continue;
            }

            if (!question.Groups.Contains(group.Id))
            {
                results.Refuse(new UnitRejection(file, row, "question", questionText, FileText.Format(nameof(FileStrings.Survey_QuestionNotForGroup), group.Id, string.Join(", ", question.Groups))) { Unit = code });
                continue;
            }

            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            var bad = false;
            for (var i = 0; i < columns.Length; i++)
            {
                if (columns[i].Answer is not { } answer)
                {
                    continue;
                }

                var text = i < cells.Count ? cells[i].Trim() : "";
                if (Count(text) is { } count)
                {
                    counts[answer] = count;
                }
                else
                {
                    bad = true;
                    results.Refuse(new UnitRejection(file, row, columns[i].Header, text, FileText.Get(nameof(FileStrings.Survey_BadCount))) { Unit = code });
                }
            }

            if (bad)
            {
                continue;
            }

            results.Add(code, new SurveyAnswerCounts(group.Id, question.Id, counts) { Source = new UnitSource(file, row) });
        }
    }

    /// <summary>A count cell: empty is 0; an integer ≥ 0, written plainly or with a zero fraction (<c>12,0</c>); otherwise null.</summary>
    private static long? Count(string text)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        var normalized = text.Replace(',', '.');
        return decimal.TryParse(normalized, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
               && value == decimal.Truncate(value) && value <= long.MaxValue
            ? (long)value
            : null;
    }

    private enum ColumnKind
    {
        Code,
        Name,
        Group,
        Question,
        Answer,
        Unknown,
    }

    private sealed record Column(string Header, ColumnKind Kind, string? Answer);

    private static Column Classify(SurveyDefinition survey, string header)
    {
        var text = Nfc(header).Trim().TrimStart('\uFEFF');
        var key = text.ToLowerInvariant();
        if (CodeHeaders.Contains(key))
        {
            return new Column(text, ColumnKind.Code, null);
        }

        if (GroupHeaders.Contains(key))
        {
            return new Column(text, ColumnKind.Group, null);
        }

        if (QuestionHeaders.Contains(key))
        {
            return new Column(text, ColumnKind.Question, null);
        }

        if (NameHeaders.Contains(key))
        {
            return new Column(text, ColumnKind.Name, null);
        }

        var answer = survey.Answers.FirstOrDefault(a => a.Id == key.Replace('_', '-') || Same(a.Label, text) || Same($"{a.Label} ({a.Id})", text));
        return answer is null ? new Column(text, ColumnKind.Unknown, null) : new Column(text, ColumnKind.Answer, answer.Id);
    }

    private static List<(int Row, IReadOnlyList<string> Cells)> CsvRows(string path)
    {
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [";", ",", "\t"],
            HasHeaderRecord = false,
            BadDataFound = null,
            MissingFieldFound = null,
            IgnoreBlankLines = false,
        };
        var rows = new List<(int Row, IReadOnlyList<string> Cells)>();
        try
        {
            using var reader = new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: true);
            using var csv = new CsvReader(reader, configuration);
            while (csv.Read())
            {
                rows.Add((csv.Parser.RawRow, csv.Parser.Record ?? []));
            }
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidDataException(FileText.Format(nameof(FileStrings.Survey_NotUtf8), path), e);
        }
        catch (CsvHelperException e)
        {
            throw new InvalidDataException(FileText.Format(nameof(FileStrings.Survey_CannotRead), path, e.Message.Split('\n')[0]), e);
        }

        return rows;
    }

    private static List<(int Row, IReadOnlyList<string> Cells)> XlsxRows(string path)
    {
        UnitFileReader.CheckWorkbook(path);
        using var stream = File.OpenRead(path);
        var rows = new List<(int Row, IReadOnlyList<string> Cells)>();
        var number = 0;
        foreach (var cells in UnitFileReader.SheetRows(path, stream))
        {
            number++;
            rows.Add((number, [.. cells.Values.Select(v => v switch
            {
                null => "",
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => v.ToString() ?? "",
            })]));
        }

        // Trailing empty cells of the header are not columns.
        return rows;
    }

    private static List<(int Row, IReadOnlyList<string> Cells)> JsonRows(string path)
    {
        JToken root;
        try
        {
            using var reader = new Newtonsoft.Json.JsonTextReader(new StreamReader(path, new UTF8Encoding(false, true)));
            root = JToken.ReadFrom(reader);
        }
        catch (Exception e) when (e is Newtonsoft.Json.JsonException or DecoderFallbackException)
        {
            throw new InvalidDataException(FileText.Format(nameof(FileStrings.Survey_BadJson), path, e.Message.Split('\n')[0]), e);
        }

        var items = root as JArray ?? (root is JObject o && o["rows"] is JArray nested ? nested : throw new InvalidDataException(FileText.Format(nameof(FileStrings.Survey_NotAList), path)));
        var headers = items.OfType<JObject>().SelectMany(i => i.Properties().Select(p => p.Name)).Distinct(StringComparer.Ordinal).ToList();
        var rows = new List<(int Row, IReadOnlyList<string> Cells)> { (0, headers) };
        var number = 0;
        foreach (var item in items)
        {
            number++;
            if (item is not JObject obj)
            {
                var shown = item.ToString(Newtonsoft.Json.Formatting.None);
                rows.Add((number, [JsonNotAnObject + (shown.Length > 60 ? shown[..60] + "…" : shown)]));
                continue;
            }

            rows.Add((number, [.. headers.Select(h => obj[h] is JValue { Value: not null } v ? Convert.ToString(v.Value, CultureInfo.InvariantCulture) ?? "" : obj[h] is null or JValue ? "" : obj[h]!.ToString(Newtonsoft.Json.Formatting.None))]));
        }

        return rows;
    }

    /// <summary>Marks a JSON item that is not an object, so that it is refused (never skipped as a blank row).</summary>
    private const string JsonNotAnObject = "\u0000json-not-an-object:";

    private static bool Same(string a, string b) => string.Equals(Nfc(a).Trim(), Nfc(b).Trim(), StringComparison.OrdinalIgnoreCase);

    private static string Nfc(string text) => Cchc.Rules.Text.Nfc.Normalize(text);
}
