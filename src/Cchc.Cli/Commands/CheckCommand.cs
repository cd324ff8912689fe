using System.CommandLine;
using System.Text.Json;
using Cchc.Rules.Diagnostics;
using Cchc.Rules.Model;
using Cchc.Scoring;

namespace Cchc.Cli.Commands;

/// <summary><c>cchc check</c>: validate a rule set and say what is wrong, where, and what to do.</summary>
internal static class CheckCommand
{
    public static Command Create(CliContext context)
    {
        var ruleSet = CommonOptions.RuleSet();
        var format = CommonOptions.Format("table", "json");
        var command = new Command("check", "Validate a rule set: schema, points, bands, expressions (allow-list), compile check. Nothing is scored.") { ruleSet, format };
        command.SetAction(parse => Run(context, parse.GetValue(ruleSet)!, parse.GetValue(format)!));
        return command;
    }

    private static int Run(CliContext context, string ruleSetArgument, string format)
    {
        if (context.RuleSetMissing(ruleSetArgument))
        {
            return ExitCodes.UsageError;
        }

        var result = context.Load(ruleSetArgument, checkWithRulesEngine: true);
        var errors = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var warnings = result.Diagnostics.Count - errors;
        if (format == "json")
        {
            var ruleSet = result.RuleSet;
            context.Out.WriteLine(JsonSerializer.Serialize(
                new
                {
                    ruleSet = ruleSetArgument,
                    valid = !result.HasErrors,
                    usable = result.Succeeded,
                    testErrors = result.TestErrors,
                    errors,
                    warnings,
                    id = ruleSet?.Id,
                    version = ruleSet?.Version,
                    sha256 = ruleSet?.Sha256,
                    criteria = ruleSet?.Criteria.Count,
                    inputs = ruleSet?.Inputs.Count,
                    testCases = ruleSet?.TestCases.Count,
                    diagnostics = result.Diagnostics.Select(d => new
                    {
                        severity = d.Severity == DiagnosticSeverity.Error ? "error" : "warning",
                        code = d.Code,
                        file = d.File,
                        line = d.Line,
                        column = d.Column,
                        rule = d.RuleId,
                        message = d.Message,
                        hint = d.Hint,
                    }),
                },
                JsonOutput.Options));
        }
        else
        {
            context.PrintDiagnostics(result.Diagnostics);
            if (result.RuleSet is { } ruleSet)
            {
                context.Out.WriteLine($"OK {ruleSet.Id} {ruleSet.Version}: {Count(ruleSet.Criteria.Count)} tiêu chí trong {Count(ruleSet.Areas.Count)} lĩnh vực, {Count(ruleSet.Inputs.Count)} đầu vào, {Count(ruleSet.TestCases.Count)} ca kiểm thử, {Count(warnings)} cảnh báo. sha256 {ruleSet.Sha256}");
                foreach (var level in ruleSet.Levels)
                {
                    // What a unit of each level is scored on, so an analyst sees the effect of a 'levels' edit at once.
                    var applicable = ruleSet.Criteria.Where(c => c.AppliesTo(level) && c.Kind == CriterionKind.Base).ToList();
                    context.Out.WriteLine($"   {level.ToCode(),-6} {Count(applicable.Count)} tiêu chí, tối đa {VietnameseFormat.Number(applicable.Sum(c => c.Scoring.Points))}/{VietnameseFormat.Number(ruleSet.MaxPoints)} điểm");
                }
            }
            else
            {
                context.Out.WriteLine($"INVALID {ruleSetArgument}: {Count(errors)} lỗi, {Count(warnings)} cảnh báo. Bộ tiêu chí có lỗi nên không chấm điểm theo bộ này được.");
            }

            if (result.RuleSet is not null && result.TestErrors > 0)
            {
                context.Out.WriteLine($"INVALID tests: các tệp kiểm thử có {Count(result.TestErrors)} lỗi. Bộ tiêu chí vẫn dùng được để chấm điểm; ca kiểm thử nào không đọc được thì không chạy.");
            }
        }

        return result.HasErrors ? ExitCodes.RulesInvalidOrTestsFailed : ExitCodes.Success;
    }

    /// <summary>A count shown to people: Vietnamese digit grouping (1.234).</summary>
    private static string Count(int value) => VietnameseFormat.Number(value);
}
