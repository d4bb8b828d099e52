using GovStaff.Policy.Plugins;
using GovStaff.Policy.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace GovStaff.Sample.Host.Tests;

/// <summary><c>outbox list [--failed]</c> and <c>outbox retry &lt;id&gt;|--all-failed</c> on the sample's store.</summary>
public sealed class OutboxCommandTest : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("govstaff-outbox-cmd-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    // Three messages in the sample's default store: one delivered, two kept as failed after their last attempt.
    private async Task<IReadOnlyList<OutboxMessage>> PlantAsync()
    {
        var store = new SqlitePolicyStore($"Data Source={Path.Combine(_dir, "data", "govstaff.db")}");
        await store.InitializeAsync();
        const string Json = """{"kind":"case.supervise","subject":"case:C1","title":{"zh":"办件超期","en":"Overdue"},"body":{"zh":"办件超期","en":"Overdue"},"occurredAt":"2022-10-18T02:00:00Z","recipients":[]}""";
        await store.CommitAsync(new WriteBatch { Outbox = [new("case.supervise", "case:C1", Json), new("case.supervise", "case:C2", Json), new("case.supervise", "case:C3", Json)] });
        var claimed = await store.ClaimOutboxAsync("test", 10, Instant.FromUtc(2022, 10, 18, 2, 0), Duration.FromMinutes(1));
        Assert.True(await store.CompleteOutboxAsync(claimed[0].Id, claimed[0].Claim!));
        Assert.True(await store.FailOutboxAsync(claimed[1].Id, claimed[1].Claim!, "The webhook answered 500 Internal Server Error.", Instant.MaxValue, permanent: true));
        Assert.True(await store.FailOutboxAsync(claimed[2].Id, claimed[2].Claim!, "550 mailbox unavailable", Instant.MaxValue, permanent: true));
        SqliteConnection.ClearAllPools();
        return claimed;
    }

    [Fact]
    public async Task CommandsOtherThanTheMainJobAndServe_DeliverNothing()
    {
        // A pending message and the sample's built-in log notifier: a command that delivered would mark it delivered.
        var store = new SqlitePolicyStore($"Data Source={Path.Combine(_dir, "data", "govstaff.db")}");
        await store.InitializeAsync();
        const string Json = """{"kind":"case.supervise","subject":"case:C9","title":{"zh":"办件超期","en":"Overdue"},"body":{"zh":"办件超期","en":"Overdue"},"occurredAt":"2022-10-18T02:00:00Z","recipients":[]}""";
        await store.CommitAsync(new WriteBatch { Outbox = [new("case.supervise", "case:C9", Json)] });
        SqliteConnection.ClearAllPools();

        Assert.Contains("1 pending, 0 failed, 0 delivered", SampleHost.RunIn(_dir, "outbox", "list").StdOut, StringComparison.Ordinal);
        Assert.Equal(2, SampleHost.RunIn(_dir, "outbox", "retry", "999").ExitCode);
        Assert.Equal(3, SampleHost.RunIn(_dir, "report").ExitCode); // no simulated district in this store
        Assert.Equal(0, SampleHost.RunIn(_dir, "replay", Path.Combine(AppContext.BaseDirectory, "scenarios", "binhe-leave-and-cases.json")).ExitCode);
        Assert.Empty(await store.ReadOutboxAsync(OutboxState.Delivered));
        Assert.Contains(await store.ReadOutboxAsync(OutboxState.Pending), m => m.Subject == "case:C9");
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task List_ShowsTheFailedWithTheirErrorAndId_AndRetryRequeuesOneOrAll()
    {
        var m = await PlantAsync();

        var failed = SampleHost.RunIn(_dir, "outbox", "list", "--failed");
        Assert.Equal(0, failed.ExitCode);
        var lines = failed.StdOut.ReplaceLineEndings("\n").Trim().Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.StartsWith($"#{m[1].Id} failed attempts 1 case.supervise case:C2 id {m[1].MessageId} — The webhook answered 500", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"#{m[2].Id} failed attempts 1 case.supervise case:C3 id {m[2].MessageId} — 550 mailbox unavailable", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("2 failed", lines[2], StringComparison.Ordinal);

        var delivered = SampleHost.RunIn(_dir, "outbox", "retry", m[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((2, string.Empty), (delivered.ExitCode, delivered.StdOut));
        Assert.Contains("is delivered, not failed", delivered.StdErr, StringComparison.Ordinal);
        Assert.Contains("No outbox message has id 999", SampleHost.RunIn(_dir, "outbox", "retry", "999").StdErr, StringComparison.Ordinal);
        Assert.Equal(2, SampleHost.RunIn(_dir, "outbox", "retry").ExitCode);
        foreach (var notANumber in new[] { "abc", "-5", "99999999999999999999", "4.2" })
        {
            var refused = SampleHost.RunIn(_dir, "outbox", "retry", notANumber);
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("is not a message number", refused.StdErr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", refused.StdErr, StringComparison.Ordinal);
        }

        Assert.Equal(2, SampleHost.RunIn(_dir, "outbox", "retry", "2", "--all-failed").ExitCode);

        var one = SampleHost.RunIn(_dir, "outbox", "retry", m[1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0, one.ExitCode);
        Assert.Contains($"Re-queued #{m[1].Id}", one.StdOut, StringComparison.Ordinal);
        // Re-queued, it was due at once: the host's dispatcher (log notifier) may already have delivered it; it is not failed.
        var after = SampleHost.RunIn(_dir, "outbox", "list", "--failed").StdOut;
        Assert.DoesNotContain($"#{m[1].Id} failed", after, StringComparison.Ordinal);
        Assert.Contains($"#{m[2].Id} failed", after, StringComparison.Ordinal);

        var all = SampleHost.RunIn(_dir, "outbox", "retry", "--all-failed");
        Assert.Equal(0, all.ExitCode);
        Assert.Contains("Re-queued 1 failed messages", all.StdOut, StringComparison.Ordinal);
        Assert.Contains("0 failed", SampleHost.RunIn(_dir, "outbox", "list").StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheMainJob_ReportsUndeliveredNotifications_AsAFailure_WithTheLastError()
    {
        // The simulated quarter (already delivered) and two messages planted after it; the district's webhook is a port
        // where nothing listens, and one attempt is all a message gets.
        var database = SimulatedQuarter.Shared.CopyTo(_dir);
        var store = new SqlitePolicyStore($"Data Source={database}");
        const string Json = """{"kind":"case.supervise","subject":"case:C1","title":{"zh":"办件超期","en":"Overdue"},"body":{"zh":"办件超期","en":"Overdue"},"occurredAt":"2022-10-18T02:00:00Z","recipients":[]}""";
        await store.CommitAsync(new WriteBatch { Outbox = [new("case.supervise", "case:C1", Json), new("case.supervise", "case:C2", Json)] });
        var delivered = (await store.ReadOutboxAsync(OutboxState.Delivered)).Count;
        SqliteConnection.ClearAllPools();

        var r = SampleHost.RunIn(_dir, new Dictionary<string, string>
        {
            ["GovStaffPolicy__Outbox__MaxAttempts"] = "1",
            ["GovStaffPolicy__Outbox__ImmediateRetries"] = "0",
            ["GovStaffPolicy__Plugins__Load__0__Name"] = "GovStaff.Policy.Notifications.Webhook",
            ["GovStaffPolicy__Plugins__Load__0__Settings__Url"] = $"http://127.0.0.1:{GovStaff.Policy.Testing.LoopbackPort.Free()}/hook",
        });

        Assert.Equal(6, r.ExitCode);
        Assert.Contains($"Notifications: {delivered} delivered, 0 pending (0 of them after a failed delivery), 2 failed", r.StdOut, StringComparison.Ordinal);
        var line = Assert.Single(r.StdErr.Split('\n'), l => l.StartsWith("Delivery error / 送达失败: 2 notifications were not delivered (last error: ", StringComparison.Ordinal));
        Assert.Contains("outbox list", line, StringComparison.Ordinal);
        Assert.Equal(2, (await store.ReadOutboxAsync(OutboxState.Failed)).Count);
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public void Serve_AfterTheMeasuresPeriod_SaysNoVersionIsInForce_InsteadOfServingQuietly()
    {
        // The sample's version of the measures ends on 2023-12-31 (Art. 31); serve runs on today's clock. Stopped after
        // two seconds as Ctrl+C would stop it (no timing is asserted).
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var r = SampleHost.RunUntil(_dir, new Dictionary<string, string>(), stop.Token, "serve");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Warning / 警告: no version of the measures is in force today (", r.StdOut, StringComparison.Ordinal);
        Assert.Contains("configured: shapotou-2021-trial 2021-01-01–2023-12-31): every check is refused under Art. 31", r.StdOut, StringComparison.Ordinal);

        // With a version in force, no such warning.
        using var again = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var inForce = SampleHost.RunUntil(_dir, new Dictionary<string, string> { ["GovStaffPolicy__Versions__0__EffectiveUntil"] = "2099-12-31" }, again.Token, "serve");
        Assert.Equal(0, inForce.ExitCode);
        Assert.DoesNotContain("no version of the measures is in force", inForce.StdOut, StringComparison.Ordinal);
    }
}
