using System.Linq.Dynamic.Core.Exceptions;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Cchc.Rules.Diagnostics;
using Cchc.Rules.Loading;
using Cchc.Rules.Texts;
using Newtonsoft.Json.Linq;
using RulesEngine.ExpressionBuilders;

namespace Cchc.Rules.Expressions;

/// <summary>A parsed expression: its tree, its type and the parameters it reads.</summary>
internal sealed record ParsedExpression(Expression Body, IReadOnlySet<string> Parameters)
{
    public Type Type => Body.Type;
}

/// <summary>
/// What the reader knows about names an expression may read besides those in scope: names whose declaration is in
/// error (name → the subject of that error; an expression reading one follows from it) and parameters of the same rule
/// declared further down (name → line). <see cref="Broken"/> is the scope's own map: the reader adds a parameter to it
/// when that parameter's expression fails.
/// </summary>
internal sealed record NameContext(Dictionary<string, string> Broken, IReadOnlyDictionary<string, int> Later)
{
    public static NameContext Empty => new([], new Dictionary<string, int>());
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

    public ParsedExpression? Parse(string text, IReadOnlyList<ParameterExpression> scope, string file, JToken? at, string? ruleId, DiagnosticBag diagnostics, NameContext? names = null)
    {
        names ??= NameContext.Empty;
        if (ExpressionLimits.Check(text) is { } limit)
        {
            diagnostics.ErrorInString("CCHC038", file, at, Math.Min(limit.Offset, text.Length), ruleId, RulesText.Format(nameof(RulesStrings.Expr_Refused), Shorten(text), limit.Message),
                RulesText.Get(nameof(RulesStrings.Expr_Split_Hint)));
            return null;
        }

        Expression body;
        try
        {
            body = _parser.Parse(text, [.. scope], null!);
        }
        catch (ParseException e)
        {
            var (reason, hint, cause) = Explain(e.Message, scope, names);
            diagnostics.ErrorInString("CCHC030", file, at, e.Position, ruleId, RulesText.Format(nameof(RulesStrings.Expr_Unreadable), text, reason), hint, [cause]);
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or NotSupportedException or RulesEngine.Exceptions.ExpressionParserException)
        {
            diagnostics.ErrorInString("CCHC030", file, at, 0, ruleId, RulesText.Format(nameof(RulesStrings.Expr_Unreadable), text, Quoted(e.Message)), null);
            return null;
        }
#pragma warning disable CA1031 // The parser is a library we do not control: whatever it throws on a rule's text is a diagnostic, not a crash.
        catch (Exception e)
#pragma warning restore CA1031
        {
            // Seen: `np(x)` on a value type throws IndexOutOfRangeException inside the parser.
            diagnostics.ErrorInString("CCHC030", file, at, 0, ruleId, RulesText.Format(nameof(RulesStrings.Expr_ParserCrashed), text, e.GetType().Name, e.Message.TrimEnd('.')),
                RulesText.Get(nameof(RulesStrings.Expr_ParserCrashed_Hint)));
            return null;
        }

        var violations = ExpressionPolicy.Check(body);
        foreach (var (message, hint) in violations)
        {
            diagnostics.ErrorInString("CCHC031", file, at, 0, ruleId, RulesText.Format(nameof(RulesStrings.Expr_Refused), text, message), hint);
        }

        if (violations.Count > 0)
        {
            return null;
        }

        var collector = new ParameterCollector();
        try
        {
            collector.Visit(body);
        }
        catch (InsufficientExecutionStackException)
        {
            diagnostics.ErrorInString("CCHC038", file, at, 0, ruleId, RulesText.Format(nameof(RulesStrings.Expr_TooDeep), Shorten(text)), RulesText.Get(nameof(RulesStrings.Policy_Split_Hint)));
            return null;
        }

        return new ParsedExpression(body, collector.Names);
    }

    /// <summary>An expression as quoted in a diagnostic: at most 120 characters, so a huge one does not flood the report.</summary>
    internal static string Shorten(string text) => text.Length <= 120 ? text : string.Concat(text.AsSpan(0, 117), "…");

    /// <summary>
    /// What follows "Không đọc được biểu thức `…`": our own Vietnamese reason for the cases we recognise, otherwise
    /// the parser's English text quoted as it wrote it.
    /// </summary>
    private (string Reason, string? Hint, string? Cause) Explain(string message, IReadOnlyList<ParameterExpression> scope, NameContext names)
    {
        const string unknown = "Unknown identifier '";
        if (message.StartsWith(unknown, StringComparison.Ordinal))
        {
            var name = message[unknown.Length..].TrimEnd('\'', '.');
            if (ForbiddenRoots.Contains(name))
            {
                return (RulesText.Format(nameof(RulesStrings.Expr_DotNetName), name),
                    RulesText.Get(nameof(RulesStrings.Expr_DotNetName_Hint)), null);
            }

            if (names.Later.TryGetValue(name, out var line))
            {
                return (RulesText.Format(nameof(RulesStrings.Expr_DeclaredLater), name, line),
                    RulesText.Format(nameof(RulesStrings.Expr_DeclaredLater_Hint), name), names.Broken.GetValueOrDefault(name));
            }

            var known = _inputNames.Concat(scope.Select(p => p.Name!)).Distinct().ToList();
            var suggestion = NameSuggestions.Closest(name, known);
            return (RulesText.Format(nameof(RulesStrings.Expr_UnknownName), name),
                suggestion is null
                    ? RulesText.Get(nameof(RulesStrings.Expr_UnknownName_Hint))
                    : RulesText.Format(nameof(RulesStrings.Expr_UnknownName_DidYouMean_Hint), suggestion),
                names.Broken.GetValueOrDefault(name));
        }

        if (message.Contains("is not accessible", StringComparison.Ordinal))
        {
            return (Quoted(message), RulesText.Get(nameof(RulesStrings.Expr_NotAccessible_Hint)), null);
        }

        return (Quoted(message), null, null);
    }

    private static string Quoted(string parserMessage)
        => RulesText.Format(nameof(RulesStrings.Expr_ParserSays), parserMessage + (parserMessage.EndsWith('.') ? "" : "."));

    private sealed class ParameterCollector : ExpressionVisitor
    {
        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

        public override Expression? Visit(Expression? node)
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
            return base.Visit(node);
        }

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
