using System.CommandLine;
using GovStaff.Policy.Calendars;
using GovStaff.Policy.Plugins;
using GovStaff.Policy.Regulation;
using Microsoft.Extensions.DependencyInjection;

namespace GovStaff.Sample.Host.Replay;

/// <summary>
/// <c>replay &lt;scenario.json&gt;...</c>: one JSON line per action with its decision; <c>--check</c> judges every
/// action's <c>expect</c> instead. A malformed file is exit 2; a failed expectation exit 1.
/// </summary>
internal static class ReplayCommand
{
    public static Command Build(IServiceProvider services, SampleHostRun run)
    {
        var files = new Argument<string[]>("scenarios") { Description = "Scenario files; with --check also folders (every *.json below them).", Arity = ArgumentArity.OneOrMore };
        var noStore = new Option<bool>("--no-store") { Description = "Do not record the decisions in the store (nothing is created)." };
        var check = new Option<bool>("--check") { Description = "Judge every action's \"expect\": one line per failed expectation, then 'N of M expectations hold'; exit 1 when any fails. Records nothing." };
        var junit = new Option<string?>("--junit") { Description = "With --check: also write the expectations as JUnit XML to this file." };
        var command = new Command("replay",
            "Replay scenarios: a district and a dated list of actions. Prints one JSON line per action with its decision\n" +
            "(index, outcome, citations, messages in Chinese and English, policy version). Refusals are output, not errors.\n" +
            "With --check, the actions' expectations are judged instead: a scenario is a test.\n\n" +
            "Examples:\n  replay samples/GovStaff.Sample.Host/scenarios/binhe-leave-and-cases.json\n  replay my-cases.json --no-store | jq .outcome\n" +
            "  replay --check samples/GovStaff.Sample.Host/scenarios --junit expectations.xml")
        {
            files, noStore, check, junit,
        };
        command.SetAction(async (r, ct) =>
        {
            var versions = services.GetRequiredService<PolicyVersionSet>();
            var configured = services.GetRequiredService<WorkCalendar>();
            var runner = new ScenarioRunner(versions, configured, services.GetRequiredService<OfficeHours>());
            var known = versions.Versions.Select(v => v.Id).ToArray();
            // The invocation's writers (the console unless a caller in process gives its own).
            var io = (Out: r.InvocationConfiguration.Output, Error: r.InvocationConfiguration.Error);
            string[] paths = [.. (r.GetValue(files) ?? []).Select(run.Resolve)];
            return r.GetValue(check)
                ? await CheckAsync(runner, paths, known, configured, r.GetValue(junit) is { } j ? run.Resolve(j) : null, io, ct)
                : await ReplayAsync(runner, paths, known, configured, r.GetValue(noStore) ? null : services, io, ct);
        });
        return command;
    }

    private static Scenario? Read(string file, IReadOnlyCollection<string> known, WorkCalendar configured, out string? error)
    {
        try
        {
            var scenario = ScenarioReader.Read(file, known);
            ScenarioReader.CheckCalendar(scenario, scenario.Calendar ?? configured);
            error = null;
            return scenario;
        }
        catch (ScenarioException e)
        {
            error = e.Message;
            return null;
        }
    }

    private static async Task<int> ReplayAsync(ScenarioRunner runner, string[] paths, IReadOnlyCollection<string> known, WorkCalendar configured, IServiceProvider? services, (TextWriter Out, TextWriter Error) io, CancellationToken ct)
    {
        // Every file is read and checked before any runs: a malformed one stops all of them, having written nothing.
        var scenarios = new List<Scenario>();
        foreach (var path in paths)
        {
            if (Read(path, known, configured, out var error) is not { } scenario)
            {
                await io.Error.WriteLineAsync("error: " + error);
                return ExitCodes.BadInput;
            }

            scenarios.Add(scenario);
        }

        // Only now, every file read, is the store prepared (and an SQLite file created). A provider composed without the
        // sample host's preparation (a test's) brings its store ready.
        if (services?.GetService<StorePreparation>() is { } preparation)
        {
            await preparation.PrepareAsync(ct);
        }

        var store = services?.GetRequiredService<IPolicyStore>();
        foreach (var scenario in scenarios)
        {
            ReplayRecord record;
            try
            {
                record = await runner.RunAsync(scenario, io.Out, store, ct);
            }
            catch (ScenarioException e)
            {
                await io.Error.WriteLineAsync("error: " + e.Message);
                return ExitCodes.BadInput;
            }

            if (store is not null)
            {
                // stdout carries only the decisions; what was stored goes to stderr.
                await io.Error.WriteLineAsync(record.AlreadyRecorded == 0
                    ? $"recorded {record.Appended} audit entries / 已记录{record.Appended}条"
                    : $"recorded {record.Appended} audit entries; {record.AlreadyRecorded} were already recorded by an earlier replay of this file / 已记录{record.Appended}条，另有{record.AlreadyRecorded}条此前已记录");
            }
        }

        return ExitCodes.Ok;
    }

    private static async Task<int> CheckAsync(ScenarioRunner runner, string[] paths, IReadOnlyCollection<string> known, WorkCalendar configured, string? junit, (TextWriter Out, TextWriter Error) io, CancellationToken ct)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                await io.Error.WriteLineAsync($"error: {path}: no such file or folder.");
                return ExitCodes.BadInput;
            }
        }

        var report = new ExpectationReport();
        var malformed = false;
        foreach (var file in files)
        {
            if (Read(file, known, configured, out var error) is not { } scenario)
            {
                await io.Error.WriteLineAsync("error: " + error);
                report.Malformed(file, error ?? "malformed");
                malformed = true;
                continue;
            }

            try
            {
                await runner.RunAsync(scenario, TextWriter.Null, null, ct, report);
            }
            catch (ScenarioException e)
            {
                await io.Error.WriteLineAsync("error: " + e.Message);
                report.Malformed(file, e.Message);
                malformed = true;
            }
        }

        foreach (var line in report.FailureLines())
        {
            await io.Out.WriteLineAsync(line);
        }

        await io.Out.WriteLineAsync(report.Summary());
        if (junit is not null)
        {
            try
            {
                report.ToJUnit().Save(junit);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                await io.Error.WriteLineAsync($"error: --junit {junit}: {e.Message}");
                return ExitCodes.BadInput;
            }
        }

        return malformed ? ExitCodes.BadInput : report.Held == report.Total ? ExitCodes.Ok : ExitCodes.ExpectationsFailed;
    }
}
