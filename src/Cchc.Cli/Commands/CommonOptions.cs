using System.CommandLine;

namespace Cchc.Cli.Commands;

/// <summary>Arguments and options shared by several commands.</summary>
internal static class CommonOptions
{
    public static Argument<string> RuleSet() => new("rule-set")
    {
        Description = Strings.Argument_RuleSet,
    };

    public static Option<string> Format(params string[] formats)
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = CliLanguage.Format(Strings.Option_Format, string.Join(", ", formats)),
            DefaultValueFactory = _ => formats[0],
        };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }

    /// <summary><c>--appraisal &lt;file&gt;</c>, repeatable: the appraisal council's sheets, merged into the units by code.</summary>
    public static Option<string[]> Appraisal() => new("--appraisal")
    {
        Description = Strings.Option_Appraisal,
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };
}
