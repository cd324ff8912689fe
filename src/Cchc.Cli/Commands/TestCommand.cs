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
        var verbose = new Option<bool>("--verbose", "-v") { Description = Strings.Test_Verbose };
        var filter = new Option<string?>("--filter") { Description = Strings.Test_Filter };
        var accept = new Option<bool>("--accept") { Description = Strings.Test_Accept };
        var command = new Command("test", Strings.Test_Description) { ruleSet, format, verbose, filter, accept };
        command.SetAction((parse, token) => Run(context, parse.GetValue(ruleSet)!, parse.GetValue(format)!, new TestFlags(parse.GetValue(verbose), parse.GetValue(filter), parse.GetValue(accept)), token));
        return command;
    }

    private sealed record TestFlags(bool Verbose, string? Filter, bool Accept);

    /// <summary>Whether a case is selected by <c>--filter</c>: its file (relative, or by name) or a part of its name.</summary>
    private static bool Selected(Cchc.Rules.Testing.AnalystTestCase testCase, string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return true;
        }

        var wanted = filter.Trim().Replace('\\', '/').Normalize(System.Text.NormalizationForm.FormC);
        return string.Equals(testCase.File, wanted, StringComparison.Ordinal)
            || string.Equals(Path.GetFileName(testCase.File), wanted, StringComparison.Ordinal)
            || testCase.Name.Normalize(System.Text.NormalizationForm.FormC).Contains(wanted, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<int> Run(CliContext context, string ruleSetArgument, string format, TestFlags flags, CancellationToken cancellationToken)
    {
        var verbose = flags.Verbose;
        if (context.RuleSetMissing(ruleSetArgument))
        {
            return ExitCodes.UsageError;
        }

        var loaded = context.Load(ruleSetArgument, checkWithRulesEngine: true);
        context.PrintDiagnostics(loaded.Diagnostics);
        if (loaded.RuleSet is null)
        {
            context.Error.WriteLine(CliLanguage.Format(Strings.Test_InvalidRuleSet, ruleSetArgument));
            context.Out.WriteLine("0 passed, 0 failed");
            return ExitCodes.RulesInvalidOrTestsFailed;
        }

        var engine = context.Engine(loaded.RuleSet);
        var selected = loaded.RuleSet.TestCases.Where(c => Selected(c, flags.Filter)).ToList();
        if (selected.Count == 0 && !string.IsNullOrWhiteSpace(flags.Filter))
        {
            context.Error.WriteLine(CliLanguage.Format(Strings.Test_NoMatch, flags.Filter));
        }

        var results = new List<AnalystTestResult>(selected.Count);
        foreach (var testCase in selected)
        {
            results.Add(await AnalystTestRunner.RunCaseAsync(engine, testCase, cancellationToken).ConfigureAwait(false));
        }

        var passed = results.Count(r => r.Passed);

        // An error in a test file is a failure too: its cases could not be read, so they did not run.
        var failed = results.Count - passed + loaded.TestErrors;
        if (results.Any(r => !r.Passed))
        {
            var changes = TestAccept.Plan(loaded.RuleSet.Directory, results.Where(r => !r.Passed));
            foreach (var change in changes)
            {
                context.Error.WriteLine(CliLanguage.Format(flags.Accept ? Strings.Test_Writing : Strings.Test_WouldWrite, change.Relative));
                foreach (var (line, before, after) in change.Lines)
                {
                    context.Error.WriteLine($"  {line,5} - {before.Trim()}");
                    context.Error.WriteLine($"  {line,5} + {after.Trim()}");
                }
            }

            if (flags.Accept)
            {
                TestAccept.Write(changes);
                context.Error.WriteLine(CliLanguage.Format(Strings.Test_Written, changes.Count));
            }
        }

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

            context.Out.WriteLine(CliLanguage.Format(Strings.Test_Cases, loaded.RuleSet.Id, loaded.RuleSet.Version, VietnameseFormat.Number(results.Count)));
            context.Out.WriteLine($"{passed} passed, {failed} failed");
        }

        return failed == 0 ? ExitCodes.Success : ExitCodes.RulesInvalidOrTestsFailed;
    }
}
