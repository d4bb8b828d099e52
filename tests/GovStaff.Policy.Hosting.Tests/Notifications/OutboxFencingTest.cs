using GovStaff.Policy.Decisions;
using GovStaff.Policy.Hosting.Tests.Storage;
using GovStaff.Policy.Plugins;
using GovStaff.Policy.Serialization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;

namespace GovStaff.Policy.Hosting.Tests.Notifications;

/// <summary>
/// One delivery per message across hosts: batches that outlast their lease on a real PostgreSQL. The clock is the
/// system clock because leases run out in real time while a slow endpoint answers; nothing here asserts a duration.
/// </summary>
[Collection(PostgresGroup.Name)]
public sealed class OutboxFencingTest(PostgresServer postgres) : IDisposable
{
    private readonly LoopbackHttpServer _server = new() { Delay = TimeSpan.FromSeconds(0.5) };

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
        builder.Services.AddGovStaffPolicy(builder.Configuration).UseClock(SystemClock.Instance).UsePostgreSqlStorage(connection)
            .AddWebhookNotifications(o => o.Url = _server.Url);
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

        // A batch of 50 at 0.5 s each takes 25 s: five times the 5 s lease.
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
        _server.Start();

        using var stop = new CancellationTokenSource();
        var round = a.Services.GetRequiredService<OutboxDispatcher>().RunOnceAsync(stop.Token);
        while (_server.Requests.IsEmpty)
        {
            await Task.Delay(50);
        }

        await stop.CancelAsync();
        var deliveredByA = await round; // the message in flight finishes and is recorded
        Assert.InRange(deliveredByA, 1, 2);

        // Without the release host-b would find all of them leased for 5 s more.
        var deliveredByB = await b.Services.GetRequiredService<OutboxDispatcher>().RunOnceAsync();
        Assert.Equal(20 - deliveredByA, deliveredByB);
        Assert.Equal(20, _server.Requests.Count);
        Assert.Equal(20, _server.Requests.Select(r => r.Headers["X-GovStaff-Message-Id"]).Distinct().Count());
    }
}
