// Writes a seeded, national-size batch of communes for `cchc rank`: every input the rule set declares, with values
// that hang together (a commune that is good at one thing tends to be good at others, and so do the communes of
// one district and of one province), a few empty cells (missing data, scored and flagged) and some deliberately
// bad rows of every kind (rejected and reported). Same seed, same bytes.
using System.CommandLine;
using System.Globalization;
using System.Text;
using Cchc.Rules;
using Cchc.Rules.Loading;
using Cchc.Samples;

var rulesOption = new Option<DirectoryInfo>("--rules") { Description = "The rule set whose inputs to fill.", DefaultValueFactory = _ => new DirectoryInfo("rules/chi-so-cchc-xa") };
var outputOption = new Option<FileInfo>("--output", "-o") { Description = "The CSV file to write.", DefaultValueFactory = _ => new FileInfo("samples/national/xa-10600.csv") };
var unitsOption = new Option<int>("--units") { Description = "Number of communes.", DefaultValueFactory = _ => 10_600 };
var districtsOption = new Option<int>("--districts") { Description = "Number of districts they belong to.", DefaultValueFactory = _ => 700 };
var seedOption = new Option<int>("--seed") { Description = "Random seed: the same seed writes the same bytes.", DefaultValueFactory = _ => 2026 };
var badOption = new Option<int>("--bad-rows") { Description = "Deliberately bad rows of each kind.", DefaultValueFactory = _ => 4 };

var root = new RootCommand("Writes a seeded national-size batch of communes (CSV: semicolon, decimal comma, UTF-8 with BOM).")
{
    rulesOption, outputOption, unitsOption, districtsOption, seedOption, badOption,
};
root.SetAction(parse =>
{
    var ruleSet = new RuleSetLoader().LoadOrThrow(parse.GetValue(rulesOption)!.FullName);
    var options = new GeneratorOptions(parse.GetValue(unitsOption), parse.GetValue(districtsOption), parse.GetValue(seedOption), parse.GetValue(badOption));
    var batch = new NationalGenerator(ruleSet, options).Generate();
    var output = parse.GetValue(outputOption)!;
    output.Directory?.Create();
    File.WriteAllText(output.FullName, batch.Csv, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
    var badList = Path.ChangeExtension(output.FullName, ".bad-rows.txt");
    File.WriteAllText(badList, batch.BadRowsReport, new UTF8Encoding(false));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{output.FullName}: {batch.Rows} rows ({batch.Communes} communes in {options.Districts} districts, {batch.BadRows.Count} bad rows, {batch.EmptyCells} empty cells); bad rows listed in {badList}"));
    return 0;
});
root.Subcommands.Add(SurveyGenerator.Create());
return await root.Parse(args).InvokeAsync();
