using System.Globalization;
using Cchc.Rules;
using Cchc.Rules.Loading;
using Cchc.Scoring.Cards;
using Cchc.Scoring.Units;

namespace Cchc.Scoring.Tests.Support;

/// <summary>
/// A rule set written to a temporary folder (<c>ruleset.json</c> + <c>workflows/main.json</c>) and loaded with the
/// strict loader, so tests can exercise every scoring method on small, readable rule sets.
/// </summary>
public sealed class TempRuleSet : IDisposable
{
    public const string Id = "thu-nghiem";

    private readonly TempDirectory _temp = new();

    private TempRuleSet(string manifest, string workflow)
    {
        Directory = Path.Combine(_temp.Root, Id);
        try
        {
            WriteFiles(manifest, workflow);
            RuleSet = new RuleSetLoader().LoadOrThrow(Directory);
        }
        catch
        {
            _temp.Dispose();
            throw;
        }

        Engine = new ScoringEngine(RuleSet);
    }

    /// <summary>The rule-set folder.</summary>
    public string Directory { get; }

    public CompiledRuleSet RuleSet { get; }

    public ScoringEngine Engine { get; }

    /// <summary>Writes and loads a rule set from the full text of its two files.</summary>
    public static TempRuleSet FromFiles(string manifest, string workflow) => new(manifest, workflow);

    /// <summary>
    /// Writes and loads a rule set from its parts: <paramref name="inputs"/>, <paramref name="areas"/> and
    /// <paramref name="rules"/> are JSON arrays; the rest of the manifest gets sensible defaults.
    /// </summary>
    public static TempRuleSet Create(
        string inputs,
        string rules,
        string areas = """[ { "id": "chung", "title": "Chung", "maxPoints": 1 } ]""",
        decimal? maxPoints = null,
        string grades = """[ { "name": "Tốt", "from": 90 }, { "name": "Khá", "from": 0, "to": 90 } ]""",
        string levels = """[ "huyen", "xa" ]""",
        int indexDecimals = 2,
        int pointsDecimals = 2,
        decimal bonusCap = 0,
        decimal penaltyCap = 0,
        bool capAtScale = false)
    {
        var max = maxPoints ?? SumOfAreas(areas);
        return new TempRuleSet(Manifest(inputs, areas, max, grades, levels, indexDecimals, pointsDecimals, bonusCap, penaltyCap, capAtScale), Workflow(rules));
    }

    /// <summary>The text of a manifest whose only workflow file is <c>workflows/main.json</c>.</summary>
    public static string Manifest(
        string inputs,
        string areas,
        decimal maxPoints,
        string grades = """[ { "name": "Tốt", "from": 90 }, { "name": "Khá", "from": 0, "to": 90 } ]""",
        string levels = """[ "huyen", "xa" ]""",
        int indexDecimals = 2,
        int pointsDecimals = 2,
        decimal bonusCap = 0,
        decimal penaltyCap = 0,
        bool capAtScale = false)
        => $$"""
        {
          "id": "{{Id}}",
          "version": "1.0.0",
          "title": "Bộ tiêu chí thử nghiệm",
          "levels": {{levels}},
          "inputs": {{inputs}},
          "areas": {{areas}},
          "maxPoints": {{Number(maxPoints)}},
          "index": { "scale": 100, "decimals": {{indexDecimals}}, "capAtScale": {{(capAtScale ? "true" : "false")}} },
          "pointsDecimals": {{pointsDecimals}},
          "grades": {{grades}},
          "bonusCap": {{Number(bonusCap)}},
          "penaltyCap": {{Number(penaltyCap)}},
          "workflows": [ "workflows/main.json" ]
        }
        """;

    /// <summary>The text of a workflow file holding <paramref name="rules"/> (a JSON array).</summary>
    public static string Workflow(string rules) => $$"""
        {
          "WorkflowName": "{{Id}}/main",
          "Rules": {{rules}}
        }
        """;

    /// <summary>Overwrites the rule set's files (the loaded rule set is unaffected until reloaded).</summary>
    public void WriteFiles(string manifest, string workflow)
    {
        _temp.Write(Path.Combine(Id, "ruleset.json"), manifest);
        _temp.Write(Path.Combine(Id, "workflows", "main.json"), workflow);
    }

    /// <summary>Scores a unit of <paramref name="level"/> with the given raw values.</summary>
    public async Task<ScoreCard> ScoreAsync(string level = "xa", params (string Name, object? Value)[] values)
    {
        var row = new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = "DV-01", ["name"] = "Đơn vị thử", ["level"] = level };
        foreach (var (name, value) in values)
        {
            row[name] = value;
        }

        return await Engine.ScoreAsync(UnitData.FromRow(row));
    }

    public void Dispose() => _temp.Dispose();

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static decimal SumOfAreas(string areas)
        => Newtonsoft.Json.Linq.JArray.Parse(areas).Sum(a => (decimal)a["maxPoints"]!);
}

/// <summary>Looks criteria up on a card, sub-criteria included.</summary>
public static class ScoreCardExtensions
{
    public static CriterionScore Criterion(this ScoreCard card, string id)
    {
        ArgumentNullException.ThrowIfNull(card);
        return Flatten(card.Criteria).Single(c => c.Id == id);
    }

    private static IEnumerable<CriterionScore> Flatten(IEnumerable<CriterionScore> criteria) => criteria.SelectMany(c => new[] { c }.Concat(Flatten(c.Children)));
}

/// <summary>The status words of the rule format (<c>met</c>, <c>notMet</c>, …).</summary>
public static class StatusWords
{
    public static string Word(CriterionStatus status) => status.ToCode();
}
