using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Cchc.Rules;
using Cchc.Rules.Model;
using Cchc.Scoring.Cards;
using Cchc.Scoring.Units;
using FsCheck;
using FsCheck.Fluent;

namespace Cchc.Scoring.Tests.Support;

/// <summary>
/// The compiled evaluator held to RulesEngine, its reference. Installed for the whole test run by a module
/// initializer: every card the compiled path writes in any test is written again through
/// <c>ExecuteAllRulesAsync</c> and must be the same, byte for byte; and the first time a rule set is seen, a sweep
/// of generated units (random values, the rule set's own thresholds, band edges and saturation points and their
/// neighbours, missing and invalid values) is scored both ways. So every rule set of every test is checked.
/// </summary>
public static class Conformance
{
    private static readonly ConditionalWeakTable<CompiledRuleSet, ScoringEngine> References = [];
    private static readonly ConcurrentDictionary<CompiledRuleSet, byte> Swept = new();
    private static int _checked;
    private static int _ruleSets;

    /// <summary>Units compared so far in this run.</summary>
    public static int Checked => Volatile.Read(ref _checked);

    /// <summary>Rule sets swept so far in this run.</summary>
    public static int RuleSets => Volatile.Read(ref _ruleSets);

    /// <summary>Units generated per rule set in the sweep.</summary>
    public const int SweepSize = 60;

    [ModuleInitializer]
    internal static void Install() => ScoringEngine.CompiledCardObserver = Observe;

    private static void Observe(ScoringEngine engine, UnitData unit, ScoreCard card)
    {
        Compare(engine.RuleSet, unit, card);
        if (Swept.TryAdd(engine.RuleSet, 0))
        {
            Interlocked.Increment(ref _ruleSets);
            Sweep(engine.RuleSet, SweepSize, seed: 2026);
        }
    }

    /// <summary>Scores <paramref name="count"/> generated units of <paramref name="ruleSet"/> both ways; throws at the first difference.</summary>
    public static void Sweep(CompiledRuleSet ruleSet, int count, int seed)
    {
        var compiled = new ScoringEngine(ruleSet);
        var units = UnitGen(ruleSet).Sample(30, new Rnd((ulong)seed), count);
        foreach (var unit in units)
        {
            // Through ScoreAsync directly on a private engine would recurse into the observer: compare here instead.
            var card = ScoreWithoutObserver(compiled, unit);
            Compare(ruleSet, unit, card);
        }
    }

    private static ScoreCard ScoreWithoutObserver(ScoringEngine engine, UnitData unit)
    {
        var score = new Cchc.Scoring.Scoring.UnitScore(engine.Plan);
        var invalid = engine.ScoreIntoAsync(unit, score).AsTask().GetAwaiter().GetResult();
        return engine.Card(unit, score, invalid);
    }

    /// <summary>Requires RulesEngine to give <paramref name="card"/> for <paramref name="unit"/>.</summary>
    public static void Compare(CompiledRuleSet ruleSet, UnitData unit, ScoreCard card)
    {
        var reference = References.GetValue(ruleSet, rs => new ScoringEngine(rs, ScoringEvaluator.RulesEngine));
        var expected = reference.ScoreAsync(unit).AsTask().GetAwaiter().GetResult();
        Interlocked.Increment(ref _checked);
        var a = ScoreCardJson.Serialize(expected, indented: false);
        var b = ScoreCardJson.Serialize(card, indented: false);
        if (a == b)
        {
            return;
        }

        var diff = expected.Criteria.Flatten().Zip(card.Criteria.Flatten())
            .Where(p => p.First.Status != p.Second.Status || p.First.Points != p.Second.Points || p.First.MaxPoints != p.Second.MaxPoints || p.First.Explanation != p.Second.Explanation || !Equals(p.First.Value, p.Second.Value) || !Equals(p.First.Target, p.Second.Target))
            .Select(p => $"{p.First.Id}: RulesEngine {p.First.Status} {p.First.Points}/{p.First.MaxPoints} value={p.First.Value} target={p.First.Target} «{p.First.Explanation}» | compiled {p.Second.Status} {p.Second.Points}/{p.Second.MaxPoints} value={p.Second.Value} target={p.Second.Target} «{p.Second.Explanation}»")
            .FirstOrDefault() ?? $"cards differ:\n{a}\n{b}";
        throw new InvalidOperationException($"Compiled path differs from RulesEngine on rule set {ruleSet.Id}, unit {unit.Code} ({string.Join(", ", unit.Values.Select(v => $"{v.Key}={v.Value ?? "null"}"))}): {diff}");
    }

    /// <summary>Units of any rule set: each input missing, invalid, at one of the rule set's own constants or next to it, small whole numbers (so ratios hit thresholds exactly) or random in range.</summary>
    public static Gen<UnitData> UnitGen(CompiledRuleSet ruleSet)
    {
        var constants = Constants(ruleSet);
        var dates = ruleSet.Flattened.Select(c => c.ConstantTarget).OfType<DateTime>().ToList();
        var leaves = ruleSet.Flattened.Where(c => c.Children.Count == 0).ToArray();
        var levelsAndValues = Gen.Zip(Gen.Elements(ruleSet.Levels.ToArray()), Gen.CollectToArray(ruleSet.Inputs, i => ValueFor(i, constants, dates)), (level, values) => (level, values));
        return Gen.Zip(levelsAndValues, Gen.Choose(0, int.MaxValue), (drawn, seed) =>
        {
            var (level, values) = drawn;
            var row = new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = "DV-01", ["name"] = "Đơn vị thử", ["level"] = level.ToCode() };
            for (var i = 0; i < values.Length; i++)
            {
                row[ruleSet.Inputs[i].Name] = values[i];
            }

            // One unit in three carries an appraisal: round-1 points on a few sub-criteria (some out of range or on a
            // criterion that does not apply), a round 2 on some, so both evaluators apply the same final points.
            var random = new Random(seed);
            if (seed % 3 == 0 && leaves.Length > 0)
            {
                for (var k = random.Next(1, 6); k > 0; k--)
                {
                    var leaf = leaves[random.Next(leaves.Length)];
                    var points = Math.Round(leaf.Scoring.Points * random.Next(0, 11) / 10m, 2);
                    row["thamDinh:" + leaf.Id] = random.Next(10) == 0 ? leaf.Scoring.Points + 1 : points;
                    if (random.Next(3) == 0)
                    {
                        row["thamDinh2:" + leaf.Id] = leaf.Scoring.Points;
                    }
                }
            }

            return UnitData.FromRow(row);
        });
    }

    private static decimal[] Constants(CompiledRuleSet ruleSet)
    {
        var found = new SortedSet<decimal> { 0, 1, 2, 3, 4, 5, 10, 50, 100 };
        foreach (var c in ruleSet.Flattened)
        {
            if (c.ConstantTarget is decimal t)
            {
                found.Add(t);
            }

            foreach (var band in c.Scoring.Bands)
            {
                found.Add(band.Min ?? band.Max!.Value);
            }

            found.Add(c.Scoring.ZeroAt);
            found.Add(c.Scoring.FullAt);
        }

        return [.. found.SelectMany(v => new[] { v, v - 0.01m, v + 0.01m, v - 1, v + 1 }).Distinct()];
    }

    private static Gen<object?> ValueFor(InputDefinition input, decimal[] constants, List<DateTime> dates)
    {
        var min = input.EffectiveMin ?? -1000;
        var max = input.EffectiveMax ?? 1_000_000;
        var inRange = constants.Where(v => v >= min && v <= max).ToArray();
        Gen<object?> valid = input.Type switch
        {
            InputType.Bool => Gen.Elements<object?>(true, false),
            InputType.Date => Gen.Frequency(
                (2, Gen.Choose(-400, 400).Select(d => (object?)new DateTime(2023, 6, 1, 0, 0, 0, DateTimeKind.Unspecified).AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
                (dates.Count > 0 ? 3 : 0, Gen.Elements(dates.Count > 0 ? dates.ToArray() : [DateTime.MinValue]).SelectMany(d => Gen.Choose(-2, 2).Select(k => (object?)d.AddDays(k).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))))),
            InputType.Choice => Gen.Elements(input.Options.Select(o => (object?)o.Value).ToArray()),
            _ => Gen.Frequency(
                (inRange.Length > 0 ? 4 : 0, Gen.Elements(inRange.Length > 0 ? inRange : [0m]).Select(v => (object?)(input.Type == InputType.Count ? Math.Max(Math.Round(v), min) : v))),
                (3, Gen.Choose(0, 12).Select(i => (object?)(decimal)i)),
                (2, Gen.Choose(0, 10_000).Select(i => (object?)Math.Round(min + ((max - min) * i / 10_000m), input.Type == InputType.Count ? 0 : 2)))),
        };
        var invalid = Gen.Elements<object?>("abc", "-1", "31/02/2023", "1e400");
        return Gen.Frequency((2, Gen.Constant<object?>(null)), (1, invalid), (20, valid));
    }
}
