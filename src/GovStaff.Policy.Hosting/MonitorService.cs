using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GovStaff.Policy.Hosting;

/// <summary>Runs <see cref="PolicyMonitors"/> on an interval (<c>GovStaffPolicy:Monitors:Interval</c>, default 5 minutes).</summary>
internal sealed partial class MonitorService(IServiceProvider services, IOptions<MonitorOptions> options, ILogger<MonitorService> logger) : BackgroundService
{
    /// <summary>
    /// Refuses to start monitors that would count deadlines on days the calendar has no data for: every check would
    /// fail, or be judged on a guessed calendar, from the first round.
    /// </summary>
    /// <exception cref="OptionsValidationException">The monitors are enabled and today is outside the calendar's data.</exception>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Enabled && services.GetService(typeof(Plugins.IPolicyStore)) is not null &&
            services.GetService(typeof(Calendars.WorkCalendar)) is Calendars.WorkCalendar calendar && !calendar.AllowsFallback)
        {
            var clock = Microsoft.Extensions.DependencyInjection.GovStaffPolicyServiceCollectionExtensions.RequireClock(services);
            var today = clock.GetCurrentInstant().InZone(Calendars.OfficeHours.ChinaZone).Date;
            if (!calendar.Contains(today))
            {
                var from = calendar.LastKnown is { } last && last < today ? last.Year + 1 : today.Year;
                var missing = string.Join(", ", Enumerable.Range(from, today.Year - from + 1));
                throw new OptionsValidationException(GovStaffPolicyOptions.SectionName, typeof(GovStaffPolicyOptions),
                    [$"{GovStaffPolicyOptions.SectionName}:Calendar: the calendar '{calendar.Name}' has no data for {missing} (it covers {calendar.FirstKnown:yyyy-MM-dd}–{calendar.LastKnown:yyyy-MM-dd}), and the monitors check deadlines from today ({today:yyyy-MM-dd}); add the years' data, set AllowFallback, or disable GovStaffPolicy:Monitors."]);
            }
        }

        return base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Without a store there is nothing to watch; the monitors need the records.
        if (services.GetService(typeof(Plugins.IPolicyStore)) is null || !options.Value.Enabled)
        {
            return;
        }

        var monitors = (PolicyMonitors)services.GetService(typeof(PolicyMonitors))!;
        using var timer = new PeriodicTimer(options.Value.Interval);
        do
        {
            try
            {
                await monitors.RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, Reporting.PersonalData.MaskText(e.GetBaseException().Message.ReplaceLineEndings(" ")));
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    // Logged as masked text rather than as the exception object, which log providers would print raw (Art. 20).
    [LoggerMessage(EventId = 20, Level = LogLevel.Error, Message = "A monitor round failed; the next round retries: {Error}")]
    private static partial void LogFailed(ILogger logger, string error);
}
