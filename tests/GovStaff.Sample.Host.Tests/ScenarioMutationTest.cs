using System.CommandLine;
using System.Text;
using System.Text.Json.Nodes;
using GovStaff.Policy.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace GovStaff.Sample.Host.Tests;

/// <summary>
/// Mutated copies of the shipped scenarios, run through the sample's <c>replay</c> command in process (its own command
/// line, its own settings file, an in-memory store): every mutant ends with exit code 0 or 2 — never an exception, never
/// a stack trace — and a mutant refused with 2 has recorded nothing. Seeded and bounded; a few also as real processes
/// (<see cref="RealProcessTest.MutantsAsProcesses"/>).
/// </summary>
public sealed class ScenarioMutationTest : IDisposable
{
    private const int Mutants = 1_200;
    private readonly string _dir = Directory.CreateTempSubdirectory("govstaff-mutants-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    internal static readonly string[] Examples = [.. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "scenarios"), "*.json")
        .Order(StringComparer.Ordinal).Select(File.ReadAllText)];

    private static readonly JsonNode?[] Absurd =
    [
        null, 0, -1, 2147483648L, -2147483649L, 1e308, 0.5, true, false, "", " ", "0001-01-01", "9999-12-31", "2022-02-30", "24:61",
        new string('长', 10_000), "\u0000\u0007", "L\u200B1", "satisfied,dissatisfied", "../../etc/passwd", new JsonArray(), new JsonObject(),
    ];

    /// <summary>The sample's composition, as its Program builds it, with an in-memory store the test can read.</summary>
    private static (IServiceProvider Services, InMemoryPolicyStore Store) Host()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        var store = new InMemoryPolicyStore();
        services.AddGovStaffPolicy(configuration).UseClock(SystemClock.Instance);
        services.AddSingleton<IPolicyStore>(store);
        return (services.BuildServiceProvider(), store);
    }

    // Escapes as written in JSON text (lone and reversed surrogates, NUL) and characters as they are (RTL marks, a BOM
    // inside a string, a zero-width joiner); "overlong" and "bom" are byte-level mutants.
    private static readonly string[] Unicode =
        ["\\ud800", "\\udfff", "\\ud83d", "\\ude00\\ud83d", "\\u0000", "\u202e", "\u200f", "\ufeff", "\u200d", "overlong", "bom"];

    internal static byte[] Mutate(string text, Random random)
    {
        var root = JsonNode.Parse(text)!.AsObject();
        var actions = root["actions"]!.AsArray();
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits; e++)
        {
            var action = actions.Count == 0 ? null : actions[random.Next(actions.Count)] as JsonObject;
            switch (random.Next(9))
            {
                case 0 when action is not null: // a field's value swapped for an absurd or mistyped one
                    var keys = action.Select(p => p.Key).ToArray();
                    action[keys[random.Next(keys.Length)]] = Absurd[random.Next(Absurd.Length)]?.DeepClone();
                    break;
                case 1 when action is not null: // a field removed
                    var names = action.Select(p => p.Key).ToArray();
                    action.Remove(names[random.Next(names.Length)]);
                    break;
                case 2 when action is not null: // a field the action does not have
                    action["unexpected" + random.Next(3)] = "x";
                    break;
                case 3 when actions.Count > 1: // actions reordered
                    var (a, b) = (random.Next(actions.Count), random.Next(actions.Count));
                    var moved = actions[a];
                    actions.RemoveAt(a);
                    actions.Insert(Math.Min(b, actions.Count), moved);
                    break;
                case 4: // a whole action nulled or a network part swapped
                    if (random.Next(2) == 0 && actions.Count > 0)
                    {
                        actions[random.Next(actions.Count)] = null;
                    }
                    else
                    {
                        var network = root["network"]!.AsObject();
                        var part = network.Select(p => p.Key).ToArray();
                        network[part[random.Next(part.Length)]] = Absurd[random.Next(Absurd.Length)]?.DeepClone();
                    }

                    break;
                case 5 when action is not null: // a date pushed to an extreme
                    action["at"] = random.Next(3) switch { 0 => "1900-01-01", 1 => "2199-12-31", _ => "2022-10-10" };
                    break;
                default:
                    break;
            }
        }

        var json = root.ToJsonString();
        switch (random.Next(9))
        {
            case 7: // the escape, encoding and Unicode classes: lone surrogates, overlong UTF-8, a BOM, NUL, RTL marks
                var quote = json.IndexOf("\":\"", random.Next(json.Length), StringComparison.Ordinal);
                var place = quote < 0 ? json.IndexOf("\":\"", StringComparison.Ordinal) + 3 : quote + 3;
                var inserted = Unicode[random.Next(Unicode.Length)];
                if (inserted == "overlong")
                {
                    var bytes = Encoding.UTF8.GetBytes(json[..place]).Concat(new byte[] { 0xC0, 0xAF }).Concat(Encoding.UTF8.GetBytes(json[place..])).ToArray();
                    return bytes;
                }

                if (inserted == "bom")
                {
                    return [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(json)];
                }

                json = json.Insert(place, inserted);
                break;
            case 0: // truncated
                json = json[..random.Next(json.Length)];
                break;
            case 1: // a duplicate key
                var at = json.IndexOf("\"type\":", random.Next(json.Length / 2), StringComparison.Ordinal);
                if (at > 0)
                {
                    json = json.Insert(at, "\"type\":\"rate\",");
                }

                break;
            case 2: // another encoding
                return random.Next(2) == 0 ? Encoding.Unicode.GetBytes(json) : Encoding.Latin1.GetBytes(json);
            case 3: // a control character anywhere
                json = json.Insert(random.Next(json.Length), "\u0001");
                break;
        }

        return Encoding.UTF8.GetBytes(json);
    }

    [Fact]
    public async Task MutatedScenarios_ThroughTheReplayCommandInProcess_AreExitCode0Or2_AndA2RecordsNothing()
    {
        var random = new Random(20261201);
        int ok = 0, refused = 0;
        for (var i = 0; i < Mutants; i++)
        {
            var file = Path.Combine(_dir, $"mutant-{i}.json");
            await File.WriteAllBytesAsync(file, Mutate(Examples[i % Examples.Length], random));
            var (services, store) = Host();
            using var output = new StringWriter();
            using var error = new StringWriter();
            var parsed = SampleCommands.Build(services, new SampleHostRun { Out = output, Error = error }).Parse(["replay", file]);
            Assert.Empty(parsed.Errors);
            var code = await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
            var stderr = error.ToString();
            Assert.True(code is 0 or 2, $"mutant {i}: exit {code}\n{stderr}");
            Assert.DoesNotContain("   at ", stderr);
            if (code == 2)
            {
                var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
                Assert.StartsWith($"error: {file}, line ", line);
                // The writer's words, never a library's internals (LINQ's, the JSON reader's exception type).
                Assert.DoesNotContain("Sequence contains", line, StringComparison.Ordinal);
                Assert.DoesNotContain("Exception", line, StringComparison.Ordinal);
                Assert.Empty(await store.ReadAuditAsync(0, int.MaxValue));
                refused++;
            }
            else
            {
                Assert.NotEmpty(await store.ReadAuditAsync(0, int.MaxValue));
                ok++;
            }

            File.Delete(file);
        }

        // Both outcomes must be exercised, or the mutants prove nothing.
        Assert.True(ok > 50, $"only {ok} mutants replayed");
        Assert.True(refused > 500, $"only {refused} mutants were refused");
    }
}
