using Cchc.Rules;
using Cchc.Rules.Diagnostics;
using Cchc.Rules.Loading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cchc.Scoring.DependencyInjection;

/// <summary>
/// One rule set's current version. Reloads are serialised; the new engine is swapped in with one reference write,
/// so a caller sees the old version or the new one, never a mix.
/// </summary>
internal sealed class RuleSetProvider : IRuleSetProvider
{
    private readonly IRuleSetLoader _loader;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Lock _reloading = new();
    private IScoringEngine _engine;
    private IReadOnlyList<RuleDiagnostic> _lastReloadErrors = [];

    private RuleSetProvider(IRuleSetLoader loader, ILogger logger, TimeProvider time, string directory, CompiledRuleSet ruleSet)
    {
        _loader = loader;
        _logger = logger;
        _time = time;
        Directory = directory;
        _engine = new ScoringEngine(ruleSet);
    }

    public string Directory { get; }

    public IScoringEngine Engine => Volatile.Read(ref _engine);

    public IReadOnlyList<RuleDiagnostic> LastReloadErrors => Volatile.Read(ref _lastReloadErrors);

    /// <summary>Loads the first version, or throws <see cref="RuleSetValidationException"/> after logging why.</summary>
    public static RuleSetProvider Load(IRuleSetLoader loader, ILogger logger, TimeProvider time, string directory)
    {
        var started = time.GetTimestamp();
        var result = loader.Load(directory);
        if (result.RuleSet is null)
        {
            if (logger.IsEnabled(LogLevel.Error))
            {
                logger.LogRejected(directory, ErrorCount(result.Diagnostics), "máy chủ không khởi động với bộ tiêu chí này", string.Join('\n', result.Diagnostics));
            }

            throw new RuleSetValidationException(directory, result.Diagnostics);
        }

        var ruleSet = result.RuleSet;
        var elapsed = (long)time.GetElapsedTime(started).TotalMilliseconds;
        logger.LogLoaded(ruleSet.Id, ruleSet.Version, ruleSet.Sha256, directory, elapsed);
        return new RuleSetProvider(loader, logger, time, directory, ruleSet);
    }

    public RuleSetLoadResult Reload()
    {
        lock (_reloading)
        {
            var started = _time.GetTimestamp();
            var current = Engine.RuleSet;
            var result = _loader.Load(Directory);
            if (result.RuleSet is { } loaded && !string.Equals(loaded.Id, current.Id, StringComparison.Ordinal))
            {
                // The host registered this folder under its id: a changed id would silently move it to another key.
                result = new RuleSetLoadResult(null, [.. result.Diagnostics, IdChanged(current.Id, loaded.Id)]);
            }

            if (result.RuleSet is not { } ruleSet)
            {
                Volatile.Write(ref _lastReloadErrors, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray());
                if (_logger.IsEnabled(LogLevel.Error))
                {
                    _logger.LogRejected(Directory, ErrorCount(result.Diagnostics), $"vẫn dùng {current.Id} phiên bản {current.Version} (SHA-256 {current.Sha256})", string.Join('\n', result.Diagnostics));
                }

                return result;
            }

            Volatile.Write(ref _lastReloadErrors, []);
            if (string.Equals(ruleSet.Sha256, current.Sha256, StringComparison.Ordinal))
            {
                _logger.LogUnchanged(ruleSet.Id, ruleSet.Sha256);
                return result;
            }

            Volatile.Write(ref _engine, new ScoringEngine(ruleSet));
            var elapsed = (long)_time.GetElapsedTime(started).TotalMilliseconds;
            _logger.LogReloaded(ruleSet.Id, current.Version, ruleSet.Version, ruleSet.Sha256, elapsed);
            return result;
        }
    }

    private static int ErrorCount(IReadOnlyList<RuleDiagnostic> diagnostics) => diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);

    private static RuleDiagnostic IdChanged(string registered, string found) => new(
        DiagnosticSeverity.Error,
        "CCHC091",
        $"Mã 'id' đổi từ '{registered}' thành '{found}' khi máy chủ đang chạy.",
        "ruleset.json",
        0,
        0,
        null,
        "Giữ nguyên 'id' của bộ tiêu chí đang phục vụ; một bộ tiêu chí mới cần một thư mục mới và khởi động lại.");
}
