using CsCheck;
using GovStaff.Policy.Calendars;
using GovStaff.Policy.Plugins;
using GovStaff.Policy.Regulation;
using GovStaff.Sample.Host.Replay;

namespace GovStaff.Sample.Host.Tests;

/// <summary>
/// Thousands of mutated copies of the example scenarios: each must either replay or fail with a
/// <see cref="ScenarioException"/> naming the file, a line and a field — never another exception, and a file that
/// fails to read must leave the store untouched.
/// </summary>
public sealed class ScenarioReaderFuzzTest
{
    // Every shipped example: all the action types, a declared calendar and declared versions.
    private static readonly string[] Examples = [.. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "scenarios"), "*.json")
        .Order(StringComparer.Ordinal).Select(File.ReadAllText)];

    private static readonly string[] Numbers = ["-1", "0", "10000", "99999999999", "1.5", "\"2022-13-40\"", "null", "true", "\"\""];

    private const string Noise = "{}[]\",:-0123456789abcxyz \n\\";

    [Fact]
    public void MutatedScenarios_ReplayOrFailWithFileLineAndField()
    {
        var runner = new ScenarioRunner(PolicyVersionSet.Default, BuiltInCalendars.NationalWithNingxia(allowFallback: true), OfficeHours.Default);
        int parsed = 0, refused = 0;
        Gen.Select(Gen.Int[0, Examples.Length - 1], Gen.Int, Gen.Int[1, 4]).Sample((example, seed, edits) =>
        {
            var text = Mutate(Examples[example], new Random(seed), edits);
            Scenario scenario;
            try
            {
                scenario = ScenarioReader.Parse(text, "fuzz.json");
            }
            catch (ScenarioException e)
            {
                Assert.Matches(@"(?s)^fuzz\.json, line [1-9]\d*, field '.+': .+", e.Message);
                refused++;
                return;
            }

            var store = new InMemoryPolicyStore();
            using var output = new StringWriter();
            ReplayRecord recorded;
            try
            {
                recorded = runner.RunAsync(scenario, output, store, CancellationToken.None).GetAwaiter().GetResult();
            }
            catch (ScenarioException e)
            {
                // A value only the replay can judge in context (e.g. a stationing of someone already gone) still names where.
                Assert.Matches(@"(?s)^fuzz\.json, line [1-9]\d*, field '.+': .+", e.Message);
                refused++;
                return;
            }

            // A fresh store: everything is appended, nothing was there before.
            Assert.Equal(0, recorded.AlreadyRecorded);
            Assert.Equal(recorded.Appended, store.ReadAuditAsync(0, int.MaxValue).GetAwaiter().GetResult().Count);
            // At least one decision line per action, whatever the rules said (a deadline check may print more).
            Assert.True(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length >= scenario.Actions.Count);
            parsed++;
        }, iter: 10_000, threads: 1);

        // The mutations must exercise both paths, or the test proves nothing.
        Assert.True(parsed > 100, $"only {parsed} mutated files parsed");
        Assert.True(refused > 1000, $"only {refused} mutated files were refused");
    }

    private static string Mutate(string text, Random random, int edits)
    {
        for (var i = 0; i < edits; i++)
        {
            var lines = text.Split('\n').ToList();
            var at = random.Next(text.Length);
            switch (random.Next(6))
            {
                case 0:
                    text = text.Remove(at, Math.Min(random.Next(1, 20), text.Length - at));
                    break;
                case 1:
                    text = text.Insert(at, Noise[random.Next(Noise.Length)].ToString());
                    break;
                case 2:
                    // Swap a number or quoted value for an absurd or mistyped one.
                    var matches = System.Text.RegularExpressions.Regex.Matches(text, "-?\\d+|\"[^\"\\n]*\"");
                    if (matches.Count > 0)
                    {
                        var m = matches[random.Next(matches.Count)];
                        text = string.Concat(text.AsSpan(0, m.Index), Numbers[random.Next(Numbers.Length)], text.AsSpan(m.Index + m.Length));
                    }

                    break;
                case 3:
                    var dup = random.Next(lines.Count);
                    lines.Insert(dup, lines[dup]);
                    text = string.Join('\n', lines);
                    break;
                case 4:
                    lines.RemoveAt(random.Next(lines.Count));
                    text = string.Join('\n', lines);
                    break;
                default:
                    var (a, b) = (random.Next(lines.Count), random.Next(lines.Count));
                    (lines[a], lines[b]) = (lines[b], lines[a]);
                    text = string.Join('\n', lines);
                    break;
            }
        }

        return text;
    }
}
