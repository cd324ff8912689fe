using Cchc.Rules;
using Cchc.Rules.Compilation;
using Cchc.Rules.Loading;
using Cchc.Rules.Model;
using Cchc.Scoring;
using Cchc.Scoring.Scoring;
using Cchc.Scoring.Units;

namespace Cchc.Benchmarks.Compiled;

/// <summary>
/// The commune PAR Index (<c>rules/chi-so-cchc-xa</c>) and units of the seeded national batch
/// (<c>samples/national/xa-10600.csv</c>), read with the project's reader and converted once with
/// <c>ScoringEngine.Convert</c>: for each unit its typed <see cref="UnitValues"/> (what the compiled and RulesEngine
/// paths read) and its <see cref="CommuneInput"/> (what the hand-written scorer reads).
/// </summary>
internal sealed class NationalUnits
{
    public static string RuleSetDirectory => Path.Combine(AppContext.BaseDirectory, "rules", "chi-so-cchc-xa");

    public static string DataFile => Path.Combine(AppContext.BaseDirectory, "samples", "national", "xa-10600.csv");

    private NationalUnits(CompiledRuleSet ruleSet, UnitData[] units, UnitValues[] values, CommuneInput[] inputs)
    {
        RuleSet = ruleSet;
        Engine = new ScoringEngine(ruleSet);
        Reference = new ScoringEngine(ruleSet, ScoringEvaluator.RulesEngine);
        Units = units;
        Values = values;
        Inputs = inputs;
    }

    public CompiledRuleSet RuleSet { get; }

    /// <summary>The compiled path (the default evaluator).</summary>
    public ScoringEngine Engine { get; }

    /// <summary>The reference path: RulesEngine's <c>ExecuteAllRulesAsync</c>, one call per workflow.</summary>
    public ScoringEngine Reference { get; }

    public UnitData[] Units { get; }

    public UnitValues[] Values { get; }

    public CommuneInput[] Inputs { get; }

    public int Count => Units.Length;

    /// <summary>Loads the rule set and the first <paramref name="count"/> units of the batch (all of them when null).</summary>
    public static NationalUnits Load(int? count)
    {
        var ruleSet = new RuleSetLoader().LoadOrThrow(RuleSetDirectory);
        var engine = new ScoringEngine(ruleSet);
        var read = new UnitFileReader(ruleSet).Read(DataFile).Where(r => r.Unit is not null).Select(r => r.Unit!);
        UnitData[] units = count is { } n ? [.. read.Take(n)] : [.. read];
        if (count is { } wanted && units.Length < wanted)
        {
            throw new InvalidOperationException($"{DataFile} has only {units.Length} readable units, {wanted} wanted.");
        }

        var values = new UnitValues[units.Length];
        var inputs = new CommuneInput[units.Length];
        for (var i = 0; i < units.Length; i++)
        {
            if (units[i].Level != UnitLevel.Xa)
            {
                throw new InvalidOperationException($"Unit {units[i].Code} is not a commune (xa): the hand-written scorer scores communes only.");
            }

            values[i] = new UnitValues(ruleSet.Layout);
            engine.Convert(units[i], values[i]);
            inputs[i] = CommuneInput.From(ruleSet, values[i]);
        }

        return new NationalUnits(ruleSet, units, values, inputs);
    }

    /// <summary>Copies a pre-converted unit into the values of a reused <see cref="UnitScore"/> (no allocation).</summary>
    public static void CopyInto(UnitValues from, UnitValues to)
    {
        Array.Copy(from.Numbers, to.Numbers, from.Numbers.Length);
        Array.Copy(from.Bools, to.Bools, from.Bools.Length);
        Array.Copy(from.Dates, to.Dates, from.Dates.Length);
        Array.Copy(from.Texts, to.Texts, from.Texts.Length);
        Array.Copy(from.Present, to.Present, from.Present.Length);
    }

    public UnitScore NewScore(ScoringEngine engine) => new(engine.Plan);
}
