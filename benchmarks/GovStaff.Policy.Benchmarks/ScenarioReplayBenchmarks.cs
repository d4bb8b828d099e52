using BenchmarkDotNet.Attributes;
using GovStaff.Policy.Calendars;
using GovStaff.Policy.Plugins;
using GovStaff.Policy.Regulation;
using GovStaff.Sample.Host.Replay;

namespace GovStaff.Policy.Benchmarks;

/// <summary>
/// Scenario replay end to end: a shipped example read once and replayed through the public rules, printing each
/// decision as a JSON line. <see cref="File"/> picks the example: the first round's leave-and-cases file, and the
/// service chapter, which uses this round's action families (inquiries, applications, suspensions, extensions,
/// appointments, door-to-door, conduct, training and a deadline check). The baseline replays without a store; the
/// other records every decision in the in-memory store. Actions per second is the scenario's action count over Mean.
/// </summary>
[MemoryDiagnoser]
public class ScenarioReplayBenchmarks : IDisposable
{
    private Scenario _scenario = null!;
    private ScenarioRunner _runner = null!;

    /// <summary>The example replayed.</summary>
    [Params("binhe-leave-and-cases.json", "chapter4-service.json")]
    public string File { get; set; } = "chapter4-service.json";

    /// <summary>Actions in the scenario, for the per-second figure.</summary>
    public int Actions => _scenario.Actions.Count;

    /// <summary>Reads the example scenario from the sample's output folder.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "scenarios", File);
        _scenario = ScenarioReader.Read(file);
        _runner = new ScenarioRunner(PolicyVersionSet.Default, BuiltInCalendars.NationalWithNingxia(allowFallback: true), OfficeHours.Default);
        Console.WriteLine($"// scenario {File}: {Actions} actions");
    }

    // A writer that formats and encodes every line and throws the bytes away: TextWriter.Null would let the runner skip
    // the lines altogether, and printing them is part of a replay.
    private readonly TextWriter _output = new StreamWriter(Stream.Null);


    [Benchmark(Baseline = true)]
    public async Task<int> Replay_NoStore() => (await _runner.RunAsync(_scenario, _output, null, CancellationToken.None)).Appended;

    [Benchmark]
    public async Task<int> Replay_InMemoryStore() => (await _runner.RunAsync(_scenario, _output, new InMemoryPolicyStore(), CancellationToken.None)).Appended;

    /// <inheritdoc />
    public void Dispose()
    {
        _output.Dispose();
        GC.SuppressFinalize(this);
    }
}
