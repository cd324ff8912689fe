using System.Text.Encodings.Web;
using System.Text.Json;
using Cchc.Scoring.Units;

namespace Cchc.Scoring.Ranking;

/// <summary>
/// The ranking as JSON (camelCase): rule set, summary, every row with <c>rank</c>, <c>groupRank</c>,
/// <c>complete</c>, <c>topLosses</c> and its full score card, then the column problems and the rejections.
/// </summary>
internal static class RankingJson
{
    internal static readonly JsonWriterOptions WriterOptions = new()
    {
        // One line: 10,600 indented cards with every explanation come to hundreds of megabytes.
        Indented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };

    public static void Write(RankingReport report, Stream output, CancellationToken cancellationToken)
    {
        var cards = report.Cards ?? throw new InvalidOperationException(
            "This ranking kept no score cards, and its JSON holds every unit's card: rank with RankingOptions.KeepCards = true, or build the report with RankingReport.Of.");
        using var json = new Utf8JsonWriter(output, WriterOptions);
        json.WriteStartObject();
        json.WriteStartObject("ruleSet");
        json.WriteString("id", report.RuleSet.Id);
        json.WriteString("version", report.RuleSet.Version);
        json.WriteString("sha256", report.RuleSet.Sha256);
        json.WriteString("title", report.RuleSet.Title);
        json.WriteStartArray("tieBreaks");
        foreach (var area in report.RuleSet.TieBreakAreas)
        {
            json.WriteStringValue(area);
        }

        json.WriteEndArray();
        json.WriteEndObject();

        var summary = report.Summary;
        json.WriteStartObject("summary");
        json.WriteNumber("scored", summary.Scored);
        json.WriteNumber("rejected", summary.Rejected);
        json.WriteNumber("total", summary.Total);
        json.WriteNumber("incomplete", report.Rows.Count(r => !r.Complete));
        json.WriteEndObject();
        if (report.GroupedByParent)
        {
            json.WriteString("groupBy", "parent");
        }

        json.WriteStartObject("grades");
        foreach (var (grade, count) in GradeDistribution.Of(report))
        {
            json.WriteNumber(grade, count);
        }

        json.WriteEndObject();

        json.WriteStartArray("parents");
        foreach (var parent in ParentSummary.Of(report))
        {
            json.WriteStartObject();
            json.WriteString("parent", parent.Parent);
            json.WriteNumberOrNull("rank", parent.Rank);
            json.WriteNumber("units", parent.Units);
            json.WriteNumberOrNull("averageIndex", parent.AverageIndex);
            json.WriteNumberOrNull("bestIndex", parent.BestIndex);
            json.WriteNumberOrNull("worstIndex", parent.WorstIndex);
            json.WriteStartObject("grades");
            foreach (var grade in parent.Grades)
            {
                json.WriteNumber(grade.Grade, grade.Count);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (report.Previous is { } previous)
        {
            WritePrevious(json, previous);
        }

        json.WriteStartArray("rows");
        foreach (var row in report.Rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            json.WriteStartObject();
            json.WriteNumberOrNull("rank", row.Rank);
            if (report.GroupedByParent)
            {
                json.WriteNumberOrNull("groupRank", row.GroupRank);
            }

            json.WriteBoolean("complete", row.Complete);
            json.WriteStartArray("topLosses");
            foreach (var loss in row.TopLosses)
            {
                json.WriteStartObject();
                json.WriteString("criterion", loss.CriterionId);
                json.WriteString("title", loss.Title);
                json.WriteString("area", loss.Area);
                json.WriteNumber("lost", loss.Lost);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (report.Previous is { } comparison && row.Previous is { } year)
            {
                WriteRowPrevious(json, report, comparison, row, year);
            }

            json.WritePropertyName("card");
            cards.Write(json, row);
            json.WriteEndObject();

            // The writer keeps what it has not flushed: without this, the whole ranking (hundreds of megabytes) would
            // sit in its buffer until the end.
            if (json.BytesPending > 1 << 20)
            {
                json.Flush();
            }
        }

        json.WriteEndArray();
        WriteErrors(json, "columnProblems", report.ColumnProblems);
        WriteErrors(json, "rejections", report.Rejections);
        if (report.Survey is { } survey)
        {
            json.WriteStartObject("survey");
            json.WriteNumber("rowsRead", survey.RowsRead);
            json.WriteNumber("rowsUsed", survey.RowsUsed);
            json.WriteNumber("rowsRefused", survey.RowsRefused);
            json.WriteNumber("unitsWithSurvey", survey.UnitsWithSurvey);
            json.WriteNumber("unitsWithoutSurvey", survey.UnitsWithoutSurvey);
            WriteErrors(json, "columnProblems", survey.ColumnProblems);
            WriteErrors(json, "rejections", survey.Rejections);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }

    /// <summary>The comparison with last year: its file, rule set, counts and the problems of its files.</summary>
    private static void WritePrevious(Utf8JsonWriter json, PreviousComparison previous)
    {
        var ranking = previous.Ranking;
        var s = previous.Summary;
        json.WriteStartObject("previous");
        json.WriteString("file", ranking.File);
        json.WriteStartObject("ruleSet");
        json.WriteStringOrNull("id", ranking.RuleSetId);
        json.WriteStringOrNull("version", ranking.RuleSetVersion);
        json.WriteEndObject();
        json.WriteNumber("units", ranking.Count);
        json.WriteNumber("ranked", ranking.Ranked);
        json.WriteStartObject("summary");
        json.WriteNumber("matched", s.Matched);
        json.WriteNumber("new", s.New);
        json.WriteNumber("merged", s.Merged);
        json.WriteNumber("split", s.Split);
        json.WriteNumber("notFound", s.NotFound);
        json.WriteNumber("gone", s.Gone);
        json.WriteNumber("indexRose", s.IndexRose);
        json.WriteNumber("indexFell", s.IndexFell);
        json.WriteNumber("indexSame", s.IndexSame);
        json.WriteNumber("rankRose", s.RankRose);
        json.WriteNumber("rankFell", s.RankFell);
        json.WriteNumber("rankSame", s.RankSame);
        json.WriteStartArray("gradeTransitions");
        foreach (var t in s.GradeTransitions)
        {
            json.WriteStartObject();
            json.WriteString("from", t.From);
            json.WriteString("to", t.To);
            json.WriteNumber("count", t.Count);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        WriteErrors(json, "errors", previous.Errors);
        WriteErrors(json, "warnings", previous.Warnings);
        json.WriteEndObject();
    }

    /// <summary>
    /// A row's movement: status, last year's index/rank/grade, the changes (rankChange &gt; 0 = moved up), both years'
    /// rank as a percentage of their populations, and the predecessors a merged or split unit is compared with.
    /// </summary>
    private static void WriteRowPrevious(Utf8JsonWriter json, RankingReport report, PreviousComparison comparison, RankedUnit row, PreviousYear year)
    {
        json.WriteStartObject("previous");
        json.WriteString("status", PreviousComparison.JsonWord(year.Status));
        json.WriteNumberOrNull("index", year.Index);
        json.WriteNumberOrNull("rank", year.Rank);
        json.WriteStringOrNull("grade", year.Grade);
        json.WriteNumberOrNull("indexChange", year.IndexChange);
        json.WriteNumberOrNull("rankChange", year.RankChange);
        json.WriteStringOrNull("gradeChange", year.GradeChange switch { > 0 => "up", < 0 => "down", 0 => "same", _ => null });
        json.WriteNumberOrNull("rankPercent", comparison.RankPercent(row));
        json.WriteNumberOrNull("previousRankPercent", comparison.PreviousRankPercent(year));
        if (year.Status is PreviousStatus.Merged or PreviousStatus.Split || (year.Predecessors.Count == 1 && year.Predecessors[0].Code != row.Standing.Code))
        {
            json.WriteStartArray("predecessors");
            foreach (var p in year.Predecessors)
            {
                json.WriteStartObject();
                json.WriteString("code", p.Code);
                json.WriteString("name", p.Name);
                json.WriteNumberOrNull("index", p.Index);
                json.WriteNumberOrNull("rank", p.Rank);
                json.WriteStringOrNull("grade", p.Grade);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        if (year.Missing.Count > 0)
        {
            json.WriteStartArray("missing");
            foreach (var code in year.Missing)
            {
                json.WriteStringValue(code);
            }

            json.WriteEndArray();
        }

        json.WriteStringOrNull("note", PreviousComparison.Note(row, report.RuleSet.Index.Decimals));
        json.WriteEndObject();
    }

    private static void WriteErrors(Utf8JsonWriter json, string name, IReadOnlyList<UnitRejection> errors)
    {
        json.WriteStartArray(name);
        foreach (var error in errors)
        {
            json.WriteStartObject();
            json.WriteString("file", error.File);
            json.WriteNumber("row", error.Row);
            if (error.Column is not null)
            {
                json.WriteString("column", error.Column);
            }

            if (error.Value is not null)
            {
                json.WriteString("value", error.Value);
            }

            json.WriteString("reason", error.Reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
