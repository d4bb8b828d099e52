using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GovStaff.Sample.Host;

/// <summary>
/// A background service (the outbox dispatcher, the monitors, a plugin's) that died while a command ran: the host
/// stops for it, and the command must not report success as if nothing happened.
/// </summary>
internal static class BackgroundFailures
{
    /// <summary>One line per background service that failed, naming it and the cause; empty when none did.</summary>
    public static IReadOnlyList<string> Find(IServiceProvider services) =>
        [.. services.GetServices<IHostedService>().OfType<BackgroundService>()
            .Where(s => s.ExecuteTask is { IsFaulted: true })
            .Select(s => $"{s.GetType().Name}: {s.ExecuteTask?.Exception?.GetBaseException().Message.ReplaceLineEndings(" ")}")];
}
