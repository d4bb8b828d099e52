using System.Text.Json.Nodes;

namespace GovStaff.Sample.Host.Tests;

/// <summary>
/// The hostile inputs found by probing the sample host from outside: each is exit code 2 with one line naming the file,
/// the line and the field, no stack trace, and nothing recorded (no database is even created).
/// </summary>
public sealed class HostileScenarioTest : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("govstaff-hostile-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static JsonObject Example() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "scenarios", "binhe-leave-and-cases.json")))!.AsObject();

    public static TheoryData<string, string, string> Cases() => new()
    {
        { "level-two-names", "field 'actions[12].level'", "write one value" },
        { "leave-after-the-calendar", "field 'actions[1].from'", "outside the calendar's data" },
        { "leave-before-the-calendar", "field 'actions[1].from'", "outside the calendar's data" },
        { "an-earlier-action-in-year-1", "field 'actions[0].at'", "not a plausible date" },
        { "a-person-over-the-limit", "field 'actions[1].actor.person'", "at most 100" },
        { "a-null-action", "field 'actions[3]'", "must be an object" },
        { "a-null-network", "field 'network'", "is missing or not an object" },
        { "a-zero-width-space-in-an-id", "field 'actions[1].id'", "U+200B" },
        { "a-zero-width-space-in-a-name", "field 'network'", "U+200B" },
        { "a-control-character-in-a-name", "field 'network'", "U+0007" },
        { "feedback-after-the-action", "field 'actions[11].feedbackOn'", "after the action's own date" },
        { "a-stationing-date-after-the-request", "field 'actions[", "stationedOn" },
        { "a-lone-high-surrogate-escape", "field 'id'", "lone UTF-16 surrogate" },
        { "a-lone-low-surrogate-escape-in-a-key", "field 'property name'", "lone UTF-16 surrogate" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void HostileInput_IsExitCode2_NamingWhere_AndRecordsNothing(string name, string where, string what)
    {
        var d = Example();
        var actions = d["actions"]!.AsArray();
        switch (name)
        {
            case "level-two-names": actions[12]!["level"] = "satisfied,dissatisfied"; break;
            case "leave-after-the-calendar": actions[1]!["from"] = "2031-01-01"; actions[1]!["to"] = "2031-01-02"; break;
            case "leave-before-the-calendar": actions[1]!["from"] = "1999-01-01"; actions[1]!["to"] = "1999-01-02"; break;
            case "an-earlier-action-in-year-1": actions[0]!["at"] = "0001-01-01"; break;
            case "a-person-over-the-limit": actions[1]!["actor"]!["person"] = new string('x', 300); break;
            case "a-null-action": actions[3] = null; break;
            case "a-null-network": d["network"] = null; break;
            case "a-zero-width-space-in-an-id": actions[1]!["id"] = "L\u200B1"; break;
            case "a-zero-width-space-in-a-name": d["network"]!["staff"]![0]!["name"] = "马\u200B志强"; break;
            case "a-control-character-in-a-name": d["network"]!["staff"]![0]!["name"] = "马\u0007志强"; break;
            case "feedback-after-the-action": actions[11]!["feedbackOn"] = "2022-12-25"; break;
            case "a-lone-high-surrogate-escape": actions[1]!["id"] = "LONE-SURROGATE"; break; // "\ud83d" written below
            case "a-lone-low-surrogate-escape-in-a-key": actions[1]!["LONE-SURROGATE"] = "x"; break;
            default:
                actions.Add(JsonNode.Parse("{ \"type\": \"requestTransfer\", \"at\": \"2022-10-26\", \"id\": \"T9\", \"staff\": \"zhou-min\", \"kind\": \"rotation\", \"stationedOn\": \"2022-11-01\", \"reason\": \"轮岗\", \"actor\": { \"person\": \"镇政府\", \"unit\": \"binhe\" } }"));
                break;
        }

        var file = Path.Combine(_dir, name + ".json");
        // A lone surrogate cannot be a .NET string that serialises; it is written as the escape a hostile file holds.
        File.WriteAllText(file, d.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true })
            .Replace("\"LONE-SURROGATE\": \"x\"", "\"k\\udc00\": \"x\"", StringComparison.Ordinal)
            .Replace("LONE-SURROGATE", "L\\ud83d1", StringComparison.Ordinal));
        var r = SampleHost.RunIn(_dir, "replay", file);
        Assert.Equal(2, r.ExitCode);
        Assert.Empty(r.StdOut);
        var line = Assert.Single(r.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: {file}, line ", line);
        Assert.Contains(where, line);
        Assert.Contains(what, line);
        Assert.DoesNotContain("   at ", r.StdErr);
        Assert.False(Directory.Exists(Path.Combine(_dir, "data")), "a malformed scenario created the store");
    }

    [Fact]
    public void AFileThatIsNotUtf8_IsExitCode2_NamingTheByteOffset()
    {
        var file = Path.Combine(_dir, "latin1.json");
        File.WriteAllBytes(file, [.. "{\"name\":\""u8.ToArray(), 0xFF, 0xFE, .. "\"}"u8.ToArray()]);
        var r = SampleHost.RunIn(_dir, "replay", file);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("is not valid UTF-8 (byte offset 9)", r.StdErr);
    }
}
