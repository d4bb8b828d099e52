using GovStaff.Policy.Calendars;
using GovStaff.Policy.Decisions;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Regulation;
using NodaTime;

namespace GovStaff.Policy.Attendance;

/// <summary>
/// Judges sign-in and sign-out records against the body's calendar and office hours: Art. 12(1) (签到、签退 at set
/// times), Art. 12(2) (no lateness, early leave or unexcused absence) and Art. 12(8) (extended service is not early or
/// late). Village agents are not bound (Art. 13); neither are the directors, whom Art. 12 does not address.
/// </summary>
/// <remarks>
/// Only the first sign-in and the last sign-out of a day count; every other record that does not fit (a second
/// sign-in, a sign-out before the sign-in, a record dated after the evaluation instant) is kept as a finding, never
/// dropped and never a crash. Days are days in the body's zone (Asia/Shanghai).
/// </remarks>
public sealed class AttendanceRules
{
    private static readonly Citation Attendance = new(12, 1);
    private static readonly Citation Leave = new(12, 2);
    private static readonly Citation Extended = new(12, 8);

    private readonly PolicyEngine _engine;
    private readonly ServiceSchedule _schedule;

    /// <summary>Creates the rules.</summary>
    /// <param name="engine">Resolves the policy version and stamps decisions.</param>
    /// <param name="schedule">The body's calendar and office hours.</param>
    public AttendanceRules(PolicyEngine engine, ServiceSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine;
        ArgumentNullException.ThrowIfNull(schedule);
        _schedule = schedule;
    }

    /// <summary>
    /// Records a sign-in or sign-out (Art. 12(1)): the fact the day's judgement (<see cref="EvaluateDay"/>) rests on. It
    /// is permitted unless no version of the measures is in force on its day.
    /// </summary>
    public Decision Record(AttendanceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var local = record.At.InZone(_schedule.Hours.Zone).LocalDateTime;
        var (action, zh, en) = record.Kind == AttendanceRecordKind.SignIn ? ("attendance.sign-in", "签到", "Sign-in") : ("attendance.sign-out", "签退", "Sign-out");
        return _engine.Evaluate(action, Subjects.Of(record.Staff), local.Date, (Local: local, Zh: zh, En: en, record.Staff), static (_, r) =>
            [new Finding("art12-1.recorded", Severity.Satisfied, Attendance,
                new LocalizedText($"{r.Local:yyyy-MM-dd HH:mm}{r.Zh}已记录。", $"{r.En} at {r.Local:yyyy-MM-dd HH:mm} recorded."), Subjects.Of(r.Staff))]);
    }

    /// <summary>Judges one day.</summary>
    /// <param name="staff">The person.</param>
    /// <param name="date">The day.</param>
    /// <param name="records">Records; those of other people and other days are ignored.</param>
    /// <param name="leave">Approved leave; other people's is ignored.</param>
    /// <param name="extended">Extended-service records; other people's and other days' are ignored.</param>
    /// <exception cref="DateOutsideCalendarException">The day is outside the calendar's data.</exception>
    /// <exception cref="ArgumentException">The day is after today (by the engine's clock).</exception>
    public AttendanceDay EvaluateDay(
        StaffMember staff,
        LocalDate date,
        IEnumerable<AttendanceRecord> records,
        IEnumerable<LeavePeriod>? leave = null,
        IEnumerable<ExtendedService>? extended = null)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(records);
        var zone = _schedule.Hours.Zone;
        var now = _engine.Clock.GetCurrentInstant();
        var today = now.InZone(zone).Date;
        if (date > today)
        {
            throw new ArgumentException($"{date:yyyy-MM-dd} is after today ({today:yyyy-MM-dd}); attendance is judged for days that have begun.", nameof(date));
        }

        var mine = records.Where(r => r.Staff == staff.Id && r.At.InZone(zone).Date == date).OrderBy(r => r.At).ToArray();
        var onLeave = leave?.Any(l => l.Staff == staff.Id && l.Covers(date)) ?? false;
        var service = extended?.Where(e => e.Staff == staff.Id && e.Date == date).Select(e => (Instant?)e.EndedAt).Max();
        var dayStatus = _schedule.Calendar.GetStatus(date);

        var result = new Outcome(AttendanceStatus.OnTime);
        var decision = _engine.Evaluate("attendance.day", Subjects.Of(staff.Id), date, version =>
        {
            var findings = new List<Finding>();
            result = Judge(staff, date, mine, onLeave, service, dayStatus, now, version.Options.AttendanceGraceMinutes, findings);
            return findings.WarnIfAssumed(_schedule.Calendar, date, date, Subjects.Of(staff.Id));
        });

        return new AttendanceDay(staff.Id, date, result.Status, result.Late, result.Early, result.Extended, result.ExtraWork, decision);
    }

    /// <summary>Judges every day of a period and adds the figures up.</summary>
    /// <param name="staff">The person.</param>
    /// <param name="period">The days; those after today are left out.</param>
    /// <param name="records">Records (any people, any days).</param>
    /// <param name="leave">Approved leave.</param>
    /// <param name="extended">Extended-service records.</param>
    public AttendanceSummary Summarize(
        StaffMember staff,
        DateInterval period,
        IEnumerable<AttendanceRecord> records,
        IEnumerable<LeavePeriod>? leave = null,
        IEnumerable<ExtendedService>? extended = null)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(period);
        var zone = _schedule.Hours.Zone;
        var today = _engine.Clock.GetCurrentInstant().InZone(zone).Date;
        var byDay = records.Where(r => r.Staff == staff.Id).ToLookup(r => r.At.InZone(zone).Date);
        var myLeave = leave?.Where(l => l.Staff == staff.Id).ToArray() ?? [];
        var myExtended = extended?.Where(e => e.Staff == staff.Id).ToArray() ?? [];
        var days = period.Where(d => d <= today)
            .Select(d => EvaluateDay(staff, d, byDay[d], myLeave, myExtended))
            .ToArray();

        return new AttendanceSummary(
            staff.Id,
            period,
            WorkingDays: days.Count(d => _schedule.Calendar.IsWorkingDay(d.Date)),
            LeaveDays: days.Count(d => d.Status == AttendanceStatus.OnLeave),
            DaysPresent: days.Count(d => d.IsPresent),
            OnTimeDays: days.Count(d => d.Status == AttendanceStatus.OnTime),
            LateCount: days.Count(d => d.LateMinutes > 0),
            LateMinutes: days.Sum(d => d.LateMinutes),
            EarlyLeaveCount: days.Count(d => d.EarlyLeaveMinutes > 0),
            EarlyLeaveMinutes: days.Sum(d => d.EarlyLeaveMinutes),
            Absences: days.Count(d => d.Status == AttendanceStatus.Absent),
            MissingSignOuts: days.Count(d => d.Status == AttendanceStatus.MissingSignOut),
            MissingSignIns: days.Count(d => d.Status == AttendanceStatus.MissingSignIn),
            ExtraWorkDays: days.Count(d => d.ExtraWork),
            ExtendedServiceMinutes: days.Sum(d => d.ExtendedServiceMinutes),
            Days: days);
    }

    private readonly record struct Outcome(AttendanceStatus Status, int Late = 0, int Early = 0, int Extended = 0, bool ExtraWork = false);

    private Outcome Judge(
        StaffMember staff,
        LocalDate date,
        AttendanceRecord[] records,
        bool onLeave,
        Instant? serviceEnded,
        DayStatus dayStatus,
        Instant now,
        int grace,
        List<Finding> findings)
    {
        var subject = Subjects.Of(staff.Id);
        void Add(string code, Severity severity, Citation citation, string zh, string en) =>
            findings.Add(new Finding(code, severity, citation, new LocalizedText(zh, en), subject));

        if (!staff.Role.IsWindowStaff())
        {
            var basis = staff.Role == Role.VillageAgent ? new Citation(13) : Attendance;
            Add("art12-1.not-bound", Severity.Notice, basis,
                $"{staff.Role.DisplayName().Zh}不适用考勤制度。", $"A {staff.Role.DisplayName().En} is not bound by the attendance rules.");
            return new Outcome(AttendanceStatus.NotBound);
        }

        // Records dated after "now" cannot have happened: keep them as findings, judge without them.
        var future = records.Where(r => r.At > now).ToArray();
        foreach (var r in future)
        {
            Add("art12-1.record-in-future", Severity.Warning, Attendance,
                $"{Kind(r.Kind).Zh}记录时间{Local(r.At):HH:mm}晚于评估时间，未采用。", $"A {Kind(r.Kind).En} at {Local(r.At):HH:mm} is later than the evaluation time; not used.");
        }

        var valid = records.Except(future).ToArray();
        var signIns = valid.Where(r => r.Kind == AttendanceRecordKind.SignIn).ToArray();
        var signOuts = valid.Where(r => r.Kind == AttendanceRecordKind.SignOut).ToArray();
        foreach (var extra in signIns.Skip(1))
        {
            Add("art12-1.duplicate-sign-in", Severity.Warning, Attendance,
                $"重复签到（{Local(extra.At):HH:mm}），以首次签到为准。", $"Duplicate sign-in at {Local(extra.At):HH:mm}; the first sign-in counts.");
        }

        var signIn = signIns.FirstOrDefault();
        var signOut = signOuts.LastOrDefault();
        foreach (var extra in signOuts.SkipLast(1))
        {
            Add("art12-1.duplicate-sign-out", Severity.Notice, Attendance,
                $"多次签退（{Local(extra.At):HH:mm}），以最后一次签退为准。", $"Earlier sign-out at {Local(extra.At):HH:mm}; the last sign-out counts.");
        }

        if (signIn is not null && signOut is not null && signOut.At < signIn.At)
        {
            Add("art12-1.sign-out-before-sign-in", Severity.Warning, Attendance,
                $"签退（{Local(signOut.At):HH:mm}）早于签到（{Local(signIn.At):HH:mm}），签退记录无效。",
                $"Sign-out at {Local(signOut.At):HH:mm} is before the sign-in at {Local(signIn.At):HH:mm}; the sign-out is not valid.");
            signOut = null;
        }

        if (!dayStatus.IsWorkingDay)
        {
            if (signIn is not null)
            {
                Add("art12-1.extra-work", Severity.Notice, Attendance,
                    $"休息日（{dayStatus.Reason.Zh}）签到，记为加班。", $"Signed in on a rest day ({dayStatus.Reason.En}): extra work.");
                return new Outcome(AttendanceStatus.RestDay, ExtraWork: true);
            }

            Add("art12-1.rest-day", Severity.Satisfied, Attendance, $"休息日（{dayStatus.Reason.Zh}）。", $"Rest day ({dayStatus.Reason.En}).");
            return new Outcome(AttendanceStatus.RestDay);
        }

        if (onLeave)
        {
            Add("art12-2.on-leave", Severity.Satisfied, Leave, "已批准请假。", "On approved leave.");
            return new Outcome(AttendanceStatus.OnLeave);
        }

        var hours = _schedule.Hours.On(date);
        var opening = date.At(hours.MorningStart).InZoneLeniently(_schedule.Hours.Zone).ToInstant();
        var closing = date.At(hours.AfternoonEnd).InZoneLeniently(_schedule.Hours.Zone).ToInstant();
        var graceSpan = Duration.FromMinutes(grace);

        if (signIn is null && signOut is null)
        {
            if (now < closing)
            {
                Add("art12-1.in-progress", Severity.Notice, Attendance, "当日尚未结束，暂不评定。", "The day is not over; not judged yet.");
                return new Outcome(AttendanceStatus.InProgress);
            }

            Add("art12-2.absent", Severity.Violation, Leave, "工作日无签到且无批准请假，属无故缺席。", "No sign-in on a working day and no approved leave: unexcused absence.");
            return new Outcome(AttendanceStatus.Absent);
        }

        var late = signIn is not null && signIn.At > opening + graceSpan ? Minutes(signIn.At - opening) : 0;
        if (signIn is null)
        {
            Add("art12-1.missing-sign-in", Severity.Warning, Attendance, "有签退无签到。", "Signed out without signing in.");
        }
        else if (late > 0)
        {
            Add("art12-2.late", Severity.Warning, Leave, $"迟到{late}分钟（{Local(signIn.At):HH:mm}签到）。", $"Late by {late} minutes (signed in at {Local(signIn.At):HH:mm}).");
        }
        else
        {
            Add("art12-1.signed-in", Severity.Satisfied, Attendance, $"{Local(signIn.At):HH:mm}按时签到。", $"Signed in on time at {Local(signIn.At):HH:mm}.");
        }

        if (signOut is null)
        {
            if (now < closing)
            {
                Add("art12-1.in-progress", Severity.Notice, Attendance, "当日尚未下班，签退待定。", "The working day is not over; sign-out pending.");
                return new Outcome(signIn is null ? AttendanceStatus.MissingSignIn : AttendanceStatus.InProgress, late);
            }

            Add("art12-1.missing-sign-out", Severity.Warning, Attendance, "有签到无签退。", "Signed in without signing out.");
            return new Outcome(signIn is null ? AttendanceStatus.MissingSignIn : AttendanceStatus.MissingSignOut, late);
        }

        var early = signOut.At < closing - graceSpan ? Minutes(closing - signOut.At) : 0;
        var extendedMinutes = 0;
        if (early > 0)
        {
            Add("art12-2.left-early", Severity.Warning, Leave, $"早退{early}分钟（{Local(signOut.At):HH:mm}签退）。", $"Left early by {early} minutes (signed out at {Local(signOut.At):HH:mm}).");
        }
        else if (signOut.At > closing && serviceEnded is { } ended && ended > closing)
        {
            // Art. 12(8): staying past closing for someone still being served is extended service, counted until the
            // service ended or the sign-out, whichever came first.
            var until = ended < signOut.At ? ended : signOut.At;
            extendedMinutes = Minutes(until - closing);
            Add("art12-8.extended-service", Severity.Notice, Extended,
                $"延时服务{extendedMinutes}分钟（闭馆{Local(closing):HH:mm}后继续办理）。", $"Extended service for {extendedMinutes} minutes after closing at {Local(closing):HH:mm}.");
        }
        else
        {
            Add("art12-1.signed-out", Severity.Satisfied, Attendance, $"{Local(signOut.At):HH:mm}按时签退。", $"Signed out on time at {Local(signOut.At):HH:mm}.");
        }

        var status = signIn is null ? AttendanceStatus.MissingSignIn
            : late > 0 && early > 0 ? AttendanceStatus.LateAndLeftEarly
            : late > 0 ? AttendanceStatus.Late
            : early > 0 ? AttendanceStatus.LeftEarly
            : AttendanceStatus.OnTime;
        return new Outcome(status, late, early, extendedMinutes);

        LocalTime Local(Instant i) => i.InZone(_schedule.Hours.Zone).TimeOfDay;
    }

    private static int Minutes(Duration d) => (int)Math.Ceiling(d.TotalMinutes);

    private static LocalizedText Kind(AttendanceRecordKind kind) =>
        kind == AttendanceRecordKind.SignIn ? new("签到", "sign-in") : new("签退", "sign-out");
}
