using Cchc.Rules;
using Cchc.Scoring.Survey;

namespace Cchc.Cli;

/// <summary><c>--survey</c> for cchc score and cchc rank: the survey results files read once, and what became of their rows said on stderr.</summary>
internal static class SurveyInput
{
    /// <summary>
    /// Reads the survey files; null with nothing said when none is given. A rule set without a survey component, a
    /// missing file or a file that cannot be read at all is a usage error: said on stderr, and <paramref name="failed"/>.
    /// </summary>
    public static SurveyResults? Read(CliContext context, CompiledRuleSet ruleSet, IReadOnlyList<string>? paths, out bool failed)
    {
        failed = false;
        if (paths is null || paths.Count == 0)
        {
            return null;
        }

        if (ruleSet.Composition?.Survey is null)
        {
            context.Error.WriteLine(CliLanguage.Format(Strings.Survey_NoComponent, ruleSet.Id));
            failed = true;
            return null;
        }

        if (paths.FirstOrDefault(p => !File.Exists(p)) is { } absent)
        {
            context.Error.WriteLine(CliLanguage.Format(Strings.Survey_FileNotFound, absent));
            failed = true;
            return null;
        }

        try
        {
            return SurveyFileReader.Read(ruleSet, paths);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidDataException)
        {
            context.Error.WriteLine(e.Message);
            failed = true;
            return null;
        }
    }

    /// <summary>Says every refused row and header problem, then the counts; true when any row was refused.</summary>
    public static bool Report(CliContext context, SurveyUse use)
    {
        foreach (var problem in use.ColumnProblems)
        {
            context.Error.WriteLine(CliLanguage.Format(Strings.Survey_Column, problem));
        }

        foreach (var rejection in use.Rejections)
        {
            context.Error.WriteLine(CliLanguage.Format(Strings.Survey_Refused, rejection));
        }

        context.Error.WriteLine(use.ToString());
        return use.RowsRefused > 0;
    }
}
