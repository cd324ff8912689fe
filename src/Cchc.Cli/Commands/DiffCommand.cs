using System.CommandLine;
using System.Text.Json;
using Cchc.Scoring.Analysis;
using Cchc.Scoring;

namespace Cchc.Cli.Commands;

/// <summary>
/// <c>cchc diff &lt;old&gt; &lt;new&gt;</c>: what changed between two rule sets, in the analyst's words (criteria added,
/// removed or moved; thresholds, points, bands, policies, grades, caps; inputs; reworded texts). Exit 0 whether or not
/// they differ (a difference is the answer, not a failure); 64 when a side cannot be found or does not load.
/// </summary>
internal static class DiffCommand
{
    public static Command Create(CliContext context)
    {
        var oldRules = new Argument<string>("old") { Description = Strings.Diff_Old };
        var newRules = new Argument<string>("new") { Description = Strings.Diff_New };
        var format = CommonOptions.Format("table", "json", "markdown");
        var command = new Command("diff", Strings.Diff_Description) { oldRules, newRules, format };
        command.SetAction(parse => Run(context, parse.GetValue(oldRules)!, parse.GetValue(newRules)!, parse.GetValue(format)!));
        return command;
    }

    private static int Run(CliContext context, string oldArgument, string newArgument, string format)
    {
        if (context.RuleSetMissing(oldArgument) || context.RuleSetMissing(newArgument))
        {
            return ExitCodes.UsageError;
        }

        var oldResult = context.Load(oldArgument);
        var newResult = context.Load(newArgument);
        var failed = false;
        foreach (var (argument, result) in new[] { (oldArgument, oldResult), (newArgument, newResult) })
        {
            if (result.RuleSet is null)
            {
                context.PrintDiagnostics(result.Diagnostics);
                context.Error.WriteLine(CliLanguage.Format(Strings.Diff_NotLoaded, argument));
                failed = true;
            }
        }

        if (failed)
        {
            return ExitCodes.UsageError;
        }

        var diff = RuleSetDiff.Compare(oldResult.RuleSet!, newResult.RuleSet!);
        switch (format)
        {
            case "json":
                context.Out.WriteLine(JsonSerializer.Serialize(
                    new
                    {
                        old = diff.Old,
                        @new = diff.New,
                        count = diff.Changes.Count,
                        changes = diff.Changes.Select(c => new { c.Kind, c.Subject, c.What, c.Before, c.After, c.Text }),
                    },
                    JsonOutput.Options));
                break;
            case "markdown":
                WriteMarkdown(context.Out, diff);
                break;
            default:
                WriteTable(context.Out, diff);
                break;
        }

        return ExitCodes.Success;
    }

    private static string Side(RuleSetIdentity side) => $"{side.Id} {side.Version} sha256 {side.Sha256}";

    private static string Summary(RuleSetDiff diff)
        => diff.HasChanges ? CliLanguage.Format(Strings.Diff_Count, VietnameseFormat.Number(diff.Changes.Count)) : Strings.Diff_None;

    private static void WriteTable(TextWriter output, RuleSetDiff diff)
    {
        output.WriteLine($"{Strings.Diff_OldSide}: {Side(diff.Old)}");
        output.WriteLine($"{Strings.Diff_NewSide}: {Side(diff.New)}");
        output.WriteLine(Summary(diff));
        if (!diff.HasChanges)
        {
            return;
        }

        output.WriteLine();
        var table = new Table(Strings.Diff_Subject, Strings.Diff_What, Strings.Diff_Before, Strings.Diff_After);
        foreach (var change in diff.Changes)
        {
            table.Add(change.Subject, change.What, change.Before ?? "—", change.After ?? "—");
        }

        table.Write(output);
    }

    private static void WriteMarkdown(TextWriter output, RuleSetDiff diff)
    {
        output.WriteLine($"# {Strings.Diff_Title}");
        output.WriteLine();
        output.WriteLine($"- {Strings.Diff_OldSide}: `{diff.Old.Id}` {Cell(diff.Old.Version)}, SHA-256 `{diff.Old.Sha256}`");
        output.WriteLine($"- {Strings.Diff_NewSide}: `{diff.New.Id}` {Cell(diff.New.Version)}, SHA-256 `{diff.New.Sha256}`");
        output.WriteLine();
        output.WriteLine(Summary(diff));
        if (!diff.HasChanges)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine($"| {Strings.Diff_Subject} | {Strings.Diff_What} | {Strings.Diff_Before} | {Strings.Diff_After} |");
        output.WriteLine("| --- | --- | --- | --- |");
        foreach (var change in diff.Changes)
        {
            output.WriteLine($"| {Cell(change.Subject)} | {Cell(change.What)} | {Cell(change.Before ?? "—")} | {Cell(change.After ?? "—")} |");
        }
    }

    /// <summary>A Markdown table cell: a pipe is escaped and a line break becomes a space, so one change stays one row.</summary>
    private static string Cell(string text)
        => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ');
}
