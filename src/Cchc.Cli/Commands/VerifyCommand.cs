using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Cchc.Scoring.Cards;
using Cchc.Scoring.Units;

namespace Cchc.Cli.Commands;

/// <summary>
/// <c>cchc verify</c>: rescore the data a set of score cards claims to come from and report every card that does not
/// match — another rule-set version, changed data (the input hash), a hand-edited result, a card without data, data
/// without a card. Exit 0 when every card matches, 1 when any differs.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create(CliContext context)
    {
        var cards = new Argument<string>("cards") { Description = Strings.Verify_Cards };
        var ruleSet = CommonOptions.RuleSet();
        var data = new Argument<string[]>("data") { Description = Strings.Verify_Data, Arity = ArgumentArity.OneOrMore };
        var format = CommonOptions.Format("table", "json");
        var command = new Command("verify", Strings.Verify_Description) { cards, ruleSet, data, format };
        command.SetAction((parse, token) => Run(context, parse.GetValue(cards)!, parse.GetValue(ruleSet)!, parse.GetValue(data)!, parse.GetValue(format)!, token));
        return command;
    }

    /// <summary>One difference between a card and the recomputation.</summary>
    internal sealed record Difference(string Unit, string Kind, string Message)
    {
        public string? Field { get; init; }

        public string? Card { get; init; }

        public string? Recomputed { get; init; }
    }

    private static async Task<int> Run(CliContext context, string cardsPath, string ruleSetArgument, string[] dataPaths, string format, CancellationToken cancellationToken)
    {
        if (!File.Exists(cardsPath))
        {
            context.Error.WriteLine($"Không tìm thấy tệp thẻ điểm '{cardsPath}'.");
            return ExitCodes.UsageError;
        }

        List<ScoreCard> cards;
        try
        {
            cards = ReadCards(cardsPath);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            context.Error.WriteLine($"Không đọc được thẻ điểm trong '{cardsPath}': {OutputProblemException.FirstLine(e.Message)}");
            return ExitCodes.UsageError;
        }

        if (context.RuleSetMissing(ruleSetArgument))
        {
            return ExitCodes.UsageError;
        }

        var loaded = context.Load(ruleSetArgument);
        context.PrintDiagnostics(loaded.Diagnostics);
        if (loaded.RuleSet is not { } ruleSet)
        {
            context.Error.WriteLine($"INVALID {ruleSetArgument}: bộ tiêu chí có lỗi nên chưa kiểm được thẻ điểm nào.");
            return ExitCodes.RulesInvalidOrTestsFailed;
        }

        if (await context.ReadDataAsync(ruleSet, dataPaths, cancellationToken).ConfigureAwait(false) is not { } input)
        {
            return ExitCodes.UsageError;
        }

        var recomputed = new Dictionary<string, ScoreCard>(StringComparer.Ordinal);
        await foreach (var card in context.Engine(ruleSet).ScoreManyAsync(input.Units, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            recomputed.TryAdd(card.Unit.Code, card);
        }

        var rejected = input.Summary.Rejections.Where(r => r.Unit is not null).GroupBy(r => r.Unit!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var differences = new List<Difference>();
        var notes = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var differing = new HashSet<string>(StringComparer.Ordinal);
        var matching = 0;
        foreach (var card in cards)
        {
            var code = card.Unit.Code;
            var before = differences.Count;
            if (!seen.Add(code))
            {
                differences.Add(new Difference(code, "duplicateCard", $"{code}: có hơn một thẻ điểm cho cùng đơn vị."));
            }
            else if (!recomputed.TryGetValue(code, out var fresh))
            {
                differences.Add(rejected.TryGetValue(code, out var rejection)
                    ? new Difference(code, "cardWithoutData", $"{code}: có thẻ điểm nhưng dòng dữ liệu của đơn vị bị loại ({rejection}).")
                    : new Difference(code, "cardWithoutData", $"{code}: có thẻ điểm nhưng không có dữ liệu của đơn vị này trong các tệp dữ liệu."));
            }
            else
            {
                Compare(card, fresh, differences);
                if (card.EngineVersion is { } engine && engine != fresh.EngineVersion)
                {
                    notes.Add($"{code}: thẻ được chấm bằng phiên bản bộ máy {engine}, nay là {fresh.EngineVersion} (kết quả vẫn được đối chiếu).");
                }
            }

            if (differences.Count > before)
            {
                differing.Add(code);
            }
            else
            {
                matching++;
            }
        }

        var withoutCard = 0;
        foreach (var unit in input.Units.Where(u => !seen.Contains(u.Code)))
        {
            withoutCard++;
            differences.Add(new Difference(unit.Code, "dataWithoutCard", $"{unit.Code}: có dữ liệu nhưng không có thẻ điểm."));
        }

        var cardsWithoutData = differences.Count(d => d.Kind == "cardWithoutData");
        if (format == "json")
        {
            WriteJson(context.Out, ruleSet, cards.Count, matching, differing.Count, cardsWithoutData, withoutCard, differences, notes);
        }
        else
        {
            foreach (var difference in differences)
            {
                context.Out.WriteLine($"KHÁC  {difference.Message}");
            }

            foreach (var note in notes)
            {
                context.Out.WriteLine($"Ghi chú: {note}");
            }

            context.Out.WriteLine(differences.Count == 0
                ? $"Tất cả {cards.Count} thẻ điểm khớp với dữ liệu và bộ tiêu chí {ruleSet.Id} {ruleSet.Version}."
                : $"Có thẻ điểm không khớp: {differences.Count} khác biệt.");
        }

        foreach (var rejection in input.Summary.Rejections)
        {
            context.Error.WriteLine($"Bị loại: {rejection}");
        }

        context.Error.WriteLine($"cards {cards.Count}, matching {matching}, differing {differing.Count}, cards without data {cardsWithoutData}, units without card {withoutCard}");
        return differences.Count == 0 ? ExitCodes.Success : ExitCodes.RulesInvalidOrTestsFailed;
    }

    /// <summary>The cards of a file: one card, an array of cards, or a ranking (rows[].card).</summary>
    internal static List<ScoreCard> ReadCards(string path)
    {
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 256 });
        var root = document.RootElement;
        IEnumerable<JsonElement> items = root.ValueKind switch
        {
            JsonValueKind.Array => root.EnumerateArray().ToList(),
            JsonValueKind.Object when root.TryGetProperty("rows", out var rows) && rows.ValueKind == JsonValueKind.Array
                => rows.EnumerateArray().Select(r => r.TryGetProperty("card", out var card) ? card : throw new InvalidDataException("một dòng của bảng xếp hạng không có thẻ điểm (card).")).ToList(),
            JsonValueKind.Object => [root],
            _ => throw new InvalidDataException("tệp không chứa thẻ điểm (cần một đối tượng JSON, một mảng, hoặc bảng xếp hạng có rows[].card)."),
        };
        var cards = new List<ScoreCard>();
        var n = 0;
        foreach (var item in items)
        {
            n++;
            try
            {
                cards.Add(item.Deserialize<ScoreCard>(ScoreCardJson.Options) ?? throw new InvalidDataException($"thẻ thứ {n} rỗng."));
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"thẻ thứ {n}: {OutputProblemException.FirstLine(e.Message)}", e);
            }
        }

        return cards;
    }

    /// <summary>Every way <paramref name="card"/> differs from <paramref name="fresh"/>, the card recomputed from the data.</summary>
    internal static void Compare(ScoreCard card, ScoreCard fresh, List<Difference> differences)
    {
        var code = card.Unit.Code;
        void Add(string kind, string field, string? was, string? now, string what)
        {
            if (was != now)
            {
                differences.Add(new Difference(code, kind, $"{code}: {what}: trên thẻ {was ?? "(không có)"}, tính lại {now ?? "(không có)"}.") { Field = field, Card = was, Recomputed = now });
            }
        }

        Add("ruleSet", "ruleSet.id", card.RuleSet.Id, fresh.RuleSet.Id, "mã bộ tiêu chí");
        Add("ruleSet", "ruleSet.version", card.RuleSet.Version, fresh.RuleSet.Version, "phiên bản bộ tiêu chí");
        Add("ruleSet", "ruleSet.sha256", card.RuleSet.Sha256, fresh.RuleSet.Sha256, "mã băm SHA-256 của bộ tiêu chí");
        if (card.InputSha256 is null)
        {
            differences.Add(new Difference(code, "inputs", $"{code}: thẻ không ghi mã băm dữ liệu đầu vào (inputSha256) nên không kiểm được dữ liệu đã dùng để chấm.") { Field = "inputSha256", Recomputed = fresh.InputSha256 });
        }
        else
        {
            Add("inputs", "inputSha256", card.InputSha256, fresh.InputSha256, "mã băm dữ liệu đầu vào (dữ liệu đã thay đổi)");
        }

        Add("result", "points", Text(card.Points), Text(fresh.Points), "tổng điểm");
        Add("result", "maxPoints", Text(card.MaxPoints), Text(fresh.MaxPoints), "điểm tối đa");
        Add("result", "index", Text(card.Index), Text(fresh.Index), "chỉ số");
        Add("result", "grade", card.Grade, fresh.Grade, "xếp loại");
        Add("result", "bonus", Text(card.Bonus), Text(fresh.Bonus), "điểm thưởng");
        Add("result", "penalty", Text(card.Penalty), Text(fresh.Penalty), "điểm trừ");
        var freshAreas = fresh.Areas.GroupBy(a => a.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var area in card.Areas)
        {
            if (freshAreas.TryGetValue(area.Id, out var now))
            {
                Add("result", $"areas[{area.Id}].points", Text(area.Points), Text(now.Points), $"điểm lĩnh vực {area.Id}");
                Add("result", $"areas[{area.Id}].maxPoints", Text(area.MaxPoints), Text(now.MaxPoints), $"điểm tối đa lĩnh vực {area.Id}");
            }
        }

        var freshCriteria = fresh.Criteria.Flatten().GroupBy(c => c.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var cardIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var criterion in card.Criteria.Flatten())
        {
            cardIds.Add(criterion.Id);
            if (!freshCriteria.TryGetValue(criterion.Id, out var now))
            {
                differences.Add(new Difference(code, "result", $"{code}: tiêu chí {criterion.Id} có trên thẻ nhưng không có trong bộ tiêu chí.") { Field = $"criteria[{criterion.Id}]" });
                continue;
            }

            Add("result", $"criteria[{criterion.Id}].status", StatusWord(criterion.Status), StatusWord(now.Status), $"trạng thái tiêu chí {criterion.Id}");
            Add("result", $"criteria[{criterion.Id}].points", Text(criterion.Points), Text(now.Points), $"điểm tiêu chí {criterion.Id}");
        }

        foreach (var id in freshCriteria.Keys.Where(id => !cardIds.Contains(id)))
        {
            differences.Add(new Difference(code, "result", $"{code}: tiêu chí {id} của bộ tiêu chí không có trên thẻ.") { Field = $"criteria[{id}]" });
        }
    }

    private static string StatusWord(CriterionStatus status) => JsonSerializer.Serialize(status, ScoreCardJson.CompactOptions).Trim('"');

    private static string? Text(decimal? value) => value is { } v ? (v == 0m ? "0" : v.ToString("0.############################", CultureInfo.InvariantCulture)) : null;

    private static void WriteJson(TextWriter writer, Cchc.Rules.CompiledRuleSet ruleSet, int cards, int matching, int differing, int cardsWithoutData, int withoutCard, List<Difference> differences, List<string> notes)
    {
        var report = new
        {
            ruleSet = new { id = ruleSet.Id, version = ruleSet.Version, sha256 = ruleSet.Sha256 },
            engineVersion = InputHash.EngineVersion,
            summary = new { cards, matching, differing, cardsWithoutData, unitsWithoutCard = withoutCard, ok = differences.Count == 0 },
            differences = differences.Select(d => new { unit = d.Unit, kind = d.Kind, field = d.Field, card = d.Card, recomputed = d.Recomputed, message = d.Message }),
            notes,
        };
        writer.WriteLine(JsonSerializer.Serialize(report, JsonOutput.Options));
    }
}
