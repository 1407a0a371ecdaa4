using Microsoft.Extensions.Logging;

namespace AuditLog;

/// <summary>Prints log lines as the original design's start-up log shows them: time, level, message.</summary>
internal sealed class PlainConsoleLogger(LogLevel minimum = LogLevel.Information) : ILogger
{
    private static readonly Lock Gate = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var line = $"{DateTime.Now:HH:mm:ss.fff} {Level(logLevel)} {formatter(state, exception)}";
        lock (Gate)
        {
            (logLevel >= LogLevel.Warning ? Console.Error : Console.Out).WriteLine(line);
        }
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "TRACE",
        LogLevel.Debug => "DEBUG",
        LogLevel.Information => "INFO ",
        LogLevel.Warning => "WARN ",
        LogLevel.Error => "ERROR",
        _ => "CRIT ",
    };
}
