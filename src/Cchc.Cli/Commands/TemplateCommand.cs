using System.CommandLine;
using System.Text.Json;
using Cchc.Rules.Model;
using Cchc.Scoring.Units;

namespace Cchc.Cli.Commands;

/// <summary><c>cchc template</c>: the empty data sheet an officer fills in (CSV or XLSX), or the declared inputs as JSON.</summary>
internal static class TemplateCommand
{
    private static readonly string[] Formats = ["csv", "xlsx", "json"];

    public static Command Create(CliContext context)
    {
        var ruleSet = CommonOptions.RuleSet();
        var format = new Option<string?>("--format", "-f") { Description = CliLanguage.Format(Strings.Template_Format, string.Join(", ", Formats)) };
        format.AcceptOnlyFromAmong(Formats);
        var level = new Option<string?>("--level") { Description = Strings.Template_Level };
        level.AcceptOnlyFromAmong("xa", "huyen", "so");
        var claims = new Option<bool>("--claims") { Description = Strings.Template_Claims };
        var appraisal = new Option<bool>("--appraisal") { Description = Strings.Template_Appraisal };
        var output = new Option<string?>("--output", "-o") { Description = Strings.Template_Output };
        var command = new Command("template", Strings.Template_Description)
        {
            ruleSet, format, level, claims, appraisal, output,
        };
        command.SetAction(parse => Run(context, parse.GetValue(ruleSet)!, parse.GetValue(format), parse.GetValue(level), parse.GetValue(claims), parse.GetValue(output), parse.GetValue(appraisal)));
        return command;
    }

    private static int Run(CliContext context, string ruleSetArgument, string? formatOption, string? levelText, bool claims, string? outputPath, bool appraisal = false)
    {
        if (context.RuleSetMissing(ruleSetArgument))
        {
            return ExitCodes.UsageError;
        }

        var byExtension = outputPath is null ? null : FormatOf(outputPath);
        if (formatOption is not null && byExtension is not null && formatOption != byExtension)
        {
            context.Error.WriteLine(CliLanguage.Format(Strings.Template_FormatMismatch, formatOption, outputPath));
            return ExitCodes.UsageError;
        }

        var format = formatOption ?? byExtension ?? "csv";
        if (format == "xlsx" && outputPath is null)
        {
            context.Error.WriteLine(Strings.Template_XlsxToFile);
            return ExitCodes.UsageError;
        }

        if (format == "json" && (claims || appraisal))
        {
            context.Error.WriteLine(Strings.Template_ClaimsJson);
            return ExitCodes.UsageError;
        }

        var loaded = context.Load(ruleSetArgument);
        context.PrintDiagnostics(loaded.Diagnostics);
        if (loaded.RuleSet is not { } ruleSet)
        {
            return ExitCodes.RulesInvalidOrTestsFailed;
        }

        UnitLevel? level = levelText is not null && UnitLevels.TryParse(levelText, out var parsed) ? parsed : null;
        var template = new DataSheetTemplate(ruleSet, level, claims, appraisal);
        if (format == "xlsx")
        {
            AtomicFile.WriteBytes(outputPath!, template.WriteXlsx);
            return ExitCodes.Success;
        }

        void Write(TextWriter writer)
        {
            if (format == "json")
            {
                writer.WriteLine(JsonSerializer.Serialize(
                    template.Inputs.Select(i => new
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

            WriteCsv(writer, template);
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

    /// <summary>
    /// The header row as <see cref="DataSheetTemplate.WriteCsv"/> writes it, except that a header a spreadsheet would
    /// run as a formula (a label from the rule file starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a
    /// carriage return) gets a leading <c>'</c>, as OWASP recommends and as the ranking's CSV does. The reader still
    /// finds the column by the <c>(name)</c> that ends the header.
    /// </summary>
    internal static void WriteCsv(TextWriter writer, DataSheetTemplate template)
    {
        var configuration = new CsvHelper.Configuration.CsvConfiguration(System.Globalization.CultureInfo.InvariantCulture)
        {
            InjectionOptions = CsvHelper.Configuration.InjectionOptions.Escape,
        };
        using var csv = new CsvHelper.CsvWriter(writer, configuration, leaveOpen: true);
        foreach (var header in template.Headers)
        {
            csv.WriteField(header);
        }

        csv.NextRecord();
    }

    /// <summary>The format a file name asks for; other extensions (.txt) leave the choice to --format, else CSV.</summary>
    private static string? FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".csv" => "csv",
        ".xlsx" => "xlsx",
        ".json" => "json",
        _ => null,
    };
}
