using GovStaff.Policy.Decisions;
using GovStaff.Policy.Lifecycles;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Regulation;
using NodaTime;

namespace GovStaff.Policy.Staffing;

/// <summary>
/// Nomination and stationing: Nominated → Vetted → Stationed → Left.
/// </summary>
/// <remarks>
/// The home unit nominates (Art. 4–6: 各乡镇、各部门、派出所选派); the receiving body, the body above it or the service
/// centre vets against Art. 2–6 (<see cref="NominationRules"/>); stationing a director checks Art. 3 again on the day;
/// a director who leaves leaves the body without one, which is a warning under Art. 3. After
/// <see cref="Station"/> and <see cref="Leave"/>, apply <see cref="ApplyTo"/> to the person's record.
/// </remarks>
public sealed class StationingLifecycle
{
    /// <summary>The lifecycle's machine, configured once.</summary>
    public static LifecycleMachine<StationingState, StationingTrigger> Machine { get; } = new("stationing", StationingState.Nominated, m =>
    {
        m.Configure(StationingState.Nominated).Permit(StationingTrigger.Vet, StationingState.Vetted);
        m.Configure(StationingState.Vetted).Permit(StationingTrigger.Station, StationingState.Stationed);
        m.Configure(StationingState.Stationed).Permit(StationingTrigger.Leave, StationingState.Left);
    });

    private static readonly Citation Selection = new(4);

    private readonly PolicyEngine _engine;

    /// <summary>Creates the lifecycle service.</summary>
    public StationingLifecycle(PolicyEngine engine) => _engine = engine ?? throw new ArgumentNullException(nameof(engine));

    /// <summary>The home unit nominates the person.</summary>
    public LifecycleResult<Stationing> Nominate(Stationing stationing, ServiceNetwork network, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(stationing);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(actor);
        var candidate = network.GetStaff(stationing.Nomination.Candidate);
        var body = network.GetBody(stationing.Nomination.Target);
        var decision = _engine.Evaluate("stationing.nominate", stationing.Subject, stationing.Nomination.NominatedOn, _ =>
            [Transition.AuthorityFinding("stationing", actor, [Party.Of(candidate.HomeUnitId)], Selection, stationing.Subject, new LocalizedText("选派该人员", "nominate this person"))]);
        if (!decision.IsPermitted)
        {
            return new LifecycleResult<Stationing>(decision, stationing, null);
        }

        var @event = new DomainEvent("stationing.nominate", stationing.Subject, actor, decision.EvaluatedAt, stationing.Nomination.NominatedOn, decision.Citations, decision.PolicyVersion,
            new LocalizedText($"选派{candidate.Name}进驻{body.Name}。", $"{candidate.Id} nominated to {body.Name}."),
            new EventData() { ["staff"] = candidate.Id.Value, ["body"] = body.Id.Value, ["role"] = stationing.Nomination.Role.ToString(), ["state"] = nameof(StationingState.Nominated) });
        return new LifecycleResult<Stationing>(decision, stationing with { State = StationingState.Nominated }, @event);
    }

    /// <summary>The receiving body (or the body above it, or the service centre) vets the nominee against Art. 2–6.</summary>
    public LifecycleResult<Stationing> Vet(Stationing stationing, ServiceNetwork network, Actor actor, LocalDate on)
    {
        ArgumentNullException.ThrowIfNull(stationing);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(actor);
        var body = network.GetBody(stationing.Nomination.Target);
        var vetters = new List<Party> { Party.Of(body.Id), Party.Of(Authority.ServiceAuthority(network)) };
        if (body.ParentId is { } parent)
        {
            vetters.Add(Party.Of(parent));
        }

        return Transition.Run(_engine, Machine, stationing, stationing.State, StationingTrigger.Vet, Selection, stationing.Subject, actor, on,
            version =>
            {
                var findings = new List<Finding> { Transition.AuthorityFinding("stationing", actor, vetters.Distinct().ToArray(), Selection, stationing.Subject, new LocalizedText("审核该选派", "vet this nomination")) };
                findings.AddRange(NominationRules.Check(stationing.Nomination, network, version.Options));
                return findings;
            },
            (s, state) => s with { State = state, VettedBy = actor });
    }

    /// <summary>The nominee starts at the body; a director only while the body (or department) has none (Art. 3).</summary>
    public LifecycleResult<Stationing> Station(Stationing stationing, ServiceNetwork network, Actor actor, LocalDate on)
    {
        ArgumentNullException.ThrowIfNull(stationing);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(actor);
        var n = stationing.Nomination;
        return Transition.Run(_engine, Machine, stationing, stationing.State, StationingTrigger.Station, Selection, stationing.Subject, actor, on,
            version =>
            {
                var findings = new List<Finding> { Transition.AuthorityFinding("stationing", actor, [Party.Of(n.Target)], Selection, stationing.Subject, new LocalizedText("接收该人员进驻", "receive this person")) };
                if (n.Role.IsDirector())
                {
                    findings.AddRange(NominationRules.Check(n, network, version.Options).Where(f => f.Citation == DirectorDesignationRule.Article));
                }

                return findings;
            },
            (s, state) => s with { State = state, StationedOn = on });
    }

    /// <summary>The person leaves the body; a director's leaving is a warning that the body now needs one (Art. 3).</summary>
    public LifecycleResult<Stationing> Leave(Stationing stationing, ServiceNetwork network, Actor actor, LocalDate on, LeavingReason reason)
    {
        ArgumentNullException.ThrowIfNull(stationing);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(actor);
        var n = stationing.Nomination;
        var candidate = network.GetStaff(n.Candidate);
        var body = network.GetBody(n.Target);
        return Transition.Run(_engine, Machine, stationing, stationing.State, StationingTrigger.Leave, Selection, stationing.Subject, actor, on,
            _ =>
            {
                var findings = new List<Finding>
                {
                    Transition.AuthorityFinding("stationing", actor, [Party.Of(n.Target), Party.Of(candidate.HomeUnitId), Party.Of(Authority.ServiceAuthority(network))], Selection, stationing.Subject, new LocalizedText("办理离岗", "record the leaving")),
                };
                if (n.Role.IsDirector())
                {
                    findings.Add(new Finding("art3.director-leaves", Severity.Warning, DirectorDesignationRule.Article,
                        new LocalizedText($"主任离岗后{body.Name}须重新明确1名主任。", $"With the director gone, {body.Name} must designate a new one."), Subjects.Of(body.Id)));
                }

                return findings;
            },
            (s, state) => s with { State = state, LeftOn = on, LeftBecause = reason });
    }

    /// <summary>The person's record after the stationing: at the body in the role while stationed, nowhere once left.</summary>
    public static StaffMember ApplyTo(Stationing stationing, StaffMember staff)
    {
        ArgumentNullException.ThrowIfNull(stationing);
        ArgumentNullException.ThrowIfNull(staff);
        return stationing.State switch
        {
            StationingState.Stationed => staff with { StationedAt = stationing.Nomination.Target, Role = stationing.Nomination.Role },
            StationingState.Left => staff with { StationedAt = null },
            _ => staff,
        };
    }
}
