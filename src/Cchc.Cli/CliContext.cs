using Cchc.Rules;
using Cchc.Rules.Diagnostics;
using Cchc.Rules.Loading;

namespace Cchc.Cli;

/// <summary>The writers a command prints to, and the rule-set lookup every command shares.</summary>
internal sealed class CliContext(TextWriter output, TextWriter error, TextWriter? rawError = null)
{
    public TextWriter Out { get; } = output;

    /// <summary>Stderr for messages: control characters from data or rule files are shown as visible markers.</summary>
    public TextWriter Error { get; } = error;

    /// <summary>Stderr as given, for the progress bar's own control characters (\r).</summary>
    public TextWriter RawError { get; } = rawError ?? error;

    /// <summary>The evaluator chosen with <c>--engine</c> (compiled unless told rulesengine).</summary>
    public Cchc.Scoring.ScoringEvaluator Evaluator { get; set; }

    /// <summary>Whether every data file exists; the first that does not is named on stderr (a usage error).</summary>
    public bool DataFilesExist(IEnumerable<string> paths)
    {
        if (paths.FirstOrDefault(p => !File.Exists(p)) is not { } absent)
        {
            return true;
        }

        Error.WriteLine(Cchc.Cli.CliLanguage.Format(Strings.Error_DataFileNotFound, absent));
        return false;
    }

    /// <summary>
    /// Reads data files through the one pipeline (the same as cchc rank: a row with a wrong or out-of-range value is
    /// rejected, so every command counts a file the same way). A missing file, a file of a kind no reader knows or a
    /// broken workbook is a usage error: said on stderr, and null.
    /// </summary>
    public async Task<Cchc.Scoring.Units.UnitBatch?> ReadDataAsync(CompiledRuleSet ruleSet, IReadOnlyList<string> paths, CancellationToken cancellationToken, IReadOnlyList<string>? appraisalFiles = null)
    {
        if (!DataFilesExist(paths.Concat(appraisalFiles ?? [])))
        {
            return null;
        }

        try
        {
            return await new Cchc.Scoring.Units.UnitPipeline(ruleSet) { AppraisalFiles = appraisalFiles ?? [] }.ReadAllAsync(paths, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidDataException)
        {
            Error.WriteLine(e.Message);
            return null;
        }
    }

    /// <summary>A scoring engine for <paramref name="ruleSet"/> with the chosen evaluator.</summary>
    public Cchc.Scoring.ScoringEngine Engine(Cchc.Rules.CompiledRuleSet ruleSet) => new(ruleSet, Evaluator);

    /// <summary>
    /// A rule set is a folder, or the id of a shipped one: looked up in ./rules/&lt;id&gt; and then beside the tool.
    /// </summary>
    public static string ResolveRuleSet(string argument)
    {
        if (Directory.Exists(argument))
        {
            return argument;
        }

        foreach (var root in new[] { Path.Combine(Directory.GetCurrentDirectory(), "rules"), Path.Combine(AppContext.BaseDirectory, "rules") })
        {
            var candidate = Path.Combine(root, argument);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return argument;
    }

    /// <summary>
    /// Loads a rule set. RulesEngine's own compile check runs when RulesEngine will evaluate (<c>--engine
    /// rulesengine</c>) or when the command is about the rules themselves (<c>check</c>, <c>test</c>); otherwise the
    /// compiled evaluator checks the expressions on neutral inputs, with the same warnings, and RulesEngine's
    /// compilation (most of the load time) is saved.
    /// </summary>
    public RuleSetLoadResult Load(string argument, bool checkWithRulesEngine = false)
        => new RuleSetLoader { CheckWithRulesEngine = checkWithRulesEngine || Evaluator == Cchc.Scoring.ScoringEvaluator.RulesEngine }.Load(ResolveRuleSet(argument));

    /// <summary>A rule set that names no folder is a usage error (exit 64), not an invalid rule set.</summary>
    public bool RuleSetMissing(string argument)
    {
        if (Directory.Exists(ResolveRuleSet(argument)))
        {
            return false;
        }

        Error.WriteLine(CliLanguage.Format(Strings.Error_RuleSetNotFound, argument));
        return true;
    }

    public void PrintDiagnostics(IEnumerable<RuleDiagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            Error.WriteLine(diagnostic.ToString());
        }
    }
}
