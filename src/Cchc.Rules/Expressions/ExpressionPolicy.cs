using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Cchc.Rules.Texts;

namespace Cchc.Rules.Expressions;

/// <summary>
/// The allow-list: what a rule expression may do once parsed. Inputs, parameters, constants, arithmetic,
/// comparisons, conditionals, <c>Math.*</c>, <c>Fn.*</c>, date parts and a few string tests — nothing else.
/// Anything that reads the clock, reflects, does I/O or can loop without bound is refused with a reason.
/// </summary>
internal sealed class ExpressionPolicy : ExpressionVisitor
{
    private static readonly HashSet<string> DateMembers = ["Year", "Month", "Day", "DayOfYear", "DayOfWeek", "Date"];
    private static readonly HashSet<string> TimeSpanMembers = ["Days", "TotalDays"];
    private static readonly HashSet<string> DateMethods = ["AddDays", "AddMonths", "AddYears", "CompareTo", "Equals"];
    // Only the string methods that compare ordinally whatever the culture: `"Ch".StartsWith("C")` depends on the
    // machine's culture (false in cs-CZ), so StartsWith/EndsWith are refused and Fn.StartsWith/Fn.EndsWith offered.
    private static readonly HashSet<string> StringMethods = ["Equals", "Contains", "op_Equality", "op_Inequality"];
    private static readonly HashSet<string> DecimalMethods = ["Round", "Floor", "Ceiling", "Truncate", "Abs", "Min", "Max", "Compare", "Equals", "CompareTo"];

    private readonly List<(string Message, string Hint)> _violations = [];

    private ExpressionPolicy()
    {
    }

    /// <summary>Every violation in <paramref name="expression"/> (empty when it is allowed).</summary>
    public static IReadOnlyList<(string Message, string Hint)> Check(Expression expression)
    {
        var policy = new ExpressionPolicy();
        try
        {
            policy.Visit(expression);
        }
        catch (InsufficientExecutionStackException)
        {
            // Whatever was found so far stands; the tree is refused either way, before the stack runs out.
            policy.Refuse(RulesText.Get(nameof(RulesStrings.Policy_TooDeep)), RulesText.Get(nameof(RulesStrings.Policy_Split_Hint)));
        }

        return policy._violations.Distinct().ToList();
    }

    public override Expression? Visit(Expression? node)
    {
        if (node is null)
        {
            return null;
        }

        RuntimeHelpers.EnsureSufficientExecutionStack();

        switch (node.NodeType)
        {
            case ExpressionType.Constant:
            case ExpressionType.Parameter:
            case ExpressionType.Conditional:
            case ExpressionType.Not:
            case ExpressionType.Negate:
            case ExpressionType.NegateChecked:
            case ExpressionType.UnaryPlus:
            case ExpressionType.Convert:
            case ExpressionType.ConvertChecked:
            case ExpressionType.Add:
            case ExpressionType.AddChecked:
            case ExpressionType.Subtract:
            case ExpressionType.SubtractChecked:
            case ExpressionType.Multiply:
            case ExpressionType.MultiplyChecked:
            case ExpressionType.Divide:
            case ExpressionType.Modulo:
            case ExpressionType.Equal:
            case ExpressionType.NotEqual:
            case ExpressionType.LessThan:
            case ExpressionType.LessThanOrEqual:
            case ExpressionType.GreaterThan:
            case ExpressionType.GreaterThanOrEqual:
            case ExpressionType.AndAlso:
            case ExpressionType.OrElse:
            case ExpressionType.And:
            case ExpressionType.Or:
            case ExpressionType.ExclusiveOr:
            case ExpressionType.Coalesce:
            case ExpressionType.MemberAccess:
            case ExpressionType.Call:
            case ExpressionType.New:
                return base.Visit(node);
            default:
                Refuse(RulesText.Format(nameof(RulesStrings.Policy_NodeType), node.NodeType),
                    RulesText.Get(nameof(RulesStrings.Policy_NodeType_Hint)));
                return node;
        }
    }

    protected override Expression VisitUnary(UnaryExpression node)
    {
        if (node.Method is { } method)
        {
            CheckMethod(method);
        }

        return base.VisitUnary(node);
    }

    protected override Expression VisitBinary(BinaryExpression node)
    {
        var before = _violations.Count;
        Visit(node.Left);
        Visit(node.Right);
        if (_violations.Count == before && node.Method is { } method && !IsOperatorOnValueType(method))
        {
            if (method.DeclaringType == typeof(string) && method.Name == "Concat")
            {
                Refuse(RulesText.Get(nameof(RulesStrings.Policy_StringConcat)), RulesText.Get(nameof(RulesStrings.Policy_StringConcat_Hint)));
            }
            else
            {
                CheckMethod(method);
            }
        }

        return node;
    }

    protected override Expression VisitMember(MemberExpression node)
    {
        var type = node.Member.DeclaringType;
        var name = node.Member.Name;
        if (node.Expression is null)
        {
            if (type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(DateOnly) || type == typeof(TimeOnly))
            {
                Refuse(RulesText.Format(nameof(RulesStrings.Policy_Clock), type.Name, name),
                    RulesText.Get(nameof(RulesStrings.Policy_Clock_Hint)));
            }
            else if (type != typeof(Math) && type != typeof(decimal))
            {
                Refuse(RulesText.Format(nameof(RulesStrings.Policy_NotAllowedMember), type?.Name, name), AllowedHint);
            }

            return node;
        }

        // Inner parts first, so `x.GetType().Name` is refused for GetType, the cause, not for Name.
        var before = _violations.Count;
        Visit(node.Expression);
        if (_violations.Count > before)
        {
            return node;
        }

        var allowed = (type == typeof(DateTime) && DateMembers.Contains(name))
                      || (type == typeof(TimeSpan) && TimeSpanMembers.Contains(name))
                      || (type == typeof(string) && name == "Length")
                      || (type is { IsGenericType: true } && type.GetGenericTypeDefinition() == typeof(Nullable<>) && name is "HasValue" or "Value");
        if (!allowed)
        {
            Refuse(Reflective(name) ? RulesText.Format(nameof(RulesStrings.Policy_Reflection), name) : RulesText.Format(nameof(RulesStrings.Policy_NotAllowedMemberOf), name, type?.Name), AllowedHint);
        }

        return node;
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        // Receiver and arguments first, so `Enumerable.Range(…).Count()` is refused for Range, the cause.
        var before = _violations.Count;
        Visit(node.Object);
        Visit(node.Arguments);
        if (_violations.Count == before)
        {
            CheckMethod(node.Method);
        }

        return node;
    }

    protected override Expression VisitNew(NewExpression node)
    {
        if (node.Type != typeof(DateTime))
        {
            Refuse(node.Type == typeof(string)
                    ? RulesText.Get(nameof(RulesStrings.Policy_NewString))
                    : RulesText.Format(nameof(RulesStrings.Policy_NewObject), node.Type.Name),
                RulesText.Get(nameof(RulesStrings.Policy_New_Hint)));
            return node;
        }

        return base.VisitNew(node);
    }

    protected override Expression VisitLambda<T>(Expression<T> node)
    {
        Refuse(RulesText.Get(nameof(RulesStrings.Policy_Lambda)), AllowedHint);
        return node;
    }

    private static string AllowedHint => RulesText.Get(nameof(RulesStrings.Policy_Allowed_Hint));

    private void CheckMethod(MethodInfo method)
    {
        var type = method.DeclaringType;
        var name = method.Name;
        if (type == typeof(Fn) || type == typeof(Math))
        {
            return;
        }

        if (name == "GetType" || Reflective(name) || typeof(MemberInfo).IsAssignableFrom(type) || type == typeof(Assembly) || type == typeof(Type))
        {
            Refuse(RulesText.Format(nameof(RulesStrings.Policy_ReflectionCall), name), AllowedHint);
            return;
        }

        if (type == typeof(Enumerable) || type == typeof(Queryable))
        {
            Refuse(RulesText.Format(nameof(RulesStrings.Policy_Enumerable), name), RulesText.Get(nameof(RulesStrings.Policy_Enumerable_Hint)));
            return;
        }

        if (type == typeof(string) && name is "StartsWith" or "EndsWith" or "IndexOf" or "LastIndexOf" or "Compare" or "CompareTo" or "ToUpper" or "ToLower")
        {
            Refuse(RulesText.Format(nameof(RulesStrings.Policy_CultureString), name),
                name is "StartsWith" or "EndsWith"
                    ? RulesText.Get(name == "StartsWith" ? nameof(RulesStrings.Policy_StartsWith_Hint) : nameof(RulesStrings.Policy_EndsWith_Hint))
                    : RulesText.Get(nameof(RulesStrings.Policy_CompareText_Hint)));
            return;
        }

        if (type == typeof(string) && name is "PadLeft" or "PadRight" or "Replicate")
        {
            Refuse(RulesText.Format(nameof(RulesStrings.Policy_UnboundedString), name), AllowedHint);
            return;
        }

        if (type == typeof(Guid) || type == typeof(Random) || (type == typeof(DateTime) && name is "get_Now" or "get_UtcNow" or "get_Today"))
        {
            Refuse(RulesText.Format(nameof(RulesStrings.Policy_Random), type.Name, name), AllowedHint);
            return;
        }

        var allowed = (type == typeof(DateTime) && (DateMethods.Contains(name) || name.StartsWith("op_", StringComparison.Ordinal)) && !method.IsStatic || IsOperatorOnValueType(method))
                      || (type == typeof(string) && StringMethods.Contains(name) && method.GetParameters().All(p => p.ParameterType == typeof(string)))
                      || (type == typeof(decimal) && (DecimalMethods.Contains(name) || name.StartsWith("op_", StringComparison.Ordinal)))
                      || (type == typeof(TimeSpan) && name.StartsWith("op_", StringComparison.Ordinal));
        if (!allowed)
        {
            Refuse(RulesText.Format(nameof(RulesStrings.Policy_NotAllowedMember), type?.Name, name), AllowedHint);
        }
    }

    private static bool IsOperatorOnValueType(MethodInfo method)
        => method.IsStatic && method.IsSpecialName && method.Name.StartsWith("op_", StringComparison.Ordinal)
           && (method.DeclaringType == typeof(decimal) || method.DeclaringType == typeof(DateTime) || method.DeclaringType == typeof(TimeSpan) || method.DeclaringType == typeof(string));

    private static bool Reflective(string name)
        => name is "Assembly" or "GetMethod" or "GetMethods" or "GetProperty" or "GetField" or "Invoke" or "CreateInstance" or "Module" or "Location" or "GetTypeInfo";

    private void Refuse(string message, string hint) => _violations.Add((message, hint));
}
