using Microsoft.Extensions.Hosting;

namespace Cchc.Scoring.DependencyInjection;

/// <summary>Loads every rule set when the host starts, so a bad folder stops the start instead of the first request.</summary>
internal sealed class RuleSetStartup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetService(typeof(RuleSetCatalog));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
