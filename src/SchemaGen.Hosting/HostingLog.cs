using Microsoft.Extensions.Logging;

namespace SchemaGen.Hosting;

internal static partial class HostingLog
{
    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Waiting for {Count} migration(s) to be applied by another process (first: {First})")]
    public static partial void WaitingForMigrations(ILogger logger, int count, string first);
}
