using BenchmarkDotNet.Attributes;
using GovStaff.Policy.Attendance;
using GovStaff.Policy.Calendars;
using GovStaff.Policy.Decisions;
using GovStaff.Policy.Lifecycles;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Regulation;
using NodaTime;

namespace GovStaff.Policy.Benchmarks;

/// <summary>
/// One full leave lifecycle for one person after the request: approve → start → return → report back, four
/// transitions. The baseline rebuilds the Stateless configuration for every call, as a caller without a shared
/// definition would. The others reuse the configuration built once: fired through one Stateless machine kept for the
/// benchmark (state swapped in per call), through <see cref="LifecycleMachine{TState,TTrigger}"/> (the table compiled
/// from that configuration), and through the service with its rules (authority, A/B cover, calendar, decisions, events).
/// </summary>
[MemoryDiagnoser]
public class LeaveLifecycleBenchmarks
{
    private static readonly LeaveTrigger[] Path = [LeaveTrigger.Approve, LeaveTrigger.Start, LeaveTrigger.Return, LeaveTrigger.ReportBack];
    private LeaveLifecycle _service = null!;
    private ServiceNetwork _network = null!;
    private LeaveRequest _request = null!;
    private Actor _centre = null!;
    private Stateless.StateMachine<LeaveState, LeaveTrigger> _stateless = null!;
    private LeaveState _statelessState;

    [GlobalSetup]
    public void Setup()
    {
        var clock = new FrozenClock(Instant.FromUtc(2022, 10, 10, 1, 0));
        _service = new LeaveLifecycle(new PolicyEngine(PolicyVersionSet.Default, clock), WorkCalendar.National);
        _network = SyntheticDistrict.Build(staffPerCentre: 4, townships: 1, new LocalDate(2022, 10, 10));
        var staff = _network.Posts[0].AHolder;
        _centre = Actor.For("director", _network.GetStaff(staff).StationedAt!.Value);
        // Filed once here: the benchmark measures what follows the filing.
        _request = _service.Request(new LeaveRequest("L1", staff, new LocalDate(2022, 10, 17), new LocalDate(2022, 10, 18), "事假", new LocalDate(2022, 10, 12)), _network, _centre).Entity;
        _stateless = LeaveLifecycle.Machine.Build(() => _statelessState, s => _statelessState = s);
    }

    [Benchmark(Baseline = true)]
    public LeaveState Machine_RebuildPerCall()
    {
        var state = LeaveState.Requested;
        foreach (var trigger in Path)
        {
            var machine = LeaveLifecycle.Machine.Build(() => state, s => state = s);
            machine.Fire(trigger);
        }

        return state;
    }

    [Benchmark]
    public LeaveState Stateless_ConfiguredOnce()
    {
        _statelessState = LeaveState.Requested;
        foreach (var trigger in Path)
        {
            _stateless.Fire(trigger);
        }

        return _statelessState;
    }

    [Benchmark]
    public LeaveState Machine_ConfiguredOnce()
    {
        var state = LeaveState.Requested;
        foreach (var trigger in Path)
        {
            state = LeaveLifecycle.Machine.Fire(state, trigger);
        }

        return state;
    }

    [Benchmark]
    public LeaveState Service_FullLifecycleWithRules()
    {
        var r = _service.Approve(_request, _network, [], _centre, new LocalDate(2022, 10, 13)).Entity;
        r = _service.Start(r, new LocalDate(2022, 10, 17)).Entity;
        r = _service.Return(r, new LocalDate(2022, 10, 19)).Entity;
        return _service.ReportBack(r, _network, new LocalDate(2022, 10, 19), _centre).Entity.State;
    }
}
