using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cchc.Scoring.DependencyInjection;

/// <summary>Each rule set's id, version and SHA-256, and the errors of a refused reload.</summary>
internal sealed class RuleSetHealthCheck(IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        IRuleSetCatalog catalog;
        try
        {
            catalog = (IRuleSetCatalog)services.GetService(typeof(IRuleSetCatalog))!;
        }
#pragma warning disable CA1031 // Whatever stops the rule sets from loading is the health check's answer, not its failure.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Không nạp được bộ tiêu chí (rule sets failed to load).", e));
        }

        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        var refused = new List<string>();
        foreach (var provider in catalog.RuleSets)
        {
            var ruleSet = provider.Engine.RuleSet;
            data[ruleSet.Id] = ruleSet.Version;
            data[$"{ruleSet.Id}.sha256"] = ruleSet.Sha256;
            var errors = provider.LastReloadErrors;
            if (errors.Count > 0)
            {
                data[$"{ruleSet.Id}.lastReloadError"] = string.Join('\n', errors);
                refused.Add(ruleSet.Id);
            }
        }

        return Task.FromResult(refused.Count == 0
            ? HealthCheckResult.Healthy($"{catalog.RuleSets.Count} bộ tiêu chí đang phục vụ.", data)
            : HealthCheckResult.Degraded(
                $"Lần sửa gần nhất của {string.Join(", ", refused)} bị từ chối; đang dùng phiên bản hợp lệ trước đó (last edit refused, last good version serving).",
                data: data));
    }
}
