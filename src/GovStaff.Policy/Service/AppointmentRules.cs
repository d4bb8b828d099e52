using GovStaff.Policy.Calendars;
using GovStaff.Policy.Decisions;
using GovStaff.Policy.Regulation;
using NodaTime;

namespace GovStaff.Policy.Service;

/// <summary>
/// Appointments (预约服务制度, Art. 12(7)): the window answers in time (<see cref="PolicyOptions.AppointmentReplyWorkingDays"/>
/// working days, by close of business); an accepted appointment agrees a time (the article sets no hours for it, so a
/// time outside office hours is a notice) and lists all materials at once; a refusal gives the reason. Village agents are bound too (Art. 13).
/// </summary>
public sealed class AppointmentRules
{
    private static readonly Citation Appointments = new(12, 7);

    private readonly PolicyEngine _engine;
    private readonly ServiceSchedule _schedule;

    /// <summary>Creates the rules over the body's schedule.</summary>
    public AppointmentRules(PolicyEngine engine, ServiceSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine;
        ArgumentNullException.ThrowIfNull(schedule);
        _schedule = schedule;
    }

    /// <summary>When the answer is due: close of business on the set working day after the request.</summary>
    public Instant ReplyDue(Appointment appointment)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        var day = appointment.RequestedAt.InZone(_schedule.Hours.Zone).Date;
        var n = _engine.Versions.TryResolve(day, out var v) ? v.Options.AppointmentReplyWorkingDays : PolicyOptions.Default.AppointmentReplyWorkingDays;
        return _schedule.DueInstant(day, n);
    }

    /// <summary>Receives a request for an appointment (Art. 12(7)): it is to be answered by <see cref="ReplyDue"/>.</summary>
    public Decision Request(Appointment appointment)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        var due = ReplyDue(appointment).InZone(_schedule.Hours.Zone).LocalDateTime;
        return _engine.Evaluate("appointment.request", appointment.Subject, appointment.RequestedAt.InZone(_schedule.Hours.Zone).Date, (appointment.Item, Due: due, appointment.Subject), static (_, a) =>
            [new Finding("art12-7.received", Severity.Satisfied, Appointments,
                new LocalizedText($"收到预约申请（{a.Item}），应于{a.Due:yyyy-MM-dd HH:mm}前答复。", $"Appointment requested ({a.Item}); an answer is due by {a.Due:yyyy-MM-dd HH:mm}."), a.Subject)]);
    }

    /// <summary>Accepts: the agreed time must lie ahead (outside office hours is a notice), and every material listed.</summary>
    public Decision Accept(Appointment appointment, Instant answeredAt, Instant slot, IReadOnlyList<string> materials)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        ArgumentNullException.ThrowIfNull(materials);
        return _engine.Evaluate("appointment.accept", appointment.Subject, Day(answeredAt), _ =>
        {
            var findings = new List<Finding> { Timeliness(appointment, answeredAt) };
            var local = slot.InZone(_schedule.Hours.Zone).LocalDateTime;
            // Art. 12(7) sets no hours for an agreed time: outside office hours is a notice, a time already past is no agreement.
            findings.Add(slot <= answeredAt
                ? new Finding("art12-7.slot-passed", Severity.Violation, Appointments,
                    new LocalizedText($"约定时间{local:yyyy-MM-dd HH:mm}已过去。", $"The agreed time {local:yyyy-MM-dd HH:mm} has already passed."), appointment.Subject)
                : _schedule.IsOpenAt(slot)
                    ? new Finding("art12-7.slot", Severity.Satisfied, Appointments, new LocalizedText($"约定服务时间{local:yyyy-MM-dd HH:mm}。", $"Agreed time {local:yyyy-MM-dd HH:mm}."), appointment.Subject)
                    : new Finding("art12-7.slot-outside-hours", Severity.Notice, Appointments,
                        new LocalizedText($"约定服务时间{local:yyyy-MM-dd HH:mm}，在工作日办公时间以外。", $"Agreed time {local:yyyy-MM-dd HH:mm}, outside office hours on a working day."), appointment.Subject));
            findings.Add(materials.Count > 0 && materials.All(m => !string.IsNullOrWhiteSpace(m))
                ? new Finding("art12-7.materials-listed", Severity.Satisfied, [Appointments, new Citation(12, 4)],
                    new LocalizedText($"一次性告知所需材料：{string.Join("、", materials)}。", $"All materials listed at once: {string.Join(", ", materials)}."), appointment.Subject)
                : new Finding("art12-7.materials-missing", Severity.Violation, [Appointments, new Citation(12, 4)],
                    new LocalizedText("同意预约的，应一次性告知应提供的所有材料。", "An accepted appointment lists every material the person must bring, at once."), appointment.Subject));
            return findings;
        });
    }

    /// <summary>Refuses: only with a reason.</summary>
    public Decision Refuse(Appointment appointment, Instant answeredAt, string? reason)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        return _engine.Evaluate("appointment.refuse", appointment.Subject, Day(answeredAt), _ =>
        [
            Timeliness(appointment, answeredAt),
            string.IsNullOrWhiteSpace(reason)
                ? new Finding("art12-7.refused-without-reason", Severity.Violation, Appointments, new LocalizedText("不能提供预约服务的，要说明理由。", "A refused appointment needs a reason."), appointment.Subject)
                : new Finding("art12-7.refused-with-reason", Severity.Satisfied, Appointments, new LocalizedText($"说明理由：{reason}。", $"Reason given: {reason}."), appointment.Subject),
        ]);
    }

    /// <summary>Whether a request still unanswered at <paramref name="now"/> is overdue: a warning.</summary>
    public Decision CheckUnanswered(Appointment appointment, Instant now)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        var due = ReplyDue(appointment);
        return _engine.Evaluate("appointment.check-answered", appointment.Subject, Day(now), _ =>
        [
            now > due
                ? new Finding("art12-7.unanswered", Severity.Warning, Appointments, new LocalizedText($"预约申请应于{Local(due)}前答复，至今未答复。", $"The request was due an answer by {Local(due)}; still unanswered."), appointment.Subject)
                : new Finding("art12-7.answer-pending", Severity.Satisfied, Appointments, new LocalizedText($"答复期限{Local(due)}。", $"Answer due by {Local(due)}."), appointment.Subject),
        ]);
    }

    private Finding Timeliness(Appointment appointment, Instant answeredAt)
    {
        var due = ReplyDue(appointment);
        return answeredAt <= due
            ? new Finding("art12-7.answered-in-time", Severity.Satisfied, Appointments, new LocalizedText($"在{Local(due)}前及时答复。", $"Answered in time, before {Local(due)}."), appointment.Subject)
            : new Finding("art12-7.answered-late", Severity.Warning, Appointments, new LocalizedText($"应于{Local(due)}前答复，答复迟延。", $"The answer was due by {Local(due)}; it came late."), appointment.Subject);
    }

    private LocalDate Day(Instant instant) => instant.InZone(_schedule.Hours.Zone).Date;

    private string Local(Instant instant) => instant.InZone(_schedule.Hours.Zone).LocalDateTime.ToString("yyyy-MM-dd HH:mm", null);
}
