using System.CommandLine;
using System.Text;
using Cchc.Cli.Commands;
using Cchc.Scoring;

namespace Cchc.Cli;

/// <summary>The <c>cchc</c> command.</summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static async Task<int> Main(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8;
        return await RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
    }

    /// <summary>Runs a command line with the given writers (used by tests).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var context = new CliContext(output, error);
        var engine = new Option<string>("--engine")
        {
            Description = "Bộ máy tính biểu thức: compiled (mặc định: bộ tiêu chí được biên dịch một lần) hoặc rulesengine (RulesEngine ExecuteAllRulesAsync, chuẩn đối chiếu, chậm hơn khoảng một trăm lần). Kết quả như nhau.",
            Recursive = true,
            DefaultValueFactory = _ => "compiled",
        };
        engine.AcceptOnlyFromAmong("compiled", "rulesengine");
        var root = new RootCommand("cchc — score Vietnamese administrative units on CCHC rule sets written as RulesEngine JSON.\nExit codes: 0 ok; 1 rules invalid or tests failed; 2 some units had bad data (the others were scored); 64 usage error.")
        {
            CheckCommand.Create(context),
            TestCommand.Create(context),
            ScoreCommand.Create(context),
            RankCommand.Create(context),
            TemplateCommand.Create(context),
            SchemaCommand.Create(context),
            NewCommand.Create(context),
        };
        root.Options.Add(engine);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
            {
                await error.WriteLineAsync(parseError.Message).ConfigureAwait(false);
            }

            await error.WriteLineAsync("Run 'cchc --help' for usage.").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }

        context.Evaluator = parse.GetValue(engine) == "rulesengine" ? ScoringEvaluator.RulesEngine : ScoringEvaluator.Compiled;
        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }).ConfigureAwait(false);
    }
}
