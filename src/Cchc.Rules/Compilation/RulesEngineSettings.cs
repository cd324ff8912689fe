using Cchc.Rules.Expressions;
using RulesEngine.HelperFunctions;
using RulesEngine.Models;

namespace Cchc.Rules;

/// <summary>
/// The RulesEngine settings every rule set is parsed and run with: our helpers as the only extra type,
/// no input-type auto-registration, no actions, no formatted error messages, every child result kept.
/// </summary>
internal static class RulesEngineSettings
{
    /// <summary>A fresh settings object (RulesEngine copies it, so each engine gets its own).</summary>
    public static ReSettings Create() => new()
    {
        CustomTypes = [typeof(Fn)],
        AutoRegisterInputType = false,
        EnableExceptionAsErrorMessage = true,
        IgnoreException = false,
        EnableFormattedErrorMessage = false,
        EnableScopedParams = true,
        NestedRuleExecutionMode = NestedRuleExecutionMode.All,
        IsExpressionCaseSensitive = true,
        UseFastExpressionCompiler = false,
        AutoExecuteActions = false,
        EnableExceptionAsErrorMessageForRuleExpressionParsing = true,
        CacheConfig = new MemCacheConfig { SizeLimit = 10_000 },
    };
}
