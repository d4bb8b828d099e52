using System.Diagnostics;
using System.Runtime.Loader;
using GovStaff.Policy.Hosting.Tests.Notifications;
using GovStaff.Policy.Plugins;
using GovStaff.Policy.Serialization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;
using NodaTime.Testing;

namespace GovStaff.Policy.Hosting.Tests;

/// <summary>Publishes the SQLite store and the webhook notifier into a plugins folder, as a deployment would.</summary>
public sealed class PublishedPlugins : IDisposable
{
    public PublishedPlugins()
    {
        Folder = Directory.CreateTempSubdirectory("govstaff-plugins-").FullName;
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = here.Parent!.Name;
        var repo = here.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        foreach (var name in new[] { "GovStaff.Policy.Storage.Sqlite", "GovStaff.Policy.Notifications.Webhook" })
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "publish", Path.Combine(repo, "src", name, name + ".csproj"), "-c", configuration, "--no-build", "-o", Path.Combine(Folder, name), "-nologo" })
            {
                start.ArgumentList.Add(a);
            }

            using var p = Process.Start(start)!;
            var output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0)
            {
                throw new InvalidOperationException($"Publishing {name} failed: {output}");
            }
        }
    }

    public string Folder { get; }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

public sealed class PluginFolderTest(PublishedPlugins plugins) : IClassFixture<PublishedPlugins>, IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("govstaff-app-").FullName;
    private readonly LoopbackHttpServer _server = new();

    public void Dispose()
    {
        _server.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    private IHost Build(string pluginsJson)
    {
        File.WriteAllText(Path.Combine(_root, "appsettings.json"), $$"""
            {
              "GovStaffPolicy": {
                "Outbox": { "ImmediateRetries": 0 },
                "Plugins": {
                  "Folder": "{{plugins.Folder.Replace("\\", "\\\\", StringComparison.Ordinal)}}",
                  "Load": {{pluginsJson}}
                }
              }
            }
            """);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = _root });
        builder.Services.AddGovStaffPolicy(builder.Configuration)
            .UseClock(new FakeClock(new LocalDateTime(2022, 12, 27, 10, 0).InZoneStrictly(Calendars.OfficeHours.ChinaZone).ToInstant()));
        return builder.Build();
    }

    [Fact]
    public async Task AHostBuiltFromAppsettingsAlone_LoadsTheSqliteStoreAndAWebhookFromThePluginsFolder_AndRunsTheMonitors()
    {
        _server.Start();
        using var host = Build($$"""
            [
              { "Name": "GovStaff.Policy.Storage.Sqlite", "Settings": { "ConnectionString": "Data Source={{Path.Combine(_root, "data", "store.db")}}" } },
              { "Name": "GovStaff.Policy.Notifications.Webhook", "Settings": { "Url": "{{_server.Url}}", "Format": "DingTalk", "Secret": "s" } }
            ]
            """);
        await host.StartAsync();
        try
        {
            var store = host.Services.GetRequiredService<IPolicyStore>();
            Assert.Equal("SqlitePolicyStore", store.GetType().Name);
            Assert.NotSame(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(store.GetType().Assembly)); // its own context
            Assert.StartsWith(plugins.Folder, store.GetType().Assembly.Location, StringComparison.Ordinal);
            Assert.Contains(host.Services.GetServices<INotifier>(), n => n.Name == "webhook:dingtalk");
            Assert.True(File.Exists(Path.Combine(_root, "data", "store.db")));

            // 27 Dec 2022 is in the last working days of 2022Q4: the host's own monitors raise the quarter-end reminder
            // and its outbox delivers it, with nothing called by hand.
            var deadline = DateTime.UtcNow.AddSeconds(20); // test timeout only; the host uses its injected clock
            while (_server.Requests.IsEmpty && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            var (url, body, _) = Assert.Single(_server.Requests);
            Assert.Contains("sign=", url);
            Assert.Contains("2022Q4", body);
            Assert.Equal(0, await host.Services.GetRequiredService<PolicyMonitors>().RunOnceAsync()); // raised once only
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public void AMissingPlugin_StopsTheHost_NamingItAndWhereItWasLookedFor()
    {
        var e = Assert.Throws<PluginLoadException>(() => Build("""[ { "Name": "GovStaff.Policy.Storage.Oracle" } ]"""));
        Assert.Equal("GovStaff.Policy.Storage.Oracle", e.Plugin);
        Assert.Contains("not found", e.Message);
        Assert.Contains("GovStaff.Policy.Storage.Oracle.dll", e.Message);
    }

    [Fact]
    public void AnAssemblyThatIsNotAPlugin_StopsTheHost()
    {
        var fake = Path.Combine(plugins.Folder, "NotAPlugin");
        Directory.CreateDirectory(fake);
        File.Copy(typeof(Regulation.Citation).Assembly.Location, Path.Combine(fake, "NotAPlugin.dll"), overwrite: true);
        var e = Assert.Throws<PluginLoadException>(() => Build("""[ { "Name": "NotAPlugin" } ]"""));
        Assert.Equal("NotAPlugin", e.Plugin);
        Assert.Contains("contains no public class implementing IGovStaffPlugin", e.Message);
    }

    [Fact]
    public void APluginWithABadSetting_StopsTheHost_NamingTheCause()
    {
        var e = Assert.Throws<PluginLoadException>(() => Build("""[ { "Name": "GovStaff.Policy.Storage.Sqlite", "Settings": { } } ]"""));
        Assert.Equal("GovStaff.Policy.Storage.Sqlite", e.Plugin);
        Assert.Contains("ConnectionString is missing", e.Message);
    }
}
