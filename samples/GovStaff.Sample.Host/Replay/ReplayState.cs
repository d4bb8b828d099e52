using GovStaff.Policy;
using GovStaff.Policy.Appraisal;
using GovStaff.Policy.Attendance;
using GovStaff.Policy.Calendars;
using GovStaff.Policy.Decisions;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Regulation;
using GovStaff.Policy.Service;
using GovStaff.Policy.Staffing;
using GovStaff.Sample.Host.Simulation;
using NodaTime;

namespace GovStaff.Sample.Host.Replay;

/// <summary>
/// Everything a replay keeps between actions: the district as it changes, the entities the actions filed (an entity
/// whose filing was refused stays a draft: it acts on nothing), what was recorded (attendance, ratings, conduct), and
/// the rules, built once per run.
/// </summary>
internal sealed class ReplayState
{
    public ReplayState(PolicyEngine engine, SimulationClock clock, WorkCalendar calendar, OfficeHours hours, ServiceNetwork network)
    {
        Engine = engine;
        Clock = clock;
        Calendar = calendar;
        Schedule = new ServiceSchedule(calendar, hours);
        Network = network;
        Staffing = new StaffingRules(engine);
        Stationings = new StationingLifecycle(engine);
        Transfers = new TransferLifecycle(engine, calendar);
        Leave = new LeaveLifecycle(engine, calendar);
        Attendance = new AttendanceRules(engine, Schedule);
        Cases = new CaseRules(engine, calendar);
        Notifications = new OneTimeNotificationRules(engine, calendar);
        FirstContact = new FirstContactRules(engine);
        Appointments = new AppointmentRules(engine, Schedule);
        ExtendedHours = new ExtendedHoursRules(engine, Schedule);
        Oversight = new GovStaff.Policy.Reporting.OversightRules(engine);
        DoorToDoor = new DoorToDoorRules(engine);
        Conduct = new ConductAndTrainingRules(engine, calendar);
        Ratings = new RatingRules(engine, Schedule);
        Complaints = new ComplaintLifecycle(engine);
        Sanctions = new SanctionLifecycle(engine, calendar);
    }

    public PolicyEngine Engine { get; }

    public SimulationClock Clock { get; }

    public WorkCalendar Calendar { get; }

    public ServiceSchedule Schedule { get; }

    /// <summary>The district; stationings change who serves where.</summary>
    public ServiceNetwork Network { get; set; }

    /// <summary>The date of the action being run.</summary>
    public LocalDate Today { get; set; }

    /// <summary>The appraisal methods the scenario declared (Art. 19, 27); the defaults otherwise.</summary>
    public AppraisalSchemes Schemes { get; set; } = AppraisalSchemes.Default;

    public StaffingRules Staffing { get; }

    public StationingLifecycle Stationings { get; }

    public TransferLifecycle Transfers { get; }

    public LeaveLifecycle Leave { get; }

    public AttendanceRules Attendance { get; }

    public CaseRules Cases { get; }

    public OneTimeNotificationRules Notifications { get; }

    public FirstContactRules FirstContact { get; }

    public AppointmentRules Appointments { get; }

    public ExtendedHoursRules ExtendedHours { get; }

    public GovStaff.Policy.Reporting.OversightRules Oversight { get; }

    public DoorToDoorRules DoorToDoor { get; }

    public ConductAndTrainingRules Conduct { get; }

    public RatingRules Ratings { get; }

    public ComplaintLifecycle Complaints { get; }

    public SanctionLifecycle Sanctions { get; }

    public Dictionary<string, Stationing> StationingsById { get; } = [];

    public Dictionary<string, TransferRequest> TransfersById { get; } = [];

    public Dictionary<string, LeaveRequest> LeaveById { get; } = [];

    public Dictionary<string, ServiceCase> CasesById { get; } = [];

    public Dictionary<string, Application> ApplicationsById { get; } = [];

    public Dictionary<string, Inquiry> InquiriesById { get; } = [];

    public Dictionary<string, Appointment> AppointmentsById { get; } = [];

    /// <summary>Appointments answered (accepted or refused): no longer due an answer.</summary>
    public HashSet<string> AnsweredAppointments { get; } = [];

    public Dictionary<string, Rating> RatingsById { get; } = [];

    public Dictionary<string, Rectification> RectificationsById { get; } = [];

    public Dictionary<string, Complaint> ComplaintsById { get; } = [];

    public Dictionary<string, StaffAppraisal> AppraisalsById { get; } = [];

    public Dictionary<string, Admonition> AdmonitionsById { get; } = [];

    public Dictionary<string, Recall> RecallsById { get; } = [];

    public List<AttendanceRecord> AttendanceRecords { get; } = [];

    public List<ExtendedService> ExtendedServices { get; } = [];

    public List<ConductRecord> ConductRecords { get; } = [];

    public List<TrainingRecord> Trainings { get; } = [];

    /// <summary>The person's leave as the attendance rules count it: every request approved, whether begun, over or not.</summary>
    public IEnumerable<LeavePeriod> LeaveOf(StaffId staff) =>
        LeaveById.Values.Where(l => l.Staff == staff && l.State is LeaveState.Approved or LeaveState.OnLeave or LeaveState.Returned or LeaveState.Closed)
            .Select(l => new LeavePeriod(l.Staff, l.From, l.To));

    /// <summary>The actor of an action; the reader has checked that it is there when the action needs one.</summary>
    public static Actor ActorOf(ScenarioAction action) =>
        action.Actor is not { } a ? throw new InvalidOperationException("The reader checks the actor.")
        : a.Body is { } b ? Actor.For(a.Person, new ServiceBodyId(b))
        : a.Unit is { } u ? Actor.For(a.Person, new HomeUnitId(u))
        : throw new InvalidOperationException("The reader checks the actor.");

    /// <summary>The actor when given, else null.</summary>
    public static Actor? OptionalActor(ScenarioAction action) => action.Actor is null ? null : ActorOf(action);

    /// <summary>An instant on the action's day in Beijing time (10:00 unless a time is given).</summary>
    public Instant At(LocalTime? time = null) => Today.At(time ?? new LocalTime(10, 0)).InZoneLeniently(OfficeHours.ChinaZone).ToInstant();
}
