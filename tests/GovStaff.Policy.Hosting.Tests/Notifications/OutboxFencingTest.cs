using GovStaff.Policy.Decisions;
using GovStaff.Policy.Hosting.Tests.Storage;
using GovStaff.Policy.Plugins;
using GovStaff.Policy.Serialization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;
using NodaTime.Testing;

namespace GovStaff.Policy.Hosting.Tests.Notifications;

/// <summary>
/// One delivery per message across hosts: batches that outlast their lease on a real PostgreSQL. Time is the tests'
/// own: both hosts share a fake clock that the receiver moves on by a quarter of a second per request (an endpoint
/// that takes time, without anyone waiting for it), and the test holds a delivery at the receiver to take a step at a
/// known point. The tests assert counts and order, never durations.
/// </summary>
[Collection(PostgresGroup.Name)]
public sealed class OutboxFencingTest(PostgresServer postgres) : IDisposable
{
    private readonly LoopbackHttpServer _server = new();
    private readonly FakeClock _clock = new(Instant.FromUtc(2022, 10, 18, 2, 0));

    public void Dispose() => _server.Dispose();

    private IHost Host(string connection, string name)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GovStaffPolicy:Outbox:ImmediateRetries"] = "0",
            ["GovStaffPolicy:Outbox:HostName"] = name,
            ["GovStaffPolicy:Outbox:Lease"] = "00:00:05",
            ["GovStaffPolicy:Outbox:BatchSize"] = "50",
        });
        builder.Services.AddLogging();
        builder.Services.AddGovStaffPolicy(builder.Configuration).UseClock(_clock).UsePostgreSqlStorage(connection)
            .AddWebhookNotifications(o => o.Url = new Uri(_server.Url + "&host=" + name));
        return builder.Build();
    }

    private static OutboxWrite Message(int i)
    {
        var notification = new Notification("case.supervise", $"case:C{i}", new LocalizedText("办件超期", "Case overdue"), new LocalizedText("办件超期", "Case overdue"),
            Instant.FromUtc(2022, 10, 18, 2, 0), ["body:binhe-centre"]);
        return new OutboxWrite(notification.Kind, notification.Subject, GovStaffJson.Serialize(notification));
    }

    [Fact]
    public async Task TwoDispatchers_BatchesOutlastingTheirLease_DeliverEachOf200MessagesOnce()
    {
        var connection = await postgres.CreateDatabaseAsync();
        using var a = Host(connection, "host-a");
        using var b = Host(connection, "host-b");
        var store = a.Services.GetRequiredService<IPolicyStore>();
        await store.InitializeAsync();
        await store.CommitAsync(new WriteBatch { Outbox = Enumerable.Range(1, 200).Select(Message).ToArray() });

        // host-a's tenth message is held at the receiver until host-b has had its round.
        var tenthArrived = new TaskCompletionSource();
        using var release = new ManualResetEventSlim();
        var fromA = 0;
        _server.OnRequest = r =>
        {
            _clock.Advance(Duration.FromMilliseconds(250));
            if (r.Url.Contains("host=host-a", StringComparison.Ordinal) && Interlocked.Increment(ref fromA) == 10)
            {
                tenthArrived.SetResult();
                release.Wait();
            }
        };
        _server.Start();

        // Both hosts' outbox counters (each host measures on a meter of its own).
        var factories = new[] { a, b }.Select(h => h.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()).ToArray();
        var counted = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
        using var listener = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == PolicyMonitors.MeterName && factories.Contains(instrument.Meter.Scope))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => counted.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
        listener.Start();

        // host-a claims 1–50 for 5 s at once; a batch of 50 at 0.25 s each takes 12.5 s of the clock, so its claims
        // on the messages it has not begun run out while its tenth (renewed when sent, at 2.25 s) is in flight.
        var roundA = Task.Run(() => a.Services.GetRequiredService<OutboxDispatcher>().RunOnceAsync());
        await tenthArrived.Task;
        var start = Instant.FromUtc(2022, 10, 18, 2, 0);
        _clock.Reset(start + Duration.FromSeconds(6));
        // host-b finds 11–60 due: host-a's 11–50 ran out, the tenth's renewed claim holds.
        var roundB = await b.Services.GetRequiredService<OutboxDispatcher>().RunOnceAsync();
        release.Set();
        var deliveredByA = await roundA;
        Assert.Equal((10, 50), (deliveredByA, roundB)); // host-a left 11–50 to host-b: it renews each claim before it sends
        Assert.Equal(40, counted["govstaff.outbox.claims_lost"]);

        // The rest, both hosts at once.
        await Task.WhenAll(DrainAsync(a), DrainAsync(b));
        Assert.Equal(200, counted["govstaff.outbox.delivered"]);
        Assert.False(counted.ContainsKey("govstaff.outbox.failed"));

        var received = _server.Requests.ToArray();
        var ids = received.Select(r => r.Headers["X-GovStaff-Message-Id"]).ToArray();
        Assert.Equal(200, ids.Distinct().Count());
        Assert.Equal(200, received.Length); // no message twice
        Assert.Equal(200, (await store.ReadOutboxAsync(OutboxState.Delivered)).Count);
        Assert.All(await store.ReadOutboxAsync(OutboxState.Delivered), m => Assert.Equal(1, m.Attempts));
        Assert.Equal(
            (await store.ReadOutboxAsync(OutboxState.Delivered)).Select(m => m.MessageId.ToString()).Order(StringComparer.Ordinal),
            ids.Order(StringComparer.Ordinal));

        async Task DrainAsync(IHost host)
        {
            var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();
            while ((await store.ReadOutboxAsync(OutboxState.Pending)).Count > 0)
            {
                if (await dispatcher.RunOnceAsync() == 0)
                {
                    await Task.Delay(100); // the rest is held by the other host
                }
            }
        }
    }

    [Fact]
    public async Task AStoppedDispatcher_ReleasesWhatItHadNotBegun_SoAnotherHostTakesItAtOnce()
    {
        var connection = await postgres.CreateDatabaseAsync();
        using var a = Host(connection, "host-a");
        using var b = Host(connection, "host-b");
        var store = a.Services.GetRequiredService<IPolicyStore>();
        await store.InitializeAsync();
        await store.CommitAsync(new WriteBatch { Outbox = Enumerable.Range(1, 20).Select(Message).ToArray() });
        using var stop = new CancellationTokenSource();
        // host-a is stopped while its first message is at the receiver.
        _server.OnRequest = _ => stop.Cancel();
        _server.Start();

        var deliveredByA = await a.Services.GetRequiredService<OutboxDispatcher>().RunOnceAsync(stop.Token);
        Assert.Equal(1, deliveredByA); // the message in flight finishes and is recorded; the rest are not begun
        _server.OnRequest = null;

        // Without the release host-b would find all of them leased for 5 s more: the clock has not moved.
        var deliveredByB = await b.Services.GetRequiredService<OutboxDispatcher>().RunOnceAsync();
        Assert.Equal(19, deliveredByB);
        Assert.Equal(20, _server.Requests.Count);
        Assert.Equal(20, _server.Requests.Select(r => r.Headers["X-GovStaff-Message-Id"]).Distinct().Count());
    }
}
