using System.Globalization;
using Cchc.Rules.Model;
using Cchc.Scoring.Units;
using FsCheck;
using FsCheck.Fluent;

namespace Cchc.Scoring.Tests.Support;

/// <summary>A scoring rule with a met-test result and a value, as the engine hands them to the calculator.</summary>
public sealed record RuleCase(ScoringRule Rule, bool Passed, object? Value)
{
    public override string ToString() => $"{Describe(Rule)} passed={Passed} value={Value ?? "null"}";

    internal static string Describe(ScoringRule r) => r.Method switch
    {
        ScoringMethod.Bands => $"bands points={r.Points} [{string.Join("; ", r.Bands.Select(b => $"{(b.Min is { } m ? $"min {m}" : $"max {b.Max}")} → {b.Points}"))}]",
        ScoringMethod.Linear => $"linear points={r.Points} zeroAt={r.ZeroAt} fullAt={r.FullAt}",
        ScoringMethod.PerItem => $"perItem points={r.Points} perItem={r.PointsPerItem}",
        ScoringMethod.Deduction => $"deduction points={r.Points} perItem={r.DeductionPerItem} floor={r.Floor}",
        ScoringMethod.Choice => $"choice points={r.Points} {{{string.Join(", ", r.Options.Select(o => $"{o.Key}: {o.Value}"))}}}",
        _ => $"{r.Method} points={r.Points}",
    };
}

/// <summary>A rule that should never give fewer points for a higher value, and two values.</summary>
public sealed record MonotoneCase(ScoringRule Rule, decimal Low, decimal High)
{
    public override string ToString() => $"{RuleCase.Describe(Rule)} low={Low} high={High}";
}

/// <summary>A unit of the shipped rule set with random (sometimes missing or invalid) values.</summary>
public sealed record ShippedUnit(UnitData Unit)
{
    public override string ToString() => $"{Unit.Level} {string.Join(", ", Unit.Values.Select(v => $"{v.Key}={v.Value ?? "null"}"))}";
}

/// <summary>Units of the shipped rule set with distinct codes, and the same units in another order.</summary>
public sealed record ShippedBatch(IReadOnlyList<UnitData> Units, IReadOnlyList<UnitData> Shuffled)
{
    public override string ToString() => string.Join(Environment.NewLine, Units.Select(u => new ShippedUnit(u).ToString()));
}

/// <summary>FsCheck generators; decimals are drawn from whole numbers so they stay in sensible ranges.</summary>
public static class Generators
{
    private static Gen<decimal> Decimal(int min, int max, int decimals = 2)
    {
        var scale = (int)Math.Pow(10, decimals);
        return Gen.Choose(min * scale, max * scale).Select(i => i / (decimal)scale);
    }

    private static Gen<decimal> Points => Decimal(0, 10);

    private static Gen<decimal> Value => Gen.Frequency((1, Decimal(-100, 0)), (6, Decimal(0, 150)), (2, Decimal(150, 5000)));

    private static Gen<ScoringRule> BandsWithMin => Points.SelectMany(points => Gen.Choose(1, 5).SelectMany(n =>
        Gen.Zip(Gen.ArrayOf(Decimal(-50, 200), n), Gen.ArrayOf(Gen.Choose(0, 100), n), (mins, shares) =>
        {
            var ordered = mins.Distinct().OrderDescending().ToList();
            var fractions = shares.Take(ordered.Count).OrderDescending().Select((s, i) => i == 0 ? 1m : s / 100m).ToList();
            return new ScoringRule
            {
                Method = ScoringMethod.Bands,
                Points = points,
                Bands = [.. ordered.Select((min, i) => new ScoreBand(min, null, Math.Round(points * fractions[i], 2)))],
            };
        })));

    private static Gen<ScoringRule> BandsWithMax => BandsWithMin.Select(rule => rule with
    {
        Bands = [.. rule.Bands.Select(b => new ScoreBand(null, -b.Min!.Value, b.Points))],
    });

    private static Gen<ScoringRule> Linear(bool increasing) => Points.SelectMany(points => Gen.Zip(Decimal(-100, 200), Decimal(1, 300), (from, span) =>
        new ScoringRule
        {
            Method = ScoringMethod.Linear,
            Points = points,
            ZeroAt = increasing ? from : from + span,
            FullAt = increasing ? from + span : from,
        }));

    private static Gen<ScoringRule> AnyLinear => Gen.OneOf(Linear(true), Linear(false));

    private static Gen<ScoringRule> PerItem => Gen.Zip(Points, Decimal(0, 5).Where(d => d > 0), (points, perItem) =>
        new ScoringRule { Method = ScoringMethod.PerItem, Points = points, PointsPerItem = perItem });

    private static Gen<ScoringRule> Deduction => Points.SelectMany(points => Gen.Zip(Decimal(0, 5).Where(d => d > 0), Gen.Choose(0, 100), (perItem, floorShare) =>
        new ScoringRule { Method = ScoringMethod.Deduction, Points = points, DeductionPerItem = perItem, Floor = Math.Round(points * floorShare / 100m, 2) }));

    private static Gen<ScoringRule> Choice => Gen.Zip(Points, Gen.ArrayOf(Gen.Choose(0, 100), 3), (points, shares) =>
        new ScoringRule
        {
            Method = ScoringMethod.Choice,
            Points = points,
            Options = new Dictionary<string, decimal> { ["tot"] = shares[0] / 100m, ["kha"] = shares[1] / 100m, ["kem"] = shares[2] / 100m },
        });

    private static Gen<ScoringRule> PassFail => Points.Select(points => new ScoringRule { Method = ScoringMethod.PassFail, Points = points });

    public static Arbitrary<RuleCase> RuleCases()
    {
        var numeric = Gen.OneOf(BandsWithMin, BandsWithMax, AnyLinear, PerItem, Deduction)
            .SelectMany(rule => Gen.Zip(ArbMap.Default.GeneratorFor<bool>(), Value, (passed, value) => new RuleCase(rule, passed, value)));
        var choice = Choice.SelectMany(rule => Gen.Zip(
            ArbMap.Default.GeneratorFor<bool>(),
            Gen.Elements<object?>("tot", "kha", "kem", "xuat-sac", null),
            (passed, value) => new RuleCase(rule, passed, value)));
        var passFail = PassFail.SelectMany(rule => ArbMap.Default.GeneratorFor<bool>().Select(passed => new RuleCase(rule, passed, null)));
        return Gen.Frequency((5, numeric), (1, choice), (1, passFail)).ToArbitrary();
    }

    public static Arbitrary<MonotoneCase> MonotoneCases()
        => Gen.OneOf(BandsWithMin, Linear(increasing: true), PerItem)
            .SelectMany(rule => Gen.Zip(Value, Value, (a, b) => new MonotoneCase(rule, Math.Min(a, b), Math.Max(a, b))))
            .ToArbitrary();

    private static Gen<object?> ValueFor(InputDefinition input)
    {
        Gen<object?> valid = input.Type switch
        {
            InputType.Count => Gen.Frequency(
                (3, Gen.Choose(0, 400).Select(i => (object?)(decimal)i)),
                (1, Gen.Choose(0, 400).Select(i => (object?)i.ToString(CultureInfo.InvariantCulture)))),
            InputType.Percent => Gen.Frequency(
                (3, Decimal(0, 100, 1).Select(d => (object?)d)),
                (1, Decimal(0, 100, 1).Select(d => (object?)(d.ToString(CultureInfo.InvariantCulture).Replace('.', ',') + "%")))),
            InputType.Number when input.Min is { } min => Gen.Choose((int)min, (int)(input.Max ?? min + 10)).Select(i => (object?)(decimal)i),
            InputType.Number => Decimal(0, 3000).Select(d => (object?)d),
            InputType.Date => Gen.Zip(Gen.Choose(0, 150), Gen.Elements("yyyy-MM-dd", "dd/MM/yyyy"), (days, format) =>
                (object?)new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Unspecified).AddDays(days).ToString(format, CultureInfo.InvariantCulture)),
            InputType.Bool => Gen.Elements<object?>(true, false, "có", "không"),
            _ => Gen.Elements(input.Options.Select(o => (object?)o.Value).ToArray()),
        };
        var invalid = Gen.Elements<object?>("abc", "-1", "120%", "31/02/2023", "2,5");
        return Gen.Frequency((1, Gen.Constant<object?>(null)), (1, invalid), (30, valid));
    }

    private static Gen<UnitData> ShippedUnitGen(string code)
    {
        var inputs = Shipped.RuleSet.Inputs;
        return Gen.Zip(Gen.Elements("xa", "huyen"), Gen.CollectToArray(inputs, ValueFor), (level, values) =>
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = code, ["name"] = $"Đơn vị {code}", ["level"] = level };
            for (var i = 0; i < inputs.Count; i++)
            {
                row[inputs[i].Name] = values[i];
            }

            return UnitData.FromRow(row);
        });
    }

    public static Arbitrary<ShippedUnit> ShippedUnits() => ShippedUnitGen("DV-01").Select(u => new ShippedUnit(u)).ToArbitrary();

    public static Arbitrary<ShippedBatch> ShippedBatches()
        => Gen.Choose(1, 10)
            .SelectMany(n => Gen.CollectToArray(Enumerable.Range(1, n), i => ShippedUnitGen($"DV-{i:00}")))
            .SelectMany(units => Gen.Shuffle(units).Select(shuffled => new ShippedBatch(units, shuffled)))
            .ToArbitrary();
}
