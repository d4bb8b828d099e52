using System.Runtime.Loader;
using GovStaff.Policy;
using GovStaff.Policy.Decisions;
using GovStaff.Policy.Hosting;
using GovStaff.Policy.Hosting.Tests.Notifications;
using GovStaff.Policy.Plugins;
using GovStaff.Policy.Regulation;
using GovStaff.Policy.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;
using NodaTime.Testing;

namespace GovStaff.Sample.Host.Tests;

/// <summary>
/// The plugins the sample ships in its output's <c>plugins/</c> folder, each loaded from there the way the README's
/// plugin folder example loads it, and each delivering (or storing) one message.
/// </summary>
public sealed class ShippedPluginsTest : IDisposable
{
    private static readonly Instant T0 = Instant.FromUtc(2022, 10, 18, 2, 0);
    private static readonly string Plugins = Path.Combine(SampleHost.OutputFolder, "plugins");
    private readonly string _dir = Directory.CreateTempSubdirectory("govstaff-shipped-").FullName;
    private readonly LoopbackHttpServer _http = new();
    private readonly LoopbackSmtpServer _smtp = new();

    public ShippedPluginsTest()
    {
        _smtp.Start();
        _http.Start();
    }

    public void Dispose()
    {
        _smtp.Dispose();
        _http.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Theory]
    [InlineData("GovStaff.Policy.Storage.Sqlite", "Microsoft.Data.Sqlite.dll")]
    [InlineData("GovStaff.Policy.Storage.PostgreSql", "Npgsql.dll")]
    [InlineData("GovStaff.Policy.Notifications.Webhook", "Microsoft.Extensions.Http.dll")]
    [InlineData("GovStaff.Policy.Notifications.Email", "MailKit.dll")]
    public void EachPlugin_IsShippedWithItsDependencies(string plugin, string dependency)
    {
        Assert.True(File.Exists(Path.Combine(Plugins, plugin, plugin + ".dll")), $"{plugin}.dll is not in plugins/{plugin}/");
        Assert.True(File.Exists(Path.Combine(Plugins, plugin, dependency)), $"{dependency} is not in plugins/{plugin}/");
        Assert.True(File.Exists(Path.Combine(Plugins, plugin, plugin + ".deps.json")));
    }

    [Theory]
    [InlineData("GovStaff.Policy.Storage.Sqlite")]
    [InlineData("GovStaff.Policy.Storage.PostgreSql")]
    public async Task EveryShippedPlugin_LoadsFromThePluginsFolder_AndOneMessageIsStoredAndDeliveredThroughEach(string storage)
    {
        var connection = storage.EndsWith("Sqlite", StringComparison.Ordinal)
            ? $"Data Source={Path.Combine(_dir, "store.db")}"
            : SharedPostgres.CreateDatabase();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = _dir, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GovStaffPolicy:Outbox:ImmediateRetries"] = "0",
            ["GovStaffPolicy:Plugins:Folder"] = Plugins,
            ["GovStaffPolicy:Plugins:Load:0:Name"] = storage,
            ["GovStaffPolicy:Plugins:Load:0:Settings:ConnectionString"] = connection,
            ["GovStaffPolicy:Plugins:Load:1:Name"] = "GovStaff.Policy.Notifications.Webhook",
            ["GovStaffPolicy:Plugins:Load:1:Settings:Url"] = _http.Url.ToString(),
            ["GovStaffPolicy:Plugins:Load:1:Settings:Format"] = "Generic",
            ["GovStaffPolicy:Plugins:Load:2:Name"] = "GovStaff.Policy.Notifications.Email",
            ["GovStaffPolicy:Plugins:Load:2:Settings:Host"] = "127.0.0.1",
            ["GovStaffPolicy:Plugins:Load:2:Settings:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["GovStaffPolicy:Plugins:Load:2:Settings:Security"] = "None",
            ["GovStaffPolicy:Plugins:Load:2:Settings:From"] = "noreply@spt.example",
            ["GovStaffPolicy:Plugins:Load:2:Settings:To:0"] = "zhongxin@spt.example",
        });
        builder.Services.AddLogging();
        builder.Services.AddGovStaffPolicy(builder.Configuration).UseClock(new FakeClock(T0));
        using var host = builder.Build();
        var store = host.Services.GetRequiredService<IPolicyStore>();
        await store.InitializeAsync();

        // Each came from its own folder under plugins/, in its own load context.
        var notifiers = host.Services.GetServices<INotifier>().Where(n => n.Name != "log").ToArray();
        Assert.Equal(["email", "webhook:generic"], notifiers.Select(n => n.Name).Order(StringComparer.Ordinal));
        foreach (var loaded in notifiers.Select(n => n.GetType()).Append(store.GetType()))
        {
            Assert.StartsWith(Plugins, loaded.Assembly.Location, StringComparison.Ordinal);
            Assert.NotSame(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(loaded.Assembly));
        }

        var finding = new Finding("art21.overdue", Severity.Warning, [new Citation(21)], new LocalizedText("办件超期，请督办。", "Case overdue; supervise."), "case:C1");
        var decision = new Decision("case.track", "case:C1", [finding], "shapotou-2021-trial", T0);
        var @event = new DomainEvent("case.supervise", "case:C1", Actor.For("系统", new GovStaff.Policy.Organization.ServiceBodyId("binhe-centre")), T0, new LocalDate(2022, 10, 18),
            decision.Citations, decision.PolicyVersion, finding.Message, new Dictionary<string, string>());
        await host.Services.GetRequiredService<PolicyRecorder>().RecordAsync(decision, @event);
        var queued = Assert.Single(await store.ReadOutboxAsync(OutboxState.Pending));

        Assert.Equal(1, await host.Services.GetRequiredService<OutboxDispatcher>().RunOnceAsync());
        var request = Assert.Single(_http.Requests);
        Assert.Equal(queued.MessageId.ToString(), request.Headers["X-GovStaff-Message-Id"]);
        Assert.Contains("办件超期", request.Body);
        await _smtp.WaitForMailAsync(TimeSpan.FromSeconds(10));
        var mail = Assert.Single(_smtp.Received);
        Assert.Contains("办件超期", mail.TextBody);
        Assert.Equal($"{queued.MessageId:N}@spt.example", mail.MessageId);
        Assert.Single(await store.ReadOutboxAsync(OutboxState.Delivered));
    }
}
