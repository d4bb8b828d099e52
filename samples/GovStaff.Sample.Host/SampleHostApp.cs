using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace GovStaff.Sample.Host;

/// <summary>
/// The sample host's one entry point: the composition root and the command line, for a process (Program.cs) and for
/// tests that run it in process. Everything it reads and writes goes through the <see cref="SampleHostRun"/>.
/// </summary>
internal static class SampleHostApp
{
    /// <summary>Runs one command line; returns its exit code (<see cref="ExitCodes"/>).</summary>
    public static async Task<int> RunAsync(string[] args, SampleHostRun run)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(run);
        // The host reads appsettings.json beside the executable, whatever the working directory; the command line is parsed
        // by System.CommandLine below, not by the configuration system.
        HostApplicationBuilder builder;
        try
        {
            // A command line reads its settings once: no file watcher on appsettings.json.
            var initial = new ConfigurationManager();
            initial.AddInMemoryCollection([new("hostBuilder:reloadConfigOnChange", "false")]);
            builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = run.ContentRoot, Configuration = initial });
            builder.Configuration.AddInMemoryCollection(run.Settings);
        }
        catch (InvalidDataException e)
        {
            // A malformed appsettings.json: say which file, line and place instead of a stack trace.
            var json = e.InnerException?.InnerException as System.Text.Json.JsonException ?? e.InnerException as System.Text.Json.JsonException;
            var where = json is { LineNumber: { } line } ? $", line {line + 1}, position {json.BytePositionInLine + 1}" : string.Empty;
            var problem = json?.Message.Split(" LineNumber:", 2)[0].Split(" Path:", 2)[0] ?? e.InnerException?.Message ?? e.Message;
            await run.Error.WriteLineAsync($"Configuration error / 配置错误: {Path.Combine(run.ContentRoot, "appsettings.json")}{where}: {problem}");
            return ExitCodes.BadInput;
        }

        // A log level the logging system cannot read would abort the host with a stack trace when it first logs: refuse it here.
        foreach (var (key, value) in builder.Configuration.GetSection("Logging").AsEnumerable())
        {
            if (value is { Length: > 0 } && key.Contains(":LogLevel:", StringComparison.OrdinalIgnoreCase) && !Enum.TryParse<LogLevel>(value, ignoreCase: true, out _))
            {
                await run.Error.WriteLineAsync($"Configuration error / 配置错误: {key} is '{value}'; use one of {string.Join(", ", Enum.GetNames<LogLevel>())}.");
                return ExitCodes.BadInput;
            }
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new WriterLoggerProvider(run.Error)); // stdout stays for command output
        // A host that fails to start logs the exception with its stack trace; the composition root below says it in one line.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);

        // The composition root is the one place that chooses the wall clock and the store. The embedded default store is a
        // SQLite file in a local data folder (relative to the working directory; Sample:Database overrides it); with
        // Sample:Storage=postgresql (or the environment variable Sample__Storage) it is the server in Sample:ConnectionString.
        GovStaff.Policy.Hosting.GovStaffPolicyBuilder policy;
        try
        {
            policy = builder.Services.AddGovStaffPolicy(builder.Configuration).UseClock(SystemClock.Instance);
        }
        catch (GovStaff.Policy.Hosting.PluginLoadException e)
        {
            // A missing, broken or misplaced plugin: one line naming it and the cause.
            await run.Error.WriteLineAsync("Configuration error / 配置错误: " + e.Message);
            return ExitCodes.BadInput;
        }

        // A storage plugin loaded from the plugins folder is the store; choosing one here as well would be two answers.
        var pluginStore = builder.Services.Any(d => d.ServiceType == typeof(GovStaff.Policy.Plugins.IPolicyStore));
        if (pluginStore && builder.Configuration["Sample:Storage"] is { Length: > 0 })
        {
            await run.Error.WriteLineAsync("Configuration error / 配置错误: GovStaffPolicy:Plugins:Load loads a storage plugin and Sample:Storage chooses a store too; keep one.");
            return ExitCodes.BadInput;
        }

        var lockTimeout = 30;
        switch (pluginStore ? "plugin" : builder.Configuration["Sample:Storage"]?.Trim().ToLowerInvariant() ?? "sqlite")
        {
            case "plugin":
                break;
            case "sqlite":
                var database = Path.GetFullPath(builder.Configuration["Sample:Database"] ?? Path.Combine("data", "govstaff.db"), run.WorkingDirectory);
                // How long a write waits for another process's lock on the file before the command gives up (exit 4).
                var wait = builder.Configuration["Sample:LockTimeoutSeconds"] ?? "30";
                if (!int.TryParse(wait, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out lockTimeout) || lockTimeout > 3600)
                {
                    await run.Error.WriteLineAsync($"Configuration error / 配置错误: Sample:LockTimeoutSeconds is '{wait}'; use whole seconds from 0 to 3600.");
                    return ExitCodes.BadInput;
                }

                policy.UseSqliteStorage(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = database, DefaultTimeout = lockTimeout }.ToString());
                break;
            case "postgresql" when builder.Configuration["Sample:ConnectionString"] is { Length: > 0 } connectionString && !string.IsNullOrWhiteSpace(connectionString):
                try
                {
                    policy.UsePostgreSqlStorage(connectionString);
                }
                catch (ArgumentException e)
                {
                    await run.Error.WriteLineAsync($"Configuration error / 配置错误: Sample:ConnectionString is not a valid Npgsql connection string: {e.Message}");
                    return ExitCodes.BadInput;
                }

                break;
            case "postgresql":
                await run.Error.WriteLineAsync("Configuration error / 配置错误: Sample:Storage is postgresql but Sample:ConnectionString is empty.");
                return ExitCodes.BadInput;
            case var other:
                await run.Error.WriteLineAsync($"Configuration error / 配置错误: Sample:Storage is '{other}'; use sqlite or postgresql.");
                return ExitCodes.BadInput;
        }

        // A roster the main job seeds from is read once, here, before the host starts: a malformed one writes nothing at all
        // (the store is not even created), and a good one reaches the main job as a service.
        var rosterAt = Array.IndexOf(args, "--roster");
        if (rosterAt >= 0 && rosterAt + 1 < args.Length)
        {
            var (seed, problems) = GovStaff.Sample.Host.Roster.RosterCommand.Load(run.File(args[rosterAt + 1]));
            if (seed is null)
            {
                GovStaff.Sample.Host.Roster.RosterCommand.Report(problems, run.Error);
                return ExitCodes.BadInput;
            }

            builder.Services.AddSingleton(new GovStaff.Sample.Host.Roster.RosterSeed(seed));
        }

        builder.Services.AddSingleton<StorePreparation>();
        builder.Services.AddSingleton<IHostLifetime>(services => new RunLifetime(run, services.GetRequiredService<IHostApplicationLifetime>()));
        using var host = builder.Build();
        // Commands that record nothing do not start the host: starting it initialises the store, which would create the
        // database file (and its folder) for a command that never writes to it.
        var recordsNothing = args.Length > 0 && (args[0] is "workdays" or "graph" or "catalogue" or "roster" || (args[0] == "replay" && args.Any(a => a is "--no-store" or "--check")) ||
            args.Any(a => a is "--help" or "-h" or "-?" or "--version"));
        // Only the main job and serve run the background services (the outbox dispatcher, the monitors): a command that
        // reads or records on its own must not deliver the district's notifications through whatever its shell names.
        var runsServices = !recordsNothing && (args.Length == 0 || args[0].StartsWith('-') || args[0] == "serve");
        // A command that only reads a store finds nothing in one that does not exist, and creates none.
        var readsOnly = args.Length > 0 && args[0] is "report" or "outbox";
        var preparation = host.Services.GetRequiredService<StorePreparation>();
        try
        {
            // Validate the settings before starting, so a bad one is this message alone and not also the host's stack trace.
            _ = host.Services.GetRequiredService<IOptions<GovStaff.Policy.Hosting.GovStaffPolicyOptions>>().Value;
            if (!recordsNothing)
            {
                var store = host.Services.GetService<GovStaff.Policy.Plugins.IPolicyStore>();
                if (store is GovStaff.Policy.Storage.Sqlite.SqlitePolicyStore sqlite)
                {
                    if (readsOnly && !File.Exists(sqlite.DataSource))
                    {
                        await run.Error.WriteLineAsync($"error: {sqlite.DataSource} does not exist: nothing is stored yet; run the main job first (no arguments).");
                        return ExitCodes.NoData;
                    }

                    await SqliteLock.SayIfHeldAsync(sqlite.DataSource, lockTimeout, run.Error);
                }

                if (runsServices)
                {
                    await host.StartAsync();
                }
                else if (args[0] != "replay")
                {
                    // The store is prepared as a start would, without the outbox dispatcher or the monitors; a replay
                    // prepares it once its files have been read (ReplayCommand), so a malformed one creates nothing.
                    await preparation.PrepareAsync(CancellationToken.None);
                }
            }
        }
        catch (InvalidOperationException e) when (IsUnpreparedStore(e))
        {
            return await UnpreparedStoreAsync(e);
        }
        catch (OptionsValidationException e)
        {
            await run.Error.WriteLineAsync("Configuration error / 配置错误:");
            foreach (var failure in e.Failures)
            {
                await run.Error.WriteLineAsync("  " + failure);
            }

            return ExitCodes.BadInput;
        }

        var root = SampleCommands.Build(host.Services, run);
        var parsed = root.Parse(args);
        int code;
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await run.Error.WriteLineAsync(error.Message);
            }

            await run.Error.WriteLineAsync("Run with --help for usage.");
            code = ExitCodes.BadInput;
        }
        else
        {
            try
            {
                // Signals are the run's (Program.cs): System.CommandLine's own handling would return 130 after two seconds
                // while the command carried on writing.
                code = await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = run.Out, Error = run.Error, ProcessTerminationTimeout = null }, run.Stopping);
            }
            catch (OperationCanceledException) when (run.Stopping.IsCancellationRequested)
            {
                await run.Error.WriteLineAsync("Stopped / 已停止 (Ctrl+C or SIGTERM): what was committed is kept and nothing half-written — a replay recorded nothing of its file, the main job keeps its whole days and delivered messages; run the command again to carry on / 已提交的数据完整保留，重新运行即可继续");
                code = ExitCodes.Stopped;
            }
            catch (InvalidOperationException e) when (IsUnpreparedStore(e))
            {
                code = await UnpreparedStoreAsync(e);
            }
            catch (Exception e) when (e is System.Data.Common.DbException or GovStaff.Policy.Plugins.ConcurrencyException or TimeoutException ||
                                      e.GetBaseException() is System.Data.Common.DbException or System.Net.Sockets.SocketException or IOException)
            {
                // The store went away or stayed locked (another process holding the SQLite file past Sample:LockTimeoutSeconds, a
                // PostgreSQL server killed mid-run): one line, the store named. What was committed before is whole; a replay
                // records all of a file or nothing, so running the command again completes it.
                var store = host.Services.GetService<GovStaff.Policy.Plugins.IPolicyStore>();
                await run.Error.WriteLineAsync($"Store error / 存储错误: {e.GetBaseException().Message.ReplaceLineEndings(" ")} ({(store is null ? "no store" : StoreDescription.Of(store))}); nothing half-written was kept — run the command again.");
                code = ExitCodes.StoreUnavailable;
            }
        }

        if (runsServices)
        {
            foreach (var failure in BackgroundFailures.Find(host.Services))
            {
                await run.Error.WriteLineAsync("Background service error / 后台服务错误: " + GovStaff.Policy.Reporting.PersonalData.MaskText(failure));
                code = code == ExitCodes.Ok ? ExitCodes.BackgroundServiceFailed : code;
            }

            await host.StopAsync();
        }

        await preparation.StopAsync();
        return code;

        static bool IsUnpreparedStore(InvalidOperationException e) => e.Message.StartsWith("The store ", StringComparison.Ordinal);

        // The store could not be opened or prepared: say which and why, in one line.
        async Task<int> UnpreparedStoreAsync(InvalidOperationException e)
        {
            await run.Error.WriteLineAsync("Store error / 存储错误: " + e.Message.ReplaceLineEndings(" ") + " " + StoreDescription.Of(host.Services.GetRequiredService<GovStaff.Policy.Plugins.IPolicyStore>()));
            return ExitCodes.StoreUnavailable;
        }
    }
}
