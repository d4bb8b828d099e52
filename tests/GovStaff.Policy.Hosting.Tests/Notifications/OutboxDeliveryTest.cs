using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GovStaff.Policy.Decisions;
using GovStaff.Policy.Notifications.Webhook;
using GovStaff.Policy.Plugins;
using GovStaff.Policy.Regulation;
using GovStaff.Policy.Serialization;
using GovStaff.Policy.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Testing;

namespace GovStaff.Policy.Hosting.Tests.Notifications;

public sealed class OutboxDeliveryTest : IDisposable
{
    private static readonly Instant T0 = Instant.FromUtc(2022, 10, 18, 2, 0);
    private readonly string _dir = Directory.CreateTempSubdirectory("govstaff-outbox-").FullName;
    private readonly LoopbackHttpServer _server = new();
    private readonly FakeClock _clock = new(T0);

    public void Dispose()
    {
        _server.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private IHost Host(WebhookFormat format = WebhookFormat.WeCom, string? secret = null, int maxAttempts = 10)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = _dir, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GovStaffPolicy:Outbox:ImmediateRetries"] = "0",
            ["GovStaffPolicy:Outbox:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["GovStaffPolicy:Outbox:Backoff"] = "00:00:30",
        });
        builder.Services.AddLogging();
        builder.Services.AddGovStaffPolicy(builder.Configuration)
            .UseClock(_clock)
            .UseSqliteStorage($"Data Source={Path.Combine(_dir, "store.db")}")
            .AddWebhookNotifications(o => { o.Url = _server.Url; o.Format = format; o.Secret = secret; });
        var host = builder.Build();
        host.Services.GetRequiredService<IPolicyStore>().InitializeAsync().GetAwaiter().GetResult();
        return host;
    }

    private static (Decision, DomainEvent) Supervision(string person = "负责人电话13812345678，身份证11010519491231002X")
    {
        var finding = new Finding("art21.overdue", Severity.Warning, [new Citation(21), new Citation(12, 5)], new LocalizedText($"办件超期，由马志强督办。{person}", $"Case overdue; supervised by D-BH. {person}"), "case:C1");
        var decision = new Decision("case.track", "case:C1", [finding], "shapotou-2021-trial", T0);
        var @event = new DomainEvent("case.supervise", "case:C1", Actor.For("系统", new Organization.ServiceBodyId("binhe-centre")), T0, new LocalDate(2022, 10, 18),
            decision.Citations, decision.PolicyVersion, finding.Message, new Dictionary<string, string> { ["director"] = "D-BH" });
        return (decision, @event);
    }

    [Fact]
    public void Notifications_MaskIdNumbersAndPhonesInEveryText()
    {
        var n = Notification.From(Supervision().Item2);
        var json = GovStaffJson.Serialize(n);
        Assert.DoesNotContain("13812345678", json);
        Assert.DoesNotContain("11010519491231002X", json);
        Assert.Contains("138****5678", n.Body.Zh);
        Assert.Contains("1101**********002X", n.Body.En);
        Assert.Contains("第二十一条", n.Body.Zh);
    }

    [Fact]
    public async Task RawIdNumbersAndPhones_AppearInNoOutputChannel()
    {
        const string Phone = "13812345678", Id = "11010519491231002X";
        var (_, @event) = Supervision();
        Assert.Contains(Phone, @event.Message.Zh); // the raw values are really in the event, or the test proves nothing

        // The log channel.
        var logger = new CapturingLogger();
        await new GovStaff.Policy.Hosting.LogNotifier(logger).DeliverAsync(Notification.From(@event));
        var logged = Assert.Single(logger.Lines);
        Assert.Contains("138****5678", logged);
        Assert.DoesNotContain(Phone, logged);
        Assert.DoesNotContain(Id, logged);

        // Exceptions: a mistyped number is refused without repeating it.
        var wrongCheckDigit = Id[..17] + "1";
        var e = Assert.Throws<ArgumentException>(() => new GovStaff.Policy.Organization.ResidentIdNumber(wrongCheckDigit));
        Assert.DoesNotContain(wrongCheckDigit, e.Message);
        Assert.DoesNotContain(Id[..17], e.Message);

        // Printing a valid number prints it masked.
        Assert.Equal("1101**********002X", new GovStaff.Policy.Organization.ResidentIdNumber(Id).ToString());
        Assert.DoesNotContain(Id, $"{new GovStaff.Policy.Organization.ResidentIdNumber(Id)}");
    }

    [Fact]
    public async Task ADeliveryErrorEchoingTheMessage_IsStoredAndLoggedMasked()
    {
        const string Phone = "13812345678", Id = "11010519491231002X";
        var logs = new CapturingLoggerProvider();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = _dir, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["GovStaffPolicy:Outbox:ImmediateRetries"] = "0" });
        builder.Logging.AddProvider(logs);
        builder.Services.AddGovStaffPolicy(builder.Configuration).UseClock(_clock).UseSqliteStorage($"Data Source={Path.Combine(_dir, "echo.db")}");
        // An endpoint that refuses the message and repeats raw personal data in its error, as some gateways do.
        builder.Services.AddSingleton<INotifier>(new EchoingNotifier($"recipient {Phone} (ID {Id}) refused"));
        using var host = builder.Build();
        var store = host.Services.GetRequiredService<IPolicyStore>();
        await store.InitializeAsync();
        var (decision, @event) = Supervision();
        await host.Services.GetRequiredService<PolicyRecorder>().RecordAsync(decision, @event);

        Assert.Equal(0, await host.Services.GetRequiredService<OutboxDispatcher>().RunOnceAsync());

        var kept = Assert.Single(await store.ReadOutboxAsync(OutboxState.Pending));
        Assert.Contains("138****5678", kept.LastError);
        Assert.DoesNotContain(Phone, kept.LastError);
        Assert.DoesNotContain(Id, kept.LastError);
        var warning = Assert.Single(logs.Lines, l => l.Contains("failed attempt 1", StringComparison.Ordinal));
        Assert.Contains("1101**********002X", warning);
        Assert.All(logs.Lines, l => Assert.DoesNotContain(Phone, l));
        Assert.All(logs.Lines, l => Assert.DoesNotContain(Id, l));
    }

    private sealed class EchoingNotifier(string error) : INotifier
    {
        public string Name => "echo";

        public Task DeliverAsync(Notification notification, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException(error);
    }

    private sealed class CapturingLogger : Microsoft.Extensions.Logging.ILogger<GovStaff.Policy.Hosting.LogNotifier>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }

    [Fact]
    public async Task TheRecorder_WritesDecisionEventAndNotificationInOneCommit()
    {
        using var host = Host();
        var (decision, @event) = Supervision();
        var result = await host.Services.GetRequiredService<PolicyRecorder>().RecordAsync(decision, @event, [new DocumentWrite("case", "C1", "{}", 0)]);
        Assert.Equal((2, 1), (result.AuditAppended, result.OutboxEnqueued));
        var store = host.Services.GetRequiredService<IPolicyStore>();
        Assert.Equal(["decision:case.track", "event:case.supervise"], (await store.ReadAuditAsync(0, 10)).Select(a => a.Kind));
        await Assert.ThrowsAsync<ConcurrencyException>(() => host.Services.GetRequiredService<PolicyRecorder>().RecordAsync(decision, @event, [new DocumentWrite("case", "C1", "{}", 0)]));
        Assert.Equal(2, (await store.ReadAuditAsync(0, 10)).Count); // the refused write appended nothing
    }

    [Fact]
    public async Task WeComMessage_IsDeliveredEndToEnd_WithChineseIntact()
    {
        using var host = Host(WebhookFormat.WeCom);
        _server.Start();
        var (decision, @event) = Supervision();
        await host.Services.GetRequiredService<PolicyRecorder>().RecordAsync(decision, @event);
        Assert.Equal(1, await host.Services.GetRequiredService<OutboxDispatcher>().RunOnceAsync());
        var (url, body, _) = Assert.Single(_server.Requests);
        Assert.Contains("key=robot-key", url);
        using var doc = JsonDocument.Parse(body);
        Assert.Equal("markdown", doc.RootElement.GetProperty("msgtype").GetString());
        var content = doc.RootElement.GetProperty("markdown").GetProperty("content").GetString()!;
        Assert.Contains("办件超期，由马志强督办", content);
        Assert.DoesNotContain("13812345678", content);
        Assert.Single(await host.Services.GetRequiredService<IPolicyStore>().ReadOutboxAsync(OutboxState.Delivered));
    }

    [Fact]
    public async Task DingTalk_SignsTheUrl()
    {
        using var host = Host(WebhookFormat.DingTalk, secret: "SEC-test");
        _server.Start();
        var (decision, @event) = Supervision();
        await host.Services.GetRequiredService<PolicyRecorder>().RecordAsync(decision, @event);
        await host.Services.GetRequiredService<OutboxDispatcher>().RunOnceAsync();
        var (url, body, _) = Assert.Single(_server.Requests);
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(url).Query);
        Assert.Equal(T0.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), query["timestamp"]);
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes("SEC-test"), Encoding.UTF8.GetBytes(query["timestamp"] + "\nSEC-test")));
        Assert.Equal(expected, query["sign"]);
        Assert.Contains("\"title\"", body);
    }

    [Fact]
    public async Task GenericJson_IsSignedOverTimeAndBody_AndTheDocumentedReceiverAcceptsItOnce()
    {
        using var host = Host(WebhookFormat.Generic, secret: "s3cret");
        _server.Start();
        var (decision, @event) = Supervision();
        await host.Services.GetRequiredService<PolicyRecorder>().RecordAsync(decision, @event);
        var queued = Assert.Single(await host.Services.GetRequiredService<IPolicyStore>().ReadOutboxAsync(OutboxState.Pending));
        await host.Services.GetRequiredService<OutboxDispatcher>().RunOnceAsync();
        var request = Assert.Single(_server.Requests);
        var (timestamp, signature, messageId) = (request.Headers["X-GovStaff-Timestamp"], request.Headers["X-GovStaff-Signature"], request.Headers["X-GovStaff-Message-Id"]);

        // The scheme, computed independently: HMAC-SHA256 over "timestamp.body", hex.
        Assert.Equal(T0.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), timestamp);
        Assert.Equal("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("s3cret"), Encoding.UTF8.GetBytes(timestamp + "." + request.Body))), signature);
        // The id: in the header and in the body, the outbox message's own.
        Assert.Equal(queued.MessageId.ToString(), messageId);
        var sent = GovStaffJson.Deserialize<Notification>(request.Body);
        Assert.Equal(("case.supervise", (Guid?)queued.MessageId), (sent.Kind, sent.MessageId));

        // The receiver of docs/hosting.md: accepts it once, refuses a repeat, a forgery and a replay after the window.
        var body = Encoding.UTF8.GetBytes(request.Body);
        var now = T0.ToDateTimeOffset().AddSeconds(20);
        var window = TimeSpan.FromMinutes(5);
        var seen = new HashSet<string>();
        Assert.Null(WebhookReceiverExample.Check("s3cret", timestamp, signature, messageId, body, now, window, seen));
        Assert.Equal("a repeat: already handled", WebhookReceiverExample.Check("s3cret", timestamp, signature, messageId, body, now, window, seen));
        Assert.Equal("bad signature", WebhookReceiverExample.Check("s3cret", timestamp, signature, "other", Encoding.UTF8.GetBytes(request.Body.Replace("case.supervise", "case.closed", StringComparison.Ordinal)), now, window, new HashSet<string>()));
        Assert.Equal("bad signature", WebhookReceiverExample.Check("s3cret", (T0.ToUnixTimeSeconds() + 60).ToString(System.Globalization.CultureInfo.InvariantCulture), signature, "other", body, now, window, new HashSet<string>()));
        Assert.Equal("too old: a replay, or a clock out of step", WebhookReceiverExample.Check("s3cret", timestamp, signature, "other", body, now.AddMinutes(6), window, new HashSet<string>()));
        Assert.Equal("bad signature", WebhookReceiverExample.Check("wrong", timestamp, signature, "other", body, now, window, new HashSet<string>()));
    }

    [Fact]
    public void TheReceiverExampleInTheDocs_IsTheCodeTheTestRuns()
    {
        var docs = File.ReadAllText(Path.Combine(Repo.Root, "docs", "hosting.md")).ReplaceLineEndings("\n");
        var example = File.ReadAllText(Path.Combine(Repo.Root, "tests", "GovStaff.Policy.Hosting.Tests", "Notifications", "WebhookReceiverExample.cs")).ReplaceLineEndings("\n");
        // The docs show the class from its first using line; the namespace line is the test project's own.
        var shown = example.Replace("namespace GovStaff.Policy.Hosting.Tests.Notifications;\n\n", string.Empty, StringComparison.Ordinal).Trim();
        Assert.Contains("```csharp\n" + shown + "\n```", docs, StringComparison.Ordinal);
    }

    /// <summary>An endpoint that takes 20 seconds (on the test's clock) to fail.</summary>
    private sealed class SlowFailingNotifier(FakeClock clock) : INotifier
    {
        public string Name => "slow";

        public Task DeliverAsync(Notification notification, CancellationToken cancellationToken)
        {
            clock.Advance(Duration.FromSeconds(20));
            throw new HttpRequestException("gateway timeout");
        }
    }

    [Fact]
    public async Task TheRetryWait_CountsFromEachFailure_NotFromTheStartOfTheRound()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = _dir, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GovStaffPolicy:Outbox:ImmediateRetries"] = "0",
            ["GovStaffPolicy:Outbox:Backoff"] = "00:00:30",
        });
        builder.Services.AddLogging();
        builder.Services.AddGovStaffPolicy(builder.Configuration).UseClock(_clock).UseInMemoryStorage();
        builder.Services.AddSingleton<INotifier>(new SlowFailingNotifier(_clock));
        using var host = builder.Build();
        var (decision, @event) = Supervision();
        var recorder = host.Services.GetRequiredService<PolicyRecorder>();
        await recorder.RecordAsync(decision, @event);
        await recorder.RecordAsync(decision, @event with { Subject = "case:C2" });

        await host.Services.GetRequiredService<OutboxDispatcher>().RunOnceAsync();
        // Each failure took 20 s: they failed at T0+20 and T0+40 (the log notifier is first, the slow one after it).
        var pending = (await host.Services.GetRequiredService<IPolicyStore>().ReadOutboxAsync(OutboxState.Pending)).OrderBy(m => m.Id).ToArray();
        Assert.Equal(2, pending.Length);
        Assert.Equal(T0 + Duration.FromSeconds(20 + 30), pending[0].NextAttemptAt);
        Assert.Equal(T0 + Duration.FromSeconds(40 + 30), pending[1].NextAttemptAt);
    }

    [Fact]
    public async Task EndpointDown_IsRetriedWithBackoff_AndDeliveredAfterRecovery_Once()
    {
        using var host = Host();
        var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();
        var store = host.Services.GetRequiredService<IPolicyStore>();
        var (decision, @event) = Supervision();
        await host.Services.GetRequiredService<PolicyRecorder>().RecordAsync(decision, @event);

        Assert.Equal(0, await dispatcher.RunOnceAsync()); // nothing listening: connection refused
        var pending = Assert.Single(await store.ReadOutboxAsync(OutboxState.Pending));
        Assert.Equal(1, pending.Attempts);
        Assert.Equal(T0 + Duration.FromSeconds(30), pending.NextAttemptAt);

        _server.Start();
        Assert.Equal(0, await dispatcher.RunOnceAsync()); // not due yet
        _clock.Advance(Duration.FromSeconds(31));
        Assert.Equal(1, await dispatcher.RunOnceAsync());
        Assert.Single(_server.Requests);
        _clock.Advance(Duration.FromHours(1));
        Assert.Equal(0, await dispatcher.RunOnceAsync()); // delivered once
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task UndeliveredNotifications_AreDeliveredAfterAHostRestart()
    {
        using (var first = Host())
        {
            var (decision, @event) = Supervision();
            await first.Services.GetRequiredService<PolicyRecorder>().RecordAsync(decision, @event);
            await first.Services.GetRequiredService<OutboxDispatcher>().RunOnceAsync(); // down
        }

        _server.Start();
        _clock.Advance(Duration.FromMinutes(5));
        using var second = Host();
        Assert.Equal(1, await second.Services.GetRequiredService<OutboxDispatcher>().RunOnceAsync());
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task PermanentlyFailingMessages_AreKeptAsFailed_NeverDropped()
    {
        using var host = Host(maxAttempts: 2);
        _server.Status = System.Net.HttpStatusCode.InternalServerError;
        _server.Start();
        var (decision, @event) = Supervision();
        await host.Services.GetRequiredService<PolicyRecorder>().RecordAsync(decision, @event);
        var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();
        await dispatcher.RunOnceAsync();
        _clock.Advance(Duration.FromMinutes(5));
        await dispatcher.RunOnceAsync();
        var failed = Assert.Single(await host.Services.GetRequiredService<IPolicyStore>().ReadOutboxAsync(OutboxState.Failed));
        Assert.Equal(2, failed.Attempts);
        Assert.Contains("500", failed.LastError);
        Assert.Equal(2, _server.Requests.Count);
    }
}
