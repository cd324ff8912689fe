using System.Linq.Expressions;
using System.Reflection;
using Cchc.Rules.Loading;
using Cchc.Rules.Model;
using FastExpressionCompiler;

namespace Cchc.Rules.Compilation;

/// <summary>
/// Compiles every expression of a rule set — global parameters, each rule's LocalParams and met test, composites'
/// operators — into ONE delegate over a typed <see cref="UnitValues"/>, writing into an <see cref="EvaluationBuffer"/>.
/// The expression trees are the ones RulesEngine's own parser built at load time (same settings, same allow-list),
/// so the language and its semantics are RulesEngine's; what RulesEngine does around them is reproduced:
/// LocalParams are evaluated in order before the test and their failure fails the rule and skips its children
/// ("Error while executing scoped params…"), a failing test fails the rule with "Error while executing rule…" and
/// keeps its parameters, a composite is its children's results under And/Or with every child evaluated.
/// The reference path (<see cref="CompiledRuleSet.EvaluateAsync"/>) stays on RulesEngine, and a property test holds
/// the two equal.
/// </summary>
internal static class RuleSetCompiler
{
    private static readonly MethodInfo Concat2 = typeof(string).GetMethod(nameof(string.Concat), [typeof(string), typeof(string)])!;
    private static readonly MethodInfo ExceptionToString = typeof(object).GetMethod(nameof(ToString))!;
    private static readonly PropertyInfo ExceptionMessage = typeof(Exception).GetProperty(nameof(Exception.Message))!;

    public static Action<UnitValues, EvaluationBuffer> Compile(
        InputLayout layout,
        IReadOnlyList<ParameterExpression> inputs,
        IReadOnlyList<(IReadOnlyList<(ParameterExpression Parameter, Expression Body)> Globals, IReadOnlyList<CriterionDefinition> Criteria)> workflows,
        IReadOnlyDictionary<string, int> indexOf)
    {
        var values = Expression.Parameter(typeof(UnitValues), "unit");
        var buffer = Expression.Parameter(typeof(EvaluationBuffer), "buffer");
        var builder = new Builder(buffer, indexOf);

        // Inputs become block variables read once from the typed arrays, as RulesEngine unboxes its RuleParameters.
        var numbers = Expression.Variable(typeof(decimal[]), "numbers");
        var bools = Expression.Variable(typeof(bool[]), "bools");
        var dates = Expression.Variable(typeof(DateTime[]), "dates");
        var texts = Expression.Variable(typeof(string[]), "texts");
        var statements = new List<Expression>
        {
            Expression.Assign(numbers, Expression.Property(values, nameof(UnitValues.Numbers))),
            Expression.Assign(bools, Expression.Property(values, nameof(UnitValues.Bools))),
            Expression.Assign(dates, Expression.Property(values, nameof(UnitValues.Dates))),
            Expression.Assign(texts, Expression.Property(values, nameof(UnitValues.Texts))),
        };
        builder.Prepare(statements);
        for (var i = 0; i < inputs.Count; i++)
        {
            var array = layout.Kinds[i] switch
            {
                ValueKind.Bool => bools,
                ValueKind.Date => dates,
                ValueKind.Text => texts,
                _ => numbers,
            };
            statements.Add(Expression.Assign(inputs[i], Expression.ArrayIndex(array, Expression.Constant(layout.Slots[i]))));
        }

        foreach (var (globals, criteria) in workflows)
        {
            builder.Workflow(globals, criteria, statements);
        }

        var body = Expression.Block(
            [numbers, bools, dates, texts, .. inputs, .. builder.Variables],
            statements);
        var lambda = Expression.Lambda<Action<UnitValues, EvaluationBuffer>>(body, values, buffer);
        return lambda.CompileFast(ifFastFailedReturnNull: true) ?? lambda.Compile();
    }

    private sealed class Builder(ParameterExpression buffer, IReadOnlyDictionary<string, int> indexOf)
    {
        private ParameterExpression _evaluated = null!, _passed = null!, _errors = null!, _noOccurrence = null!, _notApplicable = null!;
        private ColumnVariables _value = null!, _target = null!;

        public List<ParameterExpression> Variables { get; } = [];

        public void Prepare(List<Expression> statements)
        {
            _evaluated = Hoist(statements, nameof(EvaluationBuffer.Evaluated), typeof(bool[]));
            _passed = Hoist(statements, nameof(EvaluationBuffer.Passed), typeof(bool[]));
            _errors = Hoist(statements, nameof(EvaluationBuffer.Errors), typeof(string[]));
            _noOccurrence = Hoist(statements, nameof(EvaluationBuffer.NoOccurrence), typeof(byte[]));
            _notApplicable = Hoist(statements, nameof(EvaluationBuffer.NotApplicable), typeof(byte[]));
            _value = new ColumnVariables(this, statements, Expression.Property(buffer, nameof(EvaluationBuffer.Value)), "value");
            _target = new ColumnVariables(this, statements, Expression.Property(buffer, nameof(EvaluationBuffer.Target)), "target");
        }

        private ParameterExpression Hoist(List<Expression> statements, string property, Type type, Expression? owner = null)
        {
            var variable = Expression.Variable(type, property);
            Variables.Add(variable);
            statements.Add(Expression.Assign(variable, Expression.Property(owner ?? buffer, property)));
            return variable;
        }

        public void Workflow(IReadOnlyList<(ParameterExpression Parameter, Expression Body)> globals, IReadOnlyList<CriterionDefinition> criteria, List<Expression> statements)
        {
            if (globals.Count == 0)
            {
                foreach (var criterion in criteria)
                {
                    Rule(criterion, statements);
                }

                return;
            }

            // RulesEngine evaluates a workflow's GlobalParams once per call and throws out of the call when one fails;
            // here the workflow's rules fail instead, each with the message, and the other workflows still run.
            Variables.AddRange(globals.Select(g => g.Parameter));
            var failed = Expression.Variable(typeof(Exception), "globalFailure");
            Variables.Add(failed);
            var e = Expression.Parameter(typeof(Exception), "e");
            statements.Add(Expression.Assign(failed, Expression.Constant(null, typeof(Exception))));
            statements.Add(Expression.TryCatch(
                Expression.Block(typeof(void), globals.Select(g => (Expression)Expression.Assign(g.Parameter, g.Body))),
                Expression.Catch(e, Expression.Block(typeof(void), Expression.Assign(failed, e)))));
            var rules = new List<Expression>();
            foreach (var criterion in criteria)
            {
                Rule(criterion, rules);
            }

            var failures = criteria.Select(c => (Expression)Expression.Block(
                typeof(void),
                Expression.Assign(Expression.ArrayAccess(_evaluated, Index(c)), Expression.Constant(true)),
                Expression.Assign(
                    Expression.ArrayAccess(_errors, Index(c)),
                    Expression.Call(Concat2, Expression.Constant($"Error while executing global params for rule `{c.Id}` - "), Expression.Call(failed, ExceptionToString))))).ToList();
            statements.Add(Expression.IfThenElse(
                Expression.Equal(failed, Expression.Constant(null, typeof(Exception))),
                Expression.Block(typeof(void), rules),
                Expression.Block(typeof(void), failures)));
        }

        private ConstantExpression Index(CriterionDefinition criterion) => Expression.Constant(indexOf[criterion.Id]);

        private void Rule(CriterionDefinition criterion, List<Expression> statements)
        {
            var program = criterion.Program ?? throw new InvalidOperationException($"Rule '{criterion.Id}' has no parsed program.");
            var index = Index(criterion);
            var body = new List<Expression>();
            if (criterion.Children.Count > 0)
            {
                foreach (var child in criterion.Children)
                {
                    Rule(child, body);
                }

                // ApplyOperation: And starts true, Or false; every child is evaluated (NestedRuleExecutionMode.All).
                Expression result = Expression.Constant(!program.IsOr);
                foreach (var child in criterion.Children)
                {
                    var passed = Expression.ArrayIndex(_passed, Index(child));
                    result = program.IsOr ? Expression.OrElse(result, passed) : Expression.AndAlso(result, passed);
                }

                body.Add(Expression.Assign(Expression.ArrayAccess(_passed, index), result));
            }
            else if (program.Test is { } test)
            {
                var e = Expression.Parameter(typeof(Exception), "e");
                body.Add(Expression.TryCatch(
                    Expression.Block(typeof(void), Expression.Assign(Expression.ArrayAccess(_passed, index), test)),
                    Expression.Catch(e, Expression.Block(
                        typeof(void),
                        Expression.Assign(Expression.ArrayAccess(_passed, index), Expression.Constant(false)),
                        Expression.Assign(
                            Expression.ArrayAccess(_errors, index),
                            Expression.Call(Concat2, Expression.Constant($"Error while executing rule : {criterion.Id} - "), Expression.Property(e, ExceptionMessage)))))));
            }

            body.Add(Expression.Assign(Expression.ArrayAccess(_evaluated, index), Expression.Constant(true)));
            Report(criterion, program.Value, program.Target, program.NoOccurrence, program.NotApplicable, body);

            if (program.Locals.Count == 0)
            {
                statements.AddRange(body);
                return;
            }

            // LocalParams: evaluated in order; if one throws, the rule fails with RulesEngine's message, reports only
            // what was in scope before them, and its children have no result.
            Variables.AddRange(program.Locals.Select(l => l.Parameter));
            var ok = Expression.Variable(typeof(bool), $"ok_{criterion.Id}");
            Variables.Add(ok);
            var ex = Expression.Parameter(typeof(Exception), "e");
            var failure = new List<Expression>
            {
                Expression.Assign(ok, Expression.Constant(false)),
                Expression.Assign(Expression.ArrayAccess(_evaluated, index), Expression.Constant(true)),
                Expression.Assign(Expression.ArrayAccess(_passed, index), Expression.Constant(false)),
                Expression.Assign(
                    Expression.ArrayAccess(_errors, index),
                    Expression.Call(Concat2, Expression.Constant($"Error while executing scoped params for rule `{criterion.Id}` - "), Expression.Call(ex, ExceptionToString))),
            };
            Report(criterion, program.OuterValue, program.OuterTarget, null, null, failure);
            statements.Add(Expression.Assign(ok, Expression.Constant(true)));
            statements.Add(Expression.TryCatch(
                Expression.Block(typeof(void), program.Locals.Select(l => (Expression)Expression.Assign(l.Parameter, l.Body))),
                Expression.Catch(ex, Expression.Block(typeof(void), failure))));
            statements.Add(Expression.IfThen(ok, Expression.Block(typeof(void), body)));
        }

        private void Report(CriterionDefinition criterion, ParameterExpression? value, ParameterExpression? target, ParameterExpression? noOccurrence, ParameterExpression? notApplicable, List<Expression> into)
        {
            var index = Index(criterion);
            _value.Write(index, value, into);
            _target.Write(index, target, into);
            if (noOccurrence is not null && noOccurrence.Type == typeof(bool))
            {
                into.Add(Expression.Assign(Expression.ArrayAccess(_noOccurrence, index), Expression.Condition(noOccurrence, Expression.Constant(EvaluationBuffer.True), Expression.Constant(EvaluationBuffer.False))));
            }

            if (notApplicable is not null && notApplicable.Type == typeof(bool))
            {
                into.Add(Expression.Assign(Expression.ArrayAccess(_notApplicable, index), Expression.Condition(notApplicable, Expression.Constant(EvaluationBuffer.True), Expression.Constant(EvaluationBuffer.False))));
            }
        }

        private sealed class ColumnVariables
        {
            private readonly ParameterExpression _kinds, _numbers, _bools, _dates, _texts, _others;

            public ColumnVariables(Builder builder, List<Expression> statements, Expression column, string name)
            {
                var owner = Expression.Variable(typeof(ValueColumn), name);
                builder.Variables.Add(owner);
                statements.Add(Expression.Assign(owner, column));
                _kinds = builder.Hoist(statements, nameof(ValueColumn.Kinds), typeof(ValueKind[]), owner);
                _numbers = builder.Hoist(statements, nameof(ValueColumn.Numbers), typeof(decimal[]), owner);
                _bools = builder.Hoist(statements, nameof(ValueColumn.Bools), typeof(bool[]), owner);
                _dates = builder.Hoist(statements, nameof(ValueColumn.Dates), typeof(DateTime[]), owner);
                _texts = builder.Hoist(statements, nameof(ValueColumn.Texts), typeof(string[]), owner);
                _others = builder.Hoist(statements, nameof(ValueColumn.Others), typeof(object[]), owner);
            }

            public void Write(Expression index, ParameterExpression? parameter, List<Expression> into)
            {
                if (parameter is null)
                {
                    into.Add(Expression.Assign(Expression.ArrayAccess(_kinds, index), Expression.Constant(ValueKind.None)));
                    return;
                }

                var (kind, array) = parameter.Type == typeof(decimal) ? (ValueKind.Number, _numbers)
                    : parameter.Type == typeof(bool) ? (ValueKind.Bool, _bools)
                    : parameter.Type == typeof(DateTime) ? (ValueKind.Date, _dates)
                    : parameter.Type == typeof(string) ? (ValueKind.Text, _texts)
                    : (ValueKind.Other, _others);
                Expression stored = kind == ValueKind.Other ? Expression.Convert(parameter, typeof(object)) : parameter;
                Expression kindValue = Expression.Constant(kind);
                if (!parameter.Type.IsValueType)
                {
                    // A null reference reports no value, as a null in RulesEngine's Inputs does.
                    kindValue = Expression.Condition(Expression.Equal(parameter, Expression.Constant(null, parameter.Type)), Expression.Constant(ValueKind.None), kindValue);
                }

                into.Add(Expression.Assign(Expression.ArrayAccess(array, index), stored));
                into.Add(Expression.Assign(Expression.ArrayAccess(_kinds, index), kindValue));
            }
        }
    }
}
