using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.Json;
using GovStaff.Policy.Hosting.Tests.Notifications;
using GovStaff.Policy.Testing;
using GovStaff.Policy.Tests.Support;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace GovStaff.Sample.Host.Tests;

/// <summary>
/// The named set of tests that need the sample host as a real process; every other test runs it in process through
/// <see cref="SampleHost"/>. Each nests here and says why: a kill mid-write (<see cref="SqliteReplayKilled"/>,
/// <see cref="PostgreSqlReplayKilled"/>, <see cref="PostgreSqlServerKilled"/>), two processes on one database
/// (<see cref="TwoMainJobsOnSqlite"/>, <see cref="TwoMainJobsOnPostgreSql"/>), the exit code of a failure nothing
/// catches (<see cref="MutantsAsProcesses"/>), a signal (<see cref="ServeUntilSigterm"/>, <see cref="MainJobStopped"/>,
/// and <see cref="ReplayKilled"/>'s SIGTERM), and the proof that a run in
/// process is a run as a process (<see cref="SameAsInProcess"/>). The classes run in
/// parallel with each other; <c>--filter FullyQualifiedName~RealProcessTest</c> runs just them.
/// </summary>
public static class RealProcessTest
{
    /// <summary>
    /// Crash safety: a replay is killed with SIGKILL part-way — a real process, because a kill is what this proves; the
    /// runs before and after it are in process —; the record is all or nothing, so the store holds none of the file, and
    /// replaying the file again records it exactly as an uninterrupted run, without duplicating anything. Run against the
    /// embedded SQLite file with the suite's one large replay (20,000 actions) and against a PostgreSQL server with a file
    /// just past 500 actions, where replays once committed their first chunk.
    /// </summary>
    public abstract class ReplayKilled : IDisposable
    {
        private readonly string _dir = Directory.CreateTempSubdirectory("govstaff-crash-").FullName;

        /// <summary>One store for one run of the host: where it runs, its configuration, and how to read the audit back.</summary>
        protected sealed record Target(string WorkingDirectory, IReadOnlyDictionary<string, string> Environment, Func<List<AuditRow>> Audit);

        public virtual void Dispose()
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_dir, recursive: true);
            GC.SuppressFinalize(this);
        }

        /// <summary>A fresh, empty store and a working directory of its own.</summary>
        protected abstract Target NewTarget(string workingDirectory);

        /// <summary>How many actions the file holds.</summary>
        protected abstract int Actions { get; }

        /// <summary>How many decisions the killed run prints before the kill: past 500, where replays once committed a first chunk.</summary>
        protected abstract int KillAfterLines { get; }

        [Fact]
        public void AReplayKilledMidRun_RecordsNothing_AndReplayingAgainRecordsItAllOnce()
        {
            var scenario = WriteLargeScenario();

            // The complete replay in a folder of its own: what the store must hold in the end.
            var reference = NewTarget(Directory.CreateDirectory(Path.Combine(_dir, "reference")).FullName);
            var full = SampleHost.RunIn(reference.WorkingDirectory, reference.Environment, "replay", scenario);
            Assert.True(full.ExitCode == 0, full.StdErr);
            Assert.Equal(Actions, full.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
            var expected = reference.Audit();
            Assert.True(expected.Count >= Actions);

            // Kill the second one once it has printed that many decisions: none of the file is recorded.
            var crashed = NewTarget(Directory.CreateDirectory(Path.Combine(_dir, "crashed")).FullName);
            KillAfter(crashed, scenario, KillAfterLines);
            Assert.Empty(crashed.Audit());

            // Replaying the same file records it whole, as the uninterrupted run did.
            var resumed = SampleHost.RunIn(crashed.WorkingDirectory, crashed.Environment, "replay", scenario);
            Assert.Equal(0, resumed.ExitCode);
            var after = crashed.Audit();
            Assert.Equal(expected.Select(a => a.Key), after.Select(a => a.Key));
            Assert.Equal(Enumerable.Range(1, after.Count).Select(n => (long)n), after.Select(a => a.Sequence));
            Assert.All(after, a => JsonDocument.Parse(a.Json).Dispose()); // every entry whole

            // And once more: nothing added.
            var again = SampleHost.RunIn(crashed.WorkingDirectory, crashed.Environment, "replay", scenario);
            Assert.Equal(0, again.ExitCode);
            Assert.Contains("recorded 0 audit entries", again.StdErr);
            Assert.Equal(after.Count, crashed.Audit().Count);
        }

        [Fact]
        public async Task AReplayStoppedBySigterm_ExitsWith143_AndRecordsNothingOfItsFile()
        {
            // A real process, because a signal is what this proves.
            var scenario = WriteLargeScenario();
            var target = NewTarget(Directory.CreateDirectory(Path.Combine(_dir, "stopped")).FullName);
            using var process = SampleHost.Start(target.WorkingDirectory, target.Environment, "replay", scenario);
            var stderr = process.StandardError.ReadToEndAsync();
            for (var seen = 0; seen < KillAfterLines; seen++)
            {
                Assert.NotNull(await process.StandardOutput.ReadLineAsync());
            }

            Assert.Equal(0, Mono.Unix.Native.Syscall.kill(process.Id, Mono.Unix.Native.Signum.SIGTERM));
            var rest = process.StandardOutput.ReadToEndAsync(); // drained, so a full pipe cannot keep it from seeing the signal
            using (var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
            {
                await process.WaitForExitAsync(bound.Token); // a bound for the test only, not a timing assertion
            }

            await rest;
            var errors = await stderr;
            Assert.True(process.ExitCode == 143, $"exit {process.ExitCode}: {errors}");
            Assert.Contains("Stopped / 已停止 (Ctrl+C or SIGTERM)", errors, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
            Assert.Empty(target.Audit());
        }

        private string WriteLargeScenario()
        {
            var example = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "scenarios", "binhe-leave-and-cases.json")))!;
            var levels = new[] { "verySatisfied", "satisfied", "basicallySatisfied", "dissatisfied" };
            var actions = new JsonArray();
            for (var i = 0; i < Actions; i++)
            {
                var day = new DateOnly(2022, 10, 10).AddDays(i * 80 / Actions);
                var level = levels[i % levels.Length];
                var action = new JsonObject
                {
                    ["type"] = "rate",
                    ["at"] = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    ["id"] = $"R{i}",
                    ["body"] = "binhe-centre",
                    ["staff"] = "he-jing",
                    ["level"] = level,
                };
                if (level == "dissatisfied")
                {
                    action["reason"] = "等候时间长";
                }

                actions.Add(action);
            }

            var scenario = new JsonObject
            {
                ["name"] = "large replay for the crash test",
                ["network"] = example["network"]!.DeepClone(),
                ["actions"] = actions,
            };
            var path = Path.Combine(_dir, "large.json");
            File.WriteAllText(path, scenario.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            return path;
        }

        private static void KillAfter(Target target, string scenario, int lines)
        {
            // The file's remaining decisions are far more than a pipe holds: unread, they keep the process from finishing.
            using var process = SampleHost.Start(target.WorkingDirectory, target.Environment, "replay", scenario);
            _ = process.StandardError.ReadToEndAsync();
            for (var seen = 0; seen < lines; seen++)
            {
                Assert.NotNull(process.StandardOutput.ReadLine());
            }

            Assert.False(process.HasExited);
            process.Kill(); // SIGKILL on Linux: no finally blocks, no flush, no clean shutdown
            process.WaitForExit();
        }
    }

    /// <summary>The crash test on the embedded default: the SQLite file in data/ under the working directory.</summary>
    public sealed class SqliteReplayKilled : ReplayKilled
    {
        protected override int Actions => 20_000;

        protected override int KillAfterLines => 6_000;

        protected override Target NewTarget(string workingDirectory) =>
            new(workingDirectory, new Dictionary<string, string>(), () => StoredAudit.ReadSqlite(workingDirectory));
    }

    /// <summary>The crash test on PostgreSQL: a fresh database on the tests' throwaway server for each run.</summary>
    public sealed class PostgreSqlReplayKilled : ReplayKilled
    {
        protected override int Actions => 2_000;

        protected override int KillAfterLines => 600;

        protected override Target NewTarget(string workingDirectory)
        {
            var connectionString = SharedPostgres.CreateDatabase();
            var environment = new Dictionary<string, string> { ["Sample__Storage"] = "postgresql", ["Sample__ConnectionString"] = connectionString };
            return new(workingDirectory, environment, () =>
            {
                using var c = new NpgsqlConnection(connectionString);
                return StoredAudit.Read(c);
            });
        }

    }

    /// <summary>
    /// The PostgreSQL server killed with SIGKILL (fsync on) while a replay runs: the client exits with one clear line, no
    /// stack trace; after a restart the database holds every commit that was acknowledged — here none of the file, which
    /// is recorded all or nothing — and replaying again records the file exactly once.
    /// </summary>
    public sealed class PostgreSqlServerKilled : IAsyncLifetime, IDisposable
    {
        // Small, because what this proves is the client's exit and the server's recovery, not size; far more decisions
        // than a pipe holds, so the client is still running when the server dies.
        private const int Actions = 2_000;

        // A server of its own, since this test kills it; fsync on, so every acknowledged commit is on disk.
        private readonly ThrowawayPostgres _postgres = new(fsync: true);
        private readonly string _dir = Directory.CreateTempSubdirectory("govstaff-pgkill-").FullName;

        public Task InitializeAsync() => _postgres.StartAsync();

        public Task DisposeAsync() => _postgres.StopAsync();

        public void Dispose() => Directory.Delete(_dir, recursive: true);

        [Fact]
        public async Task TheServerKilledMidReplay_IsOneLine_AndTheReplayCompletesAfterARestart()
        {
            if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("GOVSTAFF_TEST_POSTGRES")))
            {
                return; // a server this test did not start cannot be killed
            }

            var connectionString = await _postgres.CreateDatabaseAsync();
            var environment = new Dictionary<string, string> { ["Sample__Storage"] = "postgresql", ["Sample__ConnectionString"] = connectionString };
            var scenario = Path.Combine(_dir, "large.json");
            var example = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "scenarios", "binhe-leave-and-cases.json")))!.AsObject();
            var actions = new JsonArray();
            for (var i = 0; i < Actions; i++)
            {
                actions.Add(new JsonObject { ["type"] = "rate", ["at"] = "2022-10-10", ["id"] = $"R{i}", ["body"] = "binhe-centre", ["level"] = "satisfied" });
            }

            example["actions"] = actions;
            File.WriteAllText(scenario, example.ToJsonString());

            using (var process = SampleHost.Start(_dir, environment, "replay", scenario))
            {
                var stderr = process.StandardError.ReadToEndAsync();
                for (var seen = 0; seen < 800; seen++) // past 500, where replays once committed their first chunk
                {
                    Assert.NotNull(process.StandardOutput.ReadLine());
                }

                _postgres.Kill();
                _ = process.StandardOutput.ReadToEndAsync();
                Assert.True(process.WaitForExit(120_000), "the client did not exit after the server died");
                var error = await stderr;
                Assert.Equal(4, process.ExitCode);
                var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("Store error", StringComparison.Ordinal));
                Assert.Contains("run the command again", line);
                Assert.DoesNotContain("   at ", error);
            }

            await _postgres.RestartAsync();
            List<AuditRow> Audit()
            {
                using var c = new NpgsqlConnection(connectionString);
                return StoredAudit.Read(c);
            }

            Assert.Empty(Audit()); // nothing was acknowledged: the file is recorded all or nothing

            var again = SampleHost.RunIn(_dir, environment, "replay", scenario);
            Assert.True(again.ExitCode == 0, again.StdErr);
            var stored = Audit();
            Assert.Equal(Actions, stored.Count(a => a.Kind == "decision:rating.record"));
            Assert.Equal(stored.Count, stored.Select(a => a.Key).Distinct().Count());
            Assert.Contains("recorded 0 audit entries", SampleHost.RunIn(_dir, environment, "replay", scenario).StdErr);
        }
    }

    /// <summary>Two main jobs started at once on one SQLite file: both exit 0 and the file holds what one run leaves.</summary>
    public sealed class TwoMainJobsOnSqlite : IDisposable
    {
        private static readonly Dictionary<string, string> NoEnvironment = [];

        private readonly string _dir = Directory.CreateTempSubdirectory("govstaff-main-two-").FullName;

        public void Dispose()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_dir, recursive: true);
        }

        [Fact]
        public async Task TwoMainJobsAtOnce_OnOneSqliteFile_BothExit0_AndLeaveWhatOneRunLeaves()
        {
            var together = Directory.CreateDirectory(Path.Combine(_dir, "together")).FullName;
            // Two processes, because that is what two jobs on one file are: each with its own connection pool and locks.
            var runs = await Task.WhenAll(Task.Run(() => SampleHost.RunProcess(together, NoEnvironment)), Task.Run(() => SampleHost.RunProcess(together, NoEnvironment)));
            Assert.All(runs, r => Assert.True(r.ExitCode == 0, r.StdErr));
            Assert.All(runs, r => Assert.DoesNotContain("Unhandled", r.StdErr));
            // What one run leaves: the quarter simulated once for the assembly.
            var single = SimulatedQuarter.Shared;

            var both = StoredAudit.ReadSqlite(together);
            var one = StoredAudit.ReadSqlite(single.Dir);
            Assert.Equal(one.Count, both.Count);
            Assert.Equal(one.Select(a => a.Kind).Order(StringComparer.Ordinal), both.Select(a => a.Kind).Order(StringComparer.Ordinal));
            Assert.Equal(Enumerable.Range(1, both.Count).Select(n => (long)n), both.Select(a => a.Sequence));
            // Both print the stored quarter, the same as a run on its own.
            string Report(string output) => string.Join('\n', output.Split('\n').SkipWhile(l => !l.Contains("全区", StringComparison.Ordinal)).Where(l => !l.StartsWith("Done in", StringComparison.Ordinal) && !l.StartsWith("Notifications:", StringComparison.Ordinal)));
            Assert.All(runs, r => Assert.Equal(Report(single.MainOutput), Report(r.StdOut)));
        }
    }

    /// <summary>Two main jobs started at once on one PostgreSQL database: both exit 0 and the database holds what one run leaves.</summary>
    public sealed class TwoMainJobsOnPostgreSql : IDisposable
    {
        private readonly string _dir = Directory.CreateTempSubdirectory("govstaff-main-pg-").FullName;

        public void Dispose() => Directory.Delete(_dir, recursive: true);

        [Fact]
        public async Task TwoMainJobsAtOnce_OnOneDatabase_BothExit0_AndLeaveWhatOneRunLeaves()
        {
            Dictionary<string, string> On(string connectionString) => new() { ["Sample__Storage"] = "postgresql", ["Sample__ConnectionString"] = connectionString };
            var shared = SharedPostgres.CreateDatabase();
            // Two processes on one database, as two hosts of a deployment are.
            var runs = await Task.WhenAll(Task.Run(() => SampleHost.RunProcess(_dir, On(shared))), Task.Run(() => SampleHost.RunProcess(_dir, On(shared))));
            Assert.All(runs, r => Assert.True(r.ExitCode == 0, r.StdErr));

            List<AuditRow> Audit(string connectionString)
            {
                using var c = new Npgsql.NpgsqlConnection(connectionString);
                return StoredAudit.Read(c);
            }

            var both = Audit(shared);
            // What one run leaves, on any store: the quarter simulated once for the assembly (on SQLite).
            var one = StoredAudit.ReadSqlite(SimulatedQuarter.Shared.Dir);
            Assert.Equal(one.Count, both.Count);
            Assert.Equal(one.Select(a => a.Kind).Order(StringComparer.Ordinal), both.Select(a => a.Kind).Order(StringComparer.Ordinal));
        }
    }

    /// <summary>A few mutated scenarios replayed by the host as a process: exit 0 or 2, never 134 with a stack trace.</summary>
    public sealed class MutantsAsProcesses : IDisposable
    {
        private readonly string _dir = Directory.CreateTempSubdirectory("govstaff-mutants-process-").FullName;

        public void Dispose() => Directory.Delete(_dir, recursive: true);

        [Fact]
        public void AFewMutants_AsRealProcesses_AreExitCode0Or2_WithoutAStackTrace()
        {
            var random = new Random(7);
            for (var i = 0; i < 6; i++)
            {
                var file = Path.Combine(_dir, $"process-{i}.json");
                File.WriteAllBytes(file, ScenarioMutationTest.Mutate(ScenarioMutationTest.Examples[i % ScenarioMutationTest.Examples.Length], random));
                // A real process: an exception nothing catches is exit 134 with a stack trace only there.
                var r = SampleHost.RunProcess(_dir, new Dictionary<string, string>(), "replay", file, "--no-store");
                Assert.True(r.ExitCode is 0 or 2, $"exit {r.ExitCode}: {r.StdErr}");
                Assert.DoesNotContain("   at ", r.StdErr);
            }
        }
    }

    /// <summary>
    /// <c>serve</c> as a vendor runs it: the README's plugin folder example pasted into appsettings.json, the monitors on,
    /// a deadline warning watched arriving at a (loopback) DingTalk robot, then SIGTERM and a graceful stop.
    /// </summary>
    public sealed class ServeUntilSigterm : IDisposable
    {
        private readonly string _dir = Directory.CreateTempSubdirectory("govstaff-serve-").FullName;
        private readonly LoopbackHttpServer _robot = new();
        private string? _copy;

        public void Dispose()
        {
            _robot.Dispose();
            Directory.Delete(_dir, recursive: true);
            if (_copy is not null)
            {
                Directory.Delete(Path.GetDirectoryName(_copy)!, recursive: true);
            }
        }

        // The README's plugins block as written, with the robot's URL pointed at the loopback receiver.
        private string WithTheReadmesPlugins(string settings)
        {
            var readme = File.ReadAllText(Path.Combine(Repo.Root, "README.md")).ReplaceLineEndings("\n");
            var from = readme.IndexOf("```json\n", readme.IndexOf("**Discovered at run time", StringComparison.Ordinal), StringComparison.Ordinal) + 8;
            var example = JsonNode.Parse(readme[from..readme.IndexOf("```", from, StringComparison.Ordinal)])!;
            var plugins = example["GovStaffPolicy"]!["Plugins"]!.DeepClone();
            var webhook = plugins["Load"]!.AsArray().Single(p => (string?)p!["Name"] == "GovStaff.Policy.Notifications.Webhook")!;
            Assert.StartsWith("https://oapi.dingtalk.com/robot/send", (string?)webhook["Settings"]!["Url"], StringComparison.Ordinal);
            webhook["Settings"]!["Url"] = _robot.Url.ToString();
            var root = JsonNode.Parse(settings)!;
            root["GovStaffPolicy"]!["Plugins"] = plugins;
            return root.ToJsonString();
        }

        [Fact]
        public async Task Serve_RunsTheMonitorsAndDeliversUntilSigterm_ThenStopsGracefully()
        {
            // The district, simulated on the embedded default: data/govstaff.db here, the file the README's example names.
            Assert.Equal(0, SampleHost.RunIn(_dir).ExitCode);
            _robot.Start();
            _copy = SampleHost.CopyWithSettings(WithTheReadmesPlugins);
            var environment = new Dictionary<string, string>
            {
                ["GovStaffPolicy__Monitors__Enabled"] = "true",
                // Today is outside the Ningxia layer's data: the monitors count on the national arrangement and say so.
                ["GovStaffPolicy__Calendar__AllowFallback"] = "true",
                // The sample's version of the measures ends in 2023 (Art. 31); judged today, cases are judged under nothing.
                ["GovStaffPolicy__Versions__0__EffectiveUntil"] = "2030-12-31",
            };
            using var serve = SampleHost.StartCopy(_copy, _dir, environment, "serve");
            var stdout = serve.StandardOutput.ReadToEndAsync();
            var stderr = serve.StandardError.ReadToEndAsync();
            try
            {
                // A bound for the test only: the first monitor round runs at start, its supervision warnings go out.
                var deadline = DateTime.UtcNow.AddSeconds(90);
                while (!_robot.Requests.Any(r => r.Body.Contains("督办", StringComparison.Ordinal)) && DateTime.UtcNow < deadline && !serve.HasExited)
                {
                    await Task.Delay(100);
                }

                Assert.False(serve.HasExited, "serve ended by itself: " + (serve.HasExited ? await stderr : string.Empty));
                Assert.True(_robot.Requests.Any(r => r.Body.Contains("督办", StringComparison.Ordinal) && r.Url.Contains("sign=", StringComparison.Ordinal)),
                    $"no supervision warning among {_robot.Requests.Count} requests: {string.Join(" | ", _robot.Requests.Take(3).Select(r => r.Url + " " + r.Body))}");
            }
            finally
            {
                using var kill = Process.Start("kill", ["-TERM", serve.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                kill.WaitForExit();
            }

            using (var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
            {
                await serve.WaitForExitAsync(bound.Token); // throws if serve does not stop after SIGTERM
            }

            var (output, errors) = (await stdout, await stderr);
            Assert.Equal(0, serve.ExitCode);
            Assert.Contains("Serving / 运行中", output, StringComparison.Ordinal);
            Assert.Contains("webhook:dingtalk", output, StringComparison.Ordinal);
            Assert.Contains("Stopping / 正在停止", output, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled exception", errors, StringComparison.Ordinal);
            var ids = _robot.Requests.Select(r => r.Headers["X-GovStaff-Message-Id"]).ToArray();
            Assert.Equal(ids.Length, ids.Distinct().Count()); // no message twice

            // Whatever the stop left is still queued, never lost: every message is delivered or pending.
            var list = SampleHost.RunIn(_dir, "outbox", "list");
            Assert.Equal(0, list.ExitCode);
            Assert.Matches(@"\d+ pending, 0 failed, \d+ delivered", list.StdOut);
        }
    }

    /// <summary>
    /// The main job stopped by a signal — Ctrl+C while it simulates, SIGTERM while it delivers to a slow webhook: a
    /// real process, because the signal is what this proves. It stops within the test's bound, exits 130 or 143, keeps
    /// the days it committed (the next run resumes after them and ends with the same quarter) and the messages it
    /// delivered, and leaves no message claimed: everything still pending can be claimed at once, nothing went twice.
    /// </summary>
    public sealed class MainJobStopped : IDisposable
    {
        private readonly string _dir = Directory.CreateTempSubdirectory("govstaff-stopped-").FullName;
        private readonly LoopbackHttpServer _robot = new() { Delay = TimeSpan.FromMilliseconds(50) };

        public void Dispose()
        {
            _robot.Dispose();
            SqliteConnection.ClearAllPools();
            Directory.Delete(_dir, recursive: true);
        }

        // Reads the job's output until ready(output so far) holds, sends the signal, and waits for the exit.
        private static async Task<(int Code, string Out, string Error)> SignalAsync(Process process, Func<string, bool> ready, Mono.Unix.Native.Signum signal)
        {
            var output = new System.Text.StringBuilder();
            var stderr = process.StandardError.ReadToEndAsync();
            var reading = Task.Run(async () =>
            {
                while (await process.StandardOutput.ReadLineAsync() is { } line)
                {
                    lock (output)
                    {
                        output.AppendLine(line);
                    }
                }
            });
            var deadline = DateTime.UtcNow.AddSeconds(120); // a bound for the test only
            while (!process.HasExited && DateTime.UtcNow < deadline)
            {
                string sofar;
                lock (output)
                {
                    sofar = output.ToString();
                }

                if (ready(sofar))
                {
                    break;
                }

                await Task.Delay(20);
            }

            Assert.False(process.HasExited, "the job ended before the signal: " + output);
            Assert.Equal(0, Mono.Unix.Native.Syscall.kill(process.Id, signal));
            using (var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
            {
                await process.WaitForExitAsync(bound.Token);
            }

            await reading;
            return (process.ExitCode, output.ToString(), await stderr);
        }

        [Fact]
        public async Task CtrlCWhileSimulating_AndSigtermWhileDelivering_StopCleanly_KeepingWhatWasCommitted()
        {
            _robot.Start();
            var webhook = new Dictionary<string, string>
            {
                ["GovStaffPolicy__Plugins__Load__0__Name"] = "GovStaff.Policy.Notifications.Webhook",
                ["GovStaffPolicy__Plugins__Load__0__Settings__Url"] = _robot.Url.ToString(),
            };

            // Ctrl+C once November is under way: exit 130, whole days kept.
            using (var simulating = SampleHost.Start(_dir, webhook))
            {
                var (code, _, errors) = await SignalAsync(simulating, o => o.Contains("  2022-11:", StringComparison.Ordinal), Mono.Unix.Native.Signum.SIGINT);
                Assert.True(code == 130, $"exit {code}: {errors}");
                Assert.Contains("Stopped / 已停止", errors, StringComparison.Ordinal);
                Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
            }

            // The next run resumes after the kept days, then delivers slowly: SIGTERM once 20 messages are out.
            using (var delivering = SampleHost.Start(_dir, webhook))
            {
                // 20 requests after the quarter is printed: the job's own delivery has begun (the host's dispatcher delivers alongside).
                int? atReport = null;
                var (code, output, errors) = await SignalAsync(delivering, o =>
                {
                    atReport ??= o.Contains("全区", StringComparison.Ordinal) ? _robot.Requests.Count : null;
                    return _robot.Requests.Count >= atReport + 20;
                }, Mono.Unix.Native.Signum.SIGTERM);
                Assert.True(code == 143, $"exit {code}: {errors}");
                Assert.Contains("Resumed after 2022-1", output, StringComparison.Ordinal);
                Assert.Contains("Stopped / 已停止", errors, StringComparison.Ordinal);
                Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
                Assert.Equal(Table(SimulatedQuarter.Shared.MainOutput), Table(output));
            }

            var store = new GovStaff.Policy.Storage.Sqlite.SqlitePolicyStore($"Data Source={Path.Combine(_dir, "data", "govstaff.db")}");
            var delivered = await store.ReadOutboxAsync(GovStaff.Policy.Plugins.OutboxState.Delivered);
            var pending = await store.ReadOutboxAsync(GovStaff.Policy.Plugins.OutboxState.Pending);
            Assert.NotEmpty(pending);
            Assert.Empty(await store.ReadOutboxAsync(GovStaff.Policy.Plugins.OutboxState.Failed));
            // No claim outlives the job: every pending message can be claimed now, not after a lease runs out.
            var claimable = await store.ClaimOutboxAsync("after-the-stop", pending.Count + 10, NodaTime.SystemClock.Instance.GetCurrentInstant(), NodaTime.Duration.FromMinutes(1));
            Assert.Equal(pending.Count, claimable.Count);
            // Each request the webhook received was one message, and each delivered message was received.
            var received = _robot.Requests.Select(r => Guid.Parse(r.Headers["X-GovStaff-Message-Id"])).ToList();
            Assert.Equal(received.Count, received.Distinct().Count());
            Assert.Subset(received.ToHashSet(), delivered.Select(m => m.MessageId).ToHashSet());
            SqliteConnection.ClearAllPools();
        }

        // The printed quarter, from the district's table to the sanctions, without the run's own lines.
        private static string Table(string output) => string.Join('\n', output.ReplaceLineEndings("\n").Split('\n')
            .SkipWhile(l => !l.Contains("全区", StringComparison.Ordinal)).TakeWhile(l => !l.StartsWith("Notifications:", StringComparison.Ordinal))).TrimEnd();
    }

    /// <summary>The in-process entry point is the process's: the same exit code and output for an answer and for a refusal.</summary>
    public sealed class SameAsInProcess
    {
        [Fact]
        public void TheSameCommand_InProcessAndAsAProcess_ExitsAndPrintsTheSame()
        {
            string[] args = ["workdays", "add", "2022-09-30", "1"];
            var inProcess = SampleHost.Run(args);
            var process = SampleHost.RunProcess(Path.GetTempPath(), new Dictionary<string, string>(), args);
            Assert.Equal((0, "2022-10-08\n"), (inProcess.ExitCode, inProcess.StdOut.ReplaceLineEndings("\n")));
            Assert.Equal((process.ExitCode, process.StdOut.ReplaceLineEndings("\n")), (inProcess.ExitCode, inProcess.StdOut.ReplaceLineEndings("\n")));

            string[] bad = ["workdays", "add", "not-a-date", "1"];
            var refused = SampleHost.Run(bad);
            var refusedProcess = SampleHost.RunProcess(Path.GetTempPath(), new Dictionary<string, string>(), bad);
            Assert.Equal(2, refused.ExitCode);
            Assert.Equal((refusedProcess.ExitCode, refusedProcess.StdErr), (refused.ExitCode, refused.StdErr));
        }
    }
}
