using BenchmarkDotNet.Attributes;
using GovStaff.Policy.Appraisal;
using GovStaff.Policy.Attendance;
using GovStaff.Policy.Calendars;
using GovStaff.Policy.Reporting;
using GovStaff.Policy.Decisions;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Regulation;
using NodaTime;

namespace GovStaff.Policy.Benchmarks;

/// <summary>
/// Quarter-end appraisal of a synthetic district: every person's quarter of attendance, cases and ratings turned into
/// indicator scores, scored and graded by their township, then Art. 29 applied against the previous quarter. The
/// baseline grades without the sanctions step.
/// </summary>
/// <remarks>
/// The quarter's records arrive as each person's figures — the attendance summary (<see cref="AttendanceSummary"/>),
/// the rating rates (<see cref="RatingRates"/>) and the cases handled and overdue — generated in the setup; turning
/// 62 days of sign-ins per person into the summary is the attendance rules' work and not measured here. One person
/// in twenty has a poor quarter (about half the days present, half the ratings bad, five cases overdue) and fails;
/// one in forty failed the previous quarter too, so some are returned and the rest of the failures admonished.
/// </remarks>
[MemoryDiagnoser]
public class QuarterAppraisalBenchmarks
{
    private static readonly AppraisalPeriod Q4 = AppraisalPeriod.Quarter(2022, 4);
    private static readonly LocalDate Day = new(2023, 1, 5);
    private ServiceNetwork _network = null!;
    private AppraisalLifecycle _appraisals = null!;
    private SanctionLifecycle _sanctions = null!;
    private QuarterFigures[] _figures = null!;
    private StaffAppraisal[] _previous = null!;
    private Actor[] _townships = null!;
    private Actor _serviceAuthority = null!;

    [Params(10_000, 100_000, 1_000_000)]
    public int Staff { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        const int townships = 11;
        _network = SyntheticDistrict.Build(Staff / townships, townships, Day);
        var engine = new PolicyEngine(PolicyVersionSet.Default, new FrozenClock(Instant.FromUtc(2023, 1, 5, 1, 0)));
        _appraisals = new AppraisalLifecycle(engine);
        _sanctions = new SanctionLifecycle(engine, WorkCalendar.National);
        _townships = Enumerable.Range(0, townships).Select(t => Actor.For("township", new HomeUnitId($"t{t}"))).ToArray();
        _serviceAuthority = Actor.For("centre", new ServiceBodyId("hall"));
        // One in twenty fails; the previous quarter failed for one in forty, so some are returned and some admonished.
        _figures = _network.Staff.Select((s, i) => Figures(s.Id, poor: i % 20 == 0)).ToArray();
        _previous = _network.Staff.Select((s, i) => Grade(new StaffAppraisal($"q3-{s.Id}", s.Id, Q4.Previous), s, i % 40 == 0 ? 50m : 80m)).ToArray();
    }

    [Benchmark(Baseline = true)]
    public int ScoreAndGrade()
    {
        var failed = 0;
        var staff = _network.Staff;
        var scores = new Dictionary<string, decimal>(8);
        for (var i = 0; i < staff.Count; i++)
        {
            var graded = Grade(new StaffAppraisal($"q4-{i}", staff[i].Id, Q4), staff[i], Fill(scores, _figures[i]));
            failed += graded.Grade == Appraisal.Grade.Fail ? 1 : 0;
        }

        return failed;
    }

    [Benchmark]
    public int ScoreGradeAndSanction()
    {
        var sanctioned = 0;
        var staff = _network.Staff;
        var scores = new Dictionary<string, decimal>(8);
        for (var i = 0; i < staff.Count; i++)
        {
            var graded = Grade(new StaffAppraisal($"q4-{i}", staff[i].Id, Q4), staff[i], Fill(scores, _figures[i]));
            var outcome = _sanctions.Apply(staff[i], [_previous[i], graded], _network, _serviceAuthority, Day, $"s-{i}");
            sanctioned += outcome.Event is null ? 0 : 1;
        }

        return sanctioned;
    }

    /// <summary>
    /// The same work spread over the machine's cores: the services, the network and the compiled lifecycles are
    /// immutable and safe to share, so a quarter-end run may appraise people in parallel.
    /// </summary>
    [Benchmark]
    public int ScoreGradeAndSanction_Parallel()
    {
        var sanctioned = 0;
        var staff = _network.Staff;
        Parallel.For(0, staff.Count, () => (Count: 0, Scores: new Dictionary<string, decimal>(8)), (i, _, local) =>
        {
            var graded = Grade(new StaffAppraisal($"q4-{i}", staff[i].Id, Q4), staff[i], Fill(local.Scores, _figures[i]));
            var outcome = _sanctions.Apply(staff[i], [_previous[i], graded], _network, _serviceAuthority, Day, $"s-{i}");
            return (local.Count + (outcome.Event is null ? 0 : 1), local.Scores);
        }, local => Interlocked.Add(ref sanctioned, local.Count));
        return sanctioned;
    }

    // The indicators the quarter's records measure come from them; the others are the appraisers' marks (Art. 27).
    // One dictionary per run (per thread in parallel), refilled per person: Score keeps its own copy of the scores,
    // so a batch caller need not make a new one for everybody.
    private static Dictionary<string, decimal> Fill(Dictionary<string, decimal> scores, QuarterFigures f)
    {
        scores["integrity"] = f.Poor ? 80m : 90m;
        scores["ability"] = f.Poor ? 60m : 85m;
        scores["attitude"] = f.Poor ? 60m : 85m;
        scores["attendance"] = Math.Round((decimal)f.Attendance.AttendanceRate * 100m, 1);
        scores["cases"] = Math.Max(0m, 100m - (10m * f.CasesOverdue));
        scores["efficiency"] = Math.Round((decimal)f.Attendance.PunctualityRate * 100m, 1);
        scores["satisfaction"] = f.Ratings.SatisfactionScore(PolicyOptions.Default);
        scores["probity"] = f.Poor ? 80m : 90m;
        return scores;
    }

    private static QuarterFigures Figures(StaffId staff, bool poor)
    {
        // 2022 Q4 has 62 working days on the national calendar.
        var present = poor ? 30 : 60;
        var onTime = poor ? 25 : 58;
        var attendance = new AttendanceSummary(staff, Q4.Days, 62, 2, present, onTime, present - onTime, (present - onTime) * 12, 0, 0,
            60 - present, 0, 0, 0, 0, []);
        var ratings = poor ? new RatingRates(40, 20, 20, 180, 4) : new RatingRates(40, 39, 1, 180, 1);
        return new QuarterFigures(attendance, ratings, 180, poor ? 5 : 0, poor);
    }

    private sealed record QuarterFigures(AttendanceSummary Attendance, RatingRates Ratings, int CasesHandled, int CasesOverdue, bool Poor);

    private StaffAppraisal Grade(StaffAppraisal appraisal, StaffMember staff, decimal each) =>
        Grade(appraisal, staff, IndicatorSet.WindowStaffDefault.Indicators.ToDictionary(x => x.Code, _ => each));

    private StaffAppraisal Grade(StaffAppraisal appraisal, StaffMember staff, Dictionary<string, decimal> scores)
    {
        var township = _townships[int.Parse(staff.HomeUnitId.Value.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture)];
        var scored = _appraisals.Score(appraisal, _network, scores, township, Day).Entity;
        return _appraisals.Grade(scored, _network, township, Day).Entity;
    }
}
