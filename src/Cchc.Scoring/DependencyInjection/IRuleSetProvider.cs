using Cchc.Rules.Diagnostics;
using Cchc.Rules.Loading;
using Cchc.Scoring;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>A holder of one rule set's current version, reloadable; a rule set that fails validation never replaces one that works.</summary>
public interface IRuleSetProvider
{
    /// <summary>
    /// The engine of the current version. It is replaced on a successful reload: read it per use, or inject
    /// <see cref="IScoringEngine"/>, which does.
    /// </summary>
    IScoringEngine Engine { get; }

    /// <summary>The rule-set folder, as a full path.</summary>
    string Directory { get; }

    /// <summary>The errors of the last reload when it was refused (the previous version kept serving); empty once a reload succeeds.</summary>
    IReadOnlyList<RuleDiagnostic> LastReloadErrors { get; }

    /// <summary>Reloads the rule set from its folder. On errors the current one stays and the diagnostics are returned.</summary>
    RuleSetLoadResult Reload();
}

/// <summary>
/// Every rule set a host serves, by key: its id (<c>"qd766"</c>) or its id and version
/// (<c>"chi-so-cchc-xa@2025.1.0"</c>, which resolves only while that is the version loaded).
/// </summary>
public interface IRuleSetCatalog
{
    /// <summary>The rule sets, in the order they were registered.</summary>
    IReadOnlyList<IRuleSetProvider> RuleSets { get; }

    /// <summary>Finds a rule set by key.</summary>
    bool TryGetRuleSet(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IRuleSetProvider? ruleSet);

    /// <summary>Finds a rule set by key, or throws <see cref="KeyNotFoundException"/> naming the keys there are.</summary>
    IRuleSetProvider GetRuleSet(string key);

    /// <summary>An engine for the rule set of <paramref name="key"/> that always scores with its current version.</summary>
    IScoringEngine GetEngine(string key);
}
