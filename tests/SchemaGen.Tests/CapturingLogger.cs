using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SchemaGen.Tests;

/// <summary>Keeps every log entry: the formatted line, the structured values and the exception.</summary>
internal sealed class CapturingLogger : ILogger
{
    public ConcurrentQueue<(LogLevel Level, string Message, string AllText)> Entries { get; } = new();

    public IReadOnlyList<string> Messages => Entries.Select(e => e.Message).ToList();

    /// <summary>Every character the logger was handed: messages, structured values and exceptions.</summary>
    public string AllText => string.Join("\n", Entries.Select(e => e.AllText));

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var message = formatter(state, exception);
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
        Entries.Enqueue((logLevel, message, $"{message}|{values}|{exception}"));
    }
}
