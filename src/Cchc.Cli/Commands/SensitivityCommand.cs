using System.CommandLine;
using System.Globalization;
using Cchc.Scoring;
using Cchc.Scoring.Analysis;
using Cchc.Scoring.Ranking;

namespace Cchc.Cli.Commands;

/// <summary>
/// <c>cchc sensitivity</c>: the ranking repeated many times with the area weights (and optionally the thresholds)
/// drawn within a band — the uncertainty analysis of the OECD/JRC Handbook on Constructing Composite Indicators.
/// </summary>
internal static class SensitivityCommand
{
    private static readonly string[] Formats = ["table", "json", "csv", "xlsx", "html"];

    public static Command Create(CliContext context)
    {
        var ruleSet = CommonOptions.RuleSet();
        var data = new Argument<string[]>("data") { Description = Strings.Rank_Data, Arity = ArgumentArity.OneOrMore };
        var runs = new Option<int>("--runs") { Description = Strings.Sensitivity_Runs, DefaultValueFactory = _ => 1000 };
        runs.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 100_000)
            {
                result.AddError(Strings.Sensitivity_RunsRange);
            }
        });
        var seed = new Option<long>("--seed") { Description = Strings.Sensitivity_Seed, DefaultValueFactory = _ => 1 };
        var weights = new Option<string>("--weights") { Description = Strings.Sensitivity_Weights, DefaultValueFactory = _ => "±20%" };
        var thresholds = new Option<string>("--thresholds") { Description = Strings.Sensitivity_Thresholds, DefaultValueFactory = _ => "0%" };
        foreach (var band in new[] { weights, thresholds })
        {
            band.Validators.Add(result =>
            {
                if (Band(result.GetValueOrDefault<string>()) is null)
                {
                    result.AddError(CliLanguage.Format(Strings.Sensitivity_BadBand, band.Name, result.GetValueOrDefault<string>()));
                }
            });
        }

        var output = new Option<string?>("--output", "-o") { Description = Strings.Sensitivity_Output };
        var format = new Option<string?>("--format", "-f") { Description = CliLanguage.Format(Strings.Rank_Format, string.Join(", ", Formats)) };
        format.AcceptOnlyFromAmong(Formats);
        var parallelism = new Option<int>("--parallelism") { Description = Strings.Sensitivity_Parallelism };
        parallelism.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError(Strings.Rank_ParallelismNegative);
            }
        });
        var command = new Command("sensitivity", Strings.Sensitivity_Description) { ruleSet, data, runs, seed, weights, thresholds, output, format, parallelism };
        command.SetAction((parse, token) => Run(
            context,
            parse.GetValue(ruleSet)!,
            parse.GetValue(data)!,
            new SensitivityOptions
            {
                Runs = parse.GetValue(runs),
                Seed = parse.GetValue(seed),
                WeightBand = Band(parse.GetValue(weights))!.Value,
                ThresholdBand = Band(parse.GetValue(thresholds))!.Value,
                MaxDegreeOfParallelism = parse.GetValue(parallelism),
            },
            parse.GetValue(output),
            parse.GetValue(format),
            token));
        return command;
    }

    /// <summary>A band written as a percentage: <c>±20%</c>, <c>20%</c>, <c>20</c> or <c>2,5%</c> → 0.20, 0.025; null when not one, or above 90%.</summary>
    internal static decimal? Band(string? text)
    {
        var trimmed = (text ?? "").Trim().Replace("+-", "", StringComparison.Ordinal).TrimStart('±', '+').TrimEnd('%').Trim().Replace(',', '.');
        return decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent) && percent <= 90
            ? percent / 100
            : null;
    }

    private static async Task<int> Run(CliContext context, string ruleSetPath, string[] dataPaths, SensitivityOptions options, string? outputPath, string? requestedFormat, CancellationToken cancellationToken)
    {
        if (context.RuleSetMissing(ruleSetPath))
        {
            return ExitCodes.UsageError;
        }

        if (CommonOptions.OutputFormat(context, requestedFormat, outputPath, dataPaths) is not { } format)
        {
            return ExitCodes.UsageError;
        }

        var loaded = context.Load(ruleSetPath);
        context.PrintDiagnostics(loaded.Diagnostics);
        if (loaded.RuleSet is not { } ruleSet)
        {
            context.Error.WriteLine(CliLanguage.Format(Strings.Rank_InvalidRuleSet, ruleSetPath));
            return ExitCodes.RulesInvalidOrTestsFailed;
        }

        if (!context.DataFilesExist(dataPaths))
        {
            return ExitCodes.UsageError;
        }

        RankSensitivity analysis;
        try
        {
            analysis = await RankSensitivity.AnalyzeAsync(context.Engine(ruleSet), dataPaths, options, cancellationToken).ConfigureAwait(false);
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

        foreach (var problem in analysis.Read.ColumnProblems)
        {
            context.Error.WriteLine(CliLanguage.Format(Strings.Rank_Column, problem));
        }

        foreach (var rejection in analysis.Read.Rejections)
        {
            context.Error.WriteLine(CliLanguage.Format(Strings.Data_Rejected, rejection));
        }

        if (format == "table")
        {
            WriteTable(context.Out, analysis);
        }
        else
        {
            var fileFormat = Enum.Parse<RankingFormat>(format, ignoreCase: true);
            if (outputPath is null)
            {
                using var buffer = new MemoryStream();
                SensitivityWriter.Write(analysis, fileFormat, buffer, cancellationToken);
                context.Out.Write(new System.Text.UTF8Encoding(false).GetString(buffer.GetBuffer(), 0, (int)buffer.Length).TrimStart('\uFEFF'));
            }
            else
            {
                AtomicFile.WriteBytes(outputPath, stream => SensitivityWriter.Write(analysis, fileFormat, stream, cancellationToken));
            }
        }

        context.Error.WriteLine($"scored {analysis.Read.Accepted}, rejected {analysis.Read.Rejected}, total {analysis.Read.Total}; {options.Runs} runs");
        return analysis.Read.Rejected > 0 ? ExitCodes.BadUnitData : ExitCodes.Success;
    }

    private static string N(decimal value, int decimals = 2) => VietnameseFormat.Number(value, decimals);

    private static string Rank(int? rank) => rank is { } r ? N(r, 0) : "—";

    private static void WriteTable(TextWriter writer, RankSensitivity analysis)
    {
        writer.WriteLine($"Bộ tiêu chí: {analysis.RuleSet.Id} {analysis.RuleSet.Version} (SHA-256 {analysis.RuleSet.Sha256})");
        writer.WriteLine(SensitivityWriter.Describe(analysis));
        foreach (var line in SensitivityWriter.Findings(analysis))
        {
            writer.WriteLine(line);
        }

        writer.WriteLine();
        writer.WriteLine("Ảnh hưởng của trọng số từng lĩnh vực");
        var areas = new Table(["Lĩnh vực", "Tên", "Chỉ số độ nhạy bậc một S", "Tương quan"]);
        foreach (var a in analysis.Areas)
        {
            areas.Add(a.AreaId, a.Title, a.FirstOrderIndex is { } s ? N(s, 4) : "—", a.Correlation is { } c ? N(c, 4) : "—");
        }

        areas.Write(writer);
        writer.WriteLine();
        var table = new Table(["Hạng", "Mã", "Tên", "Chỉ số", "Xếp loại", "Hạng trung vị", "Khoảng hạng 90%", "Đổi xếp loại"]);
        foreach (var u in analysis.Units)
        {
            table.Add(
                Rank(u.NominalRank),
                u.Code,
                u.Name + (u.Complete ? "" : " *"),
                u.Index is { } index ? N(index, analysis.RuleSet.Index.Decimals) : "—",
                u.Grade ?? "—",
                Rank(u.MedianRank),
                u.BestRank is { } best ? $"{N(best, 0)}–{N(u.WorstRank!.Value, 0)}" : "—",
                N(u.GradeChangeShare * 100, 1) + "%");
        }

        table.Write(writer);
        if (analysis.Units.Any(u => !u.Complete))
        {
            writer.WriteLine(Strings.Rank_IncompleteNote);
        }
    }
}
