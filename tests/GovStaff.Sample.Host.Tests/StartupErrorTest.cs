using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using GovStaff.Policy.Testing;
namespace GovStaff.Sample.Host.Tests;

/// <summary>
/// Start-up problems are one line naming the setting or the resource, exit code 2 (configuration) or 4 (the store
/// cannot be opened), and never a stack trace — they used to abort with exit code 134.
/// </summary>
public sealed class StartupErrorTest : IDisposable
{
    // A command that records (a replay of a shipped example), so the store is opened; the catalogue records nothing.
    internal static readonly string[] Recording = ["replay", Path.Combine(AppContext.BaseDirectory, "scenarios", "binhe-leave-and-cases.json")];

    private readonly string _dir = Directory.CreateTempSubdirectory("govstaff-startup-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string, string, int, string> Cases() => new()
    {
        { "GovStaffPolicy__Outbox__BatchSize", "many", 2, "GovStaffPolicy:Outbox:BatchSize must be a whole number; got 'many'" },
        { "GovStaffPolicy__Outbox__BatchSize", "0", 2, "GovStaffPolicy:Outbox:BatchSize must be greater than 0" },
        { "GovStaffPolicy__Outbox__PollInterval", "", 2, "GovStaffPolicy:Outbox:PollInterval must be a duration such as 00:05:00; got an empty value" },
        { "GovStaffPolicy__Outbox__MaxAttempts", "0", 2, "GovStaffPolicy:Outbox:MaxAttempts must be at least 1" },
        { "GovStaffPolicy__Outbox__PollInterval", "00:00:00", 2, "GovStaffPolicy:Outbox:PollInterval must be greater than zero" },
        { "GovStaffPolicy__Outbox__Lease", "00:00:00.001", 2, "GovStaffPolicy:Outbox:Lease must be at least 00:00:01" },
        { "GovStaffPolicy__Outbox__Lease", "10675199.02:48:05", 2, "GovStaffPolicy:Outbox:Lease must be at most 1.00:00:00" },
        { "GovStaffPolicy__Monitors__Interval", "60.00:00:00", 2, "GovStaffPolicy:Monitors:Interval must be at most 1.00:00:00" },
        { "GovStaffPolicy__Outbox__BatchSiz", "3", 2, "GovStaffPolicy:Outbox:BatchSiz is not a setting" },
        { "GovStaffPolicy__Monitors__Interval", "-00:05:00", 2, "GovStaffPolicy:Monitors:Interval must be greater than zero" },
        { "GovStaffPolicy__Monitors__Enabled", "maybe", 2, "GovStaffPolicy:Monitors:Enabled must be true or false" },
        { "GovStaffPolicy__Typo", "1", 2, "GovStaffPolicy:Typo is not a setting" },
        { "GovStaffPolicy__Plugins__Folderr", "x", 2, "GovStaffPolicy:Plugins:Folderr is not a setting" },
        { "Logging__LogLevel__Default", "Loud", 2, "Logging:LogLevel:Default is 'Loud'" },
        { "GovStaffPolicy__Plugins__Load__0__Name", "../evil", 2, "Plugin '../evil': GovStaffPolicy:Plugins:Load:0:Name must be a plugin's name, not a path" },
        { "GovStaffPolicy__Plugins__Load__0__Name", "Missing.Plugin", 2, "Plugin 'Missing.Plugin': not found" },
        { "GovStaffPolicy__Outbox__ImmediateRetries", "1000000", 2, "GovStaffPolicy:Outbox:ImmediateRetries must be from 0 to 10; got 1000000." },
        { "Sample__LockTimeoutSeconds", "-1", 2, "Sample:LockTimeoutSeconds is '-1'; use whole seconds from 0 to 3600." },
        { "Sample__LockTimeoutSeconds", "3601", 2, "Sample:LockTimeoutSeconds is '3601'" },
        { "Sample__Database", "/proc/1/no-such-folder/govstaff.db", 4, "Store error / 存储错误: The store SqlitePolicyStore could not be initialised" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ABadSettingOrAnUnusableStore_IsOneLine_NamingIt(string key, string value, int exitCode, string message)
    {
        var r = SampleHost.RunIn(_dir, new Dictionary<string, string> { [key] = value }, Recording);
        Assert.Equal(exitCode, r.ExitCode);
        Assert.Contains(message, r.StdErr);
        Assert.DoesNotContain("   at ", r.StdErr);
        Assert.DoesNotContain("Unhandled exception", r.StdErr);
    }

    public static TheoryData<string, string, string> PluginCases() => new()
    {
        { "GovStaff.Policy.Notifications.Webhook", "Url=not a url", "the setting Url must be an http or https address; got 'not a url'." },
        { "GovStaff.Policy.Notifications.Webhook", "Url=file:///etc/passwd", "the setting Url must be an http or https address; got 'file:///etc/passwd'." },
        { "GovStaff.Policy.Notifications.Webhook", "Url=https://oapi.dingtalk.com/robot/send;Secrit=x", "the setting 'Secrit' is not a setting of this plugin" },
        { "GovStaff.Policy.Notifications.Webhook", "Url=https://oapi.dingtalk.com/robot/send;Timeout=00:00:00", "the setting Timeout must be more than zero" },
        { "GovStaff.Policy.Notifications.Email", "Host=smtp.example.org;Port=99999;From=office@example.org", "the setting Port must be from 1 to 65535; got 99999." },
        { "GovStaff.Policy.Notifications.Email", "Host=smtp.example.org;From=nobody", "the setting From must be an email address; got 'nobody'." },
        { "GovStaff.Policy.Notifications.Email", "Host=smtp.example.org;From=office@example.org;To:0=not an address", "the setting To:0 must be an email address" },
        { "GovStaff.Policy.Notifications.Email", "Host=;From=office@example.org", "the setting Host must be the SMTP server's name or address" },
    };

    /// <summary>A shipped plugin's settings are checked when it loads, whatever the command: one line, exit 2.</summary>
    [Theory]
    [MemberData(nameof(PluginCases))]
    public void ABadPluginSetting_IsOneLine_NamingIt_BeforeAnythingRuns(string plugin, string settings, string message)
    {
        var environment = new Dictionary<string, string> { ["GovStaffPolicy__Plugins__Load__0__Name"] = plugin };
        foreach (var pair in settings.Split(';'))
        {
            var (key, value) = (pair[..pair.IndexOf('=', StringComparison.Ordinal)], pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            environment["GovStaffPolicy__Plugins__Load__0__Settings__" + key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        foreach (var command in new[] { Recording, ["outbox", "list"], ["workdays", "is", "2022-10-08"] })
        {
            var r = SampleHost.RunIn(_dir, environment, command);
            Assert.Equal(2, r.ExitCode);
            var line = Assert.Single(r.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains($"Plugin '{plugin}'", line, StringComparison.Ordinal);
            Assert.Contains(message, line, StringComparison.Ordinal);
            Assert.Empty(r.StdOut);
        }

        Assert.False(Directory.Exists(Path.Combine(_dir, "data")));
    }

    [Fact]
    public void VersionsGivenAsAValueInsteadOfAList_IsOneLine_NamingTheKey()
    {
        var r = SampleHost.RunWithSettings(_dir, settings =>
        {
            var doc = System.Text.Json.Nodes.JsonNode.Parse(settings)!;
            doc["GovStaffPolicy"]!["Versions"] = "shapotou-2021-trial";
            return doc.ToJsonString();
        }, Recording);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("GovStaffPolicy:Versions must be a list; got the value 'shapotou-2021-trial'", r.StdErr);
        Assert.DoesNotContain("   at ", r.StdErr);
    }

    [Fact]
    public void AStoreWhoseSchemaIsNewer_IsOneLine_ExitCode4()
    {
        Assert.Equal(0, SampleHost.RunIn(_dir, Recording).ExitCode);
        using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_dir, "data", "govstaff.db")};Pooling=false"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "INSERT INTO schema_version (version) VALUES (99);";
            cmd.ExecuteNonQuery();
        }

        var r = SampleHost.RunIn(_dir, Recording);
        Assert.Equal(4, r.ExitCode);
        Assert.Contains("has schema version 99; this version of GovStaff.Policy knows up to 2", r.StdErr);
        Assert.DoesNotContain("   at ", r.StdErr);
    }

    [Fact]
    public void ADatabasePathThatIsNoDatabase_IsOneLine_ExitCode4_NamingTheFile_AndLeavesItUntouched()
    {
        var file = Path.Combine(Directory.CreateDirectory(Path.Combine(_dir, "data")).FullName, "govstaff.db");
        var notes = "这不是数据库 / not a database\n"u8.ToArray();
        File.WriteAllBytes(file, notes);
        var r = SampleHost.RunIn(_dir, Recording);
        Assert.Equal(4, r.ExitCode);
        var line = Assert.Single(r.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Store error / 存储错误:", line, StringComparison.Ordinal);
        Assert.Contains(file, line, StringComparison.Ordinal);
        Assert.Contains("not a database", line, StringComparison.Ordinal);
        Assert.Equal(notes, File.ReadAllBytes(file));
        Assert.Equal([file], Directory.GetFiles(Path.GetDirectoryName(file)!));
    }

    [Fact]
    public void ABrokenPlugin_IsOneLine_NamingIt()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir, "plugins", "Broken.Plugin")).FullName;
        File.WriteAllBytes(Path.Combine(folder, "Broken.Plugin.dll"), [0x4D, 0x5A, 0x00, 0x13, 0x37]);
        var r = SampleHost.RunIn(_dir, new Dictionary<string, string>
        {
            ["GovStaffPolicy__Plugins__Folder"] = Path.Combine(_dir, "plugins"),
            ["GovStaffPolicy__Plugins__Load__0__Name"] = "Broken.Plugin",
        }, Recording);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("Plugin 'Broken.Plugin'", r.StdErr);
        Assert.DoesNotContain("   at ", r.StdErr);
    }

    [Fact]
    public void AnAssemblyThatIsNoPlugin_IsOneLine_NamingIt()
    {
        // A real assembly in the plugin's place: the library's core has no IGovStaffPlugin.
        var folder = Directory.CreateDirectory(Path.Combine(_dir, "plugins", "GovStaff.Policy")).FullName;
        File.Copy(Path.Combine(AppContext.BaseDirectory, "GovStaff.Policy.dll"), Path.Combine(folder, "GovStaff.Policy.dll"));
        var r = SampleHost.RunIn(_dir, new Dictionary<string, string>
        {
            ["GovStaffPolicy__Plugins__Folder"] = Path.Combine(_dir, "plugins"),
            ["GovStaffPolicy__Plugins__Load__0__Name"] = "GovStaff.Policy",
        }, Recording);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("Plugin 'GovStaff.Policy'", r.StdErr);
        Assert.Contains("not a GovStaff.Policy plugin", r.StdErr);
        Assert.DoesNotContain("   at ", r.StdErr);
    }

    [Fact]
    public void AnUnreachableOrMalformedPostgreSql_IsOneLine()
    {
        var port = LoopbackPort.Free();
        var unreachable = SampleHost.RunIn(_dir, new Dictionary<string, string>
        {
            ["Sample__Storage"] = "postgresql",
            ["Sample__ConnectionString"] = $"Host=127.0.0.1;Port={port};Username=x;Database=y;Timeout=3",
        }, Recording);
        Assert.Equal(4, unreachable.ExitCode);
        Assert.Contains($"Failed to connect to 127.0.0.1:{port}", unreachable.StdErr);
        Assert.DoesNotContain("   at ", unreachable.StdErr);

        var malformed = SampleHost.RunIn(_dir, new Dictionary<string, string> { ["Sample__Storage"] = "postgresql", ["Sample__ConnectionString"] = "Host==;;x" }, Recording);
        Assert.Equal(2, malformed.ExitCode);
        Assert.Contains("Sample:ConnectionString is not a valid Npgsql connection string", malformed.StdErr);
        Assert.DoesNotContain("   at ", malformed.StdErr);
    }
}

/// <summary>
/// A SQLite file another connection holds locked: the host says it waits, waits Sample:LockTimeoutSeconds (1 s here,
/// 30 by default), then says so in one line.
/// </summary>
public sealed class LockedSqliteTest : IDisposable
{
    private static readonly string[] Recording = StartupErrorTest.Recording;

    private readonly string _dir = Directory.CreateTempSubdirectory("govstaff-locked-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void ALockedDatabase_IsOneLine_ExitCode4_AfterABoundedWait()
    {
        Assert.Equal(0, SampleHost.RunIn(_dir, Recording).ExitCode); // creates the file and its tables
        using var holder = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_dir, "data", "govstaff.db")};Pooling=false");
        holder.Open();
        using (var begin = holder.CreateCommand())
        {
            begin.CommandText = "BEGIN EXCLUSIVE;";
            begin.ExecuteNonQuery();
        }

        var r = SampleHost.RunIn(_dir, new Dictionary<string, string> { ["Sample__LockTimeoutSeconds"] = "1" }, Recording);
        Assert.Equal(4, r.ExitCode);
        Assert.Contains("is locked by another process; waiting up to 1 s", r.StdErr);
        Assert.Contains("database is locked", r.StdErr);
        Assert.DoesNotContain("   at ", r.StdErr);
        Assert.DoesNotContain("Unhandled", r.StdErr);
    }
}

/// <summary>A background service that dies while a command runs is reported by name, not hidden behind exit code 0.</summary>
public sealed class BackgroundFailureTest
{
    private sealed class Dying : Microsoft.Extensions.Hosting.BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.FromException(new InvalidOperationException("the outbox table is gone"));
    }

    private sealed class Healthy : Microsoft.Extensions.Hosting.BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Delay(Timeout.Infinite, stoppingToken);
    }

    [Fact]
    public async Task AFailedBackgroundService_IsNamedWithItsCause_AHealthyOneIsNot()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddHostedService<Dying>();
        builder.Services.AddHostedService<Healthy>();
        using var host = builder.Build();
        await host.StartAsync();
        // The failure stops the host (BackgroundServiceExceptionBehavior.StopHost); wait for that, as a command would run on.
        var stopping = new TaskCompletionSource();
        host.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>().ApplicationStopping.Register(stopping.SetResult);
        await stopping.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var failures = BackgroundFailures.Find(host.Services);
        await host.StopAsync();
        Assert.Equal(["Dying: the outbox table is gone"], failures);
    }
}
