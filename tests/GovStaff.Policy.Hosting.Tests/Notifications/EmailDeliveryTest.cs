using GovStaff.Policy.Decisions;
using GovStaff.Policy.Notifications.Email;
using GovStaff.Policy.Plugins;
using GovStaff.Policy.Regulation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MimeKit;
using NodaTime;
using NodaTime.Testing;

namespace GovStaff.Policy.Hosting.Tests.Notifications;

/// <summary>Email delivery end to end against a real SMTP server listening on loopback inside the test.</summary>
public sealed class EmailDeliveryTest : IDisposable
{
    private static readonly Instant T0 = Instant.FromUtc(2022, 10, 18, 2, 0);
    private readonly LoopbackSmtpServer _smtp = new();
    private readonly FakeClock _clock = new(T0);

    public void Dispose() => _smtp.Dispose();

    private IHost Host()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["GovStaffPolicy:Outbox:ImmediateRetries"] = "0" });
        builder.Services.AddLogging();
        builder.Services.AddGovStaffPolicy(builder.Configuration).UseClock(_clock).UseInMemoryStorage().AddEmailNotifications(o =>
        {
            o.Host = "127.0.0.1";
            o.Port = _smtp.Port;
            o.Security = MailKit.Security.SecureSocketOptions.None;
            o.From = "noreply@spt.example";
            o.To = ["zhongxin@spt.example"];
            o.Routes = new() { ["body:binhe-centre"] = ["binhe@spt.example"] };
        });
        return builder.Build();
    }

    private static async Task Record(IHost host)
    {
        var finding = new Finding("art20.rectification-overdue", Severity.Warning, new Citation(20), new LocalizedText("差评整改逾期，请及时回访。联系电话13912345678", "Bad-review rectification overdue; call back promptly. Phone 13912345678"), "rectification:R1");
        var decision = new Decision("rectification.check", "rectification:R1", [finding], "shapotou-2021-trial", T0);
        var @event = new DomainEvent("rectification.overdue", "rectification:R1", Actor.For("系统", new Organization.ServiceBodyId("binhe-centre")), T0, new LocalDate(2022, 10, 18),
            decision.Citations, decision.PolicyVersion, finding.Message, new Dictionary<string, string>());
        await host.Services.GetRequiredService<PolicyRecorder>().RecordAsync(decision, @event);
    }

    [Fact]
    public async Task Email_ArrivesWithSubjectRecipientsAndChineseIntact_PhoneMasked()
    {
        _smtp.Start();
        using var host = Host();
        await Record(host);
        Assert.Equal(1, await host.Services.GetRequiredService<OutboxDispatcher>().RunOnceAsync());
        var mail = Assert.Single(_smtp.Received);
        Assert.Equal("[政务服务] 差评整改逾期，请及时回访。联系电话139****5678", mail.Subject);
        Assert.Equal(["zhongxin@spt.example", "binhe@spt.example"], mail.To.Mailboxes.Select(m => m.Address));
        Assert.Contains("差评整改逾期，请及时回访", mail.TextBody);
        Assert.Contains("第二十条", mail.TextBody);
        Assert.DoesNotContain("13912345678", mail.TextBody);
    }

    [Fact]
    public async Task SmtpDown_IsRetried_AndDeliveredAfterRecovery()
    {
        using var host = Host();
        await Record(host);
        var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();
        Assert.Equal(0, await dispatcher.RunOnceAsync());
        var store = host.Services.GetRequiredService<IPolicyStore>();
        Assert.Equal(1, Assert.Single(await store.ReadOutboxAsync(OutboxState.Pending)).Attempts);
        _smtp.Start();
        _clock.Advance(Duration.FromMinutes(1));
        Assert.Equal(1, await dispatcher.RunOnceAsync());
        Assert.Single(_smtp.Received);
        Assert.Single(await store.ReadOutboxAsync(OutboxState.Delivered));
    }

    [Fact]
    public async Task Email_CarriesAMessageIdDerivedFromTheOutboxMessage_TheSameOnARetry()
    {
        _smtp.Start();
        using var host = Host();
        await Record(host);
        var store = host.Services.GetRequiredService<IPolicyStore>();
        var queued = Assert.Single(await store.ReadOutboxAsync(OutboxState.Pending));
        Assert.Equal(1, await host.Services.GetRequiredService<OutboxDispatcher>().RunOnceAsync());

        // The same message sent again (as after a crash mid-delivery) keeps its Message-ID.
        var again = new EmailNotifier(new EmailOptions { Host = "127.0.0.1", Port = _smtp.Port, Security = MailKit.Security.SecureSocketOptions.None, From = "noreply@spt.example", To = ["zhongxin@spt.example"] });
        await again.DeliverAsync(GovStaff.Policy.Serialization.GovStaffJson.Deserialize<Notification>(queued.Json) with { MessageId = queued.MessageId });

        var mails = _smtp.Received.ToArray();
        Assert.Equal(2, mails.Length);
        Assert.All(mails, m => Assert.Equal($"{queued.MessageId:N}@spt.example", m.MessageId));
        Assert.All(mails, m => Assert.Equal(queued.MessageId.ToString(), m.Headers["X-GovStaff-Message-Id"]));
    }
}
