using System.Globalization;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Regulation;
using GovStaff.Policy.Service;
using NodaTime;

namespace GovStaff.Sample.Host.Replay;

// Service (Art. 10–12, 14, 18, 21; 《行政许可法》第三十二、四十二、四十五条).

/// <summary>An inquiry received: the first staff member to receive it owns it (首问负责, Art. 12(3)).</summary>
internal sealed record Inquire : IdentifiedAction
{
    public required string Body { get; init; }

    public required string Staff { get; init; }

    public required string Topic { get; init; }

    internal override IEnumerable<(LocalDate, string)> CalendarDates() => [];

    internal override void Check(CheckContext c)
    {
        c.Creates("inquiry", Id);
        c.Body(Body, "body");
        c.Staff(Staff, "staff");
        c.Text(Topic, "topic");
    }

    internal override Step Run(ReplayState s)
    {
        var inquiry = new Inquiry(Id, new ServiceBodyId(Body), new StaffId(Staff), At, Topic);
        s.InquiriesById[Id] = inquiry;
        return new(s.FirstContact.Receive(inquiry), null);
    }
}

/// <summary>Refers an inquiry outside the remit: only its first contact, with the reason, department and phone (Art. 12(3)).</summary>
internal sealed record Refer : IdentifiedAction
{
    public required string Staff { get; init; }

    public string? Reason { get; init; }

    public string? Department { get; init; }

    public string? Phone { get; init; }

    internal override IEnumerable<(LocalDate, string)> CalendarDates() => [];

    internal override void Check(CheckContext c)
    {
        c.Refers("inquiry", Id, "inquire");
        c.Staff(Staff, "staff");
        c.Text(Reason, "reason");
        c.Text(Department, "department", 200);
        c.Text(Phone, "phone", 40);
    }

    internal override Step Run(ReplayState s) =>
        new(s.FirstContact.Refer(s.InquiriesById[Id], new StaffId(Staff), Reason, Department, Phone, At), null);
}

/// <summary>An application received; missing materials must be told at once within the set working days (Art. 12(4)).</summary>
internal sealed record ReceiveApplication : IdentifiedAction
{
    public required string Body { get; init; }

    public required string Staff { get; init; }

    public required string Item { get; init; }

    internal override void Check(CheckContext c)
    {
        c.Creates("application", Id);
        c.Body(Body, "body");
        c.Staff(Staff, "staff");
        c.Text(Item, "item");
    }

    internal override Step Run(ReplayState s)
    {
        var application = new Application(Id, new ServiceBodyId(Body), new StaffId(Staff), Item, At);
        s.ApplicationsById[Id] = application;
        var due = s.Notifications.NotificationDue(application);
        return new(s.Notifications.Receive(application), null)
        {
            Details = w => w.WriteString("notificationDue", Iso(due)),
        };
    }

    internal static string Iso(LocalDate d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>Tells the applicant every missing material at once (Art. 12(4); 《行政许可法》第三十二条).</summary>
internal sealed record NotifyMissing : IdentifiedAction
{
    public required IReadOnlyList<string> Missing { get; init; }

    internal override void Check(CheckContext c)
    {
        c.Refers("application", Id, "receiveApplication");
        if (Missing.Count == 0)
        {
            c.Fail("missing", "lists at least one material.");
        }

        for (var i = 0; i < Missing.Count; i++)
        {
            c.Text(Missing[i], $"missing[{i}]", 200);
        }

        c.Actor();
    }

    internal override Step Run(ReplayState s)
    {
        var r = s.Notifications.NotifyMissing(s.ApplicationsById[Id], Missing, At, ReplayState.ActorOf(this));
        s.ApplicationsById[Id] = r.Entity;
        return new(r.Decision, r.Event);
    }
}

/// <summary>Accepts a case; the promised limit may not exceed the statutory one (Art. 12(5)).</summary>
internal sealed record AcceptCase : IdentifiedAction
{
    public required string Body { get; init; }

    public required string Staff { get; init; }

    public required string Item { get; init; }

    public ServiceChannel Channel { get; init; } = ServiceChannel.OnSite;

    public required int PromisedLimit { get; init; }

    public int? StatutoryLimit { get; init; }

    internal override void Check(CheckContext c)
    {
        c.Creates("case", Id);
        c.Body(Body, "body");
        c.Staff(Staff, "staff");
        c.Text(Item, "item");
        c.Range(PromisedLimit, 1, 365, "promisedLimit");
        c.Range(StatutoryLimit, 1, 365, "statutoryLimit");
        c.Actor();
    }

    internal override Step Run(ReplayState s)
    {
        var statutory = StatutoryLimit ?? s.Cases.DefaultStatutoryLimit(At);
        var r = s.Cases.Accept(new ServiceCase(Id, new ServiceBodyId(Body), new StaffId(Staff), Item, Channel, At, statutory, PromisedLimit), s.Network, ReplayState.ActorOf(this));
        s.CasesById[Id] = r.Entity;
        return new(r.Decision, r.Event);
    }
}

/// <summary>A step on an accepted case.</summary>
internal abstract record CaseStep : IdentifiedAction
{
    internal override void Check(CheckContext c)
    {
        c.Refers("case", Id, "acceptCase");
        c.Actor();
    }

    internal override Step Run(ReplayState s)
    {
        var r = Apply(s, s.CasesById[Id]);
        s.CasesById[Id] = r.Entity;
        return new(r.Decision, r.Event);
    }

    private protected abstract GovStaff.Policy.Lifecycles.LifecycleResult<ServiceCase> Apply(ReplayState s, ServiceCase c);
}

/// <summary>Stops the clock for a period the law does not count (《行政许可法》第四十五条).</summary>
internal sealed record SuspendCase : CaseStep
{
    public required SuspensionKind Kind { get; init; }

    public required string Reason { get; init; }

    internal override void Check(CheckContext c)
    {
        base.Check(c);
        c.Text(Reason, "reason");
    }

    private protected override GovStaff.Policy.Lifecycles.LifecycleResult<ServiceCase> Apply(ReplayState s, ServiceCase c) =>
        s.Cases.Suspend(c, Kind, Reason, At, ReplayState.ActorOf(this));
}

/// <summary>Restarts the clock.</summary>
internal sealed record ResumeCase : CaseStep
{
    private protected override GovStaff.Policy.Lifecycles.LifecycleResult<ServiceCase> Apply(ReplayState s, ServiceCase c) =>
        s.Cases.Resume(c, At, ReplayState.ActorOf(this));
}

/// <summary>Extends the time once, approved by the licensing body's head, the reason told (《行政许可法》第四十二条).</summary>
internal sealed record ExtendCase : CaseStep
{
    public required string Reason { get; init; }

    internal override void Check(CheckContext c)
    {
        base.Check(c);
        c.Text(Reason, "reason");
    }

    private protected override GovStaff.Policy.Lifecycles.LifecycleResult<ServiceCase> Apply(ReplayState s, ServiceCase c) =>
        s.Cases.Extend(c, s.Network, ReplayState.ActorOf(this), Reason, At);
}

/// <summary>Completes the case; late is a warning (Art. 12(5)).</summary>
internal sealed record CompleteCase : CaseStep
{
    public required string Result { get; init; }

    internal override void Check(CheckContext c)
    {
        base.Check(c);
        c.Text(Result, "result", 1000);
    }

    private protected override GovStaff.Policy.Lifecycles.LifecycleResult<ServiceCase> Apply(ReplayState s, ServiceCase c) =>
        s.Cases.Complete(c, Result, At, ReplayState.ActorOf(this));
}

/// <summary>Closes the case once the result was fed back (Art. 10(2), 11(2)).</summary>
internal sealed record CloseCase : CaseStep
{
    public LocalDate? FeedbackOn { get; init; }

    internal override IEnumerable<(LocalDate, string)> CalendarDates() => [];

    internal override void Check(CheckContext c)
    {
        base.Check(c);
        c.NotAfter(FeedbackOn, "feedbackOn");
    }

    private protected override GovStaff.Policy.Lifecycles.LifecycleResult<ServiceCase> Apply(ReplayState s, ServiceCase c) =>
        s.Cases.Close(c, FeedbackOn, At, ReplayState.ActorOf(this));
}

/// <summary>Tracks a case on the day: early warning, overdue and supervision (Art. 21).</summary>
internal sealed record TrackCase : IdentifiedAction
{
    internal override void Check(CheckContext c) => c.Refers("case", Id, "acceptCase");

    internal override Step Run(ReplayState s)
    {
        var r = s.Cases.Track(s.CasesById[Id], s.Network, At);
        s.CasesById[Id] = r.Entity;
        return new(r.Decision, r.Event);
    }
}

/// <summary>An appointment requested by visit, phone or internet (Art. 12(7)); the answer is due in the set working days.</summary>
internal sealed record RequestAppointment : IdentifiedAction
{
    public required string Body { get; init; }

    public required AppointmentChannel Channel { get; init; }

    public required string Item { get; init; }

    public LocalTime? Time { get; init; }

    internal override void Check(CheckContext c)
    {
        c.Creates("appointment", Id);
        c.Body(Body, "body");
        c.Text(Item, "item");
    }

    internal override Step Run(ReplayState s)
    {
        var appointment = new Appointment(Id, new ServiceBodyId(Body), Channel, s.At(Time), Item);
        s.AppointmentsById[Id] = appointment;
        var due = s.Appointments.ReplyDue(appointment).InZone(OfficeHoursZone).LocalDateTime;
        return new(s.Appointments.Request(appointment), null)
        {
            Details = w => w.WriteString("replyDue", due.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture)),
        };
    }

    internal static readonly DateTimeZone OfficeHoursZone = GovStaff.Policy.Calendars.OfficeHours.ChinaZone;
}

/// <summary>Accepts an appointment: a time agreed and every material listed at once (Art. 12(7), 12(4)).</summary>
internal sealed record AcceptAppointment : IdentifiedAction
{
    public LocalTime? AnsweredAt { get; init; }

    public required LocalDateTime Slot { get; init; }

    public required IReadOnlyList<string> Materials { get; init; }

    internal override void Check(CheckContext c)
    {
        c.Refers("appointment", Id, "requestAppointment");
        for (var i = 0; i < Materials.Count; i++)
        {
            c.Text(Materials[i], $"materials[{i}]", 200);
        }
    }

    internal override Step Run(ReplayState s)
    {
        s.AnsweredAppointments.Add(Id);
        var slot = Slot.InZoneLeniently(RequestAppointment.OfficeHoursZone).ToInstant();
        return new(s.Appointments.Accept(s.AppointmentsById[Id], s.At(AnsweredAt), slot, Materials), null);
    }
}

/// <summary>Refuses an appointment, with the reason (Art. 12(7)).</summary>
internal sealed record RefuseAppointment : IdentifiedAction
{
    public LocalTime? AnsweredAt { get; init; }

    public string? Reason { get; init; }

    internal override void Check(CheckContext c)
    {
        c.Refers("appointment", Id, "requestAppointment");
        c.Text(Reason, "reason");
    }

    internal override Step Run(ReplayState s)
    {
        s.AnsweredAppointments.Add(Id);
        return new(s.Appointments.Refuse(s.AppointmentsById[Id], s.At(AnsweredAt), Reason), null);
    }
}

/// <summary>Door-to-door service, free, for those who cannot come (Art. 12(9); 11(2) for village agents).</summary>
internal sealed record DoorToDoor : IdentifiedAction
{
    public required string Staff { get; init; }

    public required DoorToDoorReason Reason { get; init; }

    public string? OtherReason { get; init; }

    public decimal Fee { get; init; }

    internal override IEnumerable<(LocalDate, string)> CalendarDates() => [];

    internal override void Check(CheckContext c)
    {
        c.Creates("visit", Id);
        c.Staff(Staff, "staff");
        c.Text(OtherReason, "otherReason");
        c.Range(Fee, 0m, 1_000_000m, "fee");
    }

    internal override Step Run(ReplayState s) =>
        new(s.DoorToDoor.Judge(s.Network.GetStaff(new StaffId(Staff)), Reason, Fee, At, "visit:" + Id, OtherReason), null);
}

/// <summary>A breach of the service norms, with its evidence (Art. 14); it weighs on an appraisal dimension.</summary>
internal sealed record RecordConduct : IdentifiedAction
{
    public required string Staff { get; init; }

    public required ConductKind Kind { get; init; }

    public required string Evidence { get; init; }

    internal override IEnumerable<(LocalDate, string)> CalendarDates() => [];

    internal override void Check(CheckContext c)
    {
        c.Creates("conduct", Id);
        c.Staff(Staff, "staff");
        c.Text(Evidence, "evidence", 1000);
    }

    internal override Step Run(ReplayState s)
    {
        var record = new ConductRecord(Id, new StaffId(Staff), At, Kind, Evidence);
        s.ConductRecords.Add(record);
        return new(s.Conduct.Record(record), null);
    }
}

/// <summary>Training attended (Art. 18); the decision says whether the person is up to date.</summary>
internal sealed record RecordTraining : ScenarioAction
{
    public required string Staff { get; init; }

    public required TrainingOrganiser Organiser { get; init; }

    public required string Topic { get; init; }

    internal override IEnumerable<(LocalDate, string)> CalendarDates() => [];

    internal override void Check(CheckContext c)
    {
        c.Staff(Staff, "staff");
        c.Text(Topic, "topic");
    }

    internal override Step Run(ReplayState s)
    {
        var staff = s.Network.GetStaff(new StaffId(Staff));
        s.Trainings.Add(new TrainingRecord(staff.Id, At, Organiser, Topic));
        return new(s.Conduct.CheckTraining(staff, s.Trainings, At), null);
    }
}
