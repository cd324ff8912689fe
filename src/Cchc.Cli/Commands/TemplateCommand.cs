using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Cchc.Rules.Model;
using CsvHelper;

namespace Cchc.Cli.Commands;

/// <summary><c>cchc template</c>: the empty data sheet an officer fills in, or the declared inputs as JSON.</summary>
internal static class TemplateCommand
{
    public static Command Create(CliContext context)
    {
        var ruleSet = CommonOptions.RuleSet();
        var format = CommonOptions.Format("csv", "json");
        var level = new Option<string?>("--level") { Description = "Only the inputs used by criteria of this level: xa, huyen or so." };
        level.AcceptOnlyFromAmong("xa", "huyen", "so");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of the console." };
        var command = new Command("template", "Write the empty data sheet (CSV: identity columns, then one column per input headed 'label (name)'), or the inputs as JSON.") { ruleSet, format, level, output };
        command.SetAction(parse => Run(context, parse.GetValue(ruleSet)!, parse.GetValue(format)!, parse.GetValue(level), parse.GetValue(output)));
        return command;
    }

    private static int Run(CliContext context, string ruleSetArgument, string format, string? levelText, string? outputPath)
    {
        if (context.RuleSetMissing(ruleSetArgument))
        {
            return ExitCodes.UsageError;
        }

        var loaded = CliContext.Load(ruleSetArgument);
        context.PrintDiagnostics(loaded.Diagnostics);
        if (loaded.RuleSet is not { } ruleSet)
        {
            return ExitCodes.RulesInvalidOrTestsFailed;
        }

        IEnumerable<InputDefinition> inputs = ruleSet.Inputs;
        if (levelText is not null && UnitLevels.TryParse(levelText, out var level))
        {
            var used = ruleSet.Criteria.Flatten().Where(c => c.AppliesTo(level)).SelectMany(c => c.Inputs).ToHashSet(StringComparer.Ordinal);
            inputs = inputs.Where(i => used.Contains(i.Name));
        }

        void Write(TextWriter writer)
        {
            if (format == "json")
            {
                writer.WriteLine(JsonSerializer.Serialize(
                    inputs.Select(i => new
                    {
                        name = i.Name,
                        type = i.TypeName,
                        label = i.Label,
                        min = i.EffectiveMin,
                        max = i.EffectiveMax,
                        options = i.Type == InputType.Choice ? i.Options.Select(o => new { value = o.Value, label = o.Label }) : null,
                    }),
                    JsonOutput.Options));
                return;
            }

            using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
            foreach (var header in Cchc.Scoring.Units.UnitData.IdentityFields.Concat(inputs.Select(i => $"{i.Label} ({i.Name})")))
            {
                csv.WriteField(header);
            }

            csv.NextRecord();
        }

        if (outputPath is null)
        {
            Write(context.Out);
        }
        else
        {
            // A BOM on CSV so that Excel opens the Vietnamese headers as UTF-8.
            AtomicFile.Write(outputPath, byteOrderMark: format == "csv", Write);
        }

        return ExitCodes.Success;
    }
}
