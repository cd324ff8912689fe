using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;
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
        CultureInfo.CurrentUICulture = CliLanguage.Culture(CliLanguage.From(args, Environment.GetEnvironmentVariable(CliLanguage.EnvironmentVariable)));
        TextWriter output = new CheckedWriter(Console.Out, Strings.Output_Stdout);
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
        // The language is chosen before any command is built: their descriptions are read from the resources then.
        // The UI culture flows with this call (async-local) and never comes from the machine, so the same command
        // prints the same bytes under any LANG; System.CommandLine's own texts follow it too (en neutral).
        var language = CliLanguage.From(args, Environment.GetEnvironmentVariable(CliLanguage.EnvironmentVariable));
        CultureInfo.CurrentUICulture = CliLanguage.Culture(language);
        Cchc.Rules.CchcLanguage.Current = CliLanguage.Culture(language);
        var context = new CliContext(output, error, rawError);
        var lang = new Option<string>("--lang")
        {
            Description = Strings.Option_Lang,
            Recursive = true,
            DefaultValueFactory = _ => CliLanguage.Supported[0],
        };
        lang.AcceptOnlyFromAmong(CliLanguage.Supported);
        var engine = new Option<string>("--engine")
        {
            Description = Strings.Option_Engine,
            Recursive = true,
            DefaultValueFactory = _ => "compiled",
        };
        engine.AcceptOnlyFromAmong("compiled", "rulesengine");
        var root = new RootCommand(Strings.Root_Description)
        {
            CheckCommand.Create(context),
            TestCommand.Create(context),
            ScoreCommand.Create(context),
            RankCommand.Create(context),
            ImpactCommand.Create(context),
            SensitivityCommand.Create(context),
            VerifyCommand.Create(context),
            DiffCommand.Create(context),
            TemplateCommand.Create(context),
            SchemaCommand.Create(context),
            NewCommand.Create(context),
        };
        root.Options.Add(engine);
        root.Options.Add(lang);
        foreach (var option in root.Options)
        {
            option.Description = option switch
            {
                HelpOption => Strings.Help_HelpOption,
                VersionOption => Strings.Help_VersionOption,
                _ => option.Description,
            };
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
            {
                await error.WriteLineAsync(parseError.Message).ConfigureAwait(false);
            }

            await error.WriteLineAsync(Strings.Usage_SeeHelp).ConfigureAwait(false);
            return ExitCodes.UsageError;
        }

        context.Evaluator = parse.GetValue(engine) == "rulesengine" ? ScoringEvaluator.RulesEngine : ScoringEvaluator.Compiled;
        try
        {
            if (parse.Action is HelpAction)
            {
                // System.CommandLine has no Vietnamese texts of its own: its headings are translated here.
                using var help = new StringWriter(CultureInfo.InvariantCulture);
                var helpExit = await parse.InvokeAsync(new InvocationConfiguration { Output = help, Error = error, EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
                await output.WriteAsync(TranslateHelp(help.ToString())).ConfigureAwait(false);
                await output.FlushAsync().ConfigureAwait(false);
                return helpExit;
            }

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
            FileNotFoundException notFound => (CliLanguage.Format(Strings.Error_FileNotFound, notFound.FileName ?? PathIn(e.Message, args)), ExitCodes.UsageError),
            DirectoryNotFoundException => (CliLanguage.Format(Strings.Error_DirectoryNotFound, OutputProblemException.FirstLine(e.Message)), ExitCodes.UsageError),
            UnauthorizedAccessException => (CliLanguage.Format(Strings.Error_NoAccess, PathIn(e.Message, args), OutputProblemException.FirstLine(e.Message)), ExitCodes.UsageError),
            IOException => (CliLanguage.Format(Strings.Error_Io, PathIn(e.Message, args), OutputProblemException.FirstLine(e.Message)), ExitCodes.IoError),
            System.Xml.XmlException xml => (CliLanguage.Format(Strings.Error_Xml, Spreadsheets(args), xml.LineNumber, xml.LinePosition), ExitCodes.UsageError),
            OperationCanceledException => (Strings.Error_Cancelled, ExitCodes.Cancelled),
            _ => (CliLanguage.Format(Strings.Error_Internal, e.GetType().Name, OutputProblemException.FirstLine(e.Message)), ExitCodes.InternalError),
        };
    }

    /// <summary>
    /// System.CommandLine's help with its headings in the chosen language: it ships no Vietnamese resources (its
    /// satellites are cs, de, es, fr, it, ja, ko, pl, pt-BR, ru, tr, zh), so its English headings are replaced line by
    /// line. Descriptions are ours and already translated.
    /// </summary>
    internal static string TranslateHelp(string help)
    {
        if (Strings.Help_Usage == "Usage:")
        {
            return help;
        }

        var lines = help.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var translated = line switch
            {
                "Description:" => Strings.Help_Description,
                "Usage:" => Strings.Help_Usage,
                "Arguments:" => Strings.Help_Arguments,
                "Options:" => Strings.Help_Options,
                "Commands:" => Strings.Help_Commands,
                _ => null,
            };
            if (translated is not null)
            {
                lines[i] = translated + lines[i][line.Length..];
            }
            else
            {
                lines[i] = lines[i]
                    .Replace(" [default: ", " [mặc định: ", StringComparison.Ordinal)
                    .Replace(" [options]", " [tùy chọn]", StringComparison.Ordinal)
                    .Replace(" [command]", " [lệnh]", StringComparison.Ordinal);
            }
        }

        return string.Join('\n', lines);
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
