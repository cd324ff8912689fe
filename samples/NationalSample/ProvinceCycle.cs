// `province` mode: one province's full PAR-index cycle as files, for `cchc rank … --appraisal … --survey …
// --previous … --mapping …`. The units are today's batch's units of the province (the same model as --today, so the
// rows are xa-3321.csv's rows, without the rows the batch deliberately breaks); the points of the sheets come from
// scoring those units with the library, so every point written is within [0, max] of an applicable sub-criterion.
// Same seed, same bytes.
using System.CommandLine;
using System.Globalization;
using System.Text;
using Cchc.Rules;
using Cchc.Rules.Loading;
using Cchc.Scoring;
using Cchc.Scoring.Cards;
using Cchc.Scoring.Units;
using CsvHelper;
using CsvHelper.Configuration;

namespace Cchc.Samples;

/// <summary>What the <c>province</c> mode wrote.</summary>
public sealed record ProvinceFiles(int Units, int ClaimsAboveComputed, int ClaimsWithoutEvidence, int Round1BelowClaim, int Explained, int Round2Accepted, int SurveyRows, int LastYearUnits, int MappingRows);

/// <summary>The <c>province</c> command: a province's data, self-assessment, two appraisal rounds, survey and last year.</summary>
public static class ProvinceCycle
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The <c>province</c> command.</summary>
    public static Command Create()
    {
        var code = new Option<string>("--code") { Description = "The province code of today's batch (e.g. 68, Lâm Đồng).", DefaultValueFactory = _ => "68" };
        var output = new Option<DirectoryInfo>("--output", "-o") { Description = "The folder to write the files to.", DefaultValueFactory = _ => new DirectoryInfo("samples/lam-dong") };
        var rules = new Option<DirectoryInfo>("--rules") { Description = "The rule set to score with.", DefaultValueFactory = _ => new DirectoryInfo("rules/chi-so-cchc-xa") };
        var seed = new Option<int>("--seed") { Description = "Random seed of the national batches and of the sheets: the same seed writes the same bytes.", DefaultValueFactory = _ => 2026 };
        var command = new Command("province", "Writes one province's full cycle (data, self-assessment with TLKC, appraisal rounds 1 and 2, explanations, survey, last year's data and the merger mapping) from today's batch.")
        {
            code, output, rules, seed,
        };
        command.SetAction(async (parse, token) =>
        {
            var folder = parse.GetValue(output)!;
            if (!Country2025.Provinces.Any(p => p.Code == parse.GetValue(code)))
            {
                await Console.Error.WriteLineAsync($"--code {parse.GetValue(code)}: not a province code of today's batch ({string.Join(", ", Country2025.Provinces.Select(p => p.Code))}).").ConfigureAwait(false);
                return 64;
            }

            var files = await WriteAsync(parse.GetValue(rules)!.FullName, parse.GetValue(code)!, parse.GetValue(seed), folder.FullName, token).ConfigureAwait(false);
            Console.WriteLine(string.Create(Invariant,
                $"{folder.FullName}: {files.Units} units; claims above the computed points {files.ClaimsAboveComputed}, claims without evidence {files.ClaimsWithoutEvidence}; round 1 below the claim {files.Round1BelowClaim}; explained {files.Explained}, accepted in round 2 {files.Round2Accepted}; survey rows {files.SurveyRows}; last year's units {files.LastYearUnits}, mapping rows {files.MappingRows}"));
            return 0;
        });
        return command;
    }

    /// <summary>Writes the province's files into <paramref name="folder"/>.</summary>
    public static async Task<ProvinceFiles> WriteAsync(string rulesDirectory, string province, int seed, string folder, CancellationToken cancellationToken)
    {
        var ruleSet = new RuleSetLoader().LoadOrThrow(rulesDirectory);

        // The two national batches exactly as the default and --today modes write them (same options, same order).
        var options = new GeneratorOptions(10_600, 700, seed, 4);
        var earlier = new NationalGenerator(ruleSet, options);
        var earlierBatch = earlier.Generate();
        var today = new NationalGenerator(ruleSet, options with { BadRowsPerKind = 2 }).GenerateToday(earlier.Communes);

        Directory.CreateDirectory(folder);
        var scratch = Directory.CreateTempSubdirectory("cchc-province-");
        try
        {
            // Today's units of the province, without the rows the batch breaks (re-read: none may be rejected).
            var (header, lines) = Split(today.Batch.Csv);
            var candidates = lines.Where(l => Field(l, 4) == province).ToList();
            var units = await AcceptedAsync(ruleSet, header, candidates, Path.Combine(scratch.FullName, "today.csv"), cancellationToken).ConfigureAwait(false);
            if (units.Count == 0)
            {
                throw new InvalidOperationException($"Province {province} has no unit in today's batch.");
            }

            var data = Path.Combine(folder, "du-lieu.csv");
            WriteLines(data, header, units.Select(u => u.Line));

            // Last year: the predecessors' rows of the earlier batch and the mapping restricted to these units.
            var codes = units.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
            // A predecessor whose row the earlier batch breaks is left out of both (it has no result last year).
            var (mappingHeader, mappingLines) = Split(today.Mapping);
            var mapping = mappingLines.Where(l => codes.Contains(l.Split(',')[1])).ToList();
            var oldCodes = mapping.Select(l => l.Split(',')[0]).ToHashSet(StringComparer.Ordinal);
            var (earlierHeader, earlierLines) = Split(earlierBatch.Csv);
            var lastYear = await AcceptedAsync(ruleSet, earlierHeader, [.. earlierLines.Where(l => oldCodes.Contains(Field(l, 0)))], Path.Combine(scratch.FullName, "earlier.csv"), cancellationToken).ConfigureAwait(false);
            var ranked = lastYear.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
            mapping = [.. mapping.Where(l => ranked.Contains(l.Split(',')[0]))];
            WriteLines(Path.Combine(folder, "du-lieu-2024.csv"), earlierHeader, lastYear.Select(u => u.Line));
            File.WriteAllText(Path.Combine(folder, "sap-nhap-2025.csv"), mappingHeader + "\n" + string.Concat(mapping.Select(l => l + "\n")), new UTF8Encoding(false));

            // The sheets, from the units' computed points.
            var engine = new ScoringEngine(ruleSet);
            var cards = new List<ScoreCard>();
            foreach (var unit in units)
            {
                cards.Add(await engine.ScoreAsync(unit.Data, cancellationToken).ConfigureAwait(false));
            }

            var sheets = Sheets.Build(cards, new Random(seed));
            sheets.Write(folder);

            var surveyRows = SurveyGenerator.Write(rulesDirectory, [.. units.Select(u => u.Code)], seed, Path.Combine(folder, "dieu-tra-xa-hoi-hoc.csv"));
            return new ProvinceFiles(units.Count, sheets.ClaimsAboveComputed, sheets.ClaimsWithoutEvidence, sheets.Round1BelowClaim, sheets.Explained, sheets.Round2Accepted, surveyRows, lastYear.Count, mapping.Count);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private sealed record AcceptedRow(string Code, string Line, UnitData Data);

    /// <summary>The rows the pipeline accepts, the first of each code, in file order.</summary>
    private static async Task<List<AcceptedRow>> AcceptedAsync(CompiledRuleSet ruleSet, string header, List<string> lines, string path, CancellationToken cancellationToken)
    {
        WriteLines(path, header, lines);
        var batch = await new UnitPipeline(ruleSet).ReadAllAsync([path], cancellationToken).ConfigureAwait(false);
        var accepted = batch.Units.GroupBy(u => u.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rows = new List<AcceptedRow>();
        foreach (var line in lines)
        {
            var code = Field(line, 0);
            if (accepted.TryGetValue(code, out var unit) && seen.Add(code))
            {
                rows.Add(new AcceptedRow(code, line, unit));
            }
        }

        // A kept row must be accepted on its own: read them again, nothing may be rejected.
        var again = Path.ChangeExtension(path, ".kept.csv");
        WriteLines(again, header, rows.Select(r => r.Line));
        var check = await new UnitPipeline(ruleSet).ReadAllAsync([again], cancellationToken).ConfigureAwait(false);
        if (check.Summary.Rejected != 0 || check.Units.Count != rows.Count)
        {
            throw new InvalidOperationException($"The kept rows are not all accepted: {check.Summary}.");
        }

        return [.. rows.Select((r, i) => r with { Data = check.Units[i] })];
    }

    private static (string Header, List<string> Lines) Split(string csv)
    {
        var lines = csv.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        return (lines[0], lines.GetRange(1, lines.Count - 1));
    }

    private static string Field(string line, int index)
    {
        var fields = line.Split(';');
        return index < fields.Length ? fields[index] : string.Empty;
    }

    private static void WriteLines(string path, string header, IEnumerable<string> lines)
        => File.WriteAllText(path, header + "\n" + string.Concat(lines.Select(l => l + "\n")), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

    /// <summary>The four sheets of the appraisal: built in one pass over the cards so that each is consistent with the others.</summary>
    private sealed class Sheets
    {
        private readonly List<string> _ids = [];
        private readonly List<Dictionary<string, string>> _claims = [];
        private readonly List<Dictionary<string, string>> _round1 = [];
        private readonly List<Dictionary<string, string>> _explanations = [];
        private readonly List<Dictionary<string, string>> _round2 = [];
        private readonly List<(string Code, string Name)> _units = [];

        public int ClaimsAboveComputed { get; private set; }

        public int ClaimsWithoutEvidence { get; private set; }

        public int Round1BelowClaim { get; private set; }

        public int Explained { get; private set; }

        public int Round2Accepted { get; private set; }

        public static Sheets Build(IReadOnlyList<ScoreCard> cards, Random random)
        {
            var sheets = new Sheets();
            foreach (var card in cards)
            {
                sheets.Add(card, random);
            }

            return sheets;
        }

        private void Add(ScoreCard card, Random random)
        {
            var claims = new Dictionary<string, string>(StringComparer.Ordinal);
            var round1 = new Dictionary<string, string>(StringComparer.Ordinal);
            var explanations = new Dictionary<string, string>(StringComparer.Ordinal);
            var round2 = new Dictionary<string, string>(StringComparer.Ordinal);

            // A unit's habits: how often it claims more than its figures give, and how careful it is with evidence.
            var inflation = random.NextDouble() < 0.6 ? 0.05 + (0.25 * random.NextDouble()) : 0;
            var carelessness = random.NextDouble() < 0.2 ? 0.03 : 0;
            var documents = new DocumentNumbers(random);
            foreach (var criterion in card.Criteria.Flatten())
            {
                if (criterion.Children.Count > 0 || criterion.Kind != Cchc.Rules.Model.CriterionKind.Base || criterion.MaxPoints <= 0
                    || criterion.Status is not (CriterionStatus.Met or CriterionStatus.Partial or CriterionStatus.NotMet))
                {
                    continue;
                }

                var id = criterion.Id;
                if (!_ids.Contains(id))
                {
                    _ids.Add(id);
                }

                var computed = criterion.Points;
                var max = criterion.MaxPoints;
                var claim = computed < max && random.NextDouble() < inflation ? max : computed;
                var withoutEvidence = random.NextDouble() < carelessness;
                claims["tuCham:" + id] = Points(claim);
                if (!withoutEvidence)
                {
                    claims["tlkc:" + id] = documents.For(id);
                }

                ClaimsAboveComputed += claim > computed ? 1 : 0;
                ClaimsWithoutEvidence += withoutEvidence ? 1 : 0;

                // Round 1: the council scores from the unit's figures; a claim without evidence may lose half.
                var first = computed;
                string? comment = null;
                if (withoutEvidence && claim == computed && computed > 0 && random.NextDouble() < 0.5)
                {
                    first = Math.Floor(computed * 2) / 4;
                    comment = $"Không có tài liệu kiểm chứng kèm theo: chấm 50% số điểm tự chấm ({Points(first)} điểm).";
                }
                else if (first < claim)
                {
                    comment = criterion.ValueText is { Length: > 0 } value && criterion.TargetText is { Length: > 0 } target
                        ? $"Kết quả thực tế {value}, chưa đạt yêu cầu {target}: chấm theo mức đạt {Points(first)} điểm."
                        : $"TLKC chưa chứng minh được mức tự chấm: chấm theo kết quả thực tế {Points(first)} điểm.";
                }

                round1["thamDinh:" + id] = Points(first);
                if (comment is not null)
                {
                    round1["nhanXet:" + id] = comment;
                    Round1BelowClaim++;

                    // The unit explains about half of them; the council accepts about half of those.
                    if (random.NextDouble() < 0.5)
                    {
                        explanations["giaiTrinh:" + id] = Explanation(random, id, missingEvidence: first < claim && claim == computed);
                        explanations["tlkc:" + id] = documents.For(id) + "; " + Attachments[random.Next(Attachments.Length)];
                        var accepted = random.NextDouble() < 0.5;
                        round2["thamDinh2:" + id] = Points(accepted ? claim : first);
                        Explained++;
                        Round2Accepted += accepted ? 1 : 0;
                    }
                }
            }

            _units.Add((card.Unit.Code, card.Unit.Name));
            _claims.Add(claims);
            _round1.Add(round1);
            _explanations.Add(explanations);
            _round2.Add(round2);
        }

        public void Write(string folder)
        {
            WriteSheet(Path.Combine(folder, "tu-cham.csv"), ["tuCham:", "tlkc:"], _claims, onlyWith: false);
            WriteSheet(Path.Combine(folder, "tham-dinh-lan-1.csv"), ["thamDinh:", "nhanXet:"], _round1, onlyWith: false);
            WriteSheet(Path.Combine(folder, "giai-trinh.csv"), ["giaiTrinh:", "tlkc:"], _explanations, onlyWith: true);
            WriteSheet(Path.Combine(folder, "tham-dinh-lan-2.csv"), ["thamDinh2:"], _round2, onlyWith: true);
        }

        /// <summary>One sheet: code, name, then per sub-criterion (rule-set order) the columns some unit fills.</summary>
        private void WriteSheet(string path, string[] prefixes, List<Dictionary<string, string>> rows, bool onlyWith)
        {
            var columns = _ids.SelectMany(id => prefixes.Select(p => p + id)).Where(c => rows.Any(r => r.ContainsKey(c))).ToList();
            var configuration = new CsvConfiguration(Invariant) { NewLine = "\n" };
            using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            using var csv = new CsvWriter(writer, configuration);
            csv.WriteField("code");
            csv.WriteField("name");
            foreach (var column in columns)
            {
                csv.WriteField(column);
            }

            csv.NextRecord();
            for (var i = 0; i < rows.Count; i++)
            {
                if (onlyWith && rows[i].Count == 0)
                {
                    continue;
                }

                csv.WriteField(_units[i].Code);
                csv.WriteField(_units[i].Name);
                foreach (var column in columns)
                {
                    csv.WriteField(rows[i].GetValueOrDefault(column, string.Empty));
                }

                csv.NextRecord();
            }
        }

        private static string Points(decimal points) => points.ToString("0.##", Invariant).Replace('.', ',');

        /// <summary>Why the unit disagrees: the evidence it forgot, or a reason that fits the criterion's area.</summary>
        private static string Explanation(Random random, string id, bool missingEvidence)
        {
            if (missingEvidence)
            {
                return "Đơn vị đã thực hiện nhưng chưa gửi kèm TLKC khi tự chấm; gửi bổ sung văn bản kèm theo.";
            }

            var texts = id.StartsWith('3') ? [.. ExplanationTexts, "Hồ sơ trễ hạn do chờ kết quả xác minh của cơ quan cấp tỉnh; đề nghị không tính vào tỷ lệ trễ hạn."] : ExplanationTexts;
            return texts[random.Next(texts.Length)];
        }

        private static readonly string[] ExplanationTexts =
        [
            "Số liệu trên hệ thống chưa cập nhật kết quả tháng 12; đề nghị Hội đồng xem xét theo báo cáo bổ sung.",
            "Nhiệm vụ chưa hoàn thành do sắp xếp đơn vị hành chính từ ngày 01/7/2025, không do lỗi của đơn vị.",
            "Đã khắc phục trong thời hạn kiểm tra; gửi bổ sung báo cáo kết quả khắc phục.",
        ];

        private static readonly string[] Attachments =
        [
            "danh-sach-bo-sung.pdf", "hinh-anh-hoat-dong.pdf", "bao-cao-bo-sung.pdf", "trich-xuat-he-thong.xlsx",
        ];
    }

    /// <summary>Realistic document numbers of 2025 (a plan, report, decision, official letter or notice of the commune's People's Committee), after 1 July.</summary>
    private sealed class DocumentNumbers(Random random)
    {
        private static readonly (string Kind, string Suffix)[] Kinds =
        [("KH", "KH-UBND"), ("BC", "BC-UBND"), ("QĐ", "QĐ-UBND"), ("CV", "UBND-VP"), ("TB", "TB-UBND")];

        public string For(string criterion)
        {
            // The units exist since 1 July 2025: their documents are of the second half of the year.
            var (kind, suffix) = Kinds[(Area(criterion) + random.Next(2)) % Kinds.Length];
            var date = new DateOnly(2025, 7, 1).AddDays(random.Next(0, 150));
            var number = 1 + random.Next(0, 240);
            return string.Create(Invariant, $"{kind} {number}/{suffix} ngày {date:dd'/'MM'/'yyyy}");
        }

        private static int Area(string criterion) => criterion.Length > 0 && char.IsAsciiDigit(criterion[0]) ? criterion[0] - '0' : 0;
    }
}
