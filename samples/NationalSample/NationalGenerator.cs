using System.Globalization;
using System.Text;
using Cchc.Rules;
using Cchc.Rules.Model;

namespace Cchc.Samples;

/// <summary>How big a batch to write and from which seed.</summary>
public sealed record GeneratorOptions(int Units, int Districts, int Seed, int BadRowsPerKind);

/// <summary>A bad row written on purpose: its 1-based line in the file (the header is line 1) and what is wrong.</summary>
public sealed record BadRow(int Line, string Kind, string Column, string Value);

/// <summary>A commune of the earlier batch (before 1 July 2025): code, name (NFC), district, province number and latent quality.</summary>
public sealed record OldCommune(string Code, string Name, string District, int Province, double Quality);

/// <summary>The generated file and what went into it.</summary>
public sealed record GeneratedBatch(string Csv, int Rows, int Communes, IReadOnlyList<BadRow> BadRows, int EmptyCells)
{
    /// <summary>One line per bad row: <c>line;kind;column;value</c>, for tests and for people checking the error sheet.</summary>
    public string BadRowsReport => "line;kind;column;value\n" + string.Concat(BadRows.Select(b => $"{b.Line.ToString(CultureInfo.InvariantCulture)};{b.Kind};{b.Column};{b.Value}\n"));
}

/// <summary>
/// Generates communes with values correlated through a latent "quality": province effect + district effect +
/// commune effect, squashed to (0, 1). Each input is drawn from its profile (<see cref="Profiles"/>) given that
/// quality; inputs without a profile get a plain draw for their type and range.
/// </summary>
public sealed partial class NationalGenerator(CompiledRuleSet ruleSet, GeneratorOptions options)
{
    private const char Separator = ';';
    private static readonly string[] Identity = ["code", "name", "level", "parent"];
    private readonly Random _random = new(options.Seed);
    private readonly List<OldCommune> _communes = [];

    /// <summary>The communes the last <see cref="Generate"/> wrote, in file order: what the 2025 rearrangement merges.</summary>
    public IReadOnlyList<OldCommune> Communes => _communes;

    public GeneratedBatch Generate()
    {
        var profiles = Profiles.For(ruleSet);
        var districts = MakeDistricts();
        var rows = new List<string[]>();
        var header = Identity.Concat(ruleSet.Inputs.Select(i => i.Name)).ToArray();
        var communeNumber = 0;
        var emptyCells = 0;
        foreach (var district in districts)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < district.Communes; i++)
            {
                communeNumber++;
                var quality = Squash(district.Effect + Normal(0, 0.3));
                var context = new UnitContext(quality, _random);
                var row = new string[header.Length];
                row[0] = communeNumber.ToString("00000", CultureInfo.InvariantCulture);
                row[1] = "UBND " + UniqueName(names, CommuneKind());
                row[2] = "xa";
                row[3] = district.Code;
                emptyCells += FillInputs(row, 4, profiles, context);
                _communes.Add(new OldCommune(row[0], row[1].Normalize(NormalizationForm.FormC), district.Code, district.Province, quality));
                rows.Add(row);
            }
        }

        var bad = Spoil(rows, header);
        var csv = new StringBuilder();
        csv.Append(string.Join(Separator, header)).Append('\n');
        foreach (var row in rows)
        {
            csv.Append(string.Join(Separator, row.Select(Quote))).Append('\n');
        }

        return new GeneratedBatch(csv.ToString(), rows.Count, communeNumber, bad, emptyCells);
    }

    /// <summary>Draws every input of one unit from its quality and writes the cells from <paramref name="offset"/>; returns the empty cells.</summary>
    private int FillInputs(string[] row, int offset, IReadOnlyDictionary<string, Profile> profiles, UnitContext context)
    {
        for (var c = 0; c < ruleSet.Inputs.Count; c++)
        {
            var input = ruleSet.Inputs[c];
            var value = profiles.TryGetValue(input.Name, out var profile) ? profile.Draw(context) : Plain(input, context);
            context.Values[input.Name] = value;
        }

        var emptyCells = 0;
        for (var c = 0; c < ruleSet.Inputs.Count; c++)
        {
            var input = ruleSet.Inputs[c];
            var text = Format(input, context.Values[input.Name]);
            if (text.Length > 0 && _random.NextDouble() < 0.0003)
            {
                text = ""; // a cell the officer left empty: missing data, scored and flagged
            }

            emptyCells += text.Length == 0 ? 1 : 0;
            row[offset + c] = text;
        }

        return emptyCells;
    }

    private List<(string Code, double Effect, int Communes, int Province)> MakeDistricts()
    {
        // About 63 provinces of about 11 districts each; commune counts vary (5 to 30) around units / districts.
        var provinces = Math.Max(1, (int)Math.Round(options.Districts / 11.0));
        var provinceEffects = Enumerable.Range(0, provinces).Select(_ => Normal(0.4, 0.15)).ToArray();
        var sizes = Enumerable.Range(0, options.Districts).Select(_ => Math.Max(5.0, Normal(options.Units / (double)options.Districts, 5))).ToArray();
        var scale = options.Units / sizes.Sum();
        var counts = sizes.Select(s => Math.Max(1, (int)Math.Floor(s * scale))).ToArray();
        for (var i = 0; counts.Sum() < options.Units; i = (i + 1) % counts.Length)
        {
            counts[i]++;
        }

        for (var i = 0; counts.Sum() > options.Units; i = (i + 1) % counts.Length)
        {
            if (counts[i] > 1)
            {
                counts[i]--;
            }
        }

        return Enumerable.Range(0, options.Districts)
            .Select(d => ((d + 1).ToString("000", CultureInfo.InvariantCulture), provinceEffects[d * provinces / options.Districts] + Normal(0, 0.2), counts[d], d * provinces / options.Districts))
            .ToList();
    }

    private List<BadRow> Spoil(List<string[]> rows, string[] header, int offset = 4, IReadOnlyList<(string Kind, string Column, string Value)>? extra = null, IEnumerable<string[]>? keep = null)
    {
        // Bad rows are tracked by the row itself; their line numbers are known once every row is in place.
        var spoiled = new List<(string[] Row, string Kind, string Column, string Value)>();
        var touched = new HashSet<string[]>(keep ?? [], ReferenceEqualityComparer.Instance);
        string[] Pick()
        {
            while (true)
            {
                var row = rows[_random.Next(rows.Count)];
                if (touched.Add(row))
                {
                    return row;
                }
            }
        }

        // The same commune pasted twice, the copy further down with other figures: the later row is refused.
        for (var k = 0; k < options.BadRowsPerKind; k++)
        {
            var original = Pick();
            var copy = (string[])original.Clone();
            var column = offset + _random.Next(ruleSet.Inputs.Count);
            copy[column] = rows[_random.Next(rows.Count)][column];
            var at = Math.Min(rows.Count, rows.IndexOf(original) + 1 + _random.Next(200));
            rows.Insert(at, copy);
            touched.Add(copy);
            spoiled.Add((copy, "duplicate unit code", "code", copy[0]));
        }

        var spoilers = new (string Kind, Func<InputDefinition, bool> Column, string Value)[]
        {
            ("wrong type", i => i.Type is InputType.Count or InputType.Percent, "không rõ"),
            ("out of range", i => i.Type == InputType.Percent, "135"),
            ("out of range", i => i.Type == InputType.Count, "-3"),
            ("wrong type", i => i.Type == InputType.Date, "31/02/2023"),
            ("wrong type", i => i.Type == InputType.Choice, "chưa chấm"),
            ("wrong type", i => i.Type == InputType.Bool, "có lẽ"),
        };
        foreach (var (kind, which, value) in spoilers)
        {
            var columns = ruleSet.Inputs.Select((input, i) => (input, i)).Where(x => which(x.input)).Select(x => x.i + offset).ToList();
            for (var k = 0; k < options.BadRowsPerKind && columns.Count > 0; k++)
            {
                var row = Pick();
                var column = columns[_random.Next(columns.Count)];
                row[column] = value;
                spoiled.Add((row, kind, header[column], value));
            }
        }

        for (var k = 0; k < options.BadRowsPerKind; k++)
        {
            var row = Pick();
            row[0] = "";
            spoiled.Add((row, "missing unit code", "code", ""));
        }

        for (var k = 0; k < options.BadRowsPerKind; k++)
        {
            var row = Pick();
            var cut = offset + 1 + _random.Next(Math.Max(1, header.Length - offset - 2));
            var shortened = row[..cut];
            rows[rows.IndexOf(row)] = shortened;
            touched.Add(shortened);
            spoiled.Add((shortened, "missing cells (row ends early)", header[cut], ""));
        }

        // Identity cells written wrong (today's batch: a level word no reader knows, a kind that contradicts the level).
        foreach (var (kind, column, value) in extra ?? [])
        {
            for (var k = 0; k < options.BadRowsPerKind; k++)
            {
                var row = Pick();
                row[Array.IndexOf(header, column)] = value;
                spoiled.Add((row, kind, column, value));
            }
        }

        // Lines in the file: the header is line 1, rows[i] is line i + 2.
        var lines = new Dictionary<string[], int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < rows.Count; i++)
        {
            lines[rows[i]] = i + 2;
        }

        return [.. spoiled.Select(s => new BadRow(lines[s.Row], s.Kind, s.Column, s.Value)).OrderBy(b => b.Line)];
    }

    private string CommuneKind()
    {
        var roll = _random.NextDouble();
        return roll < 0.84 ? "xã" : roll < 0.96 ? "phường" : "thị trấn";
    }

    private string UniqueName(HashSet<string> taken, string kind)
    {
        while (true)
        {
            var name = $"{kind} {Names.First[_random.Next(Names.First.Length)]} {Names.Second[_random.Next(Names.Second.Length)]}";
            if (taken.Add(name))
            {
                // Some spreadsheets carry decomposed (NFD) Vietnamese; the reader compares after NFC.
                return _random.NextDouble() < 0.02 ? name.Normalize(NormalizationForm.FormD) : name;
            }
        }
    }

    private static object? Plain(InputDefinition input, UnitContext context) => input.Type switch
    {
        InputType.Bool => context.Chance(0.55, 0.97),
        InputType.Percent => context.Between(35, 100, 12),
        InputType.Count => (decimal)Math.Round(context.Between((double)(input.EffectiveMin ?? 0), (double)(input.EffectiveMax ?? 50), 0.15 * (double)((input.EffectiveMax ?? 50) - (input.EffectiveMin ?? 0)))),
        InputType.Number => (decimal)context.Between((double)(input.EffectiveMin ?? 0), (double)(input.EffectiveMax ?? 100), 5),
        InputType.Choice => input.Options[context.Ordinal(input.Options.Count)].Value,
        InputType.Date => new DateTime(2023, 1, 15, 0, 0, 0, DateTimeKind.Unspecified).AddDays(context.Days(-10, 40)),
        _ => null,
    };

    private static string Format(InputDefinition input, object? value) => value switch
    {
        null => "",
        bool b => b ? "có" : "không",
        DateTime d => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        decimal m => Clamp(input, m).ToString(input.Type == InputType.Count ? "0" : "0.##", CultureInfo.InvariantCulture).Replace('.', ','),
        string s => s,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static decimal Clamp(InputDefinition input, decimal value)
    {
        if (input.EffectiveMin is { } min && value < min)
        {
            value = min;
        }

        if (input.EffectiveMax is { } max && value > max)
        {
            value = max;
        }

        return input.Type == InputType.Count ? Math.Round(value, MidpointRounding.AwayFromZero) : Math.Round(value, 2, MidpointRounding.AwayFromZero);
    }

    private static string Quote(string cell) => cell.Contains(Separator, StringComparison.Ordinal) || cell.Contains('"', StringComparison.Ordinal)
        ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : cell;

    private double Normal(double mean, double deviation)
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return mean + (deviation * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
    }

    private static double Squash(double x) => 1.0 / (1.0 + Math.Exp(-1.7 * x));
}

/// <summary>One commune being generated: its quality, the values drawn so far, and draws that lean on the quality.</summary>
public sealed class UnitContext(double quality, Random random)
{
    public double Quality { get; } = quality;

    public Dictionary<string, object?> Values { get; } = new(StringComparer.Ordinal);

    public decimal Count(string name) => Values.TryGetValue(name, out var v) && v is decimal d ? d : 0m;

    public double Noise(double deviation)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return deviation * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A value from <paramref name="low"/> (worst commune) to <paramref name="high"/> (best), plus noise, clamped.</summary>
    public double Between(double low, double high, double noise) => Math.Clamp(low + ((high - low) * Quality) + Noise(noise), Math.Min(low, high), Math.Max(low, high));

    /// <summary>True with a probability from <paramref name="worst"/> to <paramref name="best"/> by quality.</summary>
    public bool Chance(double worst, double best) => random.NextDouble() < worst + ((best - worst) * Quality);

    /// <summary>An option index, 0 = best, leaning to the best for good communes.</summary>
    public int Ordinal(int count) => Math.Clamp((int)Math.Floor((1 - Quality + Noise(0.18)) * count), 0, count - 1);

    /// <summary>A whole number of events (violations, late reports): Poisson, more for weaker communes.</summary>
    public decimal Events(double worstMean, double bestMean)
    {
        var mean = worstMean + ((bestMean - worstMean) * Quality);
        var limit = Math.Exp(-mean);
        var k = 0;
        for (var p = random.NextDouble(); p > limit; p *= random.NextDouble())
        {
            k++;
        }

        return k;
    }

    /// <summary>A size (a denominator): log-normal around <paramref name="median"/>, independent of quality.</summary>
    public decimal Size(double median, double spread) => Math.Max(0, Math.Round((decimal)(median * Math.Exp(Noise(spread)))));

    /// <summary>How many of <paramref name="of"/> succeed at a rate from <paramref name="worst"/> to <paramref name="best"/>.</summary>
    public decimal Share(decimal of, double worst, double best, double noise = 0.04)
        => Math.Round(of * (decimal)Math.Clamp(worst + ((best - worst) * Quality) + Noise(noise), 0, 1));

    /// <summary>Days relative to a deadline: good communes early (negative), weak ones late.</summary>
    public int Days(int best, int worst) => (int)Math.Round(best + ((worst - best) * (1 - Quality)) + Noise(4));
}
