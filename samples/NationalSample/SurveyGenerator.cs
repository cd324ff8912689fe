// `survey` mode: writes seeded survey results (điều tra xã hội học) for the units of a data CSV, for a rule set whose
// index has a survey component. One row per unit × respondent group × question, with the count of each answer; a
// unit's respondents lean the same way on every question (a well-run commune satisfies most of its people), so the
// survey component spreads the ranking the way a real one does. Same units, same seed, same bytes.
using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;

namespace Cchc.Samples;

public static class SurveyGenerator
{
    /// <summary>The <c>survey</c> command.</summary>
    public static Command Create()
    {
        var units = new Option<FileInfo>("--units") { Description = "The data CSV whose unit codes to survey (its 'code' column).", Required = true };
        var output = new Option<FileInfo>("--output", "-o") { Description = "The survey results CSV to write.", Required = true };
        var rules = new Option<DirectoryInfo>("--rules") { Description = "The rule set whose survey.json gives the groups, questions and answers.", DefaultValueFactory = _ => new DirectoryInfo("rules/chi-so-cchc-xa") };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same units and seed write the same bytes.", DefaultValueFactory = _ => 2026 };
        var command = new Command("survey", "Writes seeded survey results (one row per unit × group × question; semicolon CSV, UTF-8 with BOM) for the units of a data CSV.")
        {
            units, output, rules, seed,
        };
        command.SetAction(parse =>
        {
            var survey = Survey.Read(Path.Combine(parse.GetValue(rules)!.FullName, "survey.json"));
            var codes = Codes(parse.GetValue(units)!.FullName);
            var target = parse.GetValue(output)!;
            target.Directory?.Create();
            var rows = Write(survey, codes, parse.GetValue(seed), target.FullName);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{target.FullName}: {rows} rows for {codes.Count} units, {new FileInfo(target.FullName).Length} bytes"));
            return 0;
        });
        return command;
    }

    /// <summary>The distinct non-empty codes of a data CSV, in file order (its bad rows included: a survey knows nothing of them).</summary>
    private static List<string> Codes(string path)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { DetectDelimiter = true, DetectDelimiterValues = [";", ","], BadDataFound = null, MissingFieldFound = null };
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, configuration);
        csv.Read();
        csv.ReadHeader();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var codes = new List<string>();
        while (csv.Read())
        {
            var code = csv.GetField("code")?.Trim();
            if (!string.IsNullOrEmpty(code) && seen.Add(code))
            {
                codes.Add(code);
            }
        }

        return codes;
    }

    /// <summary>Writes the survey results of the given units (the <c>survey</c> command's file) and returns its rows.</summary>
    internal static int Write(string rulesDirectory, List<string> codes, int seed, string path)
        => Write(Survey.Read(Path.Combine(rulesDirectory, "survey.json")), codes, seed, path);

    private static int Write(Survey survey, List<string> codes, int seed, string path)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        text.Append("Mã đơn vị;Nhóm;Câu hỏi;").AppendJoin(';', survey.Answers.Select(a => a.Label)).Append("\r\n");
        var rows = 0;
        var counts = new int[survey.Answers.Count];
        foreach (var code in codes)
        {
            // The unit's lean: 0 (poorly run) to 1 (well run), shared by its groups and questions.
            var lean = Math.Clamp(0.55 + (0.2 * Normal(random)), 0.05, 0.95);
            foreach (var group in survey.Groups)
            {
                var respondents = group.Id == survey.Groups[0].Id ? random.Next(30, 81) : random.Next(10, 31);
                foreach (var question in survey.Questions.Where(q => q.Groups.Contains(group.Id)))
                {
                    var tilt = Math.Clamp(lean + (0.08 * Normal(random)), 0.02, 0.98);
                    Array.Clear(counts);
                    for (var r = 0; r < respondents; r++)
                    {
                        // Answers from best (index 0) to worst: a respondent of a better-run unit picks a better answer.
                        var draw = random.NextDouble();
                        var answer = (int)Math.Floor(Math.Pow(draw, tilt * 4) * survey.Answers.Count);
                        counts[Math.Clamp(answer, 0, survey.Answers.Count - 1)]++;
                    }

                    text.Append(code).Append(';').Append(group.Id).Append(';').Append(question.Id);
                    foreach (var count in counts)
                    {
                        text.Append(';').Append(count.ToString(CultureInfo.InvariantCulture));
                    }

                    text.Append("\r\n");
                    rows++;
                }
            }
        }

        File.WriteAllText(path, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        return rows;
    }

    private static double Normal(Random random)
    {
        // Box–Muller: deterministic from the seed, no library needed.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private sealed record Answer(string Id, string Label);

    private sealed record Group(string Id);

    private sealed record Question(string Id, List<string> Groups);

    private sealed record Survey(List<Answer> Answers, List<Group> Groups, List<Question> Questions)
    {
        public static Survey Read(string path)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            return new Survey(
                [.. root.GetProperty("answers").EnumerateArray().Select(a => new Answer(a.GetProperty("id").GetString()!, a.GetProperty("label").GetString()!))],
                [.. root.GetProperty("groups").EnumerateArray().Select(g => new Group(g.GetProperty("id").GetString()!))],
                [.. root.GetProperty("questions").EnumerateArray().Select(q => new Question(q.GetProperty("id").GetString()!, [.. q.GetProperty("groups").EnumerateArray().Select(g => g.GetString()!)]))]);
        }
    }
}
