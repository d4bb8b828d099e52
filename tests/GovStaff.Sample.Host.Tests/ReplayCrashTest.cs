using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace GovStaff.Sample.Host.Tests;

/// <summary>
/// Crash safety: a large replay is killed with SIGKILL part-way, as a real process; the SQLite store must hold whole
/// chunks only, numbered without gaps, and replaying the file again must complete it without duplicating anything.
/// </summary>
public sealed class ReplayCrashTest : IDisposable
{
    private const int Actions = 20_000;
    private readonly string _dir = Directory.CreateTempSubdirectory("govstaff-crash-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void AReplayKilledMidRun_LeavesWholeChunks_AndResumesWithoutDuplicates()
    {
        var scenario = WriteLargeScenario();

        // The complete replay in a folder of its own: what the store must hold in the end.
        var reference = Directory.CreateDirectory(Path.Combine(_dir, "reference")).FullName;
        var full = SampleHost.RunIn(reference, "replay", scenario);
        Assert.Equal(0, full.ExitCode);
        Assert.Equal(Actions, full.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        var expected = Audit(reference);
        var perAction = expected.Count / Actions;
        Assert.True(perAction >= 1);

        // Kill the second one once it has printed 6,000 decisions.
        var crashed = Directory.CreateDirectory(Path.Combine(_dir, "crashed")).FullName;
        KillAfter(crashed, scenario, lines: 6_000);
        var survived = Audit(crashed);
        Assert.NotEmpty(survived);
        Assert.True(survived.Count < expected.Count, "the replay finished before it was killed; the test proved nothing");
        Assert.Equal(0, survived.Count % (500 * perAction)); // whole chunks of 500 actions, nothing half-applied
        Assert.Equal(Enumerable.Range(1, survived.Count).Select(n => (long)n), survived.Select(a => a.Sequence));
        Assert.All(survived, a => JsonDocument.Parse(a.Json).Dispose()); // every entry whole
        Assert.Equal(expected.Take(survived.Count).Select(a => a.Key), survived.Select(a => a.Key));

        // Replaying the same file completes the record and says what it skipped.
        var resumed = SampleHost.RunIn(crashed, "replay", scenario);
        Assert.Equal(0, resumed.ExitCode);
        Assert.Contains($"{survived.Count} were already recorded", resumed.StdErr);
        var after = Audit(crashed);
        Assert.Equal(expected.Select(a => a.Key), after.Select(a => a.Key));
        Assert.Equal(Enumerable.Range(1, after.Count).Select(n => (long)n), after.Select(a => a.Sequence));

        // And once more: nothing added.
        var again = SampleHost.RunIn(crashed, "replay", scenario);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("recorded 0 audit entries", again.StdErr);
        Assert.Equal(after.Count, Audit(crashed).Count);
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

    private static void KillAfter(string workingDirectory, string scenario, int lines)
    {
        using var process = SampleHost.Start(workingDirectory, "replay", scenario);
        _ = process.StandardError.ReadToEndAsync();
        for (var seen = 0; seen < lines; seen++)
        {
            Assert.NotNull(process.StandardOutput.ReadLine());
        }

        Assert.False(process.HasExited);
        process.Kill(); // SIGKILL on Linux: no finally blocks, no flush, no clean shutdown
        process.WaitForExit();
    }

    private static List<(long Sequence, string Key, string Json)> Audit(string workingDirectory)
    {
        var db = Path.Combine(workingDirectory, "data", "govstaff.db");
        using var c = new SqliteConnection($"Data Source={db};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT sequence, idempotency_key, json FROM audit ORDER BY sequence;";
        using var reader = cmd.ExecuteReader();
        var rows = new List<(long, string, string)>();
        while (reader.Read())
        {
            rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
        }

        return rows;
    }
}
