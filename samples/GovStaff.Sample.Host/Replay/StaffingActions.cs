using GovStaff.Policy.Organization;
using GovStaff.Policy.Staffing;
using NodaTime;

namespace GovStaff.Sample.Host.Replay;

// Chapter 2 — selection and stationing (Art. 2–7). None of these counts working days except reporting an adjustment.

/// <summary>Vets a nomination of a person to a body in a role (Art. 2–6); nothing is filed.</summary>
internal sealed record Nominate : ScenarioAction
{
    public required string Staff { get; init; }

    public required string Body { get; init; }

    public required Role Role { get; init; }

    internal override IEnumerable<(LocalDate, string)> CalendarDates() => [];

    internal override void Check(CheckContext c)
    {
        c.Staff(Staff, "staff");
        c.Body(Body, "body");
    }

    internal override Step Run(ReplayState s) =>
        new(s.Staffing.VetNomination(new Nomination(new StaffId(Staff), new ServiceBodyId(Body), Role, At), s.Network), null);
}

/// <summary>Checks that every township centre and department has exactly one director (Art. 3).</summary>
internal sealed record CheckDirectors : ScenarioAction
{
    internal override IEnumerable<(LocalDate, string)> CalendarDates() => [];

    internal override void Check(CheckContext c)
    {
    }

    internal override Step Run(ReplayState s) => new(s.Staffing.CheckDirectors(s.Network.AsOfDate(At)), null);
}

/// <summary>
/// Stations a person: the home unit (the actor) nominates, the receiving body vets and receives them on the date
/// (Art. 3–6). The printed decision is the first refused step's, else the stationing's. Once stationed, the district
/// has the person at the body in the role.
/// </summary>
internal sealed record Station : IdentifiedAction
{
    public required string Staff { get; init; }

    public required string Body { get; init; }

    public required Role Role { get; init; }

    internal override IEnumerable<(LocalDate, string)> CalendarDates() => [];

    internal override void Check(CheckContext c)
    {
        c.Creates("stationing", Id);
        c.Staff(Staff, "staff");
        c.Body(Body, "body");
        c.Actor();
    }

    internal override Step Run(ReplayState s)
    {
        var body = new ServiceBodyId(Body);
        var receiver = GovStaff.Policy.Decisions.Actor.For("接收机构", body);
        var stationing = new Stationing(Id, new Nomination(new StaffId(Staff), body, Role, At));
        var nominated = s.Stationings.Nominate(stationing, s.Network, ReplayState.ActorOf(this));
        s.StationingsById[Id] = nominated.Entity;
        if (!nominated.Applied)
        {
            return new(nominated.Decision, null);
        }

        var vetted = s.Stationings.Vet(nominated.Entity, s.Network, receiver, At);
        s.StationingsById[Id] = vetted.Entity;
        if (!vetted.Applied)
        {
            return new(vetted.Decision, null);
        }

        var stationed = s.Stationings.Station(vetted.Entity, s.Network, receiver, At);
        s.StationingsById[Id] = stationed.Entity;
        if (stationed.Applied)
        {
            s.Network = s.Network.WithStaff(StationingLifecycle.ApplyTo(stationed.Entity, s.Network.GetStaff(new StaffId(Staff))));
        }

        return new(stationed.Decision, stationed.Event);
    }
}

/// <summary>What ends a stationing (see <see cref="LeavingGround"/>).</summary>
internal enum LeavingGroundKind
{
    Transfer,
    Recall,
    Retirement,
    Resignation,
    Death,
    Dismissal,
}

/// <summary>
/// Ends a stationing on a ground: a transfer or adjustment of this scenario (its id), a recall of this scenario (its
/// id), or a ground outside the measures with the document's reference (Art. 4, 7, 29).
/// </summary>
internal sealed record EndStationing : IdentifiedAction
{
    public required LeavingGroundKind Ground { get; init; }

    public required string Reference { get; init; }

    internal override IEnumerable<(LocalDate, string)> CalendarDates() => [];

    internal override void Check(CheckContext c)
    {
        c.Refers("stationing", Id, "station");
        c.Text(Reference, "reference", 200);
        if (Ground == LeavingGroundKind.Transfer)
        {
            c.Refers("transfer", Reference, "requestTransfer", "reference");
        }
        else if (Ground == LeavingGroundKind.Recall)
        {
            c.Refers("recall", Reference, "applySanction that recalled", "reference");
        }

        c.Actor();
    }

    internal override Step Run(ReplayState s)
    {
        if (Ground == LeavingGroundKind.Recall && s.AdmonitionsById.TryGetValue(Reference, out var admonition))
        {
            // The sanction admonished: the library refuses to end a stationing on it (Art. 29).
            return new(s.Sanctions.RefuseLeavingOn(admonition, s.StationingsById[Id], At), null);
        }

        if (Ground == LeavingGroundKind.Recall && !s.RecallsById.ContainsKey(Reference))
        {
            // The reference is an applySanction that was refused: the writer named no recall. An input
            // error, not a finding of the sample's own; the library judges a recall it was given.
            throw new InvalidOperationException($"reference: {Reference} issued no recall (it was refused); a stationing ends on the recall a sanction issued.");
        }

        var ground = Ground switch
        {
            LeavingGroundKind.Transfer => LeavingGround.ByTransfer(s.TransfersById[Reference]),
            LeavingGroundKind.Recall => LeavingGround.ByRecall(s.RecallsById[Reference]),
            LeavingGroundKind.Retirement => LeavingGround.OutsideTheMeasures(OutsideGround.Retirement, Reference),
            LeavingGroundKind.Resignation => LeavingGround.OutsideTheMeasures(OutsideGround.Resignation, Reference),
            LeavingGroundKind.Death => LeavingGround.OutsideTheMeasures(OutsideGround.Death, Reference),
            _ => LeavingGround.OutsideTheMeasures(OutsideGround.Dismissal, Reference),
        };
        var stationing = s.StationingsById[Id];
        var r = s.Stationings.Leave(stationing, s.Network, ReplayState.ActorOf(this), At, ground);
        s.StationingsById[Id] = r.Entity;
        if (r.Applied)
        {
            s.Network = s.Network.WithStaff(StationingLifecycle.ApplyTo(r.Entity, s.Network.GetStaff(stationing.Nomination.Candidate)));
        }

        return new(r.Decision, r.Event);
    }
}

/// <summary>The kind of a move (Art. 4 rotation, Art. 7 police adjustment).</summary>
internal enum MoveKind
{
    Rotation,
    PoliceAdjustment,
}

/// <summary>Files a rotation (Art. 4) or a police adjustment (Art. 7).</summary>
internal sealed record RequestTransfer : IdentifiedAction
{
    public required string Staff { get; init; }

    public required MoveKind Kind { get; init; }

    /// <summary>When the person was stationed (Art. 4's two years); the network's stationing date when left out.</summary>
    public LocalDate? StationedOn { get; init; }

    public required string Reason { get; init; }

    public string? ExceptionalReason { get; init; }

    internal override IEnumerable<(LocalDate, string)> CalendarDates() => [];

    internal override void Check(CheckContext c)
    {
        c.Creates("transfer", Id);
        c.Staff(Staff, "staff");
        c.Text(Reason, "reason");
        c.Text(ExceptionalReason, "exceptionalReason");
        c.NotAfter(StationedOn, "stationedOn");
        if (StationedOn is null && c.Network.TryGetStaff(new StaffId(Staff), out var person) && person.StationedOn is null)
        {
            c.Fail("stationedOn", $"is required: the network gives no stationing date for '{Staff}'.");
        }

        c.Actor();
    }

    internal override Step Run(ReplayState s)
    {
        var kind = Kind == MoveKind.PoliceAdjustment ? TransferKind.PoliceAdjustment : TransferKind.Rotation;
        var staff = s.Network.GetStaff(new StaffId(Staff));
        // The reader has made sure one of the two is there; a stationing the scenario made since counts too.
        var stationedOn = StationedOn ?? staff.StationedOn ?? At;
        var r = s.Transfers.Request(new TransferRequest(Id, staff.Id, kind, stationedOn, At, Reason, ExceptionalReason), s.Network, ReplayState.ActorOf(this));
        s.TransfersById[Id] = r.Entity;
        return new(r.Decision, r.Event);
    }
}

/// <summary>A step on a filed transfer by its approving body or its home unit.</summary>
internal abstract record TransferStep : IdentifiedAction
{
    internal override IEnumerable<(LocalDate, string)> CalendarDates() => [];

    internal override void Check(CheckContext c)
    {
        c.Refers("transfer", Id, "requestTransfer");
        c.Actor();
    }

    internal override Step Run(ReplayState s)
    {
        var r = Apply(s, s.TransfersById[Id], ReplayState.ActorOf(this));
        s.TransfersById[Id] = r.Entity;
        return new(r.Decision, r.Event);
    }

    private protected abstract GovStaff.Policy.Lifecycles.LifecycleResult<TransferRequest> Apply(ReplayState s, TransferRequest t, GovStaff.Policy.Decisions.Actor actor);
}

/// <summary>The approving body takes the request up (Art. 4, 7).</summary>
internal sealed record ReviewTransfer : TransferStep
{
    private protected override GovStaff.Policy.Lifecycles.LifecycleResult<TransferRequest> Apply(ReplayState s, TransferRequest t, GovStaff.Policy.Decisions.Actor actor) => s.Transfers.Review(t, s.Network, actor, At);
}

/// <summary>The approving body approves (Art. 4, 7).</summary>
internal sealed record ApproveTransfer : TransferStep
{
    private protected override GovStaff.Policy.Lifecycles.LifecycleResult<TransferRequest> Apply(ReplayState s, TransferRequest t, GovStaff.Policy.Decisions.Actor actor) => s.Transfers.Approve(t, s.Network, actor, At);
}

/// <summary>The approving body refuses.</summary>
internal sealed record RejectTransfer : TransferStep
{
    private protected override GovStaff.Policy.Lifecycles.LifecycleResult<TransferRequest> Apply(ReplayState s, TransferRequest t, GovStaff.Policy.Decisions.Actor actor) => s.Transfers.Reject(t, s.Network, actor, At);
}

/// <summary>The home unit carries out an approved move (Art. 7: only after approval).</summary>
internal sealed record ExecuteTransfer : TransferStep
{
    private protected override GovStaff.Policy.Lifecycles.LifecycleResult<TransferRequest> Apply(ReplayState s, TransferRequest t, GovStaff.Policy.Decisions.Actor actor) => s.Transfers.Execute(t, s.Network, actor, At);
}

/// <summary>The home unit reports the moved person to the service centre (Art. 7); counts working days.</summary>
internal sealed record ReportTransfer : TransferStep
{
    internal override IEnumerable<(LocalDate, string)> CalendarDates() => [(At, "at")];

    private protected override GovStaff.Policy.Lifecycles.LifecycleResult<TransferRequest> Apply(ReplayState s, TransferRequest t, GovStaff.Policy.Decisions.Actor actor) => s.Transfers.Report(t, s.Network, actor, At);
}
