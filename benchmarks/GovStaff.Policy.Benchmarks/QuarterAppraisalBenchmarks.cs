using BenchmarkDotNet.Attributes;
using GovStaff.Policy.Appraisal;
using GovStaff.Policy.Decisions;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Regulation;
using NodaTime;
using NodaTime.Testing;

namespace GovStaff.Policy.Benchmarks;

/// <summary>
/// Quarter-end appraisal of a synthetic district: every person scored and graded by their township, then Art. 29
/// applied against the previous quarter. The baseline grades without the sanctions step.
/// </summary>
[MemoryDiagnoser]
public class QuarterAppraisalBenchmarks
{
    private static readonly AppraisalPeriod Q4 = AppraisalPeriod.Quarter(2022, 4);
    private static readonly LocalDate Day = new(2023, 1, 5);
    private ServiceNetwork _network = null!;
    private AppraisalLifecycle _appraisals = null!;
    private SanctionLifecycle _sanctions = null!;
    private Dictionary<string, decimal>[] _scores = null!;
    private StaffAppraisal[] _previous = null!;
    private Actor[] _townships = null!;
    private Actor _serviceAuthority = null!;

    [Params(10_000, 100_000)]
    public int Staff { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        const int townships = 11;
        _network = SyntheticDistrict.Build(Staff / townships, townships, Day);
        var engine = new PolicyEngine(PolicyVersionSet.Default, new FakeClock(Instant.FromUtc(2023, 1, 5, 1, 0)));
        _appraisals = new AppraisalLifecycle(engine);
        _sanctions = new SanctionLifecycle(engine);
        _townships = Enumerable.Range(0, townships).Select(t => Actor.For("township", new HomeUnitId($"t{t}"))).ToArray();
        _serviceAuthority = Actor.For("centre", new ServiceBodyId("hall"));
        // One in twenty fails; the previous quarter failed for one in forty, so some are returned and some admonished.
        _scores = _network.Staff.Select((s, i) => IndicatorSet.WindowStaffDefault.Indicators.ToDictionary(x => x.Code, _ => i % 20 == 0 ? 55m : 82m)).ToArray();
        _previous = _network.Staff.Select((s, i) => Grade(new StaffAppraisal($"q3-{s.Id}", s.Id, Q4.Previous), s, i % 40 == 0 ? 50m : 80m)).ToArray();
    }

    [Benchmark(Baseline = true)]
    public int ScoreAndGrade()
    {
        var failed = 0;
        var staff = _network.Staff;
        for (var i = 0; i < staff.Count; i++)
        {
            var graded = Grade(new StaffAppraisal($"q4-{i}", staff[i].Id, Q4), staff[i], i);
            failed += graded.Grade == Appraisal.Grade.Fail ? 1 : 0;
        }

        return failed;
    }

    [Benchmark]
    public int ScoreGradeAndSanction()
    {
        var sanctioned = 0;
        var staff = _network.Staff;
        for (var i = 0; i < staff.Count; i++)
        {
            var graded = Grade(new StaffAppraisal($"q4-{i}", staff[i].Id, Q4), staff[i], i);
            var outcome = _sanctions.Apply(staff[i], [_previous[i], graded], _network, _serviceAuthority, Day, $"s-{i}");
            sanctioned += outcome.Event is null ? 0 : 1;
        }

        return sanctioned;
    }

    private StaffAppraisal Grade(StaffAppraisal appraisal, StaffMember staff, int index) =>
        Grade(appraisal, staff, _scores[index]);

    private StaffAppraisal Grade(StaffAppraisal appraisal, StaffMember staff, decimal each) =>
        Grade(appraisal, staff, IndicatorSet.WindowStaffDefault.Indicators.ToDictionary(x => x.Code, _ => each));

    private StaffAppraisal Grade(StaffAppraisal appraisal, StaffMember staff, Dictionary<string, decimal> scores)
    {
        var township = _townships[int.Parse(staff.HomeUnitId.Value.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture)];
        var scored = _appraisals.Score(appraisal, _network, scores, township, Day).Entity;
        return _appraisals.Grade(scored, _network, township, Day).Entity;
    }
}
