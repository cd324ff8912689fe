using System.Linq.Expressions;
using Cchc.Rules.Compilation;
using Cchc.Rules.Model;
using Cchc.Rules.Testing;
using RulesEngine.Models;

namespace Cchc.Rules;

/// <summary>
/// A validated rule set compiled onto RulesEngine: immutable, built once, safe to share across threads.
/// Reloading builds a new one; a rule set that fails validation never replaces one that works.
/// </summary>
public sealed class CompiledRuleSet
{
    private readonly Lazy<RulesEngine.RulesEngine> _engine;
    private readonly (string Name, int[] Inputs)[] _workflows;
    private readonly Dictionary<string, CriterionDefinition> _byId;

    internal CompiledRuleSet(
        string directory,
        Loading.Manifest manifest,
        string sha256,
        IReadOnlyList<CriterionDefinition> criteria,
        IReadOnlyList<(string Name, IReadOnlySet<string> Inputs)> workflows,
        IReadOnlyList<string> workflowFiles,
        Func<RulesEngine.RulesEngine> engine,
        IReadOnlyList<AnalystTestCase> testCases,
        IReadOnlyList<ParameterExpression> inputParameters,
        IReadOnlyList<(IReadOnlyList<(ParameterExpression Parameter, Expression Body)> Globals, IReadOnlyList<CriterionDefinition> Criteria)> programs)
    {
        Directory = directory;
        Id = manifest.Id;
        Version = manifest.Version;
        Title = manifest.Title;
        Source = manifest.Source;
        Sha256 = sha256;
        Levels = manifest.Levels;
        Inputs = manifest.Inputs;
        Areas = manifest.Areas;
        MaxPoints = manifest.MaxPoints;
        Index = manifest.Index;
        PointsDecimals = manifest.PointsDecimals;
        Grades = manifest.Grades;
        BonusCap = manifest.BonusCap;
        PenaltyCap = manifest.PenaltyCap;
        Evidence = manifest.Evidence;
        TieBreakAreas = manifest.TieBreakAreas;
        Criteria = criteria;
        WorkflowFiles = workflowFiles;
        TestCases = testCases;
        _engine = new Lazy<RulesEngine.RulesEngine>(engine, LazyThreadSafetyMode.ExecutionAndPublication);
        _workflows = [.. workflows.Select(w => (w.Name, Inputs.Select((input, i) => (input, i)).Where(x => w.Inputs.Contains(x.input.Name)).Select(x => x.i).ToArray()))];
        _byId = criteria.Flatten().ToDictionary(c => c.Id, StringComparer.Ordinal);
        InputsByName = Inputs.ToDictionary(i => i.Name, StringComparer.Ordinal);
        Flattened = [.. criteria.Flatten()];
        CriterionIndex = Flattened.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        InputIndex = Inputs.Select((input, i) => (input.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        Layout = new InputLayout(Inputs);
        _evaluator = RuleSetCompiler.Compile(Layout, inputParameters, programs, CriterionIndex);
    }

    private readonly Action<UnitValues, EvaluationBuffer> _evaluator;

    /// <summary>Every criterion and sub-criterion, depth first in file order: the order of evaluation buffers.</summary>
    internal IReadOnlyList<CriterionDefinition> Flattened { get; }

    /// <summary>A criterion's place in <see cref="Flattened"/>.</summary>
    internal IReadOnlyDictionary<string, int> CriterionIndex { get; }

    /// <summary>An input's place in <see cref="Inputs"/>.</summary>
    internal IReadOnlyDictionary<string, int> InputIndex { get; }

    /// <summary>Where each input lives in a <see cref="UnitValues"/>.</summary>
    internal InputLayout Layout { get; }

    /// <summary>
    /// Evaluates every expression of the rule set for one unit through the compiled delegate: no dictionary, no
    /// boxing, no allocation unless a rule fails. Thread-safe; the buffers belong to the caller.
    /// </summary>
    internal void Evaluate(UnitValues values, EvaluationBuffer buffer)
    {
        buffer.Clear();
        _evaluator(values, buffer);
    }

    /// <summary>The folder the rule set was loaded from.</summary>
    public string Directory { get; }

    /// <summary>The rule-set id.</summary>
    public string Id { get; }

    /// <summary>The rule-set version.</summary>
    public string Version { get; }

    /// <summary>The Vietnamese title.</summary>
    public string Title { get; }

    /// <summary>The document the rule set encodes, if named.</summary>
    public string? Source { get; }

    /// <summary>SHA-256 (hex, lower case) over the manifest and workflow files, recorded on every score card.</summary>
    public string Sha256 { get; }

    /// <summary>The unit levels scored.</summary>
    public IReadOnlyList<UnitLevel> Levels { get; }

    /// <summary>The declared inputs, in manifest order.</summary>
    public IReadOnlyList<InputDefinition> Inputs { get; }

    /// <summary>The declared inputs by name.</summary>
    public IReadOnlyDictionary<string, InputDefinition> InputsByName { get; }

    /// <summary>The areas, in manifest order.</summary>
    public IReadOnlyList<AreaDefinition> Areas { get; }

    /// <summary>The base maximum of the rule set.</summary>
    public decimal MaxPoints { get; }

    /// <summary>How the index is computed.</summary>
    public IndexSettings Index { get; }

    /// <summary>Decimals criterion points are rounded to.</summary>
    public int PointsDecimals { get; }

    /// <summary>The grade bands, best first.</summary>
    public IReadOnlyList<GradeBand> Grades { get; }

    /// <summary>Most bonus points a unit can get.</summary>
    public decimal BonusCap { get; }

    /// <summary>The rule set's evidence policy for claims; a criterion's own (<see cref="CriterionDefinition.Evidence"/>) wins.</summary>
    public EvidencePolicy Evidence { get; }

    /// <summary>The evidence policy that applies to a claim on <paramref name="criterion"/>.</summary>
    public EvidencePolicy EvidenceFor(CriterionDefinition criterion)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        return criterion.Evidence ?? Evidence;
    }

    /// <summary>Most penalty points a unit can lose.</summary>
    public decimal PenaltyCap { get; }

    /// <summary>
    /// The areas that break ties in a ranking, in order: between units with the same index, the one with more
    /// points in the first area ranks higher, then the second, …; units equal on all of them share a rank.
    /// </summary>
    public IReadOnlyList<string> TieBreakAreas { get; }

    /// <summary>The index as weighted components (e.g. appraisal 70 + survey 30); null when the index is the criteria alone.</summary>
    internal IndexComposition? Composition { get; init; }

    /// <summary>The survey definition, when the index has a survey component.</summary>
    internal SurveyDefinition? Survey { get; init; }

    /// <summary>The top-level criteria, in file order.</summary>
    public IReadOnlyList<CriterionDefinition> Criteria { get; }

    /// <summary>The workflow files, relative to <see cref="Directory"/>.</summary>
    public IReadOnlyList<string> WorkflowFiles { get; }

    /// <summary>The analysts' test cases.</summary>
    public IReadOnlyList<AnalystTestCase> TestCases { get; }

    /// <summary>Finds a criterion (or sub-criterion) by id.</summary>
    public CriterionDefinition? FindCriterion(string id) => _byId.GetValueOrDefault(id);

    /// <summary>
    /// Runs every workflow through RulesEngine for one unit's typed input values (decimal for numbers, bool,
    /// <see cref="DateTime"/> for dates, string for choices; a missing input is absent or null).
    /// Criteria that read a missing input still run, on a neutral value, and must be reported as missing data by the caller.
    /// </summary>
    public async ValueTask<IReadOnlyList<RuleEvaluation>> EvaluateAsync(IReadOnlyDictionary<string, object?> values, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var parameters = new RuleParameter[Inputs.Count];
        for (var i = 0; i < Inputs.Count; i++)
        {
            var input = Inputs[i];
            var value = values.TryGetValue(input.Name, out var v) && v is not null ? v : Neutral(input.Type);
            parameters[i] = new RuleParameter(input.Name, value);
        }

        var results = new List<RuleEvaluation>(_byId.Count);
        foreach (var (workflow, inputIndexes) in _workflows)
        {
            var subset = new RuleParameter[inputIndexes.Length];
            for (var i = 0; i < subset.Length; i++)
            {
                subset[i] = parameters[inputIndexes[i]];
            }

            var trees = await _engine.Value.ExecuteAllRulesAsync(workflow, subset, cancellationToken).ConfigureAwait(false);
            foreach (var tree in trees)
            {
                results.Add(ToEvaluation(tree));
            }
        }

        return results;
    }

    private RuleEvaluation ToEvaluation(RuleResultTree tree)
    {
        var id = tree.Rule.RuleName;
        var inputs = tree.Inputs ?? [];
        var definition = _byId.GetValueOrDefault(id);
        var target = inputs.TryGetValue("target", out var t) ? t : definition?.ConstantTarget;
        bool? noOccurrence = definition?.HasNoOccurrence == true && inputs.TryGetValue("noOccurrence", out var n) && n is bool b ? b : null;
        var children = tree.ChildResults?.Select(ToEvaluation).ToList() ?? [];
        return new RuleEvaluation(
            id,
            tree.IsSuccess,
            inputs.TryGetValue("value", out var value) ? value : null,
            target,
            noOccurrence,
            string.IsNullOrEmpty(tree.ExceptionMessage) ? null : tree.ExceptionMessage,
            children)
        {
            NotApplicable = definition?.HasNotApplicable == true && inputs.TryGetValue("notApplicable", out var a) && a is bool notApplicable ? notApplicable : null,
        };
    }

    internal static object Neutral(InputType type) => type switch
    {
        InputType.Bool => false,
        InputType.Date => DateTime.MinValue,
        InputType.Choice => "",
        _ => 0m,
    };

}
