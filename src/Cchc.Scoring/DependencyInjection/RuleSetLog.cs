using Microsoft.Extensions.Logging;

namespace Cchc.Scoring.DependencyInjection;

/// <summary>
/// The log events of rule-set loading, with stable event ids a portal can alert on. Messages are Vietnamese, for
/// the officers who run the portal; the structured properties (RuleSetId, Version, Sha256, ElapsedMs) are for machines.
/// </summary>
internal static partial class RuleSetLog
{
    [LoggerMessage(EventId = 1201, EventName = "RuleSetLoaded", Level = LogLevel.Information,
        Message = "Đã nạp bộ tiêu chí {RuleSetId} phiên bản {Version} (SHA-256 {Sha256}) từ {Directory} trong {ElapsedMs} ms.")]
    public static partial void LogLoaded(this ILogger logger, string ruleSetId, string version, string sha256, string directory, long elapsedMs);

    [LoggerMessage(EventId = 1202, EventName = "RuleSetRejected", Level = LogLevel.Error,
        Message = "Bộ tiêu chí ở {Directory} bị từ chối ({ErrorCount} lỗi); {Serving}. Chi tiết:\n{Diagnostics}")]
    public static partial void LogRejected(this ILogger logger, string directory, int errorCount, string serving, string diagnostics);

    [LoggerMessage(EventId = 1203, EventName = "RuleSetReloaded", Level = LogLevel.Information,
        Message = "Đã nạp lại bộ tiêu chí {RuleSetId}: phiên bản {PreviousVersion} → {Version} (SHA-256 {Sha256}) trong {ElapsedMs} ms.")]
    public static partial void LogReloaded(this ILogger logger, string ruleSetId, string previousVersion, string version, string sha256, long elapsedMs);

    [LoggerMessage(EventId = 1204, EventName = "RuleSetUnchanged", Level = LogLevel.Debug,
        Message = "Bộ tiêu chí {RuleSetId} không đổi (SHA-256 {Sha256}); giữ nguyên.")]
    public static partial void LogUnchanged(this ILogger logger, string ruleSetId, string sha256);

    [LoggerMessage(EventId = 1205, EventName = "RuleSetWatching", Level = LogLevel.Information,
        Message = "Theo dõi thay đổi của bộ tiêu chí {RuleSetId} trong {Directory} (chờ {DelayMs} ms sau lần sửa cuối).")]
    public static partial void LogWatching(this ILogger logger, string ruleSetId, string directory, long delayMs);

    [LoggerMessage(EventId = 1206, EventName = "RuleSetReloadFailed", Level = LogLevel.Error,
        Message = "Không nạp lại được bộ tiêu chí {RuleSetId} từ {Directory}; vẫn dùng phiên bản đang chạy.")]
    public static partial void LogReloadFailed(this ILogger logger, Exception exception, string ruleSetId, string directory);
}
