using System.CommandLine;
using Cchc.Rules.Loading;

namespace Cchc.Cli.Commands;

/// <summary><c>cchc schema</c>: print the JSON Schema of a kind of rule-set file, for editors.</summary>
internal static class SchemaCommand
{
    public static Command Create(CliContext context)
    {
        var kind = new Argument<string>("kind") { Description = Strings.Schema_Kind, DefaultValueFactory = _ => "ruleset" };
        kind.AcceptOnlyFromAmong([.. SchemaCatalog.Names]);
        var format = CommonOptions.Format("json", "table");
        var output = new Option<string?>("--output", "-o") { Description = Strings.Schema_Output };
        var command = new Command("schema", Strings.Schema_Description) { kind, format, output };
        command.SetAction(parse =>
        {
            var text = SchemaCatalog.GetText(parse.GetValue(kind)!);
            if (parse.GetValue(output) is { } path)
            {
                File.WriteAllText(path, text, new System.Text.UTF8Encoding(false));
            }
            else
            {
                context.Out.Write(text);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
