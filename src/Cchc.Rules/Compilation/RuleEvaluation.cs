namespace Cchc.Rules;

/// <summary>What RulesEngine computed for one criterion of one unit, before points are given.</summary>
/// <param name="RuleId">The criterion id.</param>
/// <param name="Passed">Whether the met test was true (for a composite: its Operator over the children).</param>
/// <param name="Value">The measured value (the rule's <c>value</c> parameter), if any.</param>
/// <param name="Target">The target (the rule's <c>target</c> parameter, or the constant of its met test), if any.</param>
/// <param name="NoOccurrence">The rule's <c>noOccurrence</c> parameter, if it has one and it was computed.</param>
/// <param name="Error">The engine's error message, when the rule could not be evaluated.</param>
/// <param name="Children">The results of a composite's sub-criteria.</param>
public sealed record RuleEvaluation(
    string RuleId,
    bool Passed,
    object? Value,
    object? Target,
    bool? NoOccurrence,
    string? Error,
    IReadOnlyList<RuleEvaluation> Children)
{
    /// <summary>The rule's <c>notApplicable</c> parameter, if it has one and it was computed.</summary>
    public bool? NotApplicable { get; init; }
}
