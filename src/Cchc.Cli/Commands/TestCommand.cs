using System.CommandLine;
using System.Text.Json;
using Cchc.Scoring;
using Cchc.Scoring.Testing;

namespace Cchc.Cli.Commands;

/// <summary><c>cchc test</c>: run the analysts' test cases of a rule set.</summary>
internal static class TestCommand
{
    public static Command Create(CliContext context)
    {
        var ruleSet = CommonOptions.RuleSet();
        var format = CommonOptions.Format("table", "json");
        var verbose = new Option<bool>("--verbose", "-v") { Description = "List every case, not only the failures." };
        var command = new Command("test", "Run the analysts' test cases beside a rule set; ends with 'N passed, N failed'.") { ruleSet, format, verbose };
        command.SetAction((parse, token) => Run(context, parse.GetValue(ruleSet)!, parse.GetValue(format)!, parse.GetValue(verbose), token));
        return command;
    }

    private static async Task<int> Run(CliContext context, string ruleSetArgument, string format, bool verbose, CancellationToken cancellationToken)
    {
        if (context.RuleSetMissing(ruleSetArgument))
        {
            return ExitCodes.UsageError;
        }

        var loaded = context.Load(ruleSetArgument, checkWithRulesEngine: true);
        context.PrintDiagnostics(loaded.Diagnostics);
        if (loaded.RuleSet is null)
        {
            context.Error.WriteLine($"INVALID {ruleSetArgument}: bộ tiêu chí có lỗi nên chưa chạy ca kiểm thử nào.");
            context.Out.WriteLine("0 passed, 0 failed");
            return ExitCodes.RulesInvalidOrTestsFailed;
        }

        var results = await AnalystTestRunner.RunAsync(context.Engine(loaded.RuleSet), cancellationToken).ConfigureAwait(false);
        var passed = results.Count(r => r.Passed);
        var failed = results.Count - passed;
        if (format == "json")
        {
            context.Out.WriteLine(JsonSerializer.Serialize(
                new
                {
                    ruleSet = loaded.RuleSet.Id,
                    version = loaded.RuleSet.Version,
                    passed,
                    failed,
                    results = results.Select(r => new { name = r.Case.Name, file = r.Case.File, line = r.Case.Line, passed = r.Passed, failures = r.Failures }),
                },
                JsonOutput.Options));
            context.Error.WriteLine($"{passed} passed, {failed} failed");
        }
        else
        {
            foreach (var result in results.Where(r => verbose || !r.Passed))
            {
                context.Out.WriteLine($"{(result.Passed ? "PASS" : "FAIL")}  {result.Case.File}:{result.Case.Line}  {result.Case.Name}");
                foreach (var failure in result.Failures)
                {
                    context.Out.WriteLine($"      {failure}");
                }
            }

            context.Out.WriteLine($"{loaded.RuleSet.Id} {loaded.RuleSet.Version}: {VietnameseFormat.Number(results.Count)} ca kiểm thử");
            context.Out.WriteLine($"{passed} passed, {failed} failed");
        }

        return failed == 0 ? ExitCodes.Success : ExitCodes.RulesInvalidOrTestsFailed;
    }
}
