using GovStaff.Policy.Attendance;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Regulation;
using NodaTime;

namespace GovStaff.Sample.Host.Replay;

// Attendance and leave (Art. 12(1), 12(2), 12(6), 12(8); Art. 13 for village agents; Art. 15–17 for approvers).

/// <summary>A sign-in or sign-out at a time of the action's day (Art. 12(1)); judged with the day by <see cref="JudgeAttendance"/>.</summary>
internal abstract record AttendanceRecordAction : ScenarioAction
{
    public required string Staff { get; init; }

    public required LocalTime Time { get; init; }

    private protected abstract AttendanceRecordKind Kind { get; }

    internal override void Check(CheckContext c) => c.Staff(Staff, "staff");

    internal override Step Run(ReplayState s)
    {
        var record = new AttendanceRecord(new StaffId(Staff), s.At(Time), Kind);
        var decision = s.Attendance.Record(record);
        if (decision.Outcome != GovStaff.Policy.Decisions.Outcome.Refused)
        {
            s.AttendanceRecords.Add(record);
        }

        return new(decision, null);
    }
}

/// <summary>A sign-in (Art. 12(1)).</summary>
internal sealed record SignIn : AttendanceRecordAction
{
    private protected override AttendanceRecordKind Kind => AttendanceRecordKind.SignIn;
}

/// <summary>A sign-out (Art. 12(1)).</summary>
internal sealed record SignOut : AttendanceRecordAction
{
    private protected override AttendanceRecordKind Kind => AttendanceRecordKind.SignOut;
}

/// <summary>Service past closing for someone still being served, until a time (Art. 12(8)).</summary>
internal sealed record ExtendedHours : ScenarioAction
{
    public required string Staff { get; init; }

    public required LocalTime Until { get; init; }

    public string? Reference { get; init; }

    internal override void Check(CheckContext c)
    {
        c.Staff(Staff, "staff");
        c.Text(Reference, "reference", 200);
    }

    internal override Step Run(ReplayState s)
    {
        // Kept only when the rules count it as extended service: a refused record changes nothing.
        var service = new ExtendedService(new StaffId(Staff), At, s.At(Until), Reference);
        var decision = s.ExtendedHours.Record(service);
        if (decision.Outcome != GovStaff.Policy.Decisions.Outcome.Refused)
        {
            s.ExtendedServices.Add(service);
        }

        return new(decision, null);
    }
}

/// <summary>
/// Judges the person's attendance on the action's day from what the scenario recorded: sign-in and sign-out, approved
/// leave, extended hours (Art. 12(1)(2)(8)); no record on a working day is an unexcused absence. The clock stands at
/// the end of the day.
/// </summary>
internal sealed record JudgeAttendance : ScenarioAction
{
    public required string Staff { get; init; }

    internal override void Check(CheckContext c) => c.Staff(Staff, "staff");

    internal override Step Run(ReplayState s)
    {
        s.Clock.Today = At.PlusDays(1); // the day is over: judged as a whole
        var staff = s.Network.GetStaff(new StaffId(Staff));
        var day = s.Attendance.EvaluateDay(staff, At, s.AttendanceRecords, s.LeaveOf(staff.Id), s.ExtendedServices);
        s.Clock.Today = At;
        return new(day.Decision, null);
    }
}

/// <summary>Files a leave request (Art. 12(2)): in advance as a rule; later is flagged.</summary>
internal sealed record RequestLeave : IdentifiedAction
{
    public required string Staff { get; init; }

    public required LocalDate From { get; init; }

    public required LocalDate To { get; init; }

    public required string Reason { get; init; }

    public string? LateReason { get; init; }

    // The leave's days are counted on the calendar when it is approved (A/B cover) and reported back.
    internal override IEnumerable<(LocalDate, string)> CalendarDates() => [(From, "from"), (To, "to")];

    internal override void Check(CheckContext c)
    {
        c.Creates("leave", Id);
        c.Staff(Staff, "staff");
        c.Text(Reason, "reason");
        c.Text(LateReason, "lateReason");
        c.Actor();
        if (To < From)
        {
            c.Fail("to", $"{To:yyyy-MM-dd} is before from ({From:yyyy-MM-dd}).");
        }

        if (Period.DaysBetween(From, To) + 1 > LeaveRequest.MaxDays)
        {
            c.Fail("to", $"a leave of {Period.DaysBetween(From, To) + 1} days is not plausible (at most {LeaveRequest.MaxDays}).");
        }
    }

    internal override Step Run(ReplayState s)
    {
        var r = s.Leave.Request(new LeaveRequest(Id, new StaffId(Staff), From, To, Reason, At, LateReason), s.Network, ReplayState.ActorOf(this));
        s.LeaveById[Id] = r.Entity;
        return new(r.Decision, r.Event);
    }
}

/// <summary>A step on a filed leave request.</summary>
internal abstract record LeaveStep : IdentifiedAction
{
    private protected virtual bool NeedsActor => true;

    internal override void Check(CheckContext c)
    {
        c.Refers("leave", Id, "requestLeave");
        if (NeedsActor || Actor is not null)
        {
            c.Actor();
        }
    }

    internal override Step Run(ReplayState s)
    {
        var r = Apply(s, s.LeaveById[Id]);
        s.LeaveById[Id] = r.Entity;
        return new(r.Decision, r.Event);
    }

    private protected abstract GovStaff.Policy.Lifecycles.LifecycleResult<LeaveRequest> Apply(ReplayState s, LeaveRequest l);
}

/// <summary>The managing body approves (Art. 15–17), with A/B cover on every working day (Art. 12(6)).</summary>
internal sealed record ApproveLeave : LeaveStep
{
    internal override IEnumerable<(LocalDate, string)> CalendarDates() => [(At, "at")];

    private protected override GovStaff.Policy.Lifecycles.LifecycleResult<LeaveRequest> Apply(ReplayState s, LeaveRequest l) =>
        s.Leave.Approve(l, s.Network, s.LeaveById.Values, ReplayState.ActorOf(this), At);
}

/// <summary>The managing body refuses, with a reason ("未说明" when the file gives none, as the first format allowed).</summary>
internal sealed record RejectLeave : LeaveStep
{
    public string Reason { get; init; } = "未说明";

    internal override IEnumerable<(LocalDate, string)> CalendarDates() => [];

    internal override void Check(CheckContext c)
    {
        base.Check(c);
        c.Text(Reason, "reason");
    }

    private protected override GovStaff.Policy.Lifecycles.LifecycleResult<LeaveRequest> Apply(ReplayState s, LeaveRequest l) =>
        s.Leave.Reject(l, s.Network, ReplayState.ActorOf(this), At, Reason);
}

/// <summary>The leave begins.</summary>
internal sealed record StartLeave : LeaveStep
{
    private protected override bool NeedsActor => false;

    internal override IEnumerable<(LocalDate, string)> CalendarDates() => [];

    private protected override GovStaff.Policy.Lifecycles.LifecycleResult<LeaveRequest> Apply(ReplayState s, LeaveRequest l) =>
        s.Leave.Start(l, At, ReplayState.OptionalActor(this));
}

/// <summary>The person is back at work.</summary>
internal sealed record ReturnFromLeave : LeaveStep
{
    private protected override bool NeedsActor => false;

    internal override IEnumerable<(LocalDate, string)> CalendarDates() => [];

    private protected override GovStaff.Policy.Lifecycles.LifecycleResult<LeaveRequest> Apply(ReplayState s, LeaveRequest l) =>
        s.Leave.Return(l, At, ReplayState.OptionalActor(this));
}

/// <summary>The person reports back (销假); late is a warning (Art. 12(2); not for village agents, Art. 13).</summary>
internal sealed record ReportBack : LeaveStep
{
    private protected override GovStaff.Policy.Lifecycles.LifecycleResult<LeaveRequest> Apply(ReplayState s, LeaveRequest l) =>
        s.Leave.ReportBack(l, s.Network, At, ReplayState.ActorOf(this));
}
