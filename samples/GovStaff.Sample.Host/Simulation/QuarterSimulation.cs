using System.Globalization;
using GovStaff.Policy.Appraisal;
using GovStaff.Policy.Attendance;
using GovStaff.Policy.Calendars;
using GovStaff.Policy.Decisions;
using GovStaff.Policy.Hosting;
using GovStaff.Policy.Lifecycles;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Plugins;
using GovStaff.Policy.Regulation;
using GovStaff.Policy.Reporting;
using GovStaff.Policy.Serialization;
using GovStaff.Policy.Service;
using GovStaff.Policy.Staffing;
using GovStaff.Sample.Host.Roster;
using NodaTime;

namespace GovStaff.Sample.Host.Simulation;

/// <summary>
/// Simulates 2022 Q4 in the Shapotou district day by day on the official calendar (National Day with its adjusted
/// Saturday and Sunday), through the public API, writing each day to the store as one commit with its progress — so
/// a second run resumes after the last finished day and never duplicates anything.
/// </summary>
internal sealed class QuarterSimulation
{
    public static readonly AppraisalPeriod Quarter = AppraisalPeriod.Quarter(2022, 4);
    // The sample's own bookkeeping, beside the library's kinds (DocumentKinds): how far the simulation got, and the
    // grades of the quarter before it (Art. 29 counts consecutive failures).
    private const string ProgressKind = "simulation";
    private const string PreviousQuarterKind = "appraisal-q3";
    private const string ProgressId = "2022Q4";
    // The appraisal methods the district scores on (a roster's 考核办法, or the defaults), for a resumed run and the report.
    internal const string MethodKind = "appraisal-method";

    // Two people perform poorly this quarter: one already failed 2022Q3 (two in a row: returned), one fails for the first time.
    private static readonly StaffId FailedBefore = new("640502105-b");
    private static readonly StaffId FailsNow = new("640502108-a");

    private readonly IPolicyStore _store;
    private readonly WorkCalendar _calendar;
    private readonly ServiceSchedule _schedule;
    private readonly SimulationClock _clock = new();
    private readonly PolicyEngine _engine;
    private readonly TextWriter _progress;
    private readonly Dictionary<(string Kind, string Id), long> _versions = [];

    private readonly DistrictRoster? _seed;

    public QuarterSimulation(IPolicyStore store, PolicyVersionSet versions, WorkCalendar calendar, OfficeHours hours, TextWriter progress, DistrictRoster? seed = null)
    {
        _seed = seed;
        _store = store;
        _calendar = calendar;
        _schedule = new ServiceSchedule(calendar, hours);
        _engine = new PolicyEngine(versions, _clock);
        _progress = progress;
    }

    public sealed record RunResult(bool Resumed, LocalDate? ResumedAfter, int DaysSimulated, int Decisions, int Warnings, bool WasComplete);

    public async Task<RunResult> RunAsync(CancellationToken cancellationToken)
    {
        var progressDoc = await _store.LoadAsync(ProgressKind, ProgressId, cancellationToken);
        var lastDay = progressDoc is null ? (LocalDate?)null : GovStaffJson.Deserialize<LocalDate>(progressDoc.Json);
        if (progressDoc is not null)
        {
            _versions[(ProgressKind, ProgressId)] = progressDoc.Version;
        }

        if (lastDay == Quarter.End)
        {
            return new RunResult(true, lastDay, 0, 0, 0, WasComplete: true);
        }

        var state = await State.LoadAsync(_store, _versions, cancellationToken);
        if (lastDay is null && _seed is not null)
        {
            // A fresh store seeded from a roster workbook: its district replaces the built-in one.
            state.Network = _seed.Network;
            state.Methods = _seed.Methods;
        }

        var days = 0;
        var decisions = 0;
        var warnings = 0;
        for (var day = lastDay?.PlusDays(1) ?? Quarter.Start; day <= Quarter.End; day = day.PlusDays(1))
        {
            // Asked to stop: the days committed so far are whole, and the next run resumes after the last of them.
            cancellationToken.ThrowIfCancellationRequested();
            _clock.Today = day;
            var batch = new WriteBatch();
            var journal = new Journal(this, state, day);
            if (day == Quarter.Start)
            {
                journal.Seed();
            }

            if (_calendar.IsWorkingDay(day))
            {
                journal.WorkingDay();
            }

            if (day == Quarter.End)
            {
                journal.QuarterEnd();
            }

            batch = journal.Batch.Merge(new WriteBatch
            {
                Documents = [.. journal.Documents, Document(ProgressKind, ProgressId, GovStaffJson.Serialize(day))],
            });
            await _store.CommitAsync(batch, cancellationToken);
            foreach (var d in batch.Documents)
            {
                _versions[(d.Kind, d.Id)] = d.ExpectedVersion + 1;
            }

            days++;
            decisions += journal.Decisions;
            warnings += journal.Warnings;
            if (day.Day == 1 || day == Quarter.End)
            {
                await _progress.WriteLineAsync($"  {day:yyyy-MM}: {decisions} decisions so far, {warnings} warnings / 已模拟至{day:yyyy-MM-dd}");
            }
        }

        return new RunResult(lastDay is not null, lastDay, days, decisions, warnings, WasComplete: false);
    }

    private DocumentWrite Document(string kind, string id, string json) =>
        new(kind, id, json, _versions.GetValueOrDefault((kind, id)));

    /// <summary>What the quarter holds so far, loaded from the store (on resume) or built up during the run.</summary>
    internal sealed class State
    {
        public ServiceNetwork Network { get; set; } = ShapotouDistrict.Build(Quarter.Start);
        // The roster's or the store's methods; null until one gives them.
        public IReadOnlyList<AppraisalMethod>? Methods { get; set; }

        // Without a roster's or a stored list, the district's appraising bodies score on the defaults.
        public IReadOnlyList<AppraisalMethod> MethodsInForce => Methods ?? DistrictRoster.DefaultMethods(Network);
        public Dictionary<string, ServiceCase> Cases { get; } = [];
        public Dictionary<string, Rectification> Rectifications { get; } = [];
        public List<Rating> Ratings { get; } = [];
        public List<Complaint> Complaints { get; } = [];

        public static async Task<State> LoadAsync(IPolicyStore store, Dictionary<(string, string), long> versions, CancellationToken ct)
        {
            var state = new State();
            async Task<IEnumerable<T>> All<T>(string kind)
            {
                var docs = await store.LoadAllAsync(kind, ct);
                foreach (var d in docs)
                {
                    versions[(d.Kind, d.Id)] = d.Version;
                }

                return docs.Select(d => GovStaffJson.Deserialize<T>(d.Json));
            }

            if ((await All<ServiceNetwork>(DocumentKinds.Network)).FirstOrDefault() is { } network)
            {
                state.Network = network;
            }

            foreach (var c in await All<ServiceCase>(DocumentKinds.Case))
            {
                state.Cases[c.Id] = c;
            }

            foreach (var r in await All<Rectification>(DocumentKinds.Rectification))
            {
                state.Rectifications[r.Rating.Id] = r;
            }

            var methods = (await All<StoredMethod>(MethodKind)).ToList();
            if (methods.Count > 0)
            {
                state.Methods = [.. methods.OrderBy(m => m.Order).Select(m => m.ToMethod())];
            }

            state.Ratings.AddRange(await All<Rating>(DocumentKinds.Rating));
            state.Complaints.AddRange(await All<Complaint>(DocumentKinds.Complaint));
            return state;
        }
    }

    /// <summary>One day's actions, gathered into one batch.</summary>
    private sealed class Journal(QuarterSimulation sim, State state, LocalDate day)
    {
        private readonly List<DocumentWrite> _documents = [];

        public WriteBatch Batch { get; private set; } = new();

        public IReadOnlyList<DocumentWrite> Documents => _documents;

        public int Decisions { get; private set; }

        public int Warnings { get; private set; }

        private ServiceNetwork Net => state.Network;

        private PolicyEngine Engine => sim._engine;

        public void Seed()
        {
            Put(DocumentKinds.Network, DocumentKinds.DistrictId, Net);
            var methods = state.MethodsInForce;
            for (var i = 0; i < methods.Count; i++)
            {
                var m = StoredMethod.Of(methods[i], i);
                Put(MethodKind, m.Id, m);
            }

            // The previous quarter's appraisal results, as the township recorded them.
            foreach (var s in Net.Staff.Where(s => s.Role.IsWindowStaff() || s.Role == Role.VillageAgent))
            {
                var grade = s.Id == FailedBefore ? Grade.Fail : Grade.Pass;
                Put(PreviousQuarterKind, s.Id.Value, new { staff = s.Id.Value, period = "2022Q3", grade = grade.ToString() });
            }
        }

        public void WorkingDay()
        {
            Scripted();
            AcceptCases();
            CompleteCases();
            HandleBadReviews();
            TrackCases();
        }

        private void Scripted()
        {
            var centre = ShapotouDistrict.Centre("640502100");
            var binhe = new HomeUnitId("township-640502100");
            var centreActor = Actor.For("滨河镇民生服务中心", centre);
            var on = day.ToString("MM-dd", CultureInfo.InvariantCulture);
            if (!ScriptFits(on))
            {
                return; // a district from a roster without the people and bodies this day's story is about
            }

            switch (on)
            {
                case "10-08": // nominations: one fit, one aged 45, one village agent who is neither grid worker nor committee member
                    var staffing = new StaffingRules(Engine);
                    var fit = new StaffMember(new StaffId("new-1"), "高晓燕", new LocalDate(1994, 5, 20), binhe, Role.Other, null, true, true);
                    var old = new StaffMember(new StaffId("new-2"), "马国庆", new LocalDate(1976, 10, 8), binhe, Role.Other, null, true, true);
                    var notGrid = new StaffMember(new StaffId("new-3"), "李春花", new LocalDate(1990, 3, 3), new HomeUnitId("committee-640502100-0"), Role.Other);
                    var net = Net.WithStaff(fit).WithStaff(old).WithStaff(notGrid);
                    Record(staffing.VetNomination(new Nomination(fit.Id, centre, Role.TownshipWindowStaff, day), net), null);
                    Record(staffing.VetNomination(new Nomination(old.Id, centre, Role.TownshipWindowStaff, day), net), null);
                    Record(staffing.VetNomination(new Nomination(notGrid.Id, ShapotouDistrict.Village("640502100", 0), Role.VillageAgent, day), net), null);
                    break;
                case "10-10": // a police station recalls its officer without approval
                    var transfers = new TransferLifecycle(Engine, sim._calendar);
                    var station = Actor.For("文昌派出所", new HomeUnitId("police-640502101"));
                    var request = transfers.Request(new TransferRequest("adjust-1", new StaffId("640502101-police"), TransferKind.PoliceAdjustment, new LocalDate(2020, 3, 2), day, "所内警力调整"), Net, station);
                    Record(request);
                    Record(transfers.Execute(request.Entity, Net, station, day));
                    break;
                case "10-17": // leave with B cover, then B asks for an overlapping day
                    var leave = new LeaveLifecycle(Engine, sim._calendar);
                    var a = leave.Request(new LeaveRequest("leave-a", new StaffId("640502100-a"), new LocalDate(2022, 10, 24), new LocalDate(2022, 10, 25), "家中有事", day), Net, centreActor);
                    var approvedA = leave.Approve(a.Entity, Net, [], centreActor, day);
                    Record(approvedA);
                    var b = leave.Request(new LeaveRequest("leave-b", new StaffId("640502100-b"), new LocalDate(2022, 10, 25), new LocalDate(2022, 10, 26), "看病", day), Net, centreActor);
                    Record(leave.Approve(b.Entity, Net, [approvedA.Entity], centreActor, day));
                    break;
                case "10-19": // appointments
                    var appointments = new AppointmentRules(Engine, sim._schedule);
                    var asked = new Appointment("appt-1", centre, AppointmentChannel.Phone, sim._clock.GetCurrentInstant(), "社保卡补办");
                    Record(appointments.Accept(asked, sim._clock.GetCurrentInstant() + Duration.FromHours(1), At(day.PlusDays(1), 10), ["身份证原件", "一寸照片"]), null);
                    break;
                case "10-21": // door-to-door, once free, once with a fee
                    var doors = new DoorToDoorRules(Engine);
                    var agent = Net.GetStaff(new StaffId("640502100-agent-0"));
                    Record(doors.Judge(agent, DoorToDoorReason.Elderly, 0, day, "visit:1"), null);
                    Record(doors.Judge(agent, DoorToDoorReason.Disabled, 20, day, "visit:2"), null);
                    break;
                case "11-15" or "11-16" or "11-18": // a complaint, investigated and fed back
                    var complaints = new ComplaintLifecycle(Engine);
                    var existing = state.Complaints.FirstOrDefault();
                    var result = existing is null
                        ? complaints.Accept(new Complaint("complaint-1", centre, day, "窗口人员答复不耐烦", new StaffId("640502100-b")), Net, centreActor)
                        : existing.State == ComplaintState.Accepted
                            ? complaints.Investigate(existing, centreActor, day)
                            : complaints.FeedBack(existing, "已约谈当事人并向投诉人致歉", day, centreActor, day);
                    Record(result);
                    state.Complaints.Clear();
                    state.Complaints.Add(result.Entity);
                    Put(DocumentKinds.Complaint, "complaint-1", result.Entity);
                    break;
            }
        }

        // The scripted days are about named people and bodies of the built-in district; a roster's district may lack them.
        private bool ScriptFits(string on)
        {
            bool Bodies(params string[] ids) => ids.All(id => Net.TryGetBody(new ServiceBodyId(id), out _));
            bool Units(params string[] ids) => ids.All(id => Net.TryGetHomeUnit(new HomeUnitId(id), out _));
            bool People(params string[] ids) => ids.All(id => Net.TryGetStaff(new StaffId(id), out _));
            return on switch
            {
                "10-08" => Bodies("centre-640502100", "village-640502100-0") && Units("township-640502100", "committee-640502100-0") && !People("new-1") && !People("new-2") && !People("new-3"),
                "10-10" => Units("police-640502101") && People("640502101-police"),
                "10-17" => Bodies("centre-640502100") && People("640502100-a", "640502100-b"),
                "10-19" => Bodies("centre-640502100"),
                "10-21" => People("640502100-agent-0"),
                "11-15" or "11-16" or "11-18" => Bodies("centre-640502100") && People("640502100-b"),
                _ => true,
            };
        }

        private void AcceptCases()
        {
            var rules = new CaseRules(Engine, sim._calendar);
            var n = sim._calendar.CountWorkingDays(Quarter.Start, day);
            foreach (var body in Net.Bodies.Where((b, i) => b.Kind != ServiceBodyKind.VillageCentre || (i + n) % 3 == 0))
            {
                var staff = Net.StaffAt(body.Id).FirstOrDefault(s => s.Role.IsWindowStaff() || s.Role == Role.VillageAgent);
                if (staff is null)
                {
                    continue;
                }

                var id = $"{day:MMdd}-{body.Id}";
                var channel = (n + body.Id.Value.Length) % 5 < 2 ? ServiceChannel.Online : ServiceChannel.OnSite;
                var result = rules.Accept(new ServiceCase(id, body.Id, staff.Id, Items[(n + body.Id.Value.Length) % Items.Length], channel, day, 20, 5), Net, Actor.For(staff.Name, body.Id));
                Record(result, notify: false);
                state.Cases[id] = result.Entity;
                Put(DocumentKinds.Case, id, result.Entity);
            }
        }

        private void CompleteCases()
        {
            var rules = new CaseRules(Engine, sim._calendar);
            var ratings = new RatingRules(Engine, sim._schedule);
            foreach (var c in state.Cases.Values.Where(c => c.State == CaseState.Open).ToArray())
            {
                var poor = c.AcceptedBy == FailedBefore || c.AcceptedBy == FailsNow;
                var hash = StableHash(c.Id) % 100;
                var takes = poor ? 7 + (hash % 4) : hash < 8 ? 6 + (hash % 3) : 1 + (hash % 5);
                if (hash == 97 || WorkingDaysSince(c.AcceptedOn) < takes)
                {
                    continue; // still being handled (hash 97: never finished this quarter)
                }

                var actor = Actor.For(c.AcceptedBy.Value, c.Body);
                var done = rules.Complete(c, "准予办理", day, actor);
                Record(done, notify: false);
                var closed = rules.Close(done.Entity, day, day, actor);
                Record(closed, notify: false);
                state.Cases[c.Id] = closed.Entity;
                Put(DocumentKinds.Case, c.Id, closed.Entity);

                var late = done.Decision.Outcome == Outcome.Warning;
                var level = late ? (poor ? RatingLevel.VeryDissatisfied : RatingLevel.Dissatisfied) : hash % 4 == 0 ? RatingLevel.Satisfied : RatingLevel.VerySatisfied;
                if (hash % 5 == 4 && !late)
                {
                    continue; // not every service is rated (未评价)
                }

                var rating = new Rating("rating-" + c.Id, level, c.Channel == ServiceChannel.Online ? RatingChannel.PerMatter : RatingChannel.PerVisit, c.Body,
                    sim._clock.GetCurrentInstant(), c.AcceptedBy, c.Item, late ? "办理超过承诺时限" : null, realName: late && hash % 2 == 0);
                var (decision, rectification, @event) = ratings.Record(rating);
                Record(decision, @event);
                state.Ratings.Add(rating);
                Put(DocumentKinds.Rating, rating.Id, rating);
                if (rectification is not null)
                {
                    state.Rectifications[rating.Id] = rectification;
                    Put(DocumentKinds.Rectification, rating.Id, rectification);
                }
            }
        }

        private void HandleBadReviews()
        {
            var ratings = new RatingRules(Engine, sim._schedule);
            foreach (var r in state.Rectifications.Values.ToArray())
            {
                var actor = Actor.For("中心负责人", r.Rating.Body);
                var elapsed = WorkingDaysSince(r.RatedOn);
                LifecycleResult<Rectification>? step = r.State switch
                {
                    RectificationState.Open when elapsed >= 1 => ratings.Contact(r, day, actor),
                    RectificationState.Contacted when elapsed >= (r.Rating.Staff == FailsNow ? 17 : 6) => ratings.Rectify(r, "优化流程、加强培训", day, actor),
                    RectificationState.Rectified when r.Rating.RealName && r.ReturnVisitOn is null => ratings.ReturnVisit(r, day, actor),
                    RectificationState.Rectified => ratings.Close(r, day, actor),
                    _ => null,
                };
                if (step is not null)
                {
                    Record(step);
                    state.Rectifications[r.Rating.Id] = step.Entity;
                    Put(DocumentKinds.Rectification, r.Rating.Id, step.Entity);
                }

                if (step?.Entity.State != RectificationState.Closed)
                {
                    Warn(ratings.CheckOverdue(step?.Entity ?? r, day));
                }
            }
        }

        private void TrackCases()
        {
            var rules = new CaseRules(Engine, sim._calendar);
            foreach (var c in state.Cases.Values.Where(c => c.State == CaseState.Open).ToArray())
            {
                var tracked = rules.Track(c, Net, day);
                if (tracked.Event is not null)
                {
                    state.Cases[c.Id] = tracked.Entity;
                    Put(DocumentKinds.Case, c.Id, tracked.Entity);
                    Record(tracked);
                }
                else
                {
                    Warn(tracked.Decision);
                }
            }
        }

        public void QuarterEnd()
        {
            var schemes = new DistrictRoster(Net, state.MethodsInForce).Schemes();
            var appraisals = new AppraisalLifecycle(Engine, schemes);
            var sanctions = new SanctionLifecycle(Engine, sim._calendar);
            var attendance = new AttendanceRules(Engine, sim._schedule);
            var ratingRules = new RatingRules(Engine, sim._schedule);
            // The district's own service authority (Art. 29): a roster's hall may have another id and name than the
            // built-in one. Asked only when someone is appraised: a district without bodies has no hall and no one stationed.
            Actor? serviceCentre = null;
            Actor ServiceCentre() => serviceCentre ??= Authority.ServiceAuthority(Net) is var hall && hall == ShapotouDistrict.Hall
                ? Actor.For("沙坡头区政务服务中心", hall)
                : Actor.For(Net.GetBody(hall).Name, hall);
            var summaries = new List<AttendanceSummary>();
            // Those stationed at a body: someone on the roster but not yet stationed has no appraiser (Arts. 23–25).
            foreach (var staff in Net.Staff.Where(s => (s.Role.IsWindowStaff() || s.Role == Role.VillageAgent) && s.StationedAt is not null))
            {
                var poor = staff.Id == FailedBefore || staff.Id == FailsNow;
                if (staff.Role.IsWindowStaff())
                {
                    var summary = attendance.Summarize(staff, Quarter.Days, SignIns(staff, poor));
                    summaries.Add(summary);
                    Put(DocumentKinds.Attendance, staff.Id.Value, new AttendanceFigures(staff.Id.Value, summary.WorkingDays, summary.LeaveDays, summary.DaysPresent, summary.LateCount, summary.EarlyLeaveCount, summary.Absences));
                }

                var (parties, _, _) = Authority.Appraisers(staff, Net, new LocalDate(2020, 3, 2), Quarter.End, PolicyOptions.Default);
                var appraiser = parties[0].ServiceBody is { } b ? Actor.For("考核组", b) : Actor.For("考核组", parties[0].HomeUnit!.Value);
                var rates = RatingRates.ForStaff(staff.Id, Quarter.Days, state.Ratings, state.Rectifications.Values, state.Cases.Values.Count(c => c.AcceptedBy == staff.Id && c.CompletedOn is not null),
                    r => ratingRules.Dues(r).RectificationDue);
                var attendanceScore = summaries.LastOrDefault(s => s.Staff == staff.Id) is { } sum ? (decimal)Math.Round(sum.AttendanceRate * 100, 1) : 95m;
                var set = schemes.For(staff.Role, parties);
                var scores = set.Indicators.ToDictionary(i => i.Code, i => Measure(i) switch
                {
                    "attendance" => attendanceScore,
                    "satisfaction" => rates.SatisfactionScore(PolicyOptions.Default),
                    _ => poor ? 45m : 86m,
                });
                var appraisal = new StaffAppraisal($"2022Q4-{staff.Id}", staff.Id, Quarter, new LocalDate(2020, 3, 2));
                var scored = appraisals.Score(appraisal, Net, scores, appraiser, day);
                var current = scored.Entity;
                foreach (var party in parties.Skip(1))
                {
                    current = appraisals.CoSign(current, Net, party.ServiceBody is { } sb ? Actor.For("考核组", sb) : Actor.For("考核组", party.HomeUnit!.Value), day).Entity;
                }

                var graded = appraisals.Grade(current, Net, appraiser, day);
                Record(graded, notify: false);
                Put(DocumentKinds.Appraisal, appraisal.Id, graded.Entity);
                // The same stationing as this quarter's: Art. 29 chains failed quarters within one stationing.
                var previous = new StaffAppraisal($"2022Q3-{staff.Id}", staff.Id, Quarter.Previous, appraisal.StationedOn);
                var history = staff.Id == FailedBefore
                    ? new[] { Graded(appraisals, set, previous, appraiser, 50m), graded.Entity }
                    : [graded.Entity];
                var sanction = sanctions.Apply(staff, history, Net, ServiceCentre(), day, "sanction-" + staff.Id);
                if (sanction.Event is not null)
                {
                    Record(sanction.Decision, sanction.Event);
                    Put(DocumentKinds.Sanction, staff.Id.Value, new SanctionRecord(staff.Id.Value, sanction.Event.Kind, sanction.Decision.Citations.Select(c => c.ToString("both", null)).ToArray(), sanction.Decision.Findings[^1].Message));
                }
            }
        }

        // What the simulation measures for an indicator: attendance and satisfaction are counted, the rest judged. A
        // roster's own set is matched by code or by its Chinese name.
        private static string Measure(Indicator indicator) =>
            indicator.Code == "attendance" || indicator.Name.Zh.Contains("出勤", StringComparison.Ordinal) ? "attendance"
            : indicator.Code == "satisfaction" || indicator.Name.Zh.Contains("满意", StringComparison.Ordinal) ? "satisfaction"
            : "judged";

        private StaffAppraisal Graded(AppraisalLifecycle appraisals, IndicatorSet set, StaffAppraisal appraisal, Actor appraiser, decimal each)
        {
            var scores = set.Indicators.ToDictionary(i => i.Code, _ => each);
            var scored = appraisals.Score(appraisal, Net, scores, appraiser, Quarter.Previous.End.PlusDays(5)).Entity;
            return appraisals.Grade(scored, Net, appraiser, Quarter.Previous.End.PlusDays(5)).Entity;
        }

        private IEnumerable<AttendanceRecord> SignIns(StaffMember staff, bool poor)
        {
            var n = 0;
            foreach (var d in Quarter.Days.Where(sim._calendar.IsWorkingDay))
            {
                n++;
                var hash = StableHash(staff.Id.Value + d.DayOfYear.ToString(CultureInfo.InvariantCulture)) % 100;
                if ((poor && hash < 9) || hash == 0)
                {
                    continue; // absent
                }

                var late = poor ? hash % 4 == 0 : hash % 23 == 0;
                yield return new AttendanceRecord(staff.Id, At(d, late ? 9 : 8, late ? 17 : 52), AttendanceRecordKind.SignIn);
                yield return new AttendanceRecord(staff.Id, At(d, 17, hash % 31 == 0 ? 10 : 35), AttendanceRecordKind.SignOut);
            }
        }

        // Working days after an event, up to and including today (0 on the day itself).
        private int WorkingDaysSince(LocalDate from) => day <= from ? 0 : sim._calendar.CountWorkingDays(from.PlusDays(1), day);

        // string.GetHashCode is randomised per process; a resumed run must make the same choices as the first.
        private static int StableHash(string text)
        {
            var hash = 2166136261u;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 16777619u;
            }

            return (int)(hash % int.MaxValue);
        }

        private static Instant At(LocalDate d, int hour, int minute = 0) => d.At(new LocalTime(hour, minute)).InZoneStrictly(OfficeHours.ChinaZone).ToInstant();

        private void Warn(Decision decision)
        {
            if (decision.Outcome != Outcome.Warning)
            {
                return;
            }

            var code = string.Join("+", decision.Findings.Where(f => f.Severity == Severity.Warning).Select(f => f.Code));
            var @event = new DomainEvent("warning." + code, decision.Subject ?? "-", null, decision.EvaluatedAt, day, decision.Citations, decision.PolicyVersion,
                decision.Findings.First(f => f.Severity == Severity.Warning).Message, new Dictionary<string, string>());
            Record(decision, @event, key: $"{decision.Subject}|{code}|{day:yyyy-MM-dd}");
            Warnings++;
        }

        private void Record<T>(LifecycleResult<T> result, bool notify = true)
            where T : class => Record(result.Decision, result.Event, notify);

        private void Record(Decision decision, DomainEvent? @event, bool notify = true, string? key = null)
        {
            Batch = Batch.Merge(PolicyRecorder.Prepare(decision, @event, null, notify, key));
            Decisions++;
        }

        private void Put(string kind, string id, object value)
        {
            _documents.RemoveAll(d => d.Kind == kind && d.Id == id);
            _documents.Add(sim.Document(kind, id, GovStaffJson.Serialize(value)));
        }

        private static readonly string[] Items = ["城乡居民养老保险参保登记", "个体工商户设立登记", "低保申请", "残疾人两项补贴申请", "医保异地就医备案", "社会保障卡补换", "高龄津贴申请", "食品经营许可"];
    }
}
