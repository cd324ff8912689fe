using System.CommandLine;
using System.Runtime.InteropServices;
using Cchc.Rules;
using Cchc.Rules.Model;
using Cchc.Scoring;
using Cchc.Scoring.Ranking;
using Cchc.Scoring.Units;

namespace Cchc.Cli.Commands;

/// <summary><c>cchc rank</c>: score every unit of a data file in parallel and rank them, losing no row.</summary>
internal static class RankCommand
{
    private static readonly string[] Formats = ["table", "json", "csv", "xlsx", "html"];

    public static Command Create(CliContext context)
    {
        var ruleSet = CommonOptions.RuleSet();
        var data = new Argument<string[]>("data")
        {
            Description = Strings.Rank_Data,
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string?>("--output", "-o") { Description = Strings.Rank_Output };
        var format = new Option<string?>("--format", "-f") { Description = CliLanguage.Format(Strings.Rank_Format, string.Join(", ", Formats)) };
        format.AcceptOnlyFromAmong(Formats);
        var groupBy = new Option<string>("--group-by") { Description = Strings.Rank_GroupBy, DefaultValueFactory = _ => "none" };
        groupBy.AcceptOnlyFromAmong("none", "parent");
        var parallelism = new Option<int>("--parallelism") { Description = Strings.Rank_Parallelism };
        parallelism.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError(Strings.Rank_ParallelismNegative);
            }
        });
        var previous = new Option<string?>("--previous") { Description = Strings.Rank_Previous };
        var mapping = new Option<string?>("--mapping") { Description = Strings.Rank_Mapping };
        var survey = new Option<string[]>("--survey") { Description = Strings.Survey_Option };
        var appraisal = CommonOptions.Appraisal();
        var command = new Command("rank", Strings.Rank_Description)
        {
            ruleSet, data, output, format, groupBy, parallelism, appraisal, survey, previous, mapping,
        };
        command.SetAction((parse, token) => RunCancellable(
            context,
            new RankRequest(parse.GetValue(ruleSet)!, parse.GetValue(data)!, parse.GetValue(output), parse.GetValue(format), parse.GetValue(groupBy) == "parent", parse.GetValue(parallelism), parse.GetValue(previous), parse.GetValue(mapping)) { Survey = parse.GetValue(survey), Appraisal = parse.GetValue(appraisal) ?? [] },
            token));
        return command;
    }

    private static async Task<int> RunCancellable(CliContext context, RankRequest request, CancellationToken commandToken)
    {
        // Ctrl-C (SIGINT) or SIGTERM cancels the run instead of killing the process, so the temporary output file is
        // removed and nothing half-written is left anywhere.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(commandToken);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        return await Run(context, request, stop.Token).ConfigureAwait(false);

        void Stop(PosixSignalContext signal)
        {
            signal.Cancel = true;
            stop.Cancel();
        }
    }

    private static async Task<int> Run(CliContext context, RankRequest request, CancellationToken cancellationToken)
    {
        if (context.RuleSetMissing(request.RuleSet))
        {
            return ExitCodes.UsageError;
        }

        var format = request.Format ?? (request.OutputPath is null ? "table" : RankingWriter.FormatOf(request.OutputPath)?.ToString().ToLowerInvariant());
        if (format is null)
        {
            context.Error.WriteLine(CliLanguage.Format(Strings.Rank_UnknownFormat, request.OutputPath));
            return ExitCodes.UsageError;
        }

        if (format == "xlsx" && request.OutputPath is null)
        {
            context.Error.WriteLine(Strings.Rank_XlsxToFile);
            return ExitCodes.UsageError;
        }

        if (format == "table" && request.OutputPath is not null)
        {
            context.Error.WriteLine(Strings.Rank_TableNotToFile);
            return ExitCodes.UsageError;
        }

        if (request.MappingPath is not null && request.PreviousPath is null)
        {
            context.Error.WriteLine(Strings.Rank_MappingWithoutPrevious);
            return ExitCodes.UsageError;
        }

        if (request.OutputPath is not null)
        {
            // Refused before anything is read: `-o data.csv` would destroy the data it ranks.
            var problem = OutputTarget.ProblemOrUnwritable(request.OutputPath, [.. request.DataPaths, .. request.Appraisal])
                          ?? (format == "csv" ? OutputTarget.Problem(ErrorsPathOf(request.OutputPath), [.. request.DataPaths, .. request.Appraisal]) : null);
            if (problem is not null)
            {
                context.Error.WriteLine(problem);
                return ExitCodes.UsageError;
            }
        }

        var loaded = context.Load(request.RuleSet);
        context.PrintDiagnostics(loaded.Diagnostics);
        if (loaded.RuleSet is not { } ruleSet)
        {
            context.Error.WriteLine(CliLanguage.Format(Strings.Rank_InvalidRuleSet, request.RuleSet));
            return ExitCodes.RulesInvalidOrTestsFailed;
        }

        if (!context.DataFilesExist(request.DataPaths.Concat(request.Appraisal)))
        {
            return ExitCodes.UsageError;
        }

        var survey = SurveyInput.Read(context, ruleSet, request.Survey, out var surveyFailed);
        if (surveyFailed)
        {
            return ExitCodes.UsageError;
        }

        PreviousRanking? previous = null;
        if (request.PreviousPath is not null)
        {
            try
            {
                previous = PreviousRanking.Read(request.PreviousPath, request.MappingPath);
            }
            catch (Exception e) when (e is FileNotFoundException or InvalidDataException or IOException or UnauthorizedAccessException)
            {
                context.Error.WriteLine(CliLanguage.Format(Strings.Rank_PreviousUnreadable, e.Message));
                return ExitCodes.UsageError;
            }
        }

        RankingReport report;
        try
        {
            report = await Rank(context, ruleSet, request, previous, survey, keepCards: format == "json", cancellationToken).ConfigureAwait(false);
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

        using var disposeReport = report;
        try
        {
            // A signal that came while the last rows were read stops the run here: no output file.
            cancellationToken.ThrowIfCancellationRequested();
            WriteOutput(context, report, format, request.OutputPath, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            context.Error.WriteLine(Strings.Error_Cancelled);
            return ExitCodes.Cancelled;
        }

        return Report(context, report);
    }

    private static async Task<RankingReport> Rank(CliContext context, CompiledRuleSet ruleSet, RankRequest request, PreviousRanking? previous, Cchc.Scoring.Survey.SurveyResults? survey, bool keepCards, CancellationToken cancellationToken)
    {
        var engine = context.Engine(ruleSet);
        TerminalProgress? progress = null;
        if (TerminalProgress.Available(context.RawError))
        {
            // Reading the files once first is cheap beside the scoring, and it gives the bar its end: the units
            // that will be scored.
            var read = await new UnitPipeline(ruleSet) { AppraisalFiles = request.Appraisal }.ReadAsync(request.DataPaths, (units, _) => Task.CompletedTask, cancellationToken).ConfigureAwait(false);
            progress = new TerminalProgress(context.RawError, read.Accepted);
        }

        using (progress)
        {
            var options = new RankingOptions { GroupByParent = request.GroupByParent, MaxDegreeOfParallelism = request.Parallelism, Progress = progress, KeepCards = keepCards, Previous = previous, Survey = survey, AppraisalFiles = request.Appraisal };
            return await RankingRun.RunAsync(engine, request.DataPaths, options, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void WriteOutput(CliContext context, RankingReport report, string format, string? outputPath, CancellationToken cancellationToken)
    {
        if (format == "table")
        {
            WriteTable(context.Out, report);
            return;
        }

        var rankingFormat = Enum.Parse<RankingFormat>(format, ignoreCase: true);
        if (outputPath is null)
        {
            using var buffer = new MemoryStream();
            RankingWriter.Write(report, rankingFormat, buffer, cancellationToken);
            context.Out.Write(new System.Text.UTF8Encoding(false).GetString(buffer.GetBuffer(), 0, (int)buffer.Length).TrimStart('\uFEFF'));
            return;
        }

        AtomicFile.WriteBytes(outputPath, stream => RankingWriter.Write(report, rankingFormat, stream, cancellationToken));
        if (rankingFormat == RankingFormat.Csv)
        {
            // A CSV has no room for an error sheet: the errors go beside it, and a stale one from an earlier run goes.
            var errorsPath = ErrorsPathOf(outputPath);
            if (report.Rejections.Count + report.ColumnProblems.Count + (report.Previous is { } previous ? previous.Errors.Count + previous.Warnings.Count : 0) + (report.Survey?.Rejections.Count ?? 0) + (report.Survey?.ColumnProblems.Count ?? 0) > 0)
            {
                AtomicFile.WriteBytes(errorsPath, stream => RankingWriter.WriteErrorsCsv(report, stream));
                context.Error.WriteLine(CliLanguage.Format(Strings.Rank_ErrorsWritten, errorsPath));
            }
            else if (File.Exists(errorsPath))
            {
                File.Delete(errorsPath);
            }
        }
    }

    /// <summary><c>ranking.csv</c> → <c>ranking.errors.csv</c>.</summary>
    internal static string ErrorsPathOf(string csvPath) => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(csvPath))!, Path.GetFileNameWithoutExtension(csvPath) + ".errors.csv");

    private static int Report(CliContext context, RankingReport report)
    {
        foreach (var problem in report.ColumnProblems)
        {
            context.Error.WriteLine(CliLanguage.Format(Strings.Rank_Column, problem));
        }

        foreach (var rejection in report.Rejections)
        {
            context.Error.WriteLine(CliLanguage.Format(Strings.Data_Rejected, rejection));
        }

        var surveyRefused = report.Survey is { } survey && SurveyInput.Report(context, survey);
        var incomplete = report.Rows.Count(r => !r.Complete);
        context.Error.WriteLine($"{report.Summary}; {incomplete} unit(s) ranked with missing data");
        if (report.Previous is { } previous)
        {
            foreach (var error in previous.Errors)
            {
                context.Error.WriteLine(CliLanguage.Format(Strings.Rank_PreviousError, error));
            }

            foreach (var warning in previous.Warnings)
            {
                context.Error.WriteLine(CliLanguage.Format(Strings.Rank_PreviousWarning, warning));
            }

            var s = previous.Summary;
            context.Error.WriteLine(CliLanguage.Format(
                Strings.Rank_PreviousSummary,
                s.IndexRose, s.IndexFell, s.IndexSame, s.RankRose, s.RankFell, s.RankSame, s.Matched, s.New, s.Merged, s.Split, s.NotFound, s.Gone));
        }

        // Appraisal sheets' problems, refused survey rows and bad rows of last year's ranking or of the mapping are bad data too: the ranking is written, and the exit says so.
        return report.Summary.Rejected > 0 || incomplete > 0 || surveyRefused || report.AppraisalProblems > 0 || report.Previous?.Errors.Count > 0 ? ExitCodes.BadUnitData : ExitCodes.Success;
    }

    private static void WriteTable(TextWriter writer, RankingReport report)
    {
        var headers = new List<string> { "Hạng" };
        if (report.GroupedByParent)
        {
            headers.Add("Hạng trong cấp trên");
        }

        var hasKinds = report.Rows.Any(r => r.Standing.Kind is not null);
        headers.AddRange(hasKinds ? ["Mã", "Tên", "Loại", "Cấp trên"] : ["Mã", "Tên", "Cấp trên"]);
        headers.Add("Điểm");
        var components = report.RuleSet.Composition?.Components ?? [];
        headers.AddRange(components.Select(c => c.Title));
        headers.AddRange(["Chỉ số", "Xếp loại", "Mất nhiều điểm nhất"]);
        if (report.Previous is not null)
        {
            headers.AddRange(["Chỉ số năm trước", "Hạng năm trước", "Xếp loại năm trước", "Tăng/giảm chỉ số", "Tăng/giảm hạng", "So với năm trước"]);
        }

        var table = new Table([.. headers]);
        foreach (var row in report.Rows)
        {
            var unit = row.Standing;
            var cells = new List<string?> { row.Rank is { } rank ? VietnameseFormat.Number(rank, 0) : "—" };
            if (report.GroupedByParent)
            {
                cells.Add(row.GroupRank is { } groupRank ? VietnameseFormat.Number(groupRank, 0) : "—");
            }

            cells.AddRange([unit.Code, unit.Name + (row.Complete ? "" : " *")]);
            if (hasKinds)
            {
                cells.Add(UnitLevels.KindFromCode(unit.Kind)?.ToVietnamese() ?? "");
            }

            cells.AddRange([
                unit.Parent ?? "",
                $"{VietnameseFormat.Number(unit.Points)}/{VietnameseFormat.Number(unit.MaxPoints)}",
            ]);
            for (var c = 0; c < components.Count; c++)
            {
                cells.Add(unit.Components[c].Points is { } p ? VietnameseFormat.Number(p, report.RuleSet.Index.Decimals) : "—");
            }

            cells.AddRange([
                unit.Index is { } index ? VietnameseFormat.Number(index, report.RuleSet.Index.Decimals) : "—",
                unit.Grade ?? "—",
                string.Join("; ", row.TopLosses.Select(l => $"{l.CriterionId} −{VietnameseFormat.Number(l.Lost)}")),
            ]);
            if (report.Previous is not null && row.Previous is { } year)
            {
                var decimals = report.RuleSet.Index.Decimals;
                cells.AddRange([
                    year.Index is { } last ? VietnameseFormat.Number(last, decimals) : "—",
                    year.Rank is { } lastRank ? VietnameseFormat.Number(lastRank, 0) : "—",
                    year.Grade ?? "—",
                    Arrow(year.IndexChange, decimals),
                    Arrow(year.RankChange, 0),
                    StatusWord(year.Status) + year.GradeChange switch { > 0 => ", xếp loại lên", < 0 => ", xếp loại xuống", 0 => ", giữ xếp loại", _ => "" },
                ]);
            }

            table.Add([.. cells]);
        }

        table.Write(writer);
        if (report.Rows.Any(r => !r.Complete))
        {
            writer.WriteLine(Strings.Rank_IncompleteNote);
        }

        if (report.Previous is { } previous)
        {
            var s = previous.Summary;
            writer.WriteLine();
            writer.WriteLine(CliLanguage.Format(
                Strings.Rank_PreviousSummary,
                s.IndexRose, s.IndexFell, s.IndexSame, s.RankRose, s.RankFell, s.RankSame, s.Matched, s.New, s.Merged, s.Split, s.NotFound, s.Gone));
            foreach (var t in s.GradeTransitions)
            {
                writer.WriteLine($"  {t.From} → {t.To}: {t.Count}");
            }
        }
    }

    /// <summary>▲ 2,5 / ▼ 1 / = / —, the way the HTML report shows a change.</summary>
    private static string Arrow(decimal? change, int decimals) => change switch
    {
        null => "—",
        > 0 => "▲ " + VietnameseFormat.Number(change.Value, decimals),
        < 0 => "▼ " + VietnameseFormat.Number(-change.Value, decimals),
        _ => "=",
    };

    private static string StatusWord(PreviousStatus status) => status switch
    {
        PreviousStatus.Matched => "khớp",
        PreviousStatus.New => "mới",
        PreviousStatus.Merged => "sáp nhập",
        PreviousStatus.Split => "chia tách",
        _ => "không tìm thấy",
    };

    private sealed record RankRequest(string RuleSet, string[] DataPaths, string? OutputPath, string? Format, bool GroupByParent, int Parallelism, string? PreviousPath, string? MappingPath)
    {
        public string[]? Survey { get; init; }

        /// <summary>The appraisal council's sheets (<c>--appraisal</c>).</summary>
        public string[] Appraisal { get; init; } = [];
    }

}
