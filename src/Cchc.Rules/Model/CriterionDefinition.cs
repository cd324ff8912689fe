namespace Cchc.Rules.Model;

/// <summary>Whether a criterion counts in the base maximum, adds bonus points or subtracts penalty points.</summary>
public enum CriterionKind
{
    /// <summary>Part of the base maximum.</summary>
    Base,

    /// <summary>Bonus points outside the base maximum, capped by the rule set.</summary>
    Bonus,

    /// <summary>Penalty points outside the base maximum, subtracted, capped by the rule set.</summary>
    Penalty,
}

/// <summary>What a criterion scores when there is nothing to do (không phát sinh).</summary>
public enum NoOccurrencePolicy
{
    /// <summary>Full points.</summary>
    Full,

    /// <summary>Zero points, still counted in the maximum.</summary>
    Zero,

    /// <summary>Removed from the maximum, like a criterion that does not apply.</summary>
    Exclude,
}

/// <summary>How a measured value or target is shown to people.</summary>
public enum ValueFormat
{
    /// <summary>A decimal number, Vietnamese style (<c>1.234,5</c>).</summary>
    Number,

    /// <summary>A percentage (<c>72,5%</c>).</summary>
    Percent,

    /// <summary>A whole count.</summary>
    Count,

    /// <summary>A date (<c>19/02/2023</c>).</summary>
    Date,

    /// <summary>Yes or no (<c>có</c> / <c>không</c>).</summary>
    Bool,

    /// <summary>A choice, shown by its label.</summary>
    Choice,
}

/// <summary>The comparison a criterion's met test makes between its value and its target.</summary>
public enum Comparison
{
    /// <summary><c>value &gt;= target</c>.</summary>
    AtLeast,

    /// <summary><c>value &gt; target</c>.</summary>
    MoreThan,

    /// <summary><c>value &lt;= target</c>.</summary>
    AtMost,

    /// <summary><c>value &lt; target</c>.</summary>
    LessThan,

    /// <summary><c>value == target</c>.</summary>
    EqualTo,
}

/// <summary>A criterion of a rule set: one RulesEngine rule with its scoring and wording.</summary>
public sealed record CriterionDefinition
{
    /// <summary>The criterion id (the rule's <c>RuleName</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The Vietnamese title.</summary>
    public required string Title { get; init; }

    /// <summary>The area the criterion belongs to; for a child of a composite, the parent's area.</summary>
    public required string Area { get; init; }

    /// <summary>The unit levels it applies to.</summary>
    public required IReadOnlyList<UnitLevel> Levels { get; init; }

    /// <summary>The lead unit (đơn vị phụ trách), if named.</summary>
    public string? LeadUnit { get; init; }

    /// <summary>The coordinating units (đơn vị phối hợp).</summary>
    public IReadOnlyList<string> CoordinatingUnits { get; init; } = [];

    /// <summary>Base, bonus or penalty.</summary>
    public CriterionKind Kind { get; init; }

    /// <summary>How its points are computed.</summary>
    public required ScoringRule Scoring { get; init; }

    /// <summary>How its value and target are shown.</summary>
    public ValueFormat Format { get; init; }

    /// <summary>What it scores when there is nothing to do.</summary>
    public NoOccurrencePolicy WhenNoOccurrence { get; init; }

    /// <summary>Whether a claim on it needs evidence, as its rule says (<c>"evidence"</c>); null when the rule set's default applies.</summary>
    public EvidencePolicy? Evidence { get; init; }

    /// <summary>The explanation template per status word (<c>met</c>, <c>notMet</c>, …).</summary>
    public IReadOnlyDictionary<string, string> Explanations { get; init; } = new Dictionary<string, string>();

    /// <summary>The comparison of the met test, when it reads <c>value &lt;op&gt; target</c>.</summary>
    public Comparison? Comparison { get; init; }

    /// <summary>The target when it is a constant of the met test.</summary>
    public object? ConstantTarget { get; init; }

    /// <summary>The children of a composite criterion.</summary>
    public IReadOnlyList<CriterionDefinition> Children { get; init; } = [];

    /// <summary>The inputs its expressions read, directly or through its parameters.</summary>
    public IReadOnlyList<string> Inputs { get; init; } = [];

    /// <summary>The inputs read by its <c>noOccurrence</c> parameter.</summary>
    public IReadOnlyList<string> NoOccurrenceInputs { get; init; } = [];

    /// <summary>Whether it has a <c>noOccurrence</c> parameter.</summary>
    public bool HasNoOccurrence { get; init; }

    /// <summary>
    /// Whether it has a <c>notApplicable</c> parameter: when that is true for a unit, the criterion does not apply to
    /// that unit (status <c>notApplicable</c>, removed from the maximum), as the forms' "Không áp dụng".
    /// </summary>
    public bool HasNotApplicable { get; init; }

    /// <summary>The inputs read by its <c>notApplicable</c> parameter.</summary>
    public IReadOnlyList<string> NotApplicableInputs { get; init; } = [];

    /// <summary>Where the criterion comes from (Properties.<c>source</c>), or null when the rule does not say; a sub-criterion without its own takes its parent's.</summary>
    public CriterionSource? Source { get; init; }

    /// <summary>Free-form metadata (sources, decisions) as JSON text, or null.</summary>
    public string? MetadataJson { get; init; }

    /// <summary>The parsed expressions of the rule, for the compiled evaluator; null for a definition not read from a workflow.</summary>
    internal Compilation.RuleProgram? Program { get; init; }

    /// <summary>Whether a criterion applies to units of <paramref name="level"/>.</summary>
    public bool AppliesTo(UnitLevel level) => Levels.Contains(level);
}

/// <summary>Walks criteria trees.</summary>
public static class CriterionTree
{
    /// <summary>Every criterion and, after each composite, its sub-criteria, depth first in file order.</summary>
    public static IEnumerable<CriterionDefinition> Flatten(this IEnumerable<CriterionDefinition> criteria)
        => criteria.SelectMany(c => new[] { c }.Concat(c.Children.Flatten()));
}
