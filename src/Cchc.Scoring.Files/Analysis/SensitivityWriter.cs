using System.Globalization;
using System.Text;
using System.Text.Json;
using Cchc.Scoring.Ranking;
using Cchc.Scoring.Spreadsheets;
using Cchc.Scoring.Texts;

namespace Cchc.Scoring.Analysis;

/// <summary>
/// Writes a <see cref="RankSensitivity"/> as CSV, XLSX, JSON or HTML, as a ranking is written. The bytes depend only on
/// the analysis (every figure is a rounded decimal), not on the machine, the culture or the parallelism.
/// </summary>
public static class SensitivityWriter
{
    private static string[] Headers =>
    [
        FileText.Get(nameof(FileStrings.Sens_NominalRank)), FileText.Get(nameof(FileStrings.Report_Code)), FileText.Get(nameof(FileStrings.Report_Name)), FileText.Get(nameof(FileStrings.Report_Parent)), FileText.Get(nameof(FileStrings.Report_Index)), FileText.Get(nameof(FileStrings.Sens_Grade)),
        FileText.Get(nameof(FileStrings.Sens_MedianRank)), FileText.Get(nameof(FileStrings.Sens_BestRank)), FileText.Get(nameof(FileStrings.Sens_WorstRank)), FileText.Get(nameof(FileStrings.Sens_IntervalWidth)),
        FileText.Get(nameof(FileStrings.Sens_GradeChangeShare)), FileText.Get(nameof(FileStrings.Sens_MeanRankShift)), FileText.Get(nameof(FileStrings.Sens_Complete)),
    ];

    /// <summary>Writes the analysis in <paramref name="format"/> to <paramref name="output"/>.</summary>
    public static void Write(RankSensitivity analysis, RankingFormat format, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(output);
        switch (format)
        {
            case RankingFormat.Csv:
                RankingCsv.WriteTable(output, Headers, analysis.Units.Select(Cells), cancellationToken);
                break;
            case RankingFormat.Xlsx:
                WriteXlsx(analysis, output, cancellationToken);
                break;
            case RankingFormat.Json:
                WriteJson(analysis, output);
                break;
            case RankingFormat.Html:
                WriteHtml(analysis, output, cancellationToken);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown format.");
        }
    }

    /// <summary>What the runs were, in one Vietnamese sentence (the table's and the reports' first line).</summary>
    public static string Describe(RankSensitivity analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var o = analysis.Options;
        var thresholds = o.ThresholdBand > 0
            ? FileText.Format(nameof(FileStrings.Sens_ThresholdsShifted), Count(analysis.PerturbedCriteria.Count), Percent(o.ThresholdBand))
            : FileText.Get(nameof(FileStrings.Sens_ThresholdsKept));
        return FileText.Format(nameof(FileStrings.Sens_Describe), Count(o.Runs), o.Seed.ToString(CultureInfo.InvariantCulture), Percent(o.WeightBand), thresholds);
    }

    /// <summary>The ranking-level findings, one Vietnamese sentence each.</summary>
    public static IReadOnlyList<string> Findings(RankSensitivity analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var ranked = analysis.Units.Where(u => u.NominalRank is not null).ToList();
        var lines = new List<string>
        {
            FileText.Format(nameof(FileStrings.Sens_FindingUnits), Count(analysis.Read.Total), Count(analysis.Read.Accepted), Count(analysis.Read.Rejected), Count(ranked.Count)),
            FileText.Format(nameof(FileStrings.Sens_FindingShift), VietnameseFormat.Number(analysis.AverageRankShift)),
            FileText.Format(nameof(FileStrings.Sens_FindingGrades), Count(ranked.Count(u => u.GradeChangeShare == 0)), Count(ranked.Count(u => u.GradeChangeShare > 0.1m))),
        };
        if (analysis.MostInfluential is { } area)
        {
            lines.Add(FileText.Format(nameof(FileStrings.Sens_FindingArea), area.Title, area.AreaId, VietnameseFormat.Number(area.FirstOrderIndex!.Value, 4)));
        }

        return lines;
    }

    private static string Count(int value) => VietnameseFormat.Number(value, 0);

    private static string Percent(decimal band) => VietnameseFormat.Number(band * 100) + "%";

    private static object?[] Cells(UnitSensitivity u) =>
    [
        u.NominalRank, u.Code, u.Name, u.Parent, u.Index, u.Grade, u.MedianRank, u.BestRank, u.WorstRank,
        u.WorstRank - u.BestRank, u.GradeChangeShare, u.MeanRankShift, u.Complete,
    ];

    private static void WriteXlsx(RankSensitivity analysis, Stream output, CancellationToken cancellationToken)
    {
        XlsxColumn[] unitColumns =
        [
            new(Headers[0], XlsxFormat.Integer), new(Headers[1], XlsxFormat.Text), new(Headers[2], Width: 30), new(Headers[3], XlsxFormat.Text),
            new(Headers[4], XlsxFormat.Decimal2), new(Headers[5]), new(Headers[6], XlsxFormat.Integer), new(Headers[7], XlsxFormat.Integer),
            new(Headers[8], XlsxFormat.Integer), new(Headers[9], XlsxFormat.Integer), new(FileText.Get(nameof(FileStrings.Sens_GradeChangePercent)), XlsxFormat.Decimal2),
            new(Headers[11], XlsxFormat.Decimal2), new(Headers[12]),
        ];
        IReadOnlyList<XlsxSheet> sheets =
        [
            new(FileText.Get(nameof(FileStrings.Sens_SheetUnits)), unitColumns, analysis.Units.Select(u =>
            {
                var cells = Cells(u);
                cells[10] = u.GradeChangeShare * 100;
                return cells;
            })),
            new(FileText.Get(nameof(FileStrings.Sens_SheetAreas)), [new(FileText.Get(nameof(FileStrings.Sens_Area)), XlsxFormat.Text), new(FileText.Get(nameof(FileStrings.Sens_AreaTitle)), Width: 40), new(FileText.Get(nameof(FileStrings.Sens_FirstOrder)), XlsxFormat.Decimal2), new(FileText.Get(nameof(FileStrings.Sens_Correlation)), XlsxFormat.Decimal2)],
                analysis.Areas.Select(a => new object?[] { a.AreaId, a.Title, a.FirstOrderIndex, a.Correlation })),
            new(FileText.Get(nameof(FileStrings.Report_SheetSummary)), [new(FileText.Get(nameof(FileStrings.Xlsx_SummaryItem))), new(FileText.Get(nameof(FileStrings.Xlsx_SummaryValue)), Width: 100)], Summary(analysis)),
        ];
        StyledXlsx.Save(sheets, output, cancellationToken);
    }

    private static IEnumerable<object?[]> Summary(RankSensitivity analysis)
    {
        var r = analysis.RuleSet;
        var o = analysis.Options;
        yield return [FileText.Get(nameof(FileStrings.Report_SummaryRuleSet)), $"{r.Id} {r.Version}"];
        yield return ["SHA-256", r.Sha256];
        yield return [FileText.Get(nameof(FileStrings.Sens_Runs)), o.Runs];
        yield return ["Seed", o.Seed];
        yield return [FileText.Get(nameof(FileStrings.Sens_WeightBand)), o.WeightBand];
        yield return [FileText.Get(nameof(FileStrings.Sens_ThresholdBand)), o.ThresholdBand];
        yield return [FileText.Get(nameof(FileStrings.Sens_Perturbed)), string.Join(", ", analysis.PerturbedCriteria)];
        yield return [FileText.Get(nameof(FileStrings.Sens_Description)), Describe(analysis)];
        foreach (var line in Findings(analysis))
        {
            yield return [FileText.Get(nameof(FileStrings.Sens_Result)), line];
        }

        yield return [FileText.Get(nameof(FileStrings.Sens_MethodLabel)), Method];
    }

    /// <summary>The method in one paragraph, with its source.</summary>
    private static string Method => FileText.Get(nameof(FileStrings.Sens_Method));

    private static void WriteJson(RankSensitivity analysis, Stream output)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var r = analysis.RuleSet;
        var o = analysis.Options;
        json.WriteStartObject();
        json.WriteStartObject("ruleSet");
        json.WriteString("id", r.Id);
        json.WriteString("version", r.Version);
        json.WriteString("sha256", r.Sha256);
        json.WriteEndObject();
        json.WriteStartObject("options");
        json.WriteNumber("runs", o.Runs);
        json.WriteNumber("seed", o.Seed);
        json.WriteNumber("weights", o.WeightBand);
        json.WriteNumber("thresholds", o.ThresholdBand);
        json.WriteEndObject();
        json.WriteStartObject("summary");
        json.WriteNumber("scored", analysis.Read.Accepted);
        json.WriteNumber("rejected", analysis.Read.Rejected);
        json.WriteNumber("total", analysis.Read.Total);
        json.WriteEndObject();
        json.WriteNumber("averageRankShift", analysis.AverageRankShift);
        json.WriteString("mostInfluentialArea", analysis.MostInfluential?.AreaId);
        json.WriteStartArray("perturbedCriteria");
        foreach (var id in analysis.PerturbedCriteria)
        {
            json.WriteStringValue(id);
        }

        json.WriteEndArray();
        json.WriteStartArray("areas");
        foreach (var a in analysis.Areas)
        {
            json.WriteStartObject();
            json.WriteString("id", a.AreaId);
            json.WriteString("title", a.Title);
            json.WriteNumberOrNull("firstOrderIndex", a.FirstOrderIndex);
            json.WriteNumberOrNull("correlation", a.Correlation);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("units");
        foreach (var u in analysis.Units)
        {
            json.WriteStartObject();
            json.WriteString("code", u.Code);
            json.WriteString("name", u.Name);
            json.WriteString("parent", u.Parent);
            json.WriteNumberOrNull("index", u.Index);
            json.WriteString("grade", u.Grade);
            json.WriteNumberOrNull("nominalRank", u.NominalRank);
            json.WriteNumberOrNull("medianRank", u.MedianRank);
            json.WriteNumberOrNull("bestRank", u.BestRank);
            json.WriteNumberOrNull("worstRank", u.WorstRank);
            json.WriteNumber("gradeChangeShare", u.GradeChangeShare);
            json.WriteNumber("meanRankShift", u.MeanRankShift);
            json.WriteBoolean("complete", u.Complete);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("rejections");
        foreach (var rejection in analysis.Read.Rejections)
        {
            json.WriteStringValue(rejection.ToString());
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }

    private const string Style = RankingHtml.BaseStyle + """
        .r{position:relative;width:320px;height:14px;background:#f0f4f8}
        .r i{position:absolute;top:2px;height:10px;background:#2bb0ed;min-width:2px}
        .r b{position:absolute;top:0;height:14px;width:2px;background:#d64545}
        .s{display:inline-block;height:12px;background:#4055a8;vertical-align:middle}
        .m{color:#616e7c}
        """;

    private static void WriteHtml(RankSensitivity analysis, Stream output, CancellationToken cancellationToken)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        var r = analysis.RuleSet;
        var e = (Func<string, string>)RankingHtml.E;
        var ranked = analysis.Units.Count(u => u.NominalRank is not null);
        var width = Math.Max(1, analysis.Units.Where(u => u.WorstRank is not null).Select(u => u.WorstRank!.Value).DefaultIfEmpty(1).Max());
        writer.WriteLine("<!DOCTYPE html>");
        writer.WriteLine("<html lang=\"vi\">");
        writer.WriteLine($"<head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>Độ nhạy của xếp hạng — {e(r.Title)}</title>");
        writer.WriteLine("<style>\n" + Style + "\n</style></head>");
        writer.WriteLine("<body>");
        writer.WriteLine($"<h1>Độ nhạy của xếp hạng: {e(r.Title)}</h1>");
        writer.WriteLine($"<p class=\"m\">Bộ tiêu chí {e(r.Id)} {e(r.Version)} · SHA-256 {e(r.Sha256)}</p>");
        writer.WriteLine($"<p>{e(Describe(analysis))}</p>");
        writer.WriteLine("<ul>");
        foreach (var line in Findings(analysis))
        {
            writer.WriteLine($"<li>{e(line)}</li>");
        }

        writer.WriteLine("</ul>");
        writer.WriteLine("<h2>Ảnh hưởng của trọng số từng lĩnh vực</h2>");
        writer.WriteLine($"<p class=\"m\">Chỉ số độ nhạy bậc một S: phần phương sai của lệch hạng bình quân do riêng trọng số của lĩnh vực gây ra (0–1; với {Count(analysis.Options.Runs)} lần chạy, một lĩnh vực không ảnh hưởng cho S khoảng {VietnameseFormat.Number(SensitivityModel.NoEffectLevel(analysis.Options.Runs), 3)}).</p>");
        writer.WriteLine("<table id=\"areas\"><thead><tr><th>Lĩnh vực</th><th>S</th><th></th><th>Tương quan</th></tr></thead><tbody>");
        foreach (var a in analysis.Areas)
        {
            var s = a.FirstOrderIndex ?? 0;
            writer.WriteLine($"<tr><td>{e(a.Title)} ({e(a.AreaId)})</td><td class=\"n\">{(a.FirstOrderIndex is { } f ? VietnameseFormat.Number(f, 4) : "—")}</td><td><span class=\"s\" style=\"width:{Px(s * 300)}px\"></span></td><td class=\"n\">{(a.Correlation is { } c ? VietnameseFormat.Number(c, 4) : "—")}</td></tr>");
        }

        writer.WriteLine("</tbody></table>");
        writer.WriteLine("<h2>Khoảng hạng 90% của từng đơn vị</h2>");
        writer.WriteLine($"<p class=\"m\">Thanh xanh: từ hạng ở phân vị 5 đến phân vị 95 của các lần chạy (trục từ hạng 1 đến hạng {RankingHtml.N(width)}); vạch đỏ: hạng danh nghĩa. Dòng tô vàng: chưa đủ dữ liệu.</p>");
        writer.WriteLine("<table id=\"units\"><thead><tr><th>Hạng</th><th>Mã</th><th>Tên</th><th>Chỉ số</th><th>Xếp loại</th><th>Trung vị</th><th>Khoảng 90%</th><th>Khoảng hạng</th><th>Đổi xếp loại</th></tr></thead><tbody>");
        foreach (var u in analysis.Units)
        {
            cancellationToken.ThrowIfCancellationRequested();
            writer.Write(u.Complete ? "<tr>" : "<tr class=\"x\">");
            writer.Write($"<td class=\"n\">{Rank(u.NominalRank)}</td><td>{e(u.Code)}</td><td>{e(u.Name)}</td><td class=\"n\">{(u.Index is { } i ? VietnameseFormat.Number(i, r.Index.Decimals) : "—")}</td><td>{e(u.Grade ?? "—")}</td>");
            writer.Write($"<td class=\"n\">{Rank(u.MedianRank)}</td><td class=\"n\">{(u.BestRank is { } b ? $"{RankingHtml.N(b)}–{RankingHtml.N(u.WorstRank!.Value)}" : "—")}</td><td>");
            if (u.BestRank is { } best && u.NominalRank is { } nominal)
            {
                var left = (decimal)(best - 1) / width * 320;
                var span = (decimal)(u.WorstRank!.Value - best + 1) / width * 320;
                writer.Write($"<div class=\"r\"><i style=\"left:{Px(left)}px;width:{Px(span)}px\"></i><b style=\"left:{Px((decimal)(nominal - 1) / width * 320)}px\"></b></div>");
            }

            writer.WriteLine($"</td><td class=\"n\">{VietnameseFormat.Number(u.GradeChangeShare * 100, 1)}%</td></tr>");
        }

        writer.WriteLine("</tbody></table>");
        writer.WriteLine($"<p class=\"m\">{e(Method)}</p>");
        writer.WriteLine($"<p class=\"m\">{RankingHtml.N(ranked)} đơn vị có hạng.</p>");
        writer.WriteLine("</body></html>");
    }

    private static string Rank(int? rank) => rank is { } r ? RankingHtml.N(r) : "—";

    /// <summary>A CSS length in invariant form with one decimal.</summary>
    private static string Px(decimal value) => Math.Round(value, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture);
}
