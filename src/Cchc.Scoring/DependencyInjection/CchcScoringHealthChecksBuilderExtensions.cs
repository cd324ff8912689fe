using Cchc.Scoring.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the rule sets' health check.</summary>
public static class CchcScoringHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds a health check reporting each rule set's version (data <c>id</c> → <c>version</c>): healthy while every
    /// rule set's last reload succeeded; degraded, with <c>id.lastReloadError</c>, while one serves its last good
    /// version after a refused edit; unhealthy when the rule sets cannot be loaded at all.
    /// </summary>
    public static IHealthChecksBuilder AddCchcRuleSets(this IHealthChecksBuilder builder, string name = "cchc-rule-sets", IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddCheck<RuleSetHealthCheck>(name, failureStatus: HealthStatus.Unhealthy, tags: tags ?? []);
    }
}
