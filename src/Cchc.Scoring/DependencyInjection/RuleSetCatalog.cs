using System.Diagnostics.CodeAnalysis;
using Cchc.Rules.Loading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Cchc.Scoring.DependencyInjection;

/// <summary>
/// Loads every registered rule set at once (so a bad folder stops the host at start-up, not at the first request),
/// keys them by id, and watches their folders when asked.
/// </summary>
internal sealed class RuleSetCatalog : IRuleSetCatalog, IDisposable
{
    private readonly Dictionary<string, RuleSetProvider> _byId = new(StringComparer.Ordinal);
    private readonly List<RuleSetWatcher> _watchers = [];
    private readonly string? _defaultKey;

    public RuleSetCatalog(IOptions<CchcScoringOptions> options, IRuleSetLoader loader, IServiceProvider services)
    {
        var settings = options.Value;
        ILogger logger = services.GetService<ILogger<RuleSetCatalog>>() ?? NullLogger<RuleSetCatalog>.Instance;
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var root = services.GetService<IHostEnvironment>()?.ContentRootPath ?? System.IO.Directory.GetCurrentDirectory();

        var providers = new List<RuleSetProvider>();
        foreach (var directory in Directories(settings, root))
        {
            var provider = RuleSetProvider.Load(loader, logger, time, directory);
            var id = provider.Engine.RuleSet.Id;
            if (_byId.TryGetValue(id, out var first))
            {
                throw new InvalidOperationException(
                    $"Bộ tiêu chí '{id}' được đăng ký hai lần: '{first.Directory}' và '{directory}'. Mỗi mã chỉ đăng ký một lần "
                    + $"(rule set '{id}' is registered twice).");
            }

            _byId.Add(id, provider);
            providers.Add(provider);
        }

        RuleSets = providers;
        _defaultKey = settings.DefaultRuleSet;
        if (_defaultKey is not null && !TryGetRuleSet(_defaultKey, out _))
        {
            throw new InvalidOperationException($"DefaultRuleSet '{_defaultKey}' không phải bộ tiêu chí đã đăng ký ({Known()}).");
        }

        if (settings.WatchForChanges)
        {
            foreach (var provider in providers)
            {
                _watchers.Add(new RuleSetWatcher(provider, settings.ReloadDelay, time, logger));
            }
        }
    }

    public IReadOnlyList<IRuleSetProvider> RuleSets { get; }

    /// <summary>The rule set unkeyed services score with: the one registered, or <see cref="CchcScoringOptions.DefaultRuleSet"/>.</summary>
    public IRuleSetProvider Default
        => _defaultKey is not null ? GetRuleSet(_defaultKey)
            : RuleSets.Count == 1 ? RuleSets[0]
            : throw new InvalidOperationException(
                $"Có {RuleSets.Count} bộ tiêu chí ({Known()}): hãy đặt CchcScoringOptions.DefaultRuleSet, hoặc lấy engine theo mã "
                + "từ IRuleSetCatalog hay keyed services (several rule sets are registered: set DefaultRuleSet or resolve by key).");

    public bool TryGetRuleSet(string key, [NotNullWhen(true)] out IRuleSetProvider? ruleSet)
    {
        ArgumentNullException.ThrowIfNull(key);
        var (id, version) = Split(key);
        ruleSet = _byId.TryGetValue(id, out var provider)
                  && (version is null || string.Equals(provider.Engine.RuleSet.Version, version, StringComparison.Ordinal))
            ? provider
            : null;
        return ruleSet is not null;
    }

    public IRuleSetProvider GetRuleSet(string key)
        => TryGetRuleSet(key, out var ruleSet)
            ? ruleSet
            : throw new KeyNotFoundException($"Không có bộ tiêu chí '{key}'; có: {Known()} (no rule set '{key}').");

    public IScoringEngine GetEngine(string key) => new CurrentEngine(GetRuleSet(key), Split(key).Version);

    public void Dispose()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }
    }

    private string Known() => string.Join(", ", RuleSets.Select(r => $"{r.Engine.RuleSet.Id}@{r.Engine.RuleSet.Version}"));

    private static (string Id, string? Version) Split(string key)
    {
        var at = key.IndexOf('@', StringComparison.Ordinal);
        return at < 0 ? (key, null) : (key[..at], key[(at + 1)..]);
    }

    /// <summary>The folders to load, as full paths, in registration order; a root's subfolders in name order.</summary>
    private static IEnumerable<string> Directories(CchcScoringOptions settings, string contentRoot)
    {
        var named = settings.RuleSetDirectories.Append(settings.RuleSetDirectory).Where(d => !string.IsNullOrWhiteSpace(d));
        foreach (var directory in named)
        {
            yield return Path.GetFullPath(directory, contentRoot);
        }

        if (!string.IsNullOrWhiteSpace(settings.RuleSetsRoot))
        {
            var root = Path.GetFullPath(settings.RuleSetsRoot, contentRoot);
            if (!System.IO.Directory.Exists(root))
            {
                throw new DirectoryNotFoundException($"Không tìm thấy thư mục bộ tiêu chí RuleSetsRoot '{root}' (rule-set root not found).");
            }

            var found = System.IO.Directory.EnumerateDirectories(root)
                .Where(d => File.Exists(Path.Combine(d, "ruleset.json")))
                .Order(StringComparer.Ordinal)
                .ToList();
            if (found.Count == 0)
            {
                throw new DirectoryNotFoundException($"Thư mục '{root}' không có thư mục con nào chứa ruleset.json (no rule set under RuleSetsRoot).");
            }

            foreach (var directory in found)
            {
                yield return directory;
            }
        }
    }
}
