using GovStaff.Policy.Decisions;
using GovStaff.Policy.Lifecycles;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Regulation;
using NodaTime;

namespace GovStaff.Policy.Service;

/// <summary>
/// Complaints and reports (Art. 22): the hall and the township centres accept them, investigate, and feed the outcome
/// back to the complainant: Accepted → Investigating → FedBack. Only the accepting body acts; closing without
/// feedback is refused. Art. 22 names the hall and the township centres: a complaint made at a village centre is
/// recorded there and passed to the township centre above, which accepts it (Art. 17 puts village agents under it).
/// A complaint is recorded even when no version of the measures is in force, with a notice citing Art. 31.
/// A complaint whose acceptance was refused stays <see cref="ComplaintState.Received"/>: it is recorded, never dropped,
/// and cannot be investigated until accepted.
/// </summary>
public sealed class ComplaintLifecycle
{
    /// <summary>The lifecycle's machine, configured once.</summary>
    internal static LifecycleMachine<ComplaintState, ComplaintTrigger> Machine { get; } = new("complaint", ComplaintState.Received, m =>
    {
        m.Configure(ComplaintState.Received).Permit(ComplaintTrigger.Accept, ComplaintState.Accepted);
        m.Configure(ComplaintState.Accepted).Permit(ComplaintTrigger.Investigate, ComplaintState.Investigating);
        m.Configure(ComplaintState.Investigating).Permit(ComplaintTrigger.FeedBack, ComplaintState.FedBack);
    });

    /// <summary>The lifecycle's state diagram (<see cref="LifecycleDiagram"/>).</summary>
    internal static LifecycleDiagram Diagram { get; } = LifecycleDiagram.From(Machine, 22, new("投诉与举报（第二十二条）", "Complaints and reports (Art. 22)"));

    private static readonly Citation Complaints = new(22);
    private static readonly Citation[] PassedUp = [new(22), new(17)];

    private static readonly LifecycleOf<Complaint, ComplaintState, ComplaintTrigger> Transitions = new(Machine, static c => c.State, static c => c.Subject);

    // Investigate: only the accepting body.
    private static readonly TransitionRule<Complaint, ComplaintState, ComplaintTrigger, Actor> InvestigateRule = Transitions.On<Actor>(
        ComplaintTrigger.Investigate,
        Complaints,
        static (c, actor, _) => [Transition.AuthorityFinding("complaint", actor, [Party.Of(c.Body)], Complaints, c.Subject, new LocalizedText("调查该投诉", "investigate this complaint"))],
        static (c, s, _, _) => c with { State = s });

    // Feed back and close: the accepting body, and only with the outcome fed back to the complainant.
    private static readonly TransitionRule<Complaint, ComplaintState, ComplaintTrigger, (Actor Actor, string Outcome, LocalDate? FedBackOn)> FeedBackRule = Transitions.On<(Actor Actor, string Outcome, LocalDate? FedBackOn)>(
        ComplaintTrigger.FeedBack,
        Complaints,
        static (c, i, _) =>
        [
            Transition.AuthorityFinding("complaint", i.Actor, [Party.Of(c.Body)], Complaints, c.Subject, new LocalizedText("办结该投诉", "close this complaint")),
            i.FedBackOn is { } f && f >= c.ReceivedOn
                ? new Finding("art22.fed-back", Severity.Satisfied, Complaints, new LocalizedText($"{f:yyyy-MM-dd}已将处理结果反馈投诉人。", $"The outcome was fed back to the complainant on {f:yyyy-MM-dd}."), c.Subject)
                : new Finding("art22.no-feedback", Severity.Violation, Complaints, new LocalizedText("处理结果未反馈投诉人，不能办结。", "The outcome has not been fed back to the complainant; the complaint cannot be closed."), c.Subject),
        ],
        static (c, s, i, _) => c with { State = s, Outcome = i.Outcome, FedBackOn = i.FedBackOn });

    private readonly PolicyEngine _engine;

    /// <summary>Creates the lifecycle.</summary>
    public ComplaintLifecycle(PolicyEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine;
    }

    /// <summary>Accepts a complaint at the hall or a township centre.</summary>
    public LifecycleResult<Complaint> Accept(Complaint complaint, ServiceNetwork network, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(actor);
        var madeAt = network.GetBody(complaint.Body);
        // Art. 22: the hall and the township centres accept; a village centre passes what it receives up (Art. 17).
        var body = madeAt.Kind == ServiceBodyKind.VillageCentre && madeAt.ParentId is { } parent ? network.GetBody(parent) : madeAt;
        var passedUp = body.Id != madeAt.Id;
        var decision = _engine.EvaluateRecording("complaint.accept", complaint.Subject, complaint.ReceivedOn, _ =>
            Transition.NotAllowedFrom(Machine, complaint.State, ComplaintTrigger.Accept, Complaints, complaint.Subject) is { } notAllowed ? [notAllowed] :
            passedUp
                ?
                [
                    Transition.AuthorityFinding("complaint", actor, [Party.Of(madeAt.Id), Party.Of(body.Id)], Complaints, complaint.Subject, new LocalizedText("登记并转交该投诉", "record and pass on this complaint")),
                    new Finding("art22.passed-to-township-centre", Severity.Notice, PassedUp,
                        new LocalizedText($"{madeAt.Name}收到的投诉已登记，转所属{body.Name}受理（第二十二条；村级代办人员受乡镇民生服务中心管理，第十七条）。", $"The complaint made at {madeAt.Name} is recorded and passed to {body.Name}, which accepts it (Art. 22; village agents are managed by the township centre, Art. 17)."), complaint.Subject),
                ]
                :
                [
                    Transition.AuthorityFinding("complaint", actor, [Party.Of(body.Id)], Complaints, complaint.Subject, new LocalizedText("受理该投诉", "accept this complaint")),
                    new Finding("art22.accepted", Severity.Satisfied, Complaints, new LocalizedText($"{body.Name}受理投诉。", $"{body.Name} accepts the complaint."), complaint.Subject),
                ]);
        return decision.IsPermitted
            ? new(decision, complaint with { State = ComplaintState.Accepted, Body = body.Id, MadeAt = passedUp ? madeAt.Id : null }, new DomainEvent("complaint.accept", complaint.Subject, actor, decision.EvaluatedAt, complaint.ReceivedOn,
                decision.Citations, decision.PolicyVersion, new LocalizedText($"{body.Name}受理投诉：{complaint.Summary}", $"Complaint accepted by {body.Name}: {complaint.Summary}"),
                new EventData() { ["about"] = complaint.About?.Value ?? string.Empty, ["body"] = body.Id.Value, ["madeAt"] = madeAt.Id.Value }))
            : new(decision, complaint, null);
    }

    /// <summary>Starts the investigation (调查核实).</summary>
    public LifecycleResult<Complaint> Investigate(Complaint complaint, Actor actor, LocalDate on)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(actor);
        return InvestigateRule.Run(_engine, complaint, actor, on, actor);
    }

    /// <summary>Feeds the outcome back to the complainant and closes; without feedback it is refused.</summary>
    public LifecycleResult<Complaint> FeedBack(Complaint complaint, string outcome, LocalDate? fedBackOn, Actor actor, LocalDate on)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var result = Guard.Text(outcome, nameof(outcome), 2000);
        return FeedBackRule.Run(_engine, complaint, actor, on, (actor, result, fedBackOn));
    }
}
