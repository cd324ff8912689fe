using System.CommandLine;

namespace Cchc.Cli.Commands;

/// <summary>Arguments and options shared by several commands.</summary>
internal static class CommonOptions
{
    public static Argument<string> RuleSet() => new("rule-set")
    {
        Description = "A rule-set folder (holding ruleset.json), or the id of a shipped rule set (e.g. ke-hoach-cchc-2023-phu-quy).",
    };

    public static Option<string> Format(params string[] formats)
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = $"Output format: {string.Join(", ", formats)}.",
            DefaultValueFactory = _ => formats[0],
        };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }
}
