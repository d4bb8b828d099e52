using GovStaff.Policy.Plugins;
using Microsoft.Extensions.Logging;

namespace GovStaff.Policy.Hosting;

/// <summary>The built-in notifier: writes each notification to the log, in both languages.</summary>
internal sealed partial class LogNotifier(ILogger<LogNotifier> logger) : INotifier
{
    /// <inheritdoc />
    public string Name => "log";

    /// <inheritdoc />
    public Task DeliverAsync(Notification notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (logger.IsEnabled(LogLevel.Information))
        {
            var recipients = string.Join(",", notification.Recipients);
            Log(logger, notification.Kind, notification.Subject, notification.Body.Zh, notification.Body.En, recipients);
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "[{Kind}] {Subject}: {Zh} / {En} → {Recipients}")]
    private static partial void Log(ILogger logger, string kind, string subject, string zh, string en, string recipients);
}
