using System.Diagnostics;
using GovStaff.Policy.Calendars;
using GovStaff.Policy.Plugins;
using GovStaff.Policy.Regulation;
using GovStaff.Sample.Host.Simulation;
using Microsoft.Extensions.DependencyInjection;

namespace GovStaff.Sample.Host;

/// <summary>The main job: simulate 2022 Q4 in the Shapotou district on the configured store, then print the quarter.</summary>
internal sealed class MainJob(IServiceProvider services)
{
    public async Task<int> RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IPolicyStore>();
        var configured = services.GetRequiredService<WorkCalendar>();
        var calendar = SampleCalendar.WithAssumedDays(configured);
        var versions = services.GetRequiredService<PolicyVersionSet>();
        var where = StoreDescription.Of(store);
        var watch = Stopwatch.StartNew();
        output.WriteLine($"Store / 存储: {where}");
        output.WriteLine($"Simulating {QuarterSimulation.Quarter} day by day on the calendar '{calendar.Name}' / 按{calendar.Name}日历逐日模拟:");
        if (!configured.AllowsFallback)
        {
            output.WriteLine($"  (dates after {configured.LastKnown:yyyy-MM-dd} are counted on the national arrangement alone and flagged / {configured.LastKnown:yyyy-MM-dd}之后按全国安排推定并标注)");
        }
        QuarterSimulation.RunResult run;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // Each day is one commit that also advances the stored progress, so two jobs on one store never both
                // write a day: the one that loses the race reads the store again and carries on after the winner.
                run = await new QuarterSimulation(store, versions, calendar, services.GetRequiredService<OfficeHours>(), output).RunAsync(cancellationToken);
                break;
            }
            catch (ConcurrencyException) when (attempt < 200)
            {
                output.WriteLine("  another run wrote the same day first; continuing from what it stored / 另一进程已写入同日数据，从已存储进度继续");
            }
        }

        output.WriteLine(run switch
        {
            { WasComplete: true } => $"Already simulated; showing the stored quarter (nothing added) / 已模拟过，直接显示已存储结果（未重复写入）",
            { Resumed: true } => $"Resumed after {run.ResumedAfter:yyyy-MM-dd}: {run.DaysSimulated} more days, {run.Decisions} decisions, {run.Warnings} warnings / 从{run.ResumedAfter:yyyy-MM-dd}之后继续",
            _ => $"Seeded and simulated {run.DaysSimulated} days: {run.Decisions} decisions, {run.Warnings} warnings / 已初始化并模拟{run.DaysSimulated}天",
        });
        output.WriteLine();
        var report = await QuarterReport.LoadAsync(store, calendar, versions, cancellationToken)
            ?? throw new InvalidOperationException("The store holds no simulated district.");
        report.Print(output);
        output.WriteLine();
        output.WriteLine($"Done in {watch.Elapsed.TotalSeconds:0.0} s / 用时{watch.Elapsed.TotalSeconds:0.0}秒");
        return ExitCodes.Ok;
    }
}
