using System.Globalization;
using System.Text;
using Cchc.Scoring.Explanations;
using Cchc.Scoring.Texts;


namespace Cchc.Scoring.Ranking;

/// <summary>
/// The ranking as one self-contained HTML page (inline CSS and SVG, no script, nothing fetched): the summary, the
/// grade distribution as a bar chart, the ranking table with each unit's lost points by area as a stacked bar,
/// and the data errors. Numbers are formatted the Vietnamese way; about 500 bytes per unit.
/// </summary>
internal static class RankingHtml
{
    private static readonly string[] Palette = ["#d64545", "#e8833a", "#f0b429", "#57ae5b", "#2bb0ed", "#4055a8", "#8662c7", "#da4a91", "#7b8794", "#0c6b58"];

    /// <summary>The page, heading and table style every HTML report shares (ranking, impact, sensitivity).</summary>
    internal const string BaseStyle = """
        body{font-family:system-ui,"Segoe UI",Roboto,Arial,sans-serif;margin:24px;color:#1f2933}
        h1{font-size:22px}h2{font-size:18px;margin-top:28px}
        table{border-collapse:collapse;font-size:13px}
        th{position:sticky;top:0;background:#f5f7fa;text-align:left}
        th,td{padding:3px 8px;border-bottom:1px solid #e4e7eb}
        td.n{text-align:right;font-variant-numeric:tabular-nums}
        tr.x td{background:#fffbea}

        """;

    private const string Style = BaseStyle + """
        .b{display:flex;width:260px;height:12px;background:#f0f4f8}
        .b i{display:block;height:12px}
        .k{display:inline-block;width:12px;height:12px;margin:0 4px 0 12px;vertical-align:middle}
        .m{color:#616e7c}
        .up{color:#1a7f37}.dn{color:#c62828}.eq{color:#616e7c}
        .up,.dn,.eq{white-space:nowrap}
        """;

    public static void Write(RankingReport report, Stream output, CancellationToken cancellationToken)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        var ruleSet = report.RuleSet;
        var summary = report.Summary;
        var incomplete = report.Rows.Count(r => !r.Complete);
        var colors = ruleSet.Areas.Select((a, i) => (a.Id, Class: $"c{i}")).ToDictionary(x => x.Id, x => x.Class, StringComparer.Ordinal);

        writer.WriteLine("<!DOCTYPE html>");
        writer.WriteLine($"<html lang=\"{FileText.Get(nameof(FileStrings.Html_Lang))}\">");
        writer.WriteLine($"<head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>{E(FileText.Format(nameof(FileStrings.Html_Title), ruleSet.Title))}</title>");
        writer.Write("<style>\n" + Style);
        for (var i = 0; i < ruleSet.Areas.Count; i++)
        {
            writer.Write($".c{i}{{background:{Palette[i % Palette.Length]}}}");
        }

        writer.WriteLine("\n</style></head>");
        writer.WriteLine("<body>");
        writer.WriteLine($"<h1>{E(FileText.Format(nameof(FileStrings.Html_Heading), ruleSet.Title))}</h1>");
        writer.WriteLine($"<p class=\"m\">{E(FileText.Format(nameof(FileStrings.Html_RuleSet), ruleSet.Id, ruleSet.Version, ruleSet.Sha256))}{(ruleSet.TieBreakAreas.Count == 0 ? "" : E(FileText.Format(nameof(FileStrings.Html_TieBreak), string.Join(", ", ruleSet.TieBreakAreas.Select(a => ruleSet.Areas.FirstOrDefault(x => x.Id == a)?.Title ?? a)))))}</p>");
        writer.WriteLine($"<p id=\"summary\" data-scored=\"{summary.Scored}\" data-rejected=\"{summary.Rejected}\" data-total=\"{summary.Total}\">{FileText.Format(nameof(FileStrings.Html_Summary), $"<b>{N(summary.Scored)}</b>", $"<b>{N(summary.Rejected)}</b>", $"<b>{N(summary.Total)}</b>", summary)}{(incomplete == 0 ? "" : FileText.Format(nameof(FileStrings.Html_Incomplete), N(incomplete)))}</p>");

        writer.WriteLine($"<p class=\"m\"><a href=\"#ranking\">{FileText.Get(nameof(FileStrings.Report_HtmlRanking))}</a> · <a href=\"#parents-title\">{FileText.Get(nameof(FileStrings.Report_HtmlParents))}</a> · <a href=\"#errors-title\">{FileText.Get(nameof(FileStrings.Report_HtmlErrors))}</a></p>");
        WriteGrades(writer, report);
        if (report.Previous is { } previous)
        {
            WritePrevious(writer, report, previous);
        }

        cancellationToken.ThrowIfCancellationRequested();

        writer.WriteLine($"<h2>{FileText.Get(nameof(FileStrings.Report_HtmlRanking))}</h2>");
        writer.Write($"<p class=\"m\">{FileText.Get(nameof(FileStrings.Html_LossLegend))}");
        foreach (var area in ruleSet.Areas)
        {
            writer.Write($"<span class=\"k {colors[area.Id]}\"></span>{E(area.Title)}");
        }

        writer.WriteLine("</p>");
        writer.Write($"<table id=\"ranking\"><thead><tr><th>{FileText.Get(nameof(FileStrings.Html_Rank))}</th>");
        if (report.GroupedByParent)
        {
            writer.Write($"<th>{FileText.Get(nameof(FileStrings.Html_GroupRank))}</th>");
        }

        writer.Write($"<th>{FileText.Get(nameof(FileStrings.Html_Code))}</th><th>{FileText.Get(nameof(FileStrings.Html_Name))}</th>{(report.HasKinds ? $"<th>{FileText.Get(nameof(FileStrings.Html_Kind))}</th>" : "")}<th>{FileText.Get(nameof(FileStrings.Html_Parent))}</th><th>{FileText.Get(nameof(FileStrings.Html_Points))}</th>");
        foreach (var component in report.RuleSet.Composition?.Components ?? [])
        {
            writer.Write($"<th>{E(component.Title)} ({VietnameseFormat.Number(component.Weight)})</th>");
        }

        writer.WriteLine($"<th>{FileText.Get(nameof(FileStrings.Html_Index))}</th><th>{FileText.Get(nameof(FileStrings.Html_Grade))}</th><th>{FileText.Get(nameof(FileStrings.Html_Lost))}</th><th>{FileText.Get(nameof(FileStrings.Html_TopLosses))}</th>{(report.Previous is null ? "" : $"<th>{FileText.Get(nameof(FileStrings.Html_LastYear))}</th><th>{FileText.Get(nameof(FileStrings.Html_IndexChange))}</th><th>{FileText.Get(nameof(FileStrings.Html_RankChange))}</th><th>{FileText.Get(nameof(FileStrings.Html_AgainstLastYear))}</th>")}</tr></thead>");
        writer.WriteLine("<tbody>");
        foreach (var row in report.Rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            WriteRow(writer, report, row, colors);
        }

        writer.WriteLine("</tbody></table>");
        WriteCriteria(writer, report);
        WriteParents(writer, report);
        WriteErrors(writer, report);
        writer.WriteLine("</body>");
        writer.WriteLine("</html>");
    }

    private static void WriteGrades(StreamWriter writer, RankingReport report)
    {
        var grades = GradeDistribution.Of(report);
        var total = Math.Max(1, report.Rows.Count);
        var most = Math.Max(1, grades.Count == 0 ? 1 : grades.Max(g => g.Count));
        const int barHeight = 22, barWidth = 420;

        // About 8 px per letter at 13 px: long grade names ("Hoàn thành toàn bộ mục tiêu") must not run into the bars.
        var labelWidth = Math.Max(80, grades.Count == 0 ? 0 : (grades.Max(g => g.Grade.Length) * 8) + 10);
        writer.WriteLine($"<h2>{FileText.Get(nameof(FileStrings.Report_HtmlGrades))}</h2>");
        writer.WriteLine($"<svg id=\"grades\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{labelWidth + barWidth + 140}\" height=\"{grades.Count * (barHeight + 6) + 6}\" role=\"img\" aria-label=\"{FileText.Get(nameof(FileStrings.Report_HtmlGrades))}\">");
        for (var i = 0; i < grades.Count; i++)
        {
            var (grade, count) = grades[i];
            var y = 6 + i * (barHeight + 6);
            var width = (int)Math.Round(barWidth * (decimal)count / most, MidpointRounding.AwayFromZero);
            var share = VietnameseFormat.Percent(Math.Round(100m * count / total, 1, MidpointRounding.AwayFromZero));
            writer.WriteLine($"<g data-grade=\"{E(grade)}\" data-count=\"{count}\"><text x=\"0\" y=\"{y + 15}\" font-size=\"13\">{E(grade)}</text><rect x=\"{labelWidth}\" y=\"{y}\" width=\"{width}\" height=\"{barHeight}\" fill=\"{Palette[(i + 3) % Palette.Length]}\"/><text x=\"{labelWidth + width + 6}\" y=\"{y + 15}\" font-size=\"13\">{N(count)} ({share})</text></g>");
        }

        writer.WriteLine("</svg>");
    }

    private static void WriteRow(StreamWriter writer, RankingReport report, RankedUnit row, Dictionary<string, string> colors)
    {
        var unit = row.Standing;
        var decimals = report.RuleSet.Index.Decimals;
        writer.Write(row.Complete ? "<tr>" : "<tr class=\"x\">");
        writer.Write($"<td class=\"n\">{(row.Rank is { } rank ? N(rank) : "—")}</td>");
        if (report.GroupedByParent)
        {
            writer.Write($"<td class=\"n\">{(row.GroupRank is { } groupRank ? N(groupRank) : "—")}</td>");
        }

        writer.Write($"<td>{E(unit.Code)}</td><td>{E(unit.Name)}{(row.Complete ? "" : " *")}</td>{(report.HasKinds ? $"<td>{E(RankingTable.KindWord(unit.Kind) ?? "")}</td>" : "")}<td>{E(unit.Parent ?? "")}</td>");
        writer.Write($"<td class=\"n\">{VietnameseFormat.Number(unit.Points)}/{VietnameseFormat.Number(unit.MaxPoints)}</td>");
        for (var c = 0; c < (report.RuleSet.Composition?.Components.Count ?? 0); c++)
        {
            // A survey left out (no results, the rule set renormalises) shows as "—"; one scored 0 for want of results says so.
            var points = unit.ComponentPoints(c);
            var missing = unit.SurveyMissing && report.RuleSet.Composition!.Components[c].Source == Cchc.Rules.Model.IndexComponentSource.Survey;
            writer.Write($"<td class=\"n\">{(points is { } p ? VietnameseFormat.Number(p, decimals) + (missing ? FileText.Get(nameof(FileStrings.Html_NoSurvey)) : "") : "—")}</td>");
        }

        writer.Write($"<td class=\"n\">{(unit.Index is { } index ? VietnameseFormat.Number(index, decimals) : "—")}</td><td>{E(unit.Grade ?? "—")}</td>");
        writer.Write("<td><div class=\"b\">");
        if (unit.MaxPoints > 0)
        {
            for (var i = 0; i < report.RuleSet.Areas.Count; i++)
            {
                var area = report.RuleSet.Areas[i];
                var lost = unit.AreaMaxPoints(i) - unit.AreaPoints(i);
                if (lost > 0)
                {
                    var width = Math.Round(lost / unit.MaxPoints * 100, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);
                    writer.Write($"<i class=\"{colors[area.Id]}\" style=\"width:{width}%\" title=\"{E(area.Id)}: −{VietnameseFormat.Number(lost)}\"></i>");
                }
            }
        }

        writer.Write("</div></td><td>");
        writer.Write(E(string.Join("; ", row.TopLosses.Select(l => $"{l.CriterionId} −{VietnameseFormat.Number(l.Lost)}"))));
        writer.Write("</td>");
        if (report.Previous is not null && row.Previous is { } year)
        {
            WritePreviousCells(writer, report, row, year);
        }

        writer.WriteLine("</tr>");
    }

    /// <summary>Last year's index, rank and grade, the changes as arrows (▲ up, ▼ down, = same) and the status with its note.</summary>
    private static void WritePreviousCells(StreamWriter writer, RankingReport report, RankedUnit row, PreviousYear year)
    {
        var decimals = report.RuleSet.Index.Decimals;
        var last = new List<string>();
        if (year.Index is { } index)
        {
            last.Add(VietnameseFormat.Number(index, decimals) + (year.Status is PreviousStatus.Merged ? FileText.Get(nameof(FileStrings.Html_Mean)) : ""));
        }

        if (year.Rank is { } rank)
        {
            last.Add(FileText.Format(nameof(FileStrings.Html_LastRank), N(rank)));
        }

        if (year.Grade is { } grade)
        {
            last.Add(grade);
        }

        writer.Write($"<td>{E(last.Count == 0 ? "—" : string.Join(" · ", last))}</td>");
        writer.Write($"<td class=\"n\">{Change(year.IndexChange, decimals)}</td><td class=\"n\">{Change(year.RankChange, 0)}</td>");
        var words = PreviousComparison.Word(year.Status);
        if (year.GradeChange is { } change && year.Grade is { } from && row.Standing.Grade is { } to)
        {
            words += change == 0 ? FileText.Format(nameof(FileStrings.Html_GradeKept), to) : $", {from} → {to} {(change > 0 ? "▲" : "▼")}";
        }

        var note = PreviousComparison.Note(row, decimals);
        writer.Write($"<td data-status=\"{PreviousComparison.JsonWord(year.Status)}\"{(note is null ? "" : $" title=\"{E(note)}\"")}>{E(words)}{(note is null || year.Status == PreviousStatus.Matched ? "" : $"<br><span class=\"m\">{E(note)}</span>")}</td>");
    }

    /// <summary>A change as a coloured arrow: ▲ green, ▼ red, = grey; — when there is nothing to compare.</summary>
    private static string Change(decimal? change, int decimals)
    {
        var text = PreviousComparison.Arrow(change, decimals);
        return change switch
        {
            null => "—",
            > 0 => $"<span class=\"up\">{text}</span>",
            < 0 => $"<span class=\"dn\">{text}</span>",
            _ => $"<span class=\"eq\">{text}</span>",
        };
    }

    /// <summary>The comparison with last year in a few lines: how many rose, fell and stayed, were new or merged, and the grade transitions.</summary>
    private static void WritePrevious(StreamWriter writer, RankingReport report, PreviousComparison previous)
    {
        var s = previous.Summary;
        var ranking = previous.Ranking;
        writer.WriteLine($"<h2 id=\"previous-title\">{FileText.Get(nameof(FileStrings.Html_AgainstLastYear))}</h2>");
        writer.WriteLine($"<p class=\"m\">{FileText.Format(nameof(FileStrings.Html_PreviousRanking), E(ranking.File), N(ranking.Count), ranking.RuleSetId is null ? "" : FileText.Format(nameof(FileStrings.Html_PreviousRuleSet), E(ranking.RuleSetId), E(ranking.RuleSetVersion ?? "")))}</p>");
        writer.WriteLine($"<p id=\"previous\" data-rose=\"{s.IndexRose}\" data-fell=\"{s.IndexFell}\" data-same=\"{s.IndexSame}\" data-new=\"{s.New}\" data-merged=\"{s.Merged}\">"
            + FileText.Format(nameof(FileStrings.Html_PreviousIndex), $"<span class=\"up\">{FileText.Format(nameof(FileStrings.Html_Rose), N(s.IndexRose))}</span>", $"<span class=\"dn\">{FileText.Format(nameof(FileStrings.Html_Fell), N(s.IndexFell))}</span>", $"<span class=\"eq\">{FileText.Format(nameof(FileStrings.Html_Same), N(s.IndexSame))}</span>")
            + FileText.Format(nameof(FileStrings.Html_PreviousRanks), N(s.RankRose), N(s.RankFell), N(s.RankSame))
            + FileText.Format(nameof(FileStrings.Html_PreviousStatuses), N(s.Matched), N(s.New), N(s.Merged), N(s.Split), N(s.NotFound), N(s.Gone))
            + (previous.Errors.Count + previous.Warnings.Count == 0 ? "" : FileText.Format(nameof(FileStrings.Html_PreviousProblems), N(previous.Errors.Count), N(previous.Warnings.Count), $"<a href=\"#errors-title\">{FileText.Get(nameof(FileStrings.Report_HtmlErrors))}</a>"))
            + "</p>");
        if (s.GradeTransitions.Count > 0)
        {
            writer.WriteLine($"<table id=\"grade-transitions\"><thead><tr><th>{FileText.Get(nameof(FileStrings.Html_LastYearGrade))}</th><th>{FileText.Get(nameof(FileStrings.Html_ThisYearGrade))}</th><th>{FileText.Get(nameof(FileStrings.Html_Units))}</th></tr></thead><tbody>");
            foreach (var t in s.GradeTransitions)
            {
                writer.WriteLine($"<tr><td>{E(t.From)}</td><td>{E(t.To)}</td><td class=\"n\">{N(t.Count)}</td></tr>");
            }

            writer.WriteLine("</tbody></table>");
        }
    }

    /// <summary>The criteria named in the last column, once, instead of a title on every row.</summary>
    private static void WriteCriteria(StreamWriter writer, RankingReport report)
    {
        var named = report.Rows.SelectMany(r => r.TopLosses).Select(l => l.CriterionId).ToHashSet(StringComparer.Ordinal);
        if (named.Count == 0)
        {
            return;
        }

        writer.WriteLine($"<details id=\"criteria\"><summary>{FileText.Get(nameof(FileStrings.Html_CriteriaNamed))}</summary><table><tbody>");
        foreach (var criterion in report.RuleSet.Criteria.Where(c => named.Contains(c.Id)))
        {
            writer.WriteLine($"<tr><td>{E(criterion.Id)}</td><td>{E(criterion.Title)}</td></tr>");
        }

        writer.WriteLine("</tbody></table></details>");
    }

    /// <summary>Each parent's units taken together, best average index first.</summary>
    private static void WriteParents(StreamWriter writer, RankingReport report)
    {
        var parents = ParentSummary.Of(report);
        var decimals = report.RuleSet.Index.Decimals;
        string Index(decimal? value) => value is { } v ? VietnameseFormat.Number(v, decimals) : "—";
        writer.WriteLine($"<h2 id=\"parents-title\">{FileText.Get(nameof(FileStrings.Report_HtmlParents))}</h2>");
        writer.Write($"<table id=\"parents\"><thead><tr><th>{FileText.Get(nameof(FileStrings.Html_Rank))}</th><th>{FileText.Get(nameof(FileStrings.Html_Parent))}</th><th>{FileText.Get(nameof(FileStrings.Html_Units))}</th><th>{FileText.Get(nameof(FileStrings.Html_AverageIndex))}</th><th>{FileText.Get(nameof(FileStrings.Html_Best))}</th><th>{FileText.Get(nameof(FileStrings.Html_Worst))}</th>");
        foreach (var grade in parents.Count == 0 ? [] : parents[0].Grades)
        {
            writer.Write($"<th>{E(grade.Grade)}</th>");
        }

        writer.WriteLine("</tr></thead><tbody>");
        foreach (var parent in parents)
        {
            writer.Write($"<tr><td class=\"n\">{(parent.Rank is { } rank ? N(rank) : "—")}</td><td>{E(parent.Parent.Length == 0 ? FileText.Get(nameof(FileStrings.Html_NoParent)) : parent.Parent)}</td><td class=\"n\">{N(parent.Units)}</td>");
            writer.Write($"<td class=\"n\">{Index(parent.AverageIndex)}</td><td class=\"n\">{Index(parent.BestIndex)}</td><td class=\"n\">{Index(parent.WorstIndex)}</td>");
            foreach (var grade in parent.Grades)
            {
                writer.Write($"<td class=\"n\">{N(grade.Count)}</td>");
            }

            writer.WriteLine("</tr>");
        }

        writer.WriteLine("</tbody></table>");
    }

    private static void WriteErrors(StreamWriter writer, RankingReport report)
    {
        var errors = RankingTable.Errors(report).ToList();
        writer.WriteLine($"<h2 id=\"errors-title\">{FileText.Get(nameof(FileStrings.Report_HtmlErrors))}</h2>");
        if (errors.Count == 0)
        {
            writer.WriteLine($"<p id=\"no-errors\">{FileText.Get(nameof(FileStrings.Html_NoErrors))}</p>");
            return;
        }

        writer.WriteLine($"<table id=\"errors\"><thead><tr><th>{FileText.Get(nameof(FileStrings.Html_File))}</th><th>{FileText.Get(nameof(FileStrings.Html_Row))}</th><th>{FileText.Get(nameof(FileStrings.Html_Column))}</th><th>{FileText.Get(nameof(FileStrings.Html_Value))}</th><th>{FileText.Get(nameof(FileStrings.Html_Reason))}</th></tr></thead><tbody>");
        foreach (var error in errors)
        {
            writer.WriteLine($"<tr><td>{E(error.File)}</td><td class=\"n\">{error.Row.ToString(CultureInfo.InvariantCulture)}</td><td>{E(error.Column ?? "")}</td><td>{E(error.Value ?? "")}</td><td>{E(error.Reason)}</td></tr>");
        }

        writer.WriteLine("</tbody></table>");
    }

    /// <summary>A count the Vietnamese way (10.600).</summary>
    internal static string N(int value) => VietnameseFormat.Number(value, 0);

    /// <summary>Escapes text for HTML content and attribute values; Vietnamese letters stay as they are.</summary>
    internal static string E(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }

        return text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);
    }

}
