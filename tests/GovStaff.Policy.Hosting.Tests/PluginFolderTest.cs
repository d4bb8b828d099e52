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

/// <summary>
/// The SQLite store and the webhook notifier in a plugins folder, as a deployment has them: copies of what the build
/// publishes once into the sample host's plugins/ (this project references the sample for that, not its code), so the
/// tests may add to the folder without touching the build's.
/// </summary>
public sealed class PublishedPlugins : IDisposable
{
    public PublishedPlugins()
    {
        Folder = Directory.CreateTempSubdirectory("govstaff-plugins-").FullName;
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var repo = here.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var shipped = Path.Combine(repo, "samples", "GovStaff.Sample.Host", "bin", here.Parent.Name, here.Name, "plugins");
        foreach (var name in new[] { "GovStaff.Policy.Storage.Sqlite", "GovStaff.Policy.Notifications.Webhook" })
        {
            var from = Path.Combine(shipped, name);
            if (!Directory.Exists(from))
            {
                throw new InvalidOperationException($"{from} is missing: build the solution (the sample host's build publishes the plugins).");
            }

            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var to = Path.Combine(Folder, name, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(file, to);
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
    public void APluginBuiltForAnotherContract_ReportsItsOwn_AndIsRefused()
    {
        // The interface has no default: a default member ran in the host's copy of the abstractions and so always
        // reported the host's version, whatever the plugin was built for.
        Assert.True(typeof(IGovStaffPlugin).GetProperty(nameof(IGovStaffPlugin.ContractVersion))!.GetMethod!.IsAbstract);
        foreach (var shipped in new[] { typeof(GovStaff.Policy.Storage.Sqlite.SqliteStoragePlugin), typeof(GovStaff.Policy.Storage.PostgreSql.PostgreSqlStoragePlugin),
                     typeof(GovStaff.Policy.Notifications.Webhook.WebhookNotificationPlugin), typeof(GovStaff.Policy.Notifications.Email.EmailNotificationPlugin) })
        {
            Assert.NotNull(shipped.GetProperty(nameof(IGovStaffPlugin.ContractVersion), System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly));
        }

        // A plugin compiled for contract 2, as a future plugin in an older host would be.
        var folder = Directory.CreateDirectory(Path.Combine(plugins.Folder, "FuturePlugin")).FullName;
        var code = """
            public sealed class FuturePlugin : GovStaff.Policy.Hosting.IGovStaffPlugin
            {
                public int ContractVersion => 2;
                public void Register(GovStaff.Policy.Hosting.GovStaffPolicyBuilder builder, Microsoft.Extensions.Configuration.IConfiguration settings) { }
            }
            """;
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(p => Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(p));
        using var dll = File.Create(Path.Combine(folder, "FuturePlugin.dll"));
        var emitted = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("FuturePlugin", [Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(code)], references,
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary)).Emit(dll);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        dll.Close();

        var e = Assert.Throws<PluginLoadException>(() => Build("""[ { "Name": "FuturePlugin" } ]"""));
        Assert.Equal("FuturePlugin", e.Plugin);
        Assert.Contains("FuturePlugin was built for plugin contract 2; this host speaks 1.", e.Message);
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
