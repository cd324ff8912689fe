using Cchc.Rules;
using Cchc.Rules.Loading;
using Cchc.Scoring;
using Cchc.Scoring.Units;

namespace Cchc.Benchmarks;

/// <summary>The shipped 2023 plan rule set and the four Phú Quý sample units.</summary>
internal static class Fixture
{
    public static string RuleSetDirectory => Path.Combine(AppContext.BaseDirectory, "rules", "ke-hoach-cchc-2023-phu-quy");

    public static CompiledRuleSet LoadRuleSet() => new RuleSetLoader().LoadOrThrow(RuleSetDirectory);

    public static UnitData[] LoadSampleUnits(CompiledRuleSet ruleSet)
        => [.. new UnitPipeline(ruleSet).ReadAllAsync([Path.Combine(AppContext.BaseDirectory, "samples", "phu-quy", "phu-quy.json")]).GetAwaiter().GetResult().Units];

    /// <summary>The typed inputs the engine hands to RulesEngine, prepared once.</summary>
    public static Dictionary<string, object?>[] TypedInputs(CompiledRuleSet ruleSet, UnitData[] units)
        => [.. units.Select(u => ruleSet.Inputs.ToDictionary(
            i => i.Name,
            i => u.Values.TryGetValue(i.Name, out var v) && v is not null
                ? i.Type switch
                {
                    Cchc.Rules.Model.InputType.Date => (object)DateTime.Parse((string)v, System.Globalization.CultureInfo.InvariantCulture),
                    Cchc.Rules.Model.InputType.Bool => v,
                    Cchc.Rules.Model.InputType.Choice => v,
                    _ => Convert.ToDecimal(v, System.Globalization.CultureInfo.InvariantCulture),
                }
                : null))];
}
