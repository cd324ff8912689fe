using System.Globalization;
using System.Text.Json;
using Cchc.Rules;
using Cchc.Rules.Model;
using Cchc.Scoring;
using Cchc.Scoring.Cards;
using Cchc.Scoring.Units;

namespace Cchc.Cli.Commands;

/// <summary>One score where the computed and the published numbers differ by more than the tolerance.</summary>
internal sealed record ScoreDifference(string Id, string Kind, string Title, CriterionStatus? Status, decimal Computed, decimal Published, decimal? MaxPoints, decimal? PublishedMaxScore)
{
    public decimal Difference => Computed - Published;
}

/// <summary>A unit with at least one difference.</summary>
internal sealed record UnitDifferences(string Code, string Name, string Level, IReadOnlyList<ScoreDifference> Differences);

/// <summary>
/// <c>cchc score … --compare</c>: each unit's computed scores against the scores the portal published for it. Only
/// differences above the tolerance are listed (the portal publishes 2 decimals: 0.015 is a rounding apart, and a
/// little more); a published <c>null</c> is "not published" and is not compared.
/// </summary>
internal sealed record CompareReport(decimal Tolerance, int UnitsCompared, int UnitsDiffering, int UnitsWithoutPublishedScores, IReadOnlyList<UnitDifferences> Units)
{
    public const decimal DefaultTolerance = 0.015m;

    public static CompareReport Create(CompiledRuleSet ruleSet, IReadOnlyList<ScoreCard> cards, IReadOnlyDictionary<string, IReadOnlyList<PublishedScore>> published, ICollection<string> notes)
    {
        var units = new List<UnitDifferences>();
        var compared = 0;
        foreach (var card in cards)
        {
            var scores = published.GetValueOrDefault(card.Unit.Code, []).Where(p => p.Score is not null).ToList();
            if (scores.Count == 0)
            {
                continue;
            }

            compared++;
            var differences = new List<ScoreDifference>();
            foreach (var score in scores)
            {
                var difference = Compare(ruleSet, card, score);
                if (difference is null)
                {
                    notes.Add(CliLanguage.Format(Strings.Compare_UnmatchedScore, card.Unit.Code, score.Id, score.Source.File, score.Source.Row, ruleSet.Id));
                }
                else if (Math.Abs(difference.Difference) > DefaultTolerance)
                {
                    differences.Add(difference);
                }
            }

            if (differences.Count > 0)
            {
                units.Add(new UnitDifferences(card.Unit.Code, card.Unit.Name, card.Unit.Level, differences));
            }
        }

        return new CompareReport(DefaultTolerance, compared, units.Count, cards.Count - compared, units);
    }

    private static ScoreDifference? Compare(CompiledRuleSet ruleSet, ScoreCard card, PublishedScore score)
    {
        if (score.Kind == PublishedScoreKind.Criterion && card.Criteria.Flatten().FirstOrDefault(c => c.Id == score.Id) is { } criterion)
        {
            return new ScoreDifference(score.Id, "criterion", criterion.Title, criterion.Status, criterion.Points, score.Score!.Value, criterion.MaxPoints, score.MaxScore);
        }

        if (score.Kind == PublishedScoreKind.Group && card.Areas.FirstOrDefault(a => a.Id == score.Id) is { } area)
        {
            return new ScoreDifference(score.Id, "group", area.Title, null, area.Points, score.Score!.Value, area.MaxPoints, score.MaxScore);
        }

        return null;
    }

    public void WriteTable(TextWriter writer)
    {
        writer.WriteLine($"So sánh với điểm Cổng DVCQG công bố: chỉ liệt kê chênh lệch lớn hơn {VietnameseFormat.Number(Tolerance, 3)} điểm.");
        foreach (var unit in Units)
        {
            writer.WriteLine();
            writer.WriteLine($"{unit.Name} ({unit.Code}, {(UnitLevels.TryParse(unit.Level, out var level) ? level.ToVietnamese() : unit.Level)})");
            var table = new Table("Mã", "Loại", "Tính được", "Cổng công bố", "Chênh lệch", "Trạng thái", "Tên");
            foreach (var d in unit.Differences)
            {
                table.Add(d.Id, d.Kind == "group" ? "nhóm" : "tiêu chí", Points(d.Computed, d.MaxPoints), Points(d.Published, d.PublishedMaxScore),
                    (d.Difference > 0 ? "+" : "") + VietnameseFormat.Number(d.Difference, 4), d.Status is { } status ? status.ToVietnamese() : "—", d.Title);
            }

            table.Write(writer);
        }

        writer.WriteLine();
        writer.WriteLine(Summary);
    }

    public void WriteJson(TextWriter writer) => writer.WriteLine(JsonSerializer.Serialize(
        new
        {
            tolerance = Tolerance,
            unitsCompared = UnitsCompared,
            unitsDiffering = UnitsDiffering,
            unitsWithoutPublishedScores = UnitsWithoutPublishedScores,
            units = Units.Select(u => new
            {
                code = u.Code,
                name = u.Name,
                level = u.Level,
                differences = u.Differences.Select(d => new
                {
                    id = d.Id,
                    kind = d.Kind,
                    title = d.Title,
                    status = d.Status is { } status ? JsonNamingPolicy.CamelCase.ConvertName(status.ToString()) : null,
                    computed = d.Computed,
                    published = d.Published,
                    difference = d.Difference,
                    maxPoints = d.MaxPoints,
                    publishedMaxScore = d.PublishedMaxScore,
                }),
            }),
        },
        JsonOutput.Options));

    /// <summary>The last line: how many units were compared and how many differ.</summary>
    public string Summary => string.Create(CultureInfo.InvariantCulture,
        $"compared {UnitsCompared}, differing {UnitsDiffering}, without published scores {UnitsWithoutPublishedScores} (tolerance {Tolerance} points)");

    private static string Points(decimal points, decimal? max) => VietnameseFormat.Number(points, 4) + (max is { } m ? "/" + VietnameseFormat.Number(m, 4) : "");
}
