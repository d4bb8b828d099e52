using System.CommandLine;
using GovStaff.Policy.Calendars;
using GovStaff.Policy.Plugins;
using GovStaff.Policy.Regulation;
using Microsoft.Extensions.DependencyInjection;

namespace GovStaff.Sample.Host.Replay;

/// <summary><c>replay &lt;scenario.json&gt;</c>: one JSON line per action with its decision; a malformed file is exit 2.</summary>
internal static class ReplayCommand
{
    public static Command Build(IServiceProvider services)
    {
        var file = new Argument<string>("scenario") { Description = "The scenario file (docs/scenarios.md, docs/scenario.schema.json)." };
        var noStore = new Option<bool>("--no-store") { Description = "Do not record the decisions in the store." };
        var command = new Command("replay",
            "Replay a scenario: a district and a dated list of actions. Prints one JSON line per action with its decision\n" +
            "(index, outcome, citations, messages in Chinese and English, policy version). Refusals are output, not errors.\n\n" +
            "Examples:\n  replay samples/GovStaff.Sample.Host/scenarios/binhe-leave-and-cases.json\n  replay my-cases.json --no-store | jq .outcome")
        {
            file, noStore,
        };
        command.SetAction(async (r, ct) =>
        {
            Scenario scenario;
            try
            {
                scenario = ScenarioReader.Read(r.GetValue(file)!, [.. services.GetRequiredService<PolicyVersionSet>().Versions.Select(v => v.Id)]);
            }
            catch (ScenarioException e)
            {
                await Console.Error.WriteLineAsync("error: " + e.Message);
                return ExitCodes.BadInput;
            }

            var configured = services.GetRequiredService<WorkCalendar>();
            var last = scenario.Actions.Count == 0 ? (NodaTime.LocalDate?)null : scenario.Actions[^1].At;
            if (last is { } l && !configured.Contains(l) && !configured.AllowsFallback)
            {
                await Console.Error.WriteLineAsync($"error: {r.GetValue(file)}: the last action ({l:yyyy-MM-dd}) is outside the calendar's data ({configured.FirstKnown:yyyy-MM-dd}–{configured.LastKnown:yyyy-MM-dd}).");
                return ExitCodes.BadInput;
            }

            var runner = new ScenarioRunner(services.GetRequiredService<PolicyVersionSet>(), SampleCalendar.WithAssumedDays(configured), services.GetRequiredService<OfficeHours>());
            var store = r.GetValue(noStore) ? null : services.GetRequiredService<IPolicyStore>();
            var (appended, already) = await runner.RunAsync(scenario, Console.Out, store, ct);
            if (store is not null)
            {
                // stdout carries only the decisions; what was stored goes to stderr.
                await Console.Error.WriteLineAsync(already == 0
                    ? $"recorded {appended} audit entries / 已记录{appended}条"
                    : $"recorded {appended} audit entries; {already} were already recorded by an earlier replay of this file / 已记录{appended}条，另有{already}条此前已记录");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
