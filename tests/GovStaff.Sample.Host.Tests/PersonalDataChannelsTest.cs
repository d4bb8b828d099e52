using System.Text;
using System.Text.Json.Nodes;

namespace GovStaff.Sample.Host.Tests;

/// <summary>
/// A resident ID number and a mobile number planted in every free-text field of every shipped scenario must appear in
/// no channel: replay's stdout, its stderr (logs), <c>replay --check</c>'s report, and the SQLite file the decisions,
/// events and notifications are recorded in (with its write-ahead log).
/// </summary>
public sealed class PersonalDataChannelsTest : IDisposable
{
    private const string Id = "640502199001011234";
    private const string Mobile = "13912345678";
    private static readonly string[] FreeText =
        ["reason", "lateReason", "exceptionalReason", "item", "topic", "summary", "result", "measures", "evidence", "otherReason", "award", "department"];

    private readonly string _dir = Directory.CreateTempSubdirectory("govstaff-pii-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void PlantedIdAndMobileNumbers_AppearInNoChannel()
    {
        var planted = 0;
        var files = new List<string>();
        foreach (var source in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "scenarios"), "*.json").Order(StringComparer.Ordinal))
        {
            var doc = JsonNode.Parse(File.ReadAllText(source))!.AsObject();
            foreach (var action in doc["actions"]!.AsArray())
            {
                foreach (var field in FreeText)
                {
                    // doorToDoor's reason is a category (elderly, ill, …); its free text is otherReason.
                    if (action!["type"]!.GetValue<string>() == "doorToDoor" && field == "reason")
                    {
                        continue;
                    }

                    if (action[field] is JsonValue v && v.TryGetValue<string>(out var text))
                    {
                        action[field] = $"{text}（身份证{Id}，电话{Mobile}）";
                        planted++;
                    }
                }

                foreach (var list in new[] { "missing", "materials" })
                {
                    if (action![list] is JsonArray items)
                    {
                        items.Add($"证明（{Id}，{Mobile}）");
                        planted++;
                    }
                }
            }

            doc.Remove("$schema");
            var file = Path.Combine(_dir, Path.GetFileName(source));
            File.WriteAllText(file, doc.ToJsonString());
            files.Add(file);
        }

        Assert.True(planted > 60, $"only {planted} fields planted");
        var output = new StringBuilder();
        foreach (var file in files)
        {
            var r = SampleHost.RunIn(_dir, "replay", file);
            Assert.True(r.ExitCode == 0, r.StdErr);
            output.Append(r.StdOut).Append(r.StdErr);
        }

        var check = SampleHost.RunIn(_dir, ["replay", "--check", .. files]);
        output.Append(check.StdOut).Append(check.StdErr);
        var printed = output.ToString();
        Assert.Contains("6405**********1234", printed); // the numbers were there, masked
        Assert.DoesNotContain(Id, printed);
        Assert.DoesNotContain(Mobile, printed);

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var stored = Directory.EnumerateFiles(Path.Combine(_dir, "data")).Select(File.ReadAllBytes).ToList();
        Assert.NotEmpty(stored);
        Assert.Contains(StoredAudit.ReadSqlite(_dir), a => a.Json.Contains("6405**********1234", StringComparison.Ordinal));
        foreach (var bytes in stored)
        {
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Id)));
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Mobile)));
        }
    }
}
