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
        var filter = new Option<string?>("--filter") { Description = "Chỉ chạy các ca của một tệp (tests/x.json hoặc x.json) hoặc các ca có tên chứa chuỗi này." };
        var accept = new Option<bool>("--accept") { Description = "Ghi kết quả mới của các ca không đạt vào chính các giá trị mong đợi mà ca đó nêu (in ra các dòng thay đổi trước); không có cờ này thì không ghi gì." };
        var command = new Command("test", "Run the analysts' test cases beside a rule set; ends with 'N passed, N failed'.") { ruleSet, format, verbose, filter, accept };
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
            context.Error.WriteLine($"INVALID {ruleSetArgument}: bộ tiêu chí có lỗi nên chưa chạy ca kiểm thử nào.");
            context.Out.WriteLine("0 passed, 0 failed");
            return ExitCodes.RulesInvalidOrTestsFailed;
        }

        var engine = context.Engine(loaded.RuleSet);
        var selected = loaded.RuleSet.TestCases.Where(c => Selected(c, flags.Filter)).ToList();
        if (selected.Count == 0 && !string.IsNullOrWhiteSpace(flags.Filter))
        {
            context.Error.WriteLine($"Không có ca kiểm thử nào khớp với --filter '{flags.Filter}'.");
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
                context.Error.WriteLine($"{(flags.Accept ? "Ghi" : "Nếu chấp nhận (--accept) sẽ ghi")} {change.Relative}:");
                foreach (var (line, before, after) in change.Lines)
                {
                    context.Error.WriteLine($"  {line,5} - {before.Trim()}");
                    context.Error.WriteLine($"  {line,5} + {after.Trim()}");
                }
            }

            if (flags.Accept)
            {
                TestAccept.Write(changes);
                context.Error.WriteLine($"Đã ghi kết quả mới vào {changes.Count} tệp kiểm thử; xem lại thay đổi (git diff) trước khi lưu.");
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

            context.Out.WriteLine($"{loaded.RuleSet.Id} {loaded.RuleSet.Version}: {VietnameseFormat.Number(results.Count)} ca kiểm thử");
            context.Out.WriteLine($"{passed} passed, {failed} failed");
        }

        return failed == 0 ? ExitCodes.Success : ExitCodes.RulesInvalidOrTestsFailed;
    }
}
