using System.CommandLine;
using System.Text;
using System.Text.Json;
using Cchc.Scoring;
using Cchc.Scoring.Analysis;
using Cchc.Scoring.Ranking;

namespace Cchc.Cli.Commands;

/// <summary><c>cchc impact</c>: what replacing one rule set by another does to the same data.</summary>
internal static class ImpactCommand
{
    private static readonly string[] Formats = ["table", "json", "markdown", "csv", "xlsx", "html"];

    public static Command Create(CliContext context)
    {
        var oldRules = new Argument<string>("old") { Description = Strings.Impact_Old };
        var newRules = new Argument<string>("new") { Description = Strings.Impact_New };
        var data = new Argument<string[]>("data") { Description = Strings.Rank_Data, Arity = ArgumentArity.OneOrMore };
        var format = new Option<string?>("--format", "-f") { Description = CliLanguage.Format(Strings.Impact_Format, string.Join(", ", Formats)) };
        format.AcceptOnlyFromAmong(Formats);
        var output = new Option<string?>("--output", "-o") { Description = Strings.Impact_Output };
        var command = new Command("impact", Strings.Impact_Description) { oldRules, newRules, data, format, output };
        command.SetAction((parse, token) => Run(context, parse.GetValue(oldRules)!, parse.GetValue(newRules)!, parse.GetValue(data)!, parse.GetValue(format), parse.GetValue(output), token));
        return command;
    }

    private static async Task<int> Run(CliContext context, string oldPath, string newPath, string[] dataPaths, string? requestedFormat, string? outputPath, CancellationToken cancellationToken)
    {
        if (context.RuleSetMissing(oldPath) || context.RuleSetMissing(newPath))
        {
            return ExitCodes.UsageError;
        }

        if (CommonOptions.OutputFormat(context, requestedFormat, outputPath, dataPaths, markdown: true) is not { } format)
        {
            return ExitCodes.UsageError;
        }

        var oldLoaded = context.Load(oldPath);
        context.PrintDiagnostics(oldLoaded.Diagnostics);
        var newLoaded = context.Load(newPath);
        context.PrintDiagnostics(newLoaded.Diagnostics);
        foreach (var (loaded, path) in new[] { (oldLoaded, oldPath), (newLoaded, newPath) })
        {
            if (loaded.RuleSet is null)
            {
                context.Error.WriteLine(CliLanguage.Format(Strings.Rank_InvalidRuleSet, path));
                return ExitCodes.RulesInvalidOrTestsFailed;
            }
        }

        if (!context.DataFilesExist(dataPaths))
        {
            return ExitCodes.UsageError;
        }

        RuleSetImpact impact;
        try
        {
            impact = await RuleSetImpact.AnalyzeAsync(context.Engine(oldLoaded.RuleSet!), context.Engine(newLoaded.RuleSet!), dataPaths, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidDataException)
        {
            context.Error.WriteLine(e.Message);
            return ExitCodes.UsageError;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            context.Error.WriteLine(Strings.Error_Cancelled);
            return ExitCodes.Cancelled;
        }

        foreach (var (label, read) in new[] { ("bộ cũ", impact.OldRead), ("bộ mới", impact.NewRead) })
        {
            foreach (var problem in read.ColumnProblems)
            {
                context.Error.WriteLine($"[{label}] " + CliLanguage.Format(Strings.Rank_Column, problem));
            }

            foreach (var rejection in read.Rejections)
            {
                context.Error.WriteLine($"[{label}] " + CliLanguage.Format(Strings.Data_Rejected, rejection));
            }
        }

        foreach (var input in impact.MissingInputs)
        {
            context.Error.WriteLine(CliLanguage.Format(Strings.Impact_MissingInput, input));
        }

        switch (format)
        {
            case "json" or "markdown":
                var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
                if (format == "json")
                {
                    WriteJson(text, impact);
                }
                else
                {
                    WriteMarkdown(text, impact);
                }

                if (outputPath is null)
                {
                    context.Out.Write(text.ToString());
                }
                else
                {
                    AtomicFile.WriteBytes(outputPath, stream => stream.Write(new UTF8Encoding(false).GetBytes(text.ToString())));
                }

                break;
            case "csv" or "xlsx" or "html":
                var fileFormat = Enum.Parse<RankingFormat>(format, ignoreCase: true);
                if (outputPath is null)
                {
                    using (var buffer = new MemoryStream())
                    {
                        ImpactWriter.Write(impact, fileFormat, buffer, cancellationToken);
                        context.Out.Write(new UTF8Encoding(false).GetString(buffer.GetBuffer(), 0, (int)buffer.Length).TrimStart('\uFEFF'));
                    }
                }
                else
                {
                    AtomicFile.WriteBytes(outputPath, stream => ImpactWriter.Write(impact, fileFormat, stream, cancellationToken));
                }

                break;
            default:
                WriteTable(context.Out, impact);
                break;
        }

        return ExitCodes.Success;
    }

    private static string N(decimal value, int decimals = 2) => VietnameseFormat.Number(value, decimals);

    private static string N(decimal? value, int decimals = 2) => value is { } v ? N(v, decimals) : "—";

    // Truncated, not rounded: a ranking that is not identical never reads as a correlation of 1.
    private static string R(double? value) => value is { } v ? VietnameseFormat.Number(Math.Round((decimal)v, 4, MidpointRounding.ToZero), 4) : "—";

    private static string Move(int? move) => move switch
    {
        null => "—",
        > 0 => "+" + N(move.Value, 0),
        < 0 => "−" + N(-move.Value, 0),
        _ => "0",
    };

    private static string Rank(ImpactSide? side) => side?.Rank is { } r ? N(r, 0) : "—";

    private static string Causes(UnitImpact unit) => string.Join("; ", unit.Causes.Select(c => $"{c.CriterionId} {(c.Change > 0 ? "+" : "−")}{N(Math.Abs(c.Change))}"));

    private static IEnumerable<UnitImpact> Changed(RuleSetImpact impact)
        => impact.Units.Where(u => u.Before is null || u.After is null || u.Before.Points != u.After.Points || u.Before.Grade != u.After.Grade || u.Before.Rank != u.After.Rank || u.Before.Index != u.After.Index);

    private static string[] UnitCells(RuleSetImpact impact, UnitImpact u) =>
    [
        u.Code, u.Name,
        u.Before is { } b ? $"{N(b.Points)}/{N(b.MaxPoints)}" : "—",
        u.After is { } a ? $"{N(a.Points)}/{N(a.MaxPoints)}" : "—",
        N(u.Before?.Index, impact.Old.Index.Decimals), N(u.After?.Index, impact.New.Index.Decimals),
        u.Before?.Grade ?? "—", u.After?.Grade ?? "—",
        Rank(u.Before), Rank(u.After), Move(u.RankMove), Causes(u),
    ];

    private static readonly string[] UnitHeaders = ["Mã", "Tên", "Điểm trước", "Điểm sau", "Chỉ số trước", "Chỉ số sau", "Xếp loại trước", "Xếp loại sau", "Hạng trước", "Hạng sau", "Thay đổi hạng", "Tiêu chí gây thay đổi"];

    private static (List<string> Old, List<string> New) MatrixAxes(RuleSetImpact impact)
    {
        var old = impact.GradeMatrix.Select(t => t.OldGrade).Distinct(StringComparer.Ordinal).ToList();
        var @new = impact.GradeMatrix.Select(t => t.NewGrade).Distinct(StringComparer.Ordinal).ToList();
        var order = impact.Old.Grades.Select(g => g.Name).Concat(impact.New.Grades.Select(g => g.Name)).Append(RuleSetImpact.NoGrade).Distinct(StringComparer.Ordinal).ToList();
        old.Sort((x, y) => order.IndexOf(x).CompareTo(order.IndexOf(y)));
        @new.Sort((x, y) => order.IndexOf(x).CompareTo(order.IndexOf(y)));
        return (old, @new);
    }

    private static string[][] MatrixRows(RuleSetImpact impact, List<string> oldAxis, List<string> newAxis)
        => [.. oldAxis.Select(o => new[] { o }.Concat(newAxis.Select(n => N(impact.GradeMatrix.FirstOrDefault(t => t.OldGrade == o && t.NewGrade == n)?.Count ?? 0, 0))).ToArray())];

    private static IEnumerable<string> Header(RuleSetImpact impact)
    {
        yield return $"Bộ tiêu chí cũ: {impact.Old.Id} {impact.Old.Version} (SHA-256 {impact.Old.Sha256})";
        yield return $"Bộ tiêu chí mới: {impact.New.Id} {impact.New.Version} (SHA-256 {impact.New.Sha256})";
        var both = impact.Units.Count(u => u.Before is not null && u.After is not null);
        yield return $"Đơn vị: {N(impact.Units.Count, 0)} (chấm theo cả hai: {N(both, 0)}; bị loại theo bộ cũ: {N(impact.OldRead.Rejected, 0)}, theo bộ mới: {N(impact.NewRead.Rejected, 0)})";
        yield return $"Đổi điểm: {N(impact.Units.Count(u => u.Before is not null && u.After is not null && u.Before.Points != u.After.Points), 0)}; đổi xếp loại: {N(impact.Units.Count(u => u.Before is not null && u.After is not null && u.Before.Grade != u.After.Grade), 0)}; đổi hạng: {N(impact.Units.Count(u => u.RankMove is not null and not 0), 0)}";
        yield return $"Tương quan hai bảng xếp hạng ({N(impact.RankedInBoth, 0)} đơn vị): Spearman {R(impact.Spearman)}, Kendall tau-b {R(impact.Kendall)}";
        foreach (var input in impact.MissingInputs)
        {
            yield return CliLanguage.Format(Strings.Impact_MissingInput, input);
        }
    }

    private static void WriteTable(TextWriter writer, RuleSetImpact impact)
    {
        foreach (var line in Header(impact))
        {
            writer.WriteLine(line);
        }

        writer.WriteLine();
        writer.WriteLine("Xếp loại cũ × xếp loại mới");
        var (oldAxis, newAxis) = MatrixAxes(impact);
        var matrix = new Table(["Cũ \\ Mới", .. newAxis]);
        foreach (var row in MatrixRows(impact, oldAxis, newAxis))
        {
            matrix.Add(row);
        }

        matrix.Write(writer);
        foreach (var (title, units) in new[] { ("Tăng hạng nhiều nhất", impact.LargestRises), ("Giảm hạng nhiều nhất", impact.LargestFalls) })
        {
            writer.WriteLine();
            writer.WriteLine(title);
            var moves = new Table(["Mã", "Tên", "Hạng trước", "Hạng sau", "Thay đổi hạng", "Tiêu chí gây thay đổi"]);
            foreach (var u in units)
            {
                moves.Add(u.Code, u.Name, Rank(u.Before), Rank(u.After), Move(u.RankMove), Causes(u));
            }

            moves.Write(writer);
        }

        writer.WriteLine();
        writer.WriteLine("Đơn vị thay đổi");
        var table = new Table(UnitHeaders);
        foreach (var u in Changed(impact))
        {
            table.Add(UnitCells(impact, u));
        }

        table.Write(writer);
    }

    private static string Md(string? cell) => (cell ?? "").Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static void MdTable(StringBuilder md, IReadOnlyList<string> headers, IEnumerable<string[]> rows)
    {
        md.Append("| ").AppendJoin(" | ", headers.Select(Md)).Append(" |\n");
        md.Append('|').AppendJoin('|', headers.Select(_ => " --- ")).Append("|\n");
        foreach (var row in rows)
        {
            md.Append("| ").AppendJoin(" | ", row.Select(Md)).Append(" |\n");
        }
    }

    private static void WriteMarkdown(TextWriter writer, RuleSetImpact impact)
    {
        var md = new StringBuilder();
        md.Append("# Tác động của thay đổi bộ tiêu chí\n\n");
        foreach (var line in Header(impact))
        {
            md.Append("- ").Append(Md(line)).Append('\n');
        }

        md.Append("\n## Xếp loại cũ × xếp loại mới\n\n");
        var (oldAxis, newAxis) = MatrixAxes(impact);
        MdTable(md, ["Cũ \\ Mới", .. newAxis], MatrixRows(impact, oldAxis, newAxis));
        foreach (var (title, units) in new[] { ("Tăng hạng nhiều nhất", impact.LargestRises), ("Giảm hạng nhiều nhất", impact.LargestFalls) })
        {
            md.Append("\n## ").Append(title).Append("\n\n");
            MdTable(md, ["Mã", "Tên", "Hạng trước", "Hạng sau", "Thay đổi hạng", "Tiêu chí gây thay đổi"], units.Select(u => new[] { u.Code, u.Name, Rank(u.Before), Rank(u.After), Move(u.RankMove), Causes(u) }));
        }

        md.Append("\n## Đơn vị thay đổi\n\n");
        MdTable(md, UnitHeaders, Changed(impact).Select(u => UnitCells(impact, u)));
        writer.Write(md.ToString());
    }

    private static void WriteJson(TextWriter writer, RuleSetImpact impact)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            foreach (var (name, ruleSet, read) in new[] { ("old", impact.Old, impact.OldRead), ("new", impact.New, impact.NewRead) })
            {
                json.WriteStartObject(name);
                json.WriteString("id", ruleSet.Id);
                json.WriteString("version", ruleSet.Version);
                json.WriteString("sha256", ruleSet.Sha256);
                json.WriteNumber("accepted", read.Accepted);
                json.WriteNumber("rejected", read.Rejected);
                json.WriteEndObject();
            }

            json.WriteNumber("units", impact.Units.Count);
            json.WriteNumber("rankedInBoth", impact.RankedInBoth);
            WriteCorrelation(json, "spearman", impact.Spearman);
            WriteCorrelation(json, "kendallTauB", impact.Kendall);
            json.WriteStartArray("missingInputs");
            foreach (var input in impact.MissingInputs)
            {
                json.WriteStringValue(input);
            }

            json.WriteEndArray();
            json.WriteStartArray("gradeMatrix");
            foreach (var t in impact.GradeMatrix)
            {
                json.WriteStartObject();
                json.WriteString("old", t.OldGrade);
                json.WriteString("new", t.NewGrade);
                json.WriteNumber("count", t.Count);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("largestRises");
            foreach (var u in impact.LargestRises)
            {
                json.WriteStringValue(u.Code);
            }

            json.WriteEndArray();
            json.WriteStartArray("largestFalls");
            foreach (var u in impact.LargestFalls)
            {
                json.WriteStringValue(u.Code);
            }

            json.WriteEndArray();
            json.WriteStartArray("unitImpacts");
            foreach (var u in impact.Units)
            {
                json.WriteStartObject();
                json.WriteString("code", u.Code);
                json.WriteString("name", u.Name);
                WriteSide(json, "before", u.Before);
                WriteSide(json, "after", u.After);
                if (u.RankMove is { } move)
                {
                    json.WriteNumber("rankMove", move);
                }
                else
                {
                    json.WriteNull("rankMove");
                }

                json.WriteStartArray("causes");
                foreach (var c in u.Causes)
                {
                    json.WriteStartObject();
                    json.WriteString("criterion", c.CriterionId);
                    json.WriteNumberOrNull("before", c.Before);
                    json.WriteNumberOrNull("after", c.After);
                    json.WriteNumber("change", c.Change);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        writer.Write(new UTF8Encoding(false).GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        writer.WriteLine();
    }

    private static void WriteCorrelation(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            // Rounded, so that the last bits of a double never differ between machines.
            json.WriteNumber(name, Math.Round((decimal)v, 6, MidpointRounding.ToZero));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteSide(Utf8JsonWriter json, string name, ImpactSide? side)
    {
        if (side is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteNumber("points", side.Points);
        json.WriteNumber("maxPoints", side.MaxPoints);
        json.WriteNumberOrNull("index", side.Index);
        json.WriteString("grade", side.Grade);
        if (side.Rank is { } rank)
        {
            json.WriteNumber("rank", rank);
        }
        else
        {
            json.WriteNull("rank");
        }

        json.WriteEndObject();
    }
}
