using Cchc.Scoring;
using Cchc.Rules.Model;
using Cchc.Scoring.Cards;
using Cchc.Scoring.Ranking;
using Cchc.Scoring.Units;
using Microsoft.AspNetCore.Http.HttpResults;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Cchc.Portal;

/// <summary>The portal's API: list the rule sets, score one unit, rank a file of units.</summary>
internal static class ScoringEndpoints
{
    private static readonly string[] RankableExtensions = [".csv", ".json", ".jsonl", ".xlsx"];

    public static void MapScoring(this WebApplication app)
    {
        var ruleSets = app.MapGroup("/rule-sets").WithTags("Bộ tiêu chí");
        ruleSets.MapGet("/", List).WithSummary("Các bộ tiêu chí đang phục vụ: mã, phiên bản, SHA-256, lỗi của lần nạp lại gần nhất.");
        ruleSets.MapPost("/{key}/score", ScoreAsync)
            .WithSummary("Chấm điểm một đơn vị (một đối tượng JSON phẳng: code, name, level, parent và các đầu vào) theo bộ tiêu chí 'id' hoặc 'id@version'.")
            .Accepts<Dictionary<string, object>>("application/json");
        ruleSets.MapPost("/{key}/rank", RankAsync)
            .WithSummary("Xếp hạng các đơn vị trong một tệp tải lên (multipart, trường 'file': .csv, .json, .jsonl hoặc .xlsx).")
            .DisableAntiforgery();
    }

    private static Ok<RuleSetSummary[]> List(IRuleSetCatalog catalog)
        => TypedResults.Ok(catalog.RuleSets.Select(RuleSetSummary.Of).ToArray());

    private static async Task<Results<JsonHttpResult<ScoreCard>, ProblemHttpResult, ValidationProblem>> ScoreAsync(
        string key, HttpRequest request, IRuleSetCatalog catalog, CancellationToken cancellationToken)
    {
        if (!catalog.TryGetRuleSet(key, out var ruleSet))
        {
            return Problems.UnknownRuleSet(request, key, catalog);
        }

        JObject json;
        try
        {
            using var reader = new StreamReader(request.Body);
            var text = await reader.ReadToEndAsync(cancellationToken);
            json = JToken.Parse(text) as JObject ?? throw new JsonReaderException("not an object");
        }
        catch (JsonReaderException e)
        {
            return Problems.NotAUnit(request, e.Message);
        }

        UnitData unit;
        try
        {
            unit = UnitData.FromJObject(json);
        }
        catch (UnitDataException e)
        {
            return Problems.BadField(request, e.Field, e.Value, e.Reason);
        }

        // Read once: a reload between two reads must not mix versions in one answer.
        var engine = ruleSet.Engine;
        if (!engine.RuleSet.Levels.Contains(unit.Level))
        {
            return Problems.BadField(request, "level", unit.Level.ToCode(), $"bộ tiêu chí '{engine.RuleSet.Id}' chỉ chấm các cấp {string.Join(", ", engine.RuleSet.Levels.Select(l => l.ToCode()))}");
        }

        var card = await engine.ScoreAsync(unit, cancellationToken);
        var invalid = card.Problems.Where(p => p.Kind == DataProblemKind.Invalid).ToList();
        return invalid.Count > 0
            ? Problems.BadValues(request, invalid)
            : TypedResults.Json(card, ScoreCardJson.Options);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult, ValidationProblem>> RankAsync(
        string key, IFormFile file, HttpRequest request, IRuleSetCatalog catalog, CancellationToken cancellationToken)
    {
        if (!catalog.TryGetRuleSet(key, out var ruleSet))
        {
            return Problems.UnknownRuleSet(request, key, catalog);
        }

        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        if (!RankableExtensions.Contains(extension))
        {
            return Problems.BadField(request, "file", file.FileName, $"chỉ nhận tệp {string.Join(", ", RankableExtensions)}");
        }

        // The reader takes a path (and the format from its extension): keep the upload in a private temporary file.
        var folder = Directory.CreateTempSubdirectory("cchc-portal-");
        try
        {
            var path = Path.Combine(folder.FullName, "don-vi" + extension);
            await using (var stream = File.Create(path))
            {
                await file.CopyToAsync(stream, cancellationToken);
            }

            using var report = await RankingRun.RunAsync(ruleSet.Engine, path, new RankingOptions { KeepCards = true }, cancellationToken); // the JSON ranking prints every card
            using var output = new MemoryStream();
            RankingWriter.Write(report, RankingFormat.Json, output, cancellationToken);
            return TypedResults.File(output.ToArray(), "application/json; charset=utf-8");
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or UnitDataException)
        {
            // The reader names the temporary file; the caller knows the file by the name it uploaded.
            return Problems.BadField(request, "file", file.FileName, e.Message.Replace(folder.FullName + Path.DirectorySeparatorChar + "don-vi" + extension, file.FileName, StringComparison.Ordinal));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
