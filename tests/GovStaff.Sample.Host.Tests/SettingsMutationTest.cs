using System.Text.Json.Nodes;

namespace GovStaff.Sample.Host.Tests;

/// <summary>
/// Hostile settings: the sample's appsettings.json with the README's plugins block (SQLite from the folder, a webhook,
/// an email notifier) and the outbox and monitor sections, a value replaced at random (wrong types, absurd numbers,
/// nulls, objects, arrays, control characters, unsafe URLs), a key misspelt or removed. Each mutant starts the host
/// in process through a command that needs it: exit 0, 2 (one configuration line naming the key, file or plugin),
/// 3 (no data yet) or 4 (the store cannot be opened), never an exception or a stack trace.
/// </summary>
public sealed class SettingsMutationTest : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("govstaff-settings-mutants-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly JsonNode?[] Values =
    [
        null, "", " ", "x", "-1", "0", "99999999999", "1e400", "NaN", "true", "maybe", "00:00:00", "-00:00:01", "10675199.02:48:05",
        "9999-99-99", "2022-02-30", "http://", "file:///etc/passwd", "ftp://example.invalid/x", "https://", "\u0000", "a\u0007b",
        new string('x', 5000), "../..", "/proc/1/x", "Data Source=", "Host=;Port=x", "noone", "@", "a@b@c", "127.0.0.1:99999",
        JsonValue.Create(-5), JsonValue.Create(1e300), JsonValue.Create(true), JsonValue.Create(0), new JsonObject(), new JsonArray(),
        new JsonObject { ["Nested"] = "x" }, new JsonArray("a", 1),
    ];

    private static JsonObject Source(string database)
    {
        var settings = JsonNode.Parse(File.ReadAllText(Path.Combine(SampleHost.OutputFolder, "appsettings.json")))!.AsObject();
        var policy = settings["GovStaffPolicy"]!.AsObject();
        policy["Outbox"] = new JsonObject { ["BatchSize"] = 50, ["MaxAttempts"] = 10, ["PollInterval"] = "00:00:05", ["Lease"] = "00:01:00", ["ImmediateRetries"] = 2 };
        policy["Monitors"] = new JsonObject { ["Enabled"] = false, ["Interval"] = "00:05:00" };
        policy["Plugins"] = new JsonObject
        {
            ["Folder"] = "plugins",
            ["Load"] = new JsonArray(
                new JsonObject { ["Name"] = "GovStaff.Policy.Storage.Sqlite", ["Settings"] = new JsonObject { ["ConnectionString"] = $"Data Source={database}" } },
                new JsonObject { ["Name"] = "GovStaff.Policy.Notifications.Webhook", ["Settings"] = new JsonObject { ["Url"] = "https://oapi.dingtalk.com/robot/send?access_token=t", ["Format"] = "DingTalk", ["Secret"] = "SEC1", ["Timeout"] = "00:00:10" } },
                new JsonObject { ["Name"] = "GovStaff.Policy.Notifications.Email", ["Settings"] = new JsonObject { ["Host"] = "127.0.0.1", ["Port"] = 25, ["From"] = "noreply@spt.example", ["To"] = new JsonArray("office@spt.example") } }),
        };
        return settings;
    }

    // Every value in the tree, with a way to replace it, remove it, or misspell its key.
    private static List<(JsonObject Parent, string Key)> Leaves(JsonNode node, List<(JsonObject, string)>? found = null)
    {
        found ??= [];
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o.ToList())
                {
                    found.Add((o, key));
                    if (value is not null)
                    {
                        Leaves(value, found);
                    }
                }

                break;
            case JsonArray a:
                foreach (var item in a.Where(i => i is not null))
                {
                    Leaves(item!, found);
                }

                break;
        }

        return found;
    }

    [Fact]
    public void MutatedSettings_AreExit0Or2Or3Or4_NeverAnExceptionOrAStackTrace()
    {
        var database = Path.Combine(_dir, "store.db");
        var counts = new Dictionary<int, int>();
        for (var seed = 0; seed < 150; seed++)
        {
            var random = new Random(seed);
            var settings = Source(database);
            var leaves = Leaves(settings);
            var (parent, key) = leaves[random.Next(leaves.Count)];
            switch (random.Next(4))
            {
                case 0:
                    parent.Remove(key);
                    break;
                case 1:
                    var moved = parent[key]?.DeepClone();
                    parent.Remove(key);
                    parent[key + (random.Next(2) == 0 ? "x" : "s")] = moved;
                    break;
                default:
                    parent[key] = Values[random.Next(Values.Length)]?.DeepClone();
                    break;
            }

            var text = settings.ToJsonString();
            // "outbox list" starts the host and reads the store without writing: the settings are all it meets.
            var r = SampleHost.RunWithSettings(_dir, _ => text, "outbox", "list");
            counts[r.ExitCode] = counts.GetValueOrDefault(r.ExitCode) + 1;
            Assert.True(r.ExitCode is 0 or 2 or 3 or 4, $"seed {seed} ({key}): exit {r.ExitCode}\n{r.StdErr}");
            Assert.False(r.StdErr.Contains("   at ", StringComparison.Ordinal) || r.StdErr.Contains("Unhandled exception", StringComparison.Ordinal),
                $"seed {seed} ({key}): a stack trace\n{r.StdErr}");
            if (r.ExitCode == 2)
            {
                Assert.True(r.StdErr.Contains("Configuration error", StringComparison.Ordinal) || r.StdErr.StartsWith("Store error", StringComparison.Ordinal),
                    $"seed {seed} ({key}): exit 2 without saying which setting\n{r.StdErr}");
            }
        }

        // Most mutants break a setting; some land where any value is fine (a title, a calendar name).
        Assert.True(counts.GetValueOrDefault(2) >= 50, string.Join(", ", counts.Select(c => $"exit {c.Key}: {c.Value}")));
    }
}
