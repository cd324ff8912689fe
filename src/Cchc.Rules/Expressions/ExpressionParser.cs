using System.Linq.Dynamic.Core.Exceptions;
using System.Linq.Expressions;
using Cchc.Rules.Diagnostics;
using Cchc.Rules.Loading;
using Newtonsoft.Json.Linq;
using RulesEngine.ExpressionBuilders;

namespace Cchc.Rules.Expressions;

/// <summary>A parsed expression: its tree, its type and the parameters it reads.</summary>
internal sealed record ParsedExpression(Expression Body, IReadOnlySet<string> Parameters)
{
    public Type Type => Body.Type;
}

/// <summary>
/// Parses rule expressions exactly as RulesEngine will (same parser, same settings), then holds them to the
/// allow-list. Errors name the file, the line and column inside the expression, the rule and what to do.
/// </summary>
internal sealed class ExpressionParser
{
    private static readonly HashSet<string> ForbiddenRoots =
    [
        "System", "Microsoft", "IO", "File", "Directory", "Path", "Environment", "Process", "Console", "Activator", "AppDomain",
        "Assembly", "Type", "Thread", "Task", "HttpClient", "WebClient", "Enumerable", "Queryable", "Random", "Guid", "GC", "Marshal",
    ];

    private readonly RuleExpressionParser _parser = new(RulesEngineSettings.Create());
    private readonly IReadOnlyCollection<string> _inputNames;

    public ExpressionParser(IReadOnlyCollection<string> inputNames) => _inputNames = inputNames;

    public ParsedExpression? Parse(string text, IReadOnlyList<ParameterExpression> scope, string file, JToken? at, string? ruleId, DiagnosticBag diagnostics)
    {
        Expression body;
        try
        {
            body = _parser.Parse(text, [.. scope], null!);
        }
        catch (ParseException e)
        {
            var (message, hint) = Explain(e.Message, scope);
            diagnostics.ErrorInString("CCHC030", file, at, e.Position, ruleId, $"Expression `{text}` does not parse: {message}", hint);
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or NotSupportedException or RulesEngine.Exceptions.ExpressionParserException)
        {
            diagnostics.ErrorInString("CCHC030", file, at, 0, ruleId, $"Expression `{text}` does not parse: {e.Message}", null);
            return null;
        }

        var violations = ExpressionPolicy.Check(body);
        foreach (var (message, hint) in violations)
        {
            diagnostics.ErrorInString("CCHC031", file, at, 0, ruleId, $"Expression `{text}` is refused: {message}", hint);
        }

        if (violations.Count > 0)
        {
            return null;
        }

        var collector = new ParameterCollector();
        collector.Visit(body);
        return new ParsedExpression(body, collector.Names);
    }

    private (string Message, string? Hint) Explain(string message, IReadOnlyList<ParameterExpression> scope)
    {
        const string unknown = "Unknown identifier '";
        if (message.StartsWith(unknown, StringComparison.Ordinal))
        {
            var name = message[unknown.Length..].TrimEnd('\'', '.');
            if (ForbiddenRoots.Contains(name))
            {
                return ($"'{name}' is a .NET namespace or type; rule expressions may not use it (no I/O, reflection, clock or loops).",
                    "Use the rule set's inputs, this rule's parameters, Math.* and Fn.*.");
            }

            var known = _inputNames.Concat(scope.Select(p => p.Name!)).Distinct().ToList();
            var suggestion = NameSuggestions.Closest(name, known);
            return ($"'{name}' is not an input of this rule set nor a parameter of this rule.",
                suggestion is null
                    ? "Declare the input in ruleset.json ('inputs'), or fix the spelling."
                    : $"Did you mean '{suggestion}'? Names are case-sensitive; new inputs are declared in ruleset.json.");
        }

        if (message.Contains("is not accessible", StringComparison.Ordinal))
        {
            return (message, "Only Math.*, Fn.* and date parts may be called.");
        }

        return (message, null);
    }

    private sealed class ParameterCollector : ExpressionVisitor
    {
        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

        protected override Expression VisitParameter(ParameterExpression node)
        {
            if (node.Name is not null)
            {
                Names.Add(node.Name);
            }

            return node;
        }
    }
}
