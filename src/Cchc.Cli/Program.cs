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
        TextWriter output = new CheckedWriter(Console.Out, "đầu ra chuẩn (stdout)");
        if (!Console.IsOutputRedirected)
        {
            // Stdout on a terminal is read by a person, whatever the format: a name holding an escape sequence is shown,
            // not run. Redirected to a file or a pipe, the bytes are the data's, unchanged (JSON escapes them anyway).
            output = new TerminalSafeWriter(output);
        }

        return await RunAsync(args, output, Console.Error).ConfigureAwait(false);
    }

    /// <summary>Runs a command line with the given writers (used by tests).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        // Messages for people go through a writer that shows control characters from data as visible markers.
        var rawError = error;
        error = new TerminalSafeWriter(error);
        var context = new CliContext(output, error, rawError);
        var engine = new Option<string>("--engine")
        {
            Description = "Bộ máy tính biểu thức: compiled (mặc định: bộ tiêu chí được biên dịch một lần) hoặc rulesengine (RulesEngine ExecuteAllRulesAsync, chuẩn đối chiếu, chậm hơn nhiều). Kết quả như nhau.",
            Recursive = true,
            DefaultValueFactory = _ => "compiled",
        };
        engine.AcceptOnlyFromAmong("compiled", "rulesengine");
        var root = new RootCommand("cchc — score Vietnamese administrative units on CCHC rule sets written as RulesEngine JSON.\nExit codes: 0 ok; 1 rules invalid or tests failed; 2 some units had bad data (the others were scored); 64 usage error or unreadable input; 70 internal error; 74 output could not be written; 130 cancelled.")
        {
            CheckCommand.Create(context),
            TestCommand.Create(context),
            ScoreCommand.Create(context),
            RankCommand.Create(context),
            VerifyCommand.Create(context),
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
        try
        {
            var exit = await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
            await output.FlushAsync().ConfigureAwait(false);
            return exit;
        }
        catch (Exception e) when (Handled(e, args) is { } handled)
        {
            // One line, in Vietnamese, naming the file: a stack trace helps nobody who runs a ranking.
            await TryWriteLineAsync(error, handled.Message).ConfigureAwait(false);
            if (Environment.GetEnvironmentVariable("CCHC_DEBUG") is { Length: > 0 })
            {
                await TryWriteLineAsync(error, e.ToString()).ConfigureAwait(false);
            }

            return handled.ExitCode;
        }
    }

    /// <summary>What the top-level handler prints for an exception that escaped a command, and the exit code.</summary>
    internal static (string Message, int ExitCode)? Handled(Exception exception, IReadOnlyList<string> args)
    {
        var e = exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : exception;
        return e switch
        {
            OutputProblemException output => (output.Message, output.ExitCode),
            FileNotFoundException notFound => ($"Không tìm thấy tệp '{notFound.FileName ?? PathIn(e.Message, args)}'.", ExitCodes.UsageError),
            DirectoryNotFoundException => ($"Không tìm thấy thư mục: {OutputProblemException.FirstLine(e.Message)}", ExitCodes.UsageError),
            UnauthorizedAccessException => ($"Không có quyền đọc hoặc ghi '{PathIn(e.Message, args)}': {OutputProblemException.FirstLine(e.Message)}", ExitCodes.UsageError),
            IOException => ($"Lỗi đọc/ghi tệp '{PathIn(e.Message, args)}': {OutputProblemException.FirstLine(e.Message)}", ExitCodes.IoError),
            System.Xml.XmlException xml => ($"Không đọc được tệp {Spreadsheets(args)}: nội dung XML của tệp XLSX không hợp lệ hoặc không được phép (dòng {xml.LineNumber}, cột {xml.LinePosition}). Hãy mở tệp bằng Excel và lưu lại dạng .xlsx.", ExitCodes.UsageError),
            OperationCanceledException => ("Đã hủy: không ghi tệp kết quả nào.", ExitCodes.Cancelled),
            _ => ($"Lỗi nội bộ của cchc ({e.GetType().Name}: {OutputProblemException.FirstLine(e.Message)}) Hãy báo cho nhóm phát triển, kèm lệnh đã chạy; đặt biến môi trường CCHC_DEBUG=1 để xem chi tiết.", ExitCodes.InternalError),
        };
    }

    /// <summary>The path a .NET I/O message quotes ('…'), else the files named on the command line.</summary>
    private static string PathIn(string message, IReadOnlyList<string> args)
    {
        var start = message.IndexOf('\'', StringComparison.Ordinal);
        var end = start < 0 ? -1 : message.IndexOf('\'', start + 1);
        if (end > start + 1)
        {
            return message[(start + 1)..end];
        }

        var files = args.Where(a => File.Exists(a) || a.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal)).ToList();
        return files.Count > 0 ? string.Join("', '", files) : "?";
    }

    private static string Spreadsheets(IReadOnlyList<string> args)
    {
        var files = args.Where(a => a.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)).ToList();
        return files.Count > 0 ? "'" + string.Join("', '", files) + "'" : "XLSX";
    }

    private static async Task TryWriteLineAsync(TextWriter writer, string line)
    {
        try
        {
            await writer.WriteLineAsync(line).ConfigureAwait(false);
            await writer.FlushAsync().ConfigureAwait(false);
        }
        catch (IOException)
        {
            // Stderr itself is gone: the exit code is all that is left to say it.
        }
    }
}
