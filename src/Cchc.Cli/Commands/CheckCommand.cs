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
        var command = new Command("check", Strings.Check_Description) { ruleSet, format };
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
                context.Out.WriteLine(CliLanguage.Format(Strings.Check_Ok, ruleSet.Id, ruleSet.Version, Count(ruleSet.Criteria.Count), Count(ruleSet.Areas.Count), Count(ruleSet.Inputs.Count), Count(ruleSet.TestCases.Count), Count(warnings), ruleSet.Sha256));
                foreach (var level in ruleSet.Levels)
                {
                    // What a unit of each level is scored on, so an analyst sees the effect of a 'levels' edit at once.
                    var applicable = ruleSet.Criteria.Where(c => c.AppliesTo(level) && c.Kind == CriterionKind.Base).ToList();
                    context.Out.WriteLine(CliLanguage.Format(Strings.Check_Level, level.ToCode(), Count(applicable.Count), VietnameseFormat.Number(applicable.Sum(c => c.Scoring.Points)), VietnameseFormat.Number(ruleSet.MaxPoints)));
                }
            }
            else
            {
                context.Out.WriteLine(CliLanguage.Format(Strings.Check_Invalid, ruleSetArgument, Count(errors), Count(warnings)));
            }

            if (result.RuleSet is not null && result.TestErrors > 0)
            {
                context.Out.WriteLine(CliLanguage.Format(Strings.Check_InvalidTests, Count(result.TestErrors)));
            }
        }

        return result.HasErrors ? ExitCodes.RulesInvalidOrTestsFailed : ExitCodes.Success;
    }

    /// <summary>A count shown to people: Vietnamese digit grouping (1.234).</summary>
    private static string Count(int value) => VietnameseFormat.Number(value);
}
