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
    public async Task<int> RunAsync(TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        // A district read from a roster workbook (--roster), when the composition root registered one.
        var seed = services.GetService<Roster.RosterSeed>()?.Roster;
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
                run = await new QuarterSimulation(store, versions, calendar, services.GetRequiredService<OfficeHours>(), output, seed).RunAsync(cancellationToken);
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
        if (seed is not null && (run.WasComplete || run.Resumed))
        {
            // The roster seeds a fresh store only: replacing the district under a stored quarter would mix two districts.
            output.WriteLine("  --roster not used: this store already holds its district; a roster seeds a fresh store only (another folder or database) / 存储中已有区数据，花名册仅用于新存储，本次未使用");
        }

        output.WriteLine();
        var report = await QuarterReport.LoadAsync(store, calendar, versions, cancellationToken)
            ?? throw new InvalidOperationException("The store holds no simulated district.");
        report.Print(output);
        output.WriteLine();
        var outbox = await DeliverAsync(store, cancellationToken);
        output.WriteLine($"Notifications: {outbox.Delivered} delivered, {outbox.Pending} pending ({outbox.Retrying} of them after a failed delivery), {outbox.Failed} failed / " +
            $"通知：已送达{outbox.Delivered}条，待发送{outbox.Pending}条（其中{outbox.Retrying}条送达失败待重试），失败{outbox.Failed}条");
        output.WriteLine($"Done in {watch.Elapsed.TotalSeconds:0.0} s / 用时{watch.Elapsed.TotalSeconds:0.0}秒");
        if (outbox.Failed + outbox.Retrying == 0)
        {
            return ExitCodes.Ok;
        }

        // Undelivered is not done: a district's webhook or mail server that refused everything must not look like
        // success to whoever scheduled the job. The messages stay in the outbox, whole.
        await error.WriteLineAsync($"Delivery error / 送达失败: {outbox.Failed + outbox.Retrying} notifications were not delivered " +
            $"(last error: {GovStaff.Policy.Reporting.PersonalData.MaskText(outbox.LastError ?? "none recorded").ReplaceLineEndings(" ")}); " +
            "they stay in the outbox — `outbox list` shows them, `outbox retry` queues the failed ones again, `serve` keeps retrying.");
        return ExitCodes.DeliveryFailed;
    }

    // What the quarter queued is delivered before the job exits, for a bounded time; what is left stays pending in the
    // outbox for the next run or a serving host, and the summary says how much.
    private async Task<(int Delivered, int Pending, int Retrying, int Failed, string? LastError)> DeliverAsync(IPolicyStore store, CancellationToken cancellationToken)
    {
        var dispatcher = services.GetRequiredService<GovStaff.Policy.Hosting.OutboxDispatcher>();
        var bound = Stopwatch.StartNew();
        var stalled = Stopwatch.StartNew();
        var pending = int.MaxValue;
        while (bound.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (await dispatcher.RunOnceAsync(cancellationToken) > 0)
            {
                stalled.Restart();
                continue;
            }

            // Nothing delivered this round: the outbox is read only now, to see whether anything is left and whether the
            // background dispatcher (which may hold this round's claims) is still making progress.
            var left = (await store.ReadOutboxAsync(OutboxState.Pending, cancellationToken)).Count;
            if (left < pending)
            {
                stalled.Restart();
            }

            pending = left;
            if (pending == 0 || stalled.Elapsed > TimeSpan.FromSeconds(2))
            {
                break; // all delivered, or nothing moves: only messages waiting for a retry are left
            }

            await Task.Delay(100, cancellationToken);
        }

        var waiting = await store.ReadOutboxAsync(OutboxState.Pending, cancellationToken);
        var failed = await store.ReadOutboxAsync(OutboxState.Failed, cancellationToken);
        var retrying = waiting.Where(m => m.Attempts > 0).ToList();
        var lastError = failed.Concat(retrying).Where(m => m.LastError is not null).MaxBy(m => m.NextAttemptAt)?.LastError;
        return ((await store.ReadOutboxAsync(OutboxState.Delivered, cancellationToken)).Count, waiting.Count, retrying.Count, failed.Count, lastError);
    }
}
