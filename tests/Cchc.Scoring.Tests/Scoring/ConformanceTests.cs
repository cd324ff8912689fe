using Cchc.Rules;
using Cchc.Rules.Loading;
using Cchc.Scoring.Cards;
using Cchc.Scoring.Tests.Support;
using Cchc.Scoring.Units;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Cchc.Scoring.Tests.Scoring;

/// <summary>
/// The compiled evaluator against RulesEngine, its reference: the same card (status, points, value, target, every
/// sentence) for every criterion of every shipped rule set and of a rule set built to exercise the corners —
/// composites under And and Or, nested composites reading a parent's parameters, parameters and tests that throw,
/// nothing to do, not applicable, choices, dates, booleans, global parameters, a value that is not a decimal.
/// (Every other test of this assembly is a conformance check as well: see <see cref="Conformance"/>.)
/// </summary>
public sealed class ConformanceTests : IDisposable
{
    private const string EdgeInputs = """
        [
          { "name": "a", "type": "count", "label": "A" },
          { "name": "b", "type": "count", "label": "B" },
          { "name": "p", "type": "percent", "label": "P" },
          { "name": "n", "type": "number", "label": "N", "min": -50, "max": 50 },
          { "name": "co", "type": "bool", "label": "Có" },
          { "name": "ngay", "type": "date", "label": "Ngày" },
          { "name": "muc", "type": "choice", "label": "Mức", "options": [ { "value": "tot", "label": "Tốt" }, { "value": "kha", "label": "Khá" }, { "value": "kem", "label": "Kém" } ] }
        ]
        """;

    private const string EdgeRules = """
        [
          {
            "RuleName": "T1",
            "Operator": "Or",
            "LocalParams": [ { "Name": "value", "Expression": "Fn.Percent(a, b)" } ],
            "Rules": [
              { "RuleName": "T1.a", "Expression": "value >= 50", "Properties": { "title": "Nửa", "format": "percent", "scoring": { "method": "passFail", "points": 1 } } },
              {
                "RuleName": "T1.b",
                "Operator": "And",
                "Rules": [
                  { "RuleName": "T1.b.i", "LocalParams": [ { "Name": "target", "Expression": "100 / b" } ], "Expression": "a >= target", "Properties": { "title": "Chia", "scoring": { "method": "passFail", "points": 1 } } },
                  { "RuleName": "T1.b.ii", "Expression": "a / b > 1", "Properties": { "title": "Chia trong biểu thức", "scoring": { "method": "passFail", "points": 1 } } }
                ],
                "Properties": { "title": "Lồng", "scoring": { "method": "composite", "points": 2 } }
              }
            ],
            "Properties": { "title": "Hoặc", "area": "chung", "scoring": { "method": "composite", "points": 3 } }
          },
          {
            "RuleName": "T2",
            "LocalParams": [
              { "Name": "noOccurrence", "Expression": "b == 0" },
              { "Name": "value", "Expression": "a * 100 / b" }
            ],
            "Expression": "value >= 80",
            "Properties": { "title": "Tham số lỗi khi b = 0", "area": "chung", "format": "percent", "whenNoOccurrence": "zero", "scoring": { "method": "linear", "points": 2, "zeroAt": 20, "fullAt": 80 } }
          },
          {
            "RuleName": "T3",
            "LocalParams": [ { "Name": "notApplicable", "Expression": "!co" }, { "Name": "value", "Expression": "p" } ],
            "Expression": "value >= 90",
            "Properties": { "title": "Bậc", "area": "chung", "format": "percent", "scoring": { "method": "bands", "points": 2, "bands": [ { "min": 90, "points": 2 }, { "min": 60, "points": 1 } ] } }
          },
          {
            "RuleName": "T4",
            "LocalParams": [ { "Name": "value", "Expression": "ngay" } ],
            "Expression": "value <= Fn.Date(2023, 6, 1)",
            "Properties": { "title": "Hạn", "area": "chung", "scoring": { "method": "passFail", "points": 1 } }
          },
          {
            "RuleName": "T5",
            "LocalParams": [ { "Name": "value", "Expression": "muc" } ],
            "Expression": "value == \"tot\"",
            "Properties": { "title": "Mức", "area": "chung", "scoring": { "method": "choice", "points": 2, "options": { "tot": 1, "kha": 0.5, "kem": 0 } } }
          },
          {
            "RuleName": "T6",
            "LocalParams": [ { "Name": "value", "Expression": "n" } ],
            "Expression": "value <= 3",
            "Properties": { "title": "Trừ", "area": "chung", "scoring": { "method": "deduction", "points": 2, "deductionPerItem": 0.5, "floor": 0 } }
          },
          {
            "RuleName": "T7",
            "LocalParams": [ { "Name": "value", "Expression": "int(a) % 7" } ],
            "Expression": "value >= 3",
            "Properties": { "title": "Số nguyên", "area": "chung", "scoring": { "method": "perItem", "points": 1, "pointsPerItem": 0.25 } }
          },
          {
            "RuleName": "T8",
            "Expression": "co && n > 0",
            "Properties": { "title": "Thưởng", "kind": "bonus", "scoring": { "method": "passFail", "points": 1 } }
          },
          {
            "RuleName": "T9",
            "LocalParams": [ { "Name": "value", "Expression": "n" } ],
            "Expression": "value >= 0",
            "Properties": { "title": "Phạt", "kind": "penalty", "scoring": { "method": "deduction", "points": 1, "deductionPerItem": 0.5, "floor": 0 } }
          }
        ]
        """;

    private readonly TempRuleSet _edge = TempRuleSet.Create(
        EdgeInputs,
        EdgeRules,
        areas: """[ { "id": "chung", "title": "Chung", "maxPoints": 13 } ]""",
        bonusCap: 1,
        penaltyCap: 0.5m);

    public void Dispose() => _edge.Dispose();

    public static TheoryData<string> ShippedRuleSets => ["ke-hoach-cchc-2023-phu-quy", "chi-so-cchc-xa", "qd766"];

    private static readonly Dictionary<string, CompiledRuleSet> Loaded = new(StringComparer.Ordinal);

    private static CompiledRuleSet Shipped(string id)
    {
        lock (Loaded)
        {
            if (!Loaded.TryGetValue(id, out var ruleSet))
            {
                Loaded[id] = ruleSet = new RuleSetLoader().LoadOrThrow(Path.Combine(AppContext.BaseDirectory, "rules", id));
            }

            return ruleSet;
        }
    }

    [Theory]
    [MemberData(nameof(ShippedRuleSets))]
    public void ShippedRuleSet_GeneratedUnitsAtThresholdsAndAtRandom_SameCardBothWays(string id)
        => Conformance.Sweep(Shipped(id), count: 300, seed: 7);

    [Fact]
    public void EdgeRuleSet_GeneratedUnits_SameCardBothWays()
        => Conformance.Sweep(_edge.RuleSet, count: 1000, seed: 11);

    [Property(MaxTest = 150)]
    public Property EdgeRuleSet_AnyUnit_SameCardBothWays()
        => Prop.ForAll(Conformance.UnitGen(_edge.RuleSet).ToArbitrary(), unit =>
        {
            var card = new ScoringEngine(_edge.RuleSet).ScoreAsync(unit).AsTask().GetAwaiter().GetResult();
            Conformance.Compare(_edge.RuleSet, unit, card);
        });

    [Fact]
    public async Task EdgeRuleSet_ParametersThrow_ErrorWithRulesEngineMessageAndChildrenUnscored()
    {
        var card = await _edge.ScoreAsync("xa", ("a", 3), ("b", 0), ("p", 70), ("n", 1), ("co", true), ("ngay", "2023-05-01"), ("muc", "kha"));

        // 100 / b throws inside T1.b.i's parameters; a / b throws inside T1.b.ii's test; T2's value throws too, so its
        // noOccurrence is never reported (RulesEngine evaluates all parameters or none): an error, not nothing to do.
        Assert.Equal(CriterionStatus.Error, card.Criterion("T1.b.i").Status);
        Assert.Contains("Error while executing scoped params for rule `T1.b.i`", card.Criterion("T1.b.i").Explanation, StringComparison.Ordinal);
        Assert.Equal(CriterionStatus.Error, card.Criterion("T1.b.ii").Status);
        Assert.Contains("Error while executing rule : T1.b.ii", card.Criterion("T1.b.ii").Explanation, StringComparison.Ordinal);
        Assert.Equal(CriterionStatus.Error, card.Criterion("T2").Status);
        Assert.True(Conformance.Checked > 0);
    }

    [Fact]
    public async Task EveryCriterion_CarriesItsKindAndFullPoints()
    {
        var card = await _edge.ScoreAsync("xa", ("a", 3), ("b", 4), ("p", 95), ("n", 2), ("co", true), ("ngay", "2023-05-01"), ("muc", "tot"));

        Assert.Equal((Rules.Model.CriterionKind.Bonus, 1m, 0m), (card.Criterion("T8").Kind, card.Criterion("T8").FullPoints, card.Criterion("T8").MaxPoints));
        Assert.Equal((Rules.Model.CriterionKind.Penalty, 1m), (card.Criterion("T9").Kind, card.Criterion("T9").FullPoints));
        Assert.Equal((Rules.Model.CriterionKind.Base, 2m), (card.Criterion("T1.b").Kind, card.Criterion("T1.b").FullPoints));
    }
}
