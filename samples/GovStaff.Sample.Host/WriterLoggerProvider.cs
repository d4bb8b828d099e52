using Microsoft.Extensions.Logging;

namespace GovStaff.Sample.Host;

/// <summary>
/// Writes the log to the run's error writer in the console logger's simple layout (<c>info: Category[id]</c>, then
/// the message indented), one entry at a time. The console logger writes to the process's stderr whatever the run
/// was given, which a host run in process must not do.
/// </summary>
internal sealed class WriterLoggerProvider(TextWriter writer) : ILoggerProvider
{
    private readonly Lock _gate = new();

    public ILogger CreateLogger(string categoryName) => new WriterLogger(this, categoryName);

    public void Dispose()
    {
        lock (_gate)
        {
            writer.Flush();
        }
    }

    private void Write(LogLevel level, string category, EventId eventId, string message, Exception? exception)
    {
        var label = level switch
        {
            LogLevel.Trace => "trce",
            LogLevel.Debug => "dbug",
            LogLevel.Information => "info",
            LogLevel.Warning => "warn",
            LogLevel.Error => "fail",
            _ => "crit",
        };
        var text = $"{label}: {category}[{eventId.Id}]\n      {message.ReplaceLineEndings("\n      ")}\n" +
            (exception is null ? string.Empty : exception.ToString().ReplaceLineEndings("\n") + "\n");
        lock (_gate)
        {
            writer.Write(text);
        }
    }

    private sealed class WriterLogger(WriterLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                provider.Write(logLevel, category, eventId, formatter(state, exception), exception);
            }
        }
    }
}
