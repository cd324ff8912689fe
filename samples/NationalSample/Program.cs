// Writes a seeded, national-size batch of communes for `cchc rank`: every input the rule set declares, with values
// that hang together (a commune that is good at one thing tends to be good at others, and so do the communes of
// one district and of one province), a few empty cells (missing data, scored and flagged) and some deliberately
// bad rows of every kind (rejected and reported). Same seed, same bytes.
// Two countries: by default the earlier year's (10,600 communes in 700 districts, before 1 July 2025); with --today
// today's (34 provinces, 3,321 xã, phường and đặc khu, no districts), formed from the earlier batch's communes, and
// the merger mapping between them (oldCode,newCode,oldName,newName).
// Modes: `survey` writes survey results for the units of a data CSV; `province --code 68 -o samples/lam-dong` writes one
// province's full cycle (data, self-assessment, appraisal rounds, explanations, survey, last year and its mapping).
using System.CommandLine;
using System.Globalization;
using System.Text;
using Cchc.Rules;
using Cchc.Rules.Loading;
using Cchc.Rules.Model;
using Cchc.Samples;

var rulesOption = new Option<DirectoryInfo>("--rules") { Description = "The rule set whose inputs to fill.", DefaultValueFactory = _ => new DirectoryInfo("rules/chi-so-cchc-xa") };
var outputOption = new Option<FileInfo?>("--output", "-o") { Description = "The CSV file to write (default samples/national/xa-10600.csv, or xa-3321.csv with --today)." };
var todayOption = new Option<bool>("--today") { Description = "Today's country: 34 provinces, 3,321 communes, wards and special zones, formed from the earlier batch's communes." };
var mappingOption = new Option<FileInfo>("--mapping") { Description = "With --today: the merger mapping to write (old code → new code).", DefaultValueFactory = _ => new FileInfo("samples/national/sap-nhap-2025.csv") };
var unitsOption = new Option<int>("--units") { Description = "Number of communes.", DefaultValueFactory = _ => 10_600 };
var districtsOption = new Option<int>("--districts") { Description = "Number of districts they belong to.", DefaultValueFactory = _ => 700 };
var seedOption = new Option<int>("--seed") { Description = "Random seed: the same seed writes the same bytes.", DefaultValueFactory = _ => 2026 };
var badOption = new Option<int?>("--bad-rows") { Description = "Deliberately bad rows of each kind (default 4, or 2 with --today)." };

var root = new RootCommand("Writes a seeded national-size batch of communes (CSV: semicolon, decimal comma, UTF-8 with BOM).")
{
    rulesOption, outputOption, unitsOption, districtsOption, seedOption, badOption, todayOption, mappingOption,
};
root.SetAction(parse =>
{
    var ruleSet = new RuleSetLoader().LoadOrThrow(parse.GetValue(rulesOption)!.FullName);
    var today = parse.GetValue(todayOption);
    var options = new GeneratorOptions(parse.GetValue(unitsOption), parse.GetValue(districtsOption), parse.GetValue(seedOption), today ? 4 : parse.GetValue(badOption) ?? 4);
    var earlier = new NationalGenerator(ruleSet, options);
    var batch = earlier.Generate();
    var output = parse.GetValue(outputOption) ?? new FileInfo(today ? "samples/national/xa-3321.csv" : "samples/national/xa-10600.csv");
    var summary = $"{batch.Communes} communes in {options.Districts} districts";
    if (today)
    {
        var now = new NationalGenerator(ruleSet, options with { BadRowsPerKind = parse.GetValue(badOption) ?? 2 }).GenerateToday(earlier.Communes);
        batch = now.Batch;
        var mapping = parse.GetValue(mappingOption)!;
        mapping.Directory?.Create();
        File.WriteAllText(mapping.FullName, now.Mapping, new UTF8Encoding(false));
        summary = string.Create(CultureInfo.InvariantCulture,
            $"{now.Units.Count} units in {Country2025.Provinces.Count} provinces: {now.Units.Count(u => u.Kind == UnitKind.Xa)} xã, {now.Units.Count(u => u.Kind == UnitKind.Phuong)} phường, {now.Units.Count(u => u.Kind == UnitKind.DacKhu)} đặc khu; mapping of {earlier.Communes.Count} earlier communes in {mapping.FullName}");
    }

    output.Directory?.Create();
    File.WriteAllText(output.FullName, batch.Csv, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
    var badList = Path.ChangeExtension(output.FullName, ".bad-rows.txt");
    File.WriteAllText(badList, batch.BadRowsReport, new UTF8Encoding(false));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{output.FullName}: {batch.Rows} rows ({summary}, {batch.BadRows.Count} bad rows, {batch.EmptyCells} empty cells); bad rows listed in {badList}"));
    return 0;
});
root.Subcommands.Add(SurveyGenerator.Create());
root.Subcommands.Add(ProvinceCycle.Create());
return await root.Parse(args).InvokeAsync();
