using Microsoft.Extensions.Logging;

namespace SchemaGen.Hosting;

/// <summary>The runner's log as a verb shows it: time, level and message, a line each, as each step happens.</summary>
internal sealed class TextWriterLogger(TextWriter output, TextWriter error) : ILogger
{
    private readonly Lock _gate = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var level = logLevel switch
        {
            LogLevel.Information => "INFO ",
            LogLevel.Warning => "WARN ",
            LogLevel.Error => "ERROR",
            _ => "CRIT ",
        };
        lock (_gate)
        {
            (logLevel >= LogLevel.Warning ? error : output).WriteLine($"{DateTime.Now:HH:mm:ss.fff} {level} {formatter(state, exception)}");
        }
    }
}
