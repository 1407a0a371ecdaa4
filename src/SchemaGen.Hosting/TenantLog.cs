using Microsoft.Extensions.Logging;

namespace SchemaGen.Hosting;

internal static partial class TenantLog
{
    [LoggerMessage(EventId = 210, Level = LogLevel.Information, Message = "[{Done}/{Total}] {Target}: {Applied} migration(s) applied in {ElapsedMs}ms")]
    public static partial void TargetDone(ILogger logger, int done, int total, string target, int applied, long elapsedMs);

    [LoggerMessage(EventId = 211, Level = LogLevel.Error, Message = "[{Done}/{Total}] {Target} failed: {Error}")]
    public static partial void TargetFailed(ILogger logger, int done, int total, string target, string error);

    [LoggerMessage(EventId = 212, Level = LogLevel.Error, Message = "The canary {Target} failed; no other target was started")]
    public static partial void CanaryFailed(ILogger logger, string target);

    [LoggerMessage(EventId = 213, Level = LogLevel.Information, Message = "{Summary}")]
    public static partial void Finished(ILogger logger, string summary);
}
