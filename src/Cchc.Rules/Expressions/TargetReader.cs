using System.Linq.Expressions;
using Cchc.Rules.Model;

namespace Cchc.Rules.Expressions;

/// <summary>
/// Reads the comparison and the target from a met test of the shape <c>value &lt;op&gt; target</c>, so that a
/// threshold is written once, in the expression RulesEngine evaluates, and explanations still name it.
/// </summary>
internal static class TargetReader
{
    public static (Comparison?, object?) Read(Expression body, bool hasValue)
    {
        if (!hasValue || body is not BinaryExpression binary)
        {
            return (null, null);
        }

        var op = binary.NodeType switch
        {
            ExpressionType.GreaterThanOrEqual => Comparison.AtLeast,
            ExpressionType.GreaterThan => Comparison.MoreThan,
            ExpressionType.LessThanOrEqual => Comparison.AtMost,
            ExpressionType.LessThan => Comparison.LessThan,
            ExpressionType.Equal => Comparison.EqualTo,
            _ => (Comparison?)null,
        };
        if (op is null)
        {
            return (null, null);
        }

        var (left, right) = (Unwrap(binary.Left), Unwrap(binary.Right));
        if (IsParameter(right, "value"))
        {
            (left, right) = (right, left);
            op = op switch
            {
                Comparison.AtLeast => Comparison.AtMost,
                Comparison.AtMost => Comparison.AtLeast,
                Comparison.MoreThan => Comparison.LessThan,
                Comparison.LessThan => Comparison.MoreThan,
                _ => op,
            };
        }

        if (!IsParameter(left, "value"))
        {
            return (null, null);
        }

        if (IsParameter(right, "target"))
        {
            return (op, null);
        }

        var finder = new ParameterFinder();
        finder.Visit(right);
        if (finder.Found)
        {
            return (null, null);
        }

        var constant = Expression.Lambda(Expression.Convert(right, typeof(object))).Compile().DynamicInvoke();
        return (op, constant);
    }

    private static Expression Unwrap(Expression e) => e is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } u ? Unwrap(u.Operand) : e;

    private static bool IsParameter(Expression e, string name) => e is ParameterExpression p && p.Name == name;

    private sealed class ParameterFinder : ExpressionVisitor
    {
        public bool Found { get; private set; }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            Found = true;
            return node;
        }
    }
}
