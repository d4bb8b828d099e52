using System.CommandLine;
using GovStaff.Policy.Hosting;
using GovStaff.Policy.Plugins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GovStaff.Sample.Host;

/// <summary>
/// <c>serve</c>: keeps the generic host running — the monitors and the outbox dispatcher — until Ctrl+C or SIGTERM.
/// The program then stops the host, which lets a delivery in flight finish and releases the rest of its claims.
/// </summary>
internal static class ServeCommand
{
    public static Command Build(IServiceProvider services, SampleHostRun run)
    {
        var command = new Command("serve",
            "Run the monitors and deliver notifications until Ctrl+C or SIGTERM, then stop gracefully.\n" +
            "持续运行监测与通知投递，直到 Ctrl+C 或 SIGTERM。\n\n" +
            "Examples:\n" +
            "  serve\n" +
            "  GovStaffPolicy__Monitors__Enabled=true GovStaffPolicy__Calendar__AllowFallback=true GovStaffPolicy__Versions__0__EffectiveUntil=2030-12-31 serve");
        command.SetAction(async (_, ct) =>
        {
            var monitors = services.GetRequiredService<IOptions<MonitorOptions>>().Value;
            var outbox = services.GetRequiredService<IOptions<OutboxDispatcherOptions>>().Value;
            var notifiers = string.Join(", ", services.GetServices<INotifier>().Select(n => n.Name));
            var pending = (await services.GetRequiredService<IPolicyStore>().ReadOutboxAsync(OutboxState.Pending, ct)).Count;
            run.Out.WriteLine($"Serving / 运行中: store {StoreDescription.Of(services.GetRequiredService<IPolicyStore>())}");
            run.Out.WriteLine(monitors.Enabled
                ? $"  monitors every {monitors.Interval} / 监测间隔 {monitors.Interval}"
                : "  monitors disabled (GovStaffPolicy:Monitors:Enabled) / 监测未启用");
            run.Out.WriteLine($"  outbox every {outbox.PollInterval} to {notifiers}; {pending} pending / 通知投递间隔 {outbox.PollInterval}，待发送{pending}条");
            // After the measures' period (Art. 31) every check is refused and nothing is raised: a host that serves on
            // must say so, not look healthy.
            var today = services.GetRequiredService<NodaTime.IClock>().GetCurrentInstant().InZone(GovStaff.Policy.Calendars.OfficeHours.ChinaZone).Date;
            var versions = services.GetRequiredService<GovStaff.Policy.Regulation.PolicyVersionSet>();
            if (!versions.TryResolve(today, out var _))
            {
                run.Out.WriteLine($"  Warning / 警告: no version of the measures is in force today ({today:yyyy-MM-dd}; configured: " +
                    string.Join(", ", versions.Versions.Select(v => $"{v.Id} {v.EffectiveFrom:yyyy-MM-dd}–{(v.EffectiveUntil is { } until ? until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "open")}")) +
                    "): every check is refused under Art. 31 and no warning is raised; configure the version in force (GovStaffPolicy:Versions) / 今日无有效版本，监测不作判断");
            }

            run.Out.WriteLine("  Ctrl+C or SIGTERM stops / 按 Ctrl+C 或发送 SIGTERM 停止");
            await run.Out.FlushAsync(ct);

            // Ends when the host is told to stop (SIGTERM, Ctrl+C) or when a background service dies and stops it.
            var stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(stopping, ct);
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
                // Asked to stop.
            }

            run.Out.WriteLine("Stopping / 正在停止: the delivery in flight finishes, the rest stays queued / 正在投递的完成，其余保留在队列");
            return ExitCodes.Ok;
        });
        return command;
    }
}
