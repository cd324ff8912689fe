using System.Linq.Expressions;

namespace Cchc.Rules.Compilation;

/// <summary>
/// A rule's expressions as the loader parsed them (with RulesEngine's own parser and settings), kept so that the
/// rule set can be compiled once into one delegate. The parameters are the very objects the bodies read.
/// </summary>
/// <param name="Locals">The rule's LocalParams, in order, each with its parsed body.</param>
/// <param name="Test">The met test (the rule's Expression); null for a composite.</param>
/// <param name="IsOr">For a composite: whether its Operator is Or/OrElse (otherwise And/AndAlso).</param>
/// <param name="OuterValue">The <c>value</c> in scope before the rule's own LocalParams (reported when they fail).</param>
/// <param name="Value">The <c>value</c> in scope after the rule's own LocalParams.</param>
/// <param name="OuterTarget">The <c>target</c> in scope before the rule's own LocalParams.</param>
/// <param name="Target">The <c>target</c> in scope after the rule's own LocalParams.</param>
/// <param name="NoOccurrence">The rule's own <c>noOccurrence</c> parameter, if any.</param>
/// <param name="NotApplicable">The rule's own <c>notApplicable</c> parameter, if any.</param>
internal sealed record RuleProgram(
    IReadOnlyList<(ParameterExpression Parameter, Expression Body)> Locals,
    Expression? Test,
    bool IsOr,
    ParameterExpression? OuterValue,
    ParameterExpression? Value,
    ParameterExpression? OuterTarget,
    ParameterExpression? Target,
    ParameterExpression? NoOccurrence,
    ParameterExpression? NotApplicable);
