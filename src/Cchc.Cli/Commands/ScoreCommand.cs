using System.CommandLine;
using Cchc.Rules;
using Cchc.Rules.Model;
using Cchc.Scoring;
using Cchc.Scoring.Cards;
using Cchc.Scoring.Explanations;
using Cchc.Scoring.Units;

namespace Cchc.Cli.Commands;

/// <summary><c>cchc score</c>: score the units of a data file and explain every criterion.</summary>
internal static class ScoreCommand
{
    public static Command Create(CliContext context)
    {
        var ruleSet = CommonOptions.RuleSet();
        var data = new Argument<string[]>("data") { Description = Strings.Score_Data, Arity = ArgumentArity.OneOrMore };
        var format = CommonOptions.Format("table", "json", "html", "xlsx");
        var output = new Option<string?>("--output", "-o") { Description = Strings.Score_Output };
        var all = new Option<bool>("--all") { Description = Strings.Score_All };
        var compare = new Option<bool>("--compare") { Description = Strings.Score_Compare };
        var explain = new Option<bool>("--explain") { Description = Strings.Score_Explain };
        var survey = new Option<string[]>("--survey") { Description = Strings.Survey_Option };
        var appraisal = CommonOptions.Appraisal();
        var command = new Command("score", Strings.Score_Description) { ruleSet, data, format, output, all, compare, explain, survey, appraisal };
        command.SetAction((parse, token) => Run(context, parse.GetValue(ruleSet)!, parse.GetValue(data)!, parse.GetValue(format)!, parse.GetValue(output), new ScoreFlags(parse.GetValue(all), parse.GetValue(compare), parse.GetValue(explain), parse.GetValue(survey), parse.GetValue(appraisal) ?? []), token));
        return command;
    }

    private sealed record ScoreFlags(bool All, bool Compare, bool Explain, string[]? Survey, string[] Appraisal);

    private static async Task<int> Run(CliContext context, string ruleSetArgument, string[] dataPaths, string format, string? outputPath, ScoreFlags flags, CancellationToken cancellationToken)
    {
        if (context.RuleSetMissing(ruleSetArgument))
        {
            return ExitCodes.UsageError;
        }

        if (format == "xlsx" && outputPath is null)
        {
            context.Error.WriteLine(Strings.Score_XlsxToFile);
            return ExitCodes.UsageError;
        }

        if (outputPath is not null && OutputTarget.ProblemOrUnwritable(outputPath, [.. dataPaths, .. flags.Appraisal]) is { } outputProblem)
        {
            // Refused before anything is read, as cchc rank does: `-o data.csv` would destroy the data it scores.
            context.Error.WriteLine(outputProblem);
            return ExitCodes.UsageError;
        }

        var loaded = context.Load(ruleSetArgument);
        context.PrintDiagnostics(loaded.Diagnostics);
        if (loaded.RuleSet is not { } ruleSet)
        {
            context.Error.WriteLine(CliLanguage.Format(Strings.Score_InvalidRuleSet, ruleSetArgument));
            return ExitCodes.RulesInvalidOrTestsFailed;
        }


        var survey = SurveyInput.Read(context, ruleSet, flags.Survey, out var surveyFailed);
        if (surveyFailed)
        {
            return ExitCodes.UsageError;
        }

        if (await context.ReadDataAsync(ruleSet, dataPaths, cancellationToken, flags.Appraisal).ConfigureAwait(false) is not { } input)
        {
            return ExitCodes.UsageError;
        }

        var (units, read) = (survey is null ? input.Units : [.. input.Units.Select(survey.Attach)], input.Summary);
        var engine = context.Engine(ruleSet);
        var cards = new List<ScoreCard>(units.Count);
        await foreach (var card in engine.ScoreManyAsync(units, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            cards.Add(card);
        }

        var notes = new List<string>();
        var comparison = flags.Compare ? CompareReport.Create(ruleSet, cards, read.Published, notes) : null;
        void Write(TextWriter writer)
        {
            if (comparison is not null)
            {
                if (format == "json")
                {
                    comparison.WriteJson(writer);
                }
                else
                {
                    comparison.WriteTable(writer);
                }

                return;
            }

            if (format == "html")
            {
                // The appraisal record (biên bản thẩm định) of every unit, as one self-contained page.
                writer.Flush();
                using var buffer = new MemoryStream();
                AppraisalRecord.WriteHtml(cards, ruleSet, buffer);
                writer.Write(new System.Text.UTF8Encoding(false).GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
                return;
            }

            if (format == "json" && flags.Explain)
            {
                writer.WriteLine(ExplainOutput.Json(cards, ruleSet));
                return;
            }

            if (format == "json")
            {
                writer.WriteLine(cards.Count == 1 ? ScoreCardJson.Serialize(cards[0]) : ScoreCardJson.SerializeMany(cards));
                return;
            }

            foreach (var card in cards)
            {
                WriteCard(writer, ruleSet, card, flags.All);
                if (flags.Explain)
                {
                    ExplainOutput.WriteWhatIf(writer, WhatIf.Analyze(card, ruleSet));
                    ExplainOutput.WriteSources(writer, ruleSet, card, flags.All);
                }
            }
        }

        if (format == "xlsx")
        {
            AtomicFile.WriteBytes(outputPath!, stream => AppraisalRecord.WriteXlsx(cards, ruleSet, stream));
        }
        else if (outputPath is null)
        {
            Write(context.Out);
        }
        else
        {
            AtomicFile.Write(outputPath, byteOrderMark: false, Write);
        }

        foreach (var warning in read.Warnings.Concat(notes))
        {
            context.Error.WriteLine(warning);
        }

        foreach (var card in cards)
        {
            foreach (var problem in card.Problems)
            {
                context.Error.WriteLine(CliLanguage.Format(Strings.Score_DataProblem, problem.File ?? card.Unit.Code, problem.Row, card.Unit.Code, problem.Input, problem.Value, problem.Reason));
            }
        }

        foreach (var rejection in read.Rejections)
        {
            context.Error.WriteLine(CliLanguage.Format(Strings.Data_Rejected, rejection));
        }

        var surveyRefused = false;
        if (survey is not null)
        {
            foreach (var card in cards)
            {
                foreach (var problem in card.Survey?.Problems ?? [])
                {
                    context.Error.WriteLine(CliLanguage.Format(Strings.Survey_UnitProblem, card.Unit.Code, problem));
                }
            }

            surveyRefused = SurveyInput.Report(context, survey.Reconcile(cards.Select(c => c.Unit.Code)));
        }

        var withProblems = cards.Count(c => c.Problems.Count > 0);
        context.Error.WriteLine($"scored {cards.Count}, rejected {read.Rejected}, total {cards.Count + read.Rejected}; {withProblems} unit(s) with data problems");
        return read.Rejected > 0 || withProblems > 0 || surveyRefused || read.AppraisalProblems > 0 ? ExitCodes.BadUnitData : ExitCodes.Success;
    }

    internal static void WriteCard(TextWriter writer, CompiledRuleSet ruleSet, ScoreCard card, bool all)
    {
        var unit = card.Unit;
        var kind = UnitLevels.KindFromCode(unit.Kind) is { } k ? $", {k.ToVietnamese()}" : "";
        writer.WriteLine($"{unit.Name} ({unit.Code}, {Level(unit.Level)}{kind}{(unit.Parent is null ? "" : $", thuộc {unit.Parent}")})");
        writer.WriteLine($"Bộ tiêu chí: {ruleSet.Title} — {card.RuleSet.Id} {card.RuleSet.Version}");
        writer.WriteLine($"Điểm: {VietnameseFormat.Number(card.Points)}/{VietnameseFormat.Number(card.MaxPoints)} · Chỉ số: {(card.Index is { } i ? VietnameseFormat.Number(i, ruleSet.Index.Decimals) : "—")} · Xếp loại: {card.Grade ?? "—"}");
        WriteComponents(writer, ruleSet, card);
        writer.WriteLine();
        var table = new Table("Mã", "Trạng thái", "Giá trị", "Mục tiêu", "Điểm", "Giải thích");
        foreach (var criterion in card.Criteria.Flatten().Where(c => all || c.Status != CriterionStatus.NotApplicable))
        {
            table.Add(criterion.Id, criterion.Status.ToVietnamese(), criterion.ValueText ?? "—", criterion.TargetText ?? "—",
                $"{VietnameseFormat.Number(criterion.Points)}/{VietnameseFormat.Number(ruleSet.FindCriterion(criterion.Id)?.Scoring.Points ?? criterion.MaxPoints)}", criterion.Explanation);
        }

        table.Write(writer);
        var notApplicable = card.Criteria.Count(c => c.Status == CriterionStatus.NotApplicable);
        if (notApplicable > 0 && !all)
        {
            writer.WriteLine($"({notApplicable} tiêu chí không áp dụng cho {Level(unit.Level)} không được liệt kê.)");
        }

        writer.WriteLine();
        var areas = new Table("Lĩnh vực", "Điểm", "Tối đa");
        foreach (var area in card.Areas.Where(a => a.MaxPoints > 0 || all))
        {
            areas.Add(area.Title, VietnameseFormat.Number(area.Points), VietnameseFormat.Number(area.MaxPoints));
        }

        areas.Write(writer);
        ExplainOutput.WriteSelfAssessment(writer, ruleSet, card);
        if (card.Problems.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("Dữ liệu có vấn đề:");
            foreach (var problem in card.Problems)
            {
                writer.WriteLine($"  {problem.Input} ({problem.Label}) = '{problem.Value}': {problem.Reason}");
            }
        }

        writer.WriteLine();
    }


    /// <summary>The index's components ("Điểm thẩm định 61,25/70 + Điều tra XHH 24,6/30 = 85,85"), and the survey by group.</summary>
    private static void WriteComponents(TextWriter writer, CompiledRuleSet ruleSet, ScoreCard card)
    {
        if (card.Components is not { } components)
        {
            return;
        }

        var decimals = ruleSet.Index.Decimals;
        var parts = components.Select(c => $"{c.Title} {(c.Points is { } p ? VietnameseFormat.Number(p, decimals) : "—")}/{VietnameseFormat.Number(c.Weight)}");
        writer.WriteLine($"Thành phần: {string.Join(" + ", parts)}{(card.Index is { } index ? $" → chỉ số {VietnameseFormat.Number(index, decimals)}" : "")}");
        if (card.Survey is not { } survey)
        {
            return;
        }

        if (survey.Status == Cchc.Scoring.Survey.SurveyStatus.Missing)
        {
            writer.WriteLine(survey.WhenMissing == "zero"
                ? "Điều tra xã hội học: chưa có kết quả, điểm điều tra tính bằng 0 (whenNoSurvey: zero)."
                : "Điều tra xã hội học: chưa có kết quả, chỉ số là điểm thẩm định quy đổi về thang chỉ số (whenNoSurvey: renormalize).");
        }
        else
        {
            var groups = survey.Groups.Select(g => $"{g.Title} {(g.Satisfaction is { } s ? VietnameseFormat.Percent(Math.Round(s * 100, 2, MidpointRounding.AwayFromZero)) : "—")} ({VietnameseFormat.Number(g.Respondents, 0)} phiếu, tỷ trọng {VietnameseFormat.Number(g.Weight)})");
            writer.WriteLine($"Điều tra xã hội học: hài lòng {VietnameseFormat.Percent(Math.Round(survey.Satisfaction!.Value * 100, 2, MidpointRounding.AwayFromZero))}, {VietnameseFormat.Number(survey.Respondents, 0)} người được hỏi — {string.Join("; ", groups)}");
        }

        foreach (var problem in survey.Problems)
        {
            writer.WriteLine($"  Điều tra: {problem}");
        }
    }

    private static string Level(string level) => UnitLevels.TryParse(level, out var parsed) ? parsed.ToVietnamese() : level;
}
