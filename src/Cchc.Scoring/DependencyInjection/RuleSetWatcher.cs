using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace Cchc.Scoring.DependencyInjection;

/// <summary>
/// Watches one rule-set folder's JSON files and reloads after a quiet period: an editor's save is several writes,
/// and a copy of many files arrives one by one, so each change restarts the wait.
/// </summary>
internal sealed class RuleSetWatcher : IDisposable
{
    private readonly RuleSetProvider _provider;
    private readonly TimeSpan _delay;
    private readonly ILogger _logger;
    private readonly PhysicalFileProvider _files;
    private readonly ITimer _timer;
    private readonly IDisposable _subscription;

    public RuleSetWatcher(RuleSetProvider provider, TimeSpan delay, TimeProvider time, ILogger logger)
    {
        _provider = provider;
        _delay = delay;
        _logger = logger;
        _files = new PhysicalFileProvider(provider.Directory);
        _timer = time.CreateTimer(_ => ReloadNow(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _subscription = ChangeToken.OnChange(() => _files.Watch("**/*.json"), () => _timer.Change(_delay, Timeout.InfiniteTimeSpan));
        logger.LogWatching(provider.Engine.RuleSet.Id, provider.Directory, (long)delay.TotalMilliseconds);
    }

    public void Dispose()
    {
        _subscription.Dispose();
        _timer.Dispose();
        _files.Dispose();
    }

    private void ReloadNow()
    {
        try
        {
            _provider.Reload();
        }
#pragma warning disable CA1031 // A timer callback must not throw: the last good rule set keeps serving and the failure is logged.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _logger.LogReloadFailed(e, _provider.Engine.RuleSet.Id, _provider.Directory);
        }
    }
}
