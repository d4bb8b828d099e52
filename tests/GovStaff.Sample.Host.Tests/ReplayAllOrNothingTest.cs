using GovStaff.Policy.Calendars;
using GovStaff.Policy.Plugins;
using GovStaff.Policy.Regulation;
using GovStaff.Sample.Host.Replay;
using NodaTime;

namespace GovStaff.Sample.Host.Tests;

/// <summary>
/// A replay records all of a file or nothing of it: a failure at action 600 — past where the first round committed
/// its first chunk of 500 — leaves the store empty, and the same file without the failure records every action once.
/// </summary>
public sealed class ReplayAllOrNothingTest
{
    /// <summary>An action whose run fails, as a value the library refuses only in context would.</summary>
    private sealed record Failing : ScenarioAction
    {
        internal override void Check(CheckContext c)
        {
        }

        internal override Step Run(ReplayState s) => throw new InvalidOperationException("injected failure");
    }

    private static Scenario WithActions(int count, int? failAt)
    {
        var example = ScenarioReader.Read(Path.Combine(AppContext.BaseDirectory, "scenarios", "chapter5-ratings-and-complaints.json"));
        var actions = new List<ScenarioAction>();
        for (var i = 0; i < count; i++)
        {
            actions.Add(i == failAt
                ? new Failing { At = new LocalDate(2022, 10, 10) }
                : new Rate { At = new LocalDate(2022, 10, 10), Id = $"R{i}", Body = "binhe-centre", Staff = "he-jing", Level = GovStaff.Policy.Service.RatingLevel.Satisfied });
        }

        return new Scenario("all-or-nothing", example.Network, actions, [.. Enumerable.Range(1, count)]) { File = "injected.json", Fingerprint = "injected" };
    }

    [Fact]
    public async Task AFailureAfterTheFirst500Actions_RecordsNothing_AndTheWholeFileRecordsEveryActionOnce()
    {
        var runner = new ScenarioRunner(PolicyVersionSet.Default, BuiltInCalendars.NationalWithNingxia(allowFallback: true), OfficeHours.Default);
        var store = new InMemoryPolicyStore();
        using var output = new StringWriter();
        var e = await Assert.ThrowsAsync<ScenarioException>(() => runner.RunAsync(WithActions(700, failAt: 600), output, store, CancellationToken.None));
        Assert.Contains("injected.json, line 601, field 'actions[600]': injected failure", e.Message);
        Assert.Equal(600, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length); // printed, not recorded
        Assert.Empty(await store.ReadAuditAsync(0, int.MaxValue));

        var recorded = await runner.RunAsync(WithActions(700, failAt: null), TextWriter.Null, store, CancellationToken.None);
        var audit = await store.ReadAuditAsync(0, int.MaxValue);
        Assert.Equal(audit.Count, recorded.Appended);
        Assert.Equal(700, audit.Count(a => a.Kind == "decision:rating.record"));
        Assert.Equal(0, (await runner.RunAsync(WithActions(700, failAt: null), TextWriter.Null, store, CancellationToken.None)).Appended);
    }
}
