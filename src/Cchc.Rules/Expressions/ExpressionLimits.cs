using Cchc.Rules.Texts;

namespace Cchc.Rules.Expressions;

/// <summary>
/// Size and depth limits an expression is held to before it reaches the parser. The parser (System.Linq.Dynamic.Core,
/// the one RulesEngine uses) and the expression compiler recurse once per level of nesting, and a stack overflow ends
/// the process without a chance to report it; so anything that could nest deep enough is refused here, by a scan that
/// does not recurse. The limits are far above any real rule (the shipped rule sets stay under 200 characters and 3 levels).
/// </summary>
internal static class ExpressionLimits
{
    /// <summary>The longest expression accepted, in characters.</summary>
    public const int MaxLength = 2_000;

    /// <summary>
    /// The deepest nesting accepted: brackets open at one point, plus the conditional operators (<c>? :</c>) before
    /// it, plus a run of unary operators (<c>!</c>, <c>-</c>, <c>+</c>, <c>~</c>) — each of which the parser recurses on.
    /// </summary>
    public const int MaxDepth = 32;

    /// <summary>Why <paramref name="text"/> is refused and where (0-based offset), or null when it is within the limits.</summary>
    public static (string Message, int Offset)? Check(string text)
    {
        if (text.Length > MaxLength)
        {
            return (RulesText.Format(nameof(RulesStrings.Limits_TooLong), text.Length, MaxLength), MaxLength);
        }

        var brackets = 0;
        var conditionals = 0;
        var outer = new Stack<int>();
        var unaryRun = 0;
        var expectOperand = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            if (c is '"' or '\'')
            {
                i = SkipLiteral(text, i);
                expectOperand = false;
                unaryRun = 0;
                continue;
            }

            switch (c)
            {
                case '(' or '[' or '{':
                    brackets++;
                    outer.Push(conditionals);
                    expectOperand = true;
                    unaryRun = 0;
                    break;
                case ')' or ']' or '}':
                    // A conditional inside brackets ends with them: `(a ? 1 : 0) + (b ? 1 : 0)` nests one level, not two.
                    brackets = Math.Max(0, brackets - 1);
                    conditionals = outer.Count > 0 ? outer.Pop() : conditionals;
                    expectOperand = false;
                    unaryRun = 0;
                    break;
                case ',':
                    // Arguments are siblings: `Math.Max(a ? 1 : 0, b ? 1 : 0)` nests one conditional, not two.
                    conditionals = outer.Count > 0 ? outer.Peek() : conditionals;
                    expectOperand = true;
                    unaryRun = 0;
                    break;
                case '?' when i + 1 < text.Length && text[i + 1] is '?' or '.':
                    i++;
                    expectOperand = true;
                    unaryRun = 0;
                    break;
                case '?':
                    conditionals++;
                    expectOperand = true;
                    unaryRun = 0;
                    break;
                case '!' or '-' or '+' or '~' when expectOperand:
                    unaryRun++;
                    break;
                default:
                    // An operator character leaves the scan expecting an operand; a name, a number or a '.' does not.
                    expectOperand = !(char.IsLetterOrDigit(c) || c is '_' or '.' or '@');
                    if (!expectOperand)
                    {
                        unaryRun = 0;
                    }

                    break;
            }

            if (brackets + conditionals + unaryRun > MaxDepth)
            {
                return (RulesText.Format(nameof(RulesStrings.Limits_TooDeep), MaxDepth), i);
            }
        }

        return null;
    }

    private static int SkipLiteral(string text, int start)
    {
        var quote = text[start];
        for (var i = start + 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == quote)
            {
                return i;
            }
        }

        return text.Length;
    }
}
