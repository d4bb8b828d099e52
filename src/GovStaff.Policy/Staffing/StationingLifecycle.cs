using GovStaff.Policy.Decisions;
using GovStaff.Policy.Lifecycles;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Regulation;
using NodaTime;

namespace GovStaff.Policy.Staffing;

/// <summary>
/// Nomination and stationing: Draft → Nominated → Vetted → Stationed → Left.
/// </summary>
/// <remarks>
/// The home unit nominates (Art. 4–6: 各乡镇、各部门、派出所选派); the receiving body, the body above it or the service
/// centre vets against Art. 2–6 (<see cref="NominationRules"/>); stationing a director checks Art. 3 again on the day;
/// a director who leaves leaves the body without one, which is a warning under Art. 3. A stationing ends only on a
/// <see cref="LeavingGround"/>: a transfer or adjustment approved and carried out, a recall under Art. 29, or a
/// documented ground outside the measures. After <see cref="Station"/> and <see cref="Leave"/>, apply
/// <see cref="ApplyTo"/> to the person's record. A refused nomination stays in <see cref="StationingState.Draft"/>.
/// </remarks>
public sealed class StationingLifecycle
{
    /// <summary>The lifecycle's machine, configured once.</summary>
    internal static LifecycleMachine<StationingState, StationingTrigger> Machine { get; } = new("stationing", StationingState.Draft, m =>
    {
        m.Configure(StationingState.Draft).Permit(StationingTrigger.Nominate, StationingState.Nominated);
        m.Configure(StationingState.Nominated).Permit(StationingTrigger.Vet, StationingState.Vetted);
        m.Configure(StationingState.Vetted).Permit(StationingTrigger.Station, StationingState.Stationed);
        m.Configure(StationingState.Stationed).Permit(StationingTrigger.Leave, StationingState.Left);
    });

    /// <summary>The lifecycle's state diagram (<see cref="LifecycleDiagram"/>).</summary>
    internal static LifecycleDiagram Diagram { get; } = LifecycleDiagram.From(Machine, 3, new("选派与进驻（第三条至第六条）", "Nomination and stationing (Art. 3–6)"));

    private static readonly Citation Selection = new(4);
    private static readonly Citation PoliceRule = new(7);
    private static readonly Citation Article29 = new(29);
    private static readonly Citation VillageAgents = new(6);
    private static readonly Citation[] AgentManagement = [new(6), new(17)];

    private static readonly LifecycleOf<Stationing, StationingState, StationingTrigger> Transitions = new(Machine, static s => s.State, static s => s.Subject);

    // Vet: the receiving body, the body above it or the service centre, against Art. 2–6.
    private static readonly TransitionRule<Stationing, StationingState, StationingTrigger, (ServiceNetwork Network, Actor Actor, Party[] Vetters, Citation Basis)> VetRule =
        Transitions.On<(ServiceNetwork Network, Actor Actor, Party[] Vetters, Citation Basis)>(
            StationingTrigger.Vet,
            static (_, i) => i.Basis,
            static (stationing, i, version) =>
            {
                var findings = new List<Finding> { Transition.AuthorityFinding("stationing", i.Actor, i.Vetters, i.Basis, stationing.Subject, new LocalizedText("审核该选派", "vet this nomination")) };
                findings.AddRange(NominationRules.Check(stationing.Nomination, i.Network, version.Options));
                return findings;
            },
            static (s, state, i, _) => s with { State = state, VettedBy = i.Actor });

    // Station: the receiving body; a director only while the body (or department) has none (Art. 3).
    private static readonly TransitionRule<Stationing, StationingState, StationingTrigger, (ServiceNetwork Network, Actor Actor, Citation Basis, LocalDate On)> StationRule =
        Transitions.On<(ServiceNetwork Network, Actor Actor, Citation Basis, LocalDate On)>(
            StationingTrigger.Station,
            static (_, i) => i.Basis,
            static (stationing, i, version) =>
            {
                var n = stationing.Nomination;
                var findings = new List<Finding> { Transition.AuthorityFinding("stationing", i.Actor, [Party.Of(n.Target)], i.Basis, stationing.Subject, new LocalizedText("接收该人员进驻", "receive this person")) };
                if (n.Role.IsDirector())
                {
                    findings.AddRange(NominationRules.Check(n, i.Network, version.Options).Where(f => f.Citation == DirectorDesignationRule.Article));
                }

                return findings;
            },
            static (s, state, i, _) => s with { State = state, StationedOn = i.On });

    // Leave: only on a ground (Art. 4, 7, 29 or outside the measures); a director's leaving warns that one is needed (Art. 3).
    private static readonly TransitionRule<Stationing, StationingState, StationingTrigger, (ServiceNetwork Network, Actor Actor, LeavingGround Ground, StaffMember Candidate, ServiceBody Body, bool Police, Citation Bar, LocalDate On)> LeaveRule =
        Transitions.On<(ServiceNetwork Network, Actor Actor, LeavingGround Ground, StaffMember Candidate, ServiceBody Body, bool Police, Citation Bar, LocalDate On)>(
            StationingTrigger.Leave,
            static (_, i) => i.Bar,
            static (stationing, i, version) =>
            {
                var n = stationing.Nomination;
                var findings = new List<Finding>
                {
                    Transition.AuthorityFinding("stationing", i.Actor, [Party.Of(n.Target), Party.Of(i.Candidate.HomeUnitId), Party.Of(Authority.ServiceAuthority(i.Network))], i.Bar, stationing.Subject, new LocalizedText("办理离岗", "record the leaving")),
                    GroundFinding(i.Ground, i.Candidate, stationing, i.Police, i.Bar, version.Options),
                };
                if (n.Role.IsDirector())
                {
                    findings.Add(new Finding("art3.director-leaves", Severity.Warning, DirectorDesignationRule.Article,
                        new LocalizedText($"主任离岗后{i.Body.Name}须重新明确1名主任。", $"With the director gone, {i.Body.Name} must designate a new one."), Subjects.Of(i.Body.Id)));
                }

                return findings;
            },
            static (s, state, i, _) => s with { State = state, LeftOn = i.On, LeftBecause = i.Ground.Reason, LeftOnGround = i.Ground.Reference },
            static (_, i) => new EventData(3) { ["ground"] = i.Ground.Reason.ToString(), ["reference"] = i.Ground.Reference, ["staff"] = i.Candidate.Id.Value });

    private readonly PolicyEngine _engine;

    /// <summary>Creates the lifecycle service.</summary>
    public StationingLifecycle(PolicyEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine;
    }

    /// <summary>The home unit nominates the person.</summary>
    public LifecycleResult<Stationing> Nominate(Stationing stationing, ServiceNetwork network, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(stationing);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(actor);
        var candidate = network.GetStaff(stationing.Nomination.Candidate);
        var body = network.GetBody(stationing.Nomination.Target);
        var basis = SelectionBasis(stationing.Nomination, network);
        var decision = _engine.Evaluate("stationing.nominate", stationing.Subject, stationing.Nomination.NominatedOn, _ =>
            Transition.NotAllowedFrom(Machine, stationing.State, StationingTrigger.Nominate, basis, stationing.Subject) is { } notAllowed
                ? [notAllowed]
                : [Transition.AuthorityFinding("stationing", actor, [Party.Of(candidate.HomeUnitId)], basis, stationing.Subject, new LocalizedText("选派该人员", "nominate this person"))]);
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

        var basis = SelectionBasis(stationing.Nomination, network);
        return VetRule.Run(_engine, stationing, actor, on, (network, actor, vetters.Distinct().ToArray(), basis));
    }

    /// <summary>The nominee starts at the body; a director only while the body (or department) has none (Art. 3).</summary>
    public LifecycleResult<Stationing> Station(Stationing stationing, ServiceNetwork network, Actor actor, LocalDate on)
    {
        ArgumentNullException.ThrowIfNull(stationing);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(actor);
        var n = stationing.Nomination;
        var basis = SelectionBasis(n, network);
        return StationRule.Run(_engine, stationing, actor, on, (network, actor, basis, on));
    }

    /// <summary>
    /// The person leaves the body on a ground: a transfer or adjustment of this person that was approved and carried out
    /// (Art. 4, 7), a recall of this person from this body (Art. 29), or a documented ground outside the measures. A
    /// home unit ending the stationing on its own — a transfer not approved or not carried out — is refused citing
    /// Art. 7 for police staff (不得私自、随意调回人员) and Art. 4 for the others. A director's leaving is a warning that
    /// the body now needs one (Art. 3).
    /// </summary>
    /// <param name="stationing">The stationing.</param>
    /// <param name="network">The network holding the person and the body.</param>
    /// <param name="actor">Who records the leaving: the body, the home unit or the service centre.</param>
    /// <param name="on">The last day at the body's post, i.e. the day the person leaves.</param>
    /// <param name="ground">Why the stationing ends.</param>
    public LifecycleResult<Stationing> Leave(Stationing stationing, ServiceNetwork network, Actor actor, LocalDate on, LeavingGround ground)
    {
        ArgumentNullException.ThrowIfNull(stationing);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(ground);
        var n = stationing.Nomination;
        var candidate = network.GetStaff(n.Candidate);
        var body = network.GetBody(n.Target);
        var police = network.IsPoliceStaff(candidate);
        var bar = police ? PoliceRule : n.Role == Role.VillageAgent ? VillageAgents : Selection;
        return LeaveRule.Run(_engine, stationing, actor, on, (network, actor, ground, candidate, body, police, bar, on));
    }

    // The article a stationing rests on: Art. 6 for village agents, Art. 5 for police staff, Art. 4 for the others
    // (directors are designated under Art. 3 and stationed like window staff).
    private static Citation SelectionBasis(Nomination n, ServiceNetwork network) =>
        n.Role == Role.VillageAgent ? new Citation(6)
        : network.IsPoliceStaff(network.GetStaff(n.Candidate)) ? new Citation(5)
        : Selection;

    // The ground must belong to this stationing (the record decides): a transfer of this person away from this body,
    // carried out on or after the stationing began; a recall the library issued for this person at this body.
    private static Finding GroundFinding(LeavingGround ground, StaffMember person, Stationing stationing, bool police, Citation bar, PolicyOptions options)
    {
        var subject = stationing.Subject;
        var body = stationing.Nomination.Target;
        var began = stationing.StationedOn;
        switch (ground.Reason)
        {
            case LeavingReason.Transferred:
                var t = ground.Transfer!;
                var basis = t.Kind == TransferKind.PoliceAdjustment ? PoliceRule : bar;
                if (t.Staff != person.Id)
                {
                    return new Finding("stationing.ground-other-person", Severity.Violation, bar,
                        new LocalizedText($"调整申请{t.Id}针对{t.Staff}，不是{person.Id}。", $"Transfer request {t.Id} concerns {t.Staff}, not {person.Id}."), subject);
                }

                if (t.State != TransferState.Draft && t.From != body)
                {
                    return new Finding("stationing.ground-other-stationing", Severity.Violation, bar,
                        new LocalizedText($"调整{t.Id}调离的是{(t.From is { } f ? f.Value : "未记录的机构")}，不是本次进驻的{body}。", $"Transfer {t.Id} moves {person.Id} from {(t.From is { } g ? g.Value : "an unrecorded body")}, not from {body}, where this stationing is."), subject);
                }

                if (t.State is TransferState.Executed or TransferState.Reported)
                {
                    return began is { } from && t.ExecutedOn < from
                        ? new Finding("stationing.ground-stale-transfer", Severity.Violation, bar,
                            new LocalizedText($"调整{t.Id}于{t.ExecutedOn:yyyy-MM-dd}执行，早于本次进驻（{from:yyyy-MM-dd}起），不能结束本次进驻。", $"Transfer {t.Id} was carried out on {t.ExecutedOn:yyyy-MM-dd}, before this stationing began ({from:yyyy-MM-dd}); it cannot end it."), subject)
                        : new Finding("stationing.ground-transfer", Severity.Satisfied, basis,
                            new LocalizedText($"依经批准并已执行的调整（{t.Id}）离岗。", $"Leaves on an approved adjustment that was carried out ({t.Id})."), subject);
                }

                if (t.ForVillageAgent && !options.ApplyArticle4ToVillageAgents && t.State is TransferState.Requested or TransferState.UnderReview or TransferState.Approved)
                {
                    // Art. 4's bar does not hold village agents (Art. 6); the committee's filed replacement suffices.
                    return new Finding("art6.agent-replaced", Severity.Satisfied, AgentManagement,
                        new LocalizedText($"村（居）委会更换代办人员（{t.Id}），不受第四条稳定期限约束；由乡镇民生服务中心与村（居）委会管理（第十七条）。", $"The village committee replaces its agent ({t.Id}); Art. 4's stability bar does not hold village agents, whom the township centre and the committee manage (Art. 17)."), subject);
                }

                return police
                    ? new Finding("art7.private-recall", Severity.Violation, PoliceRule,
                        new LocalizedText($"调整（{t.Id}）状态为{ChineseNames.Of(t.State)}：派出所调整人员须经审核同意并执行，不得私自、随意调回人员。", $"Adjustment {t.Id} is {t.State}: a police station adjusts its staff only after approval, and may not recall them on its own."), subject)
                    : t.ForVillageAgent
                        ? new Finding("art17.agent-replacement-not-filed", Severity.Violation, AgentManagement,
                            new LocalizedText($"更换（{t.Id}）状态为{ChineseNames.Of(t.State)}：代办人员的更换须由村（居）委会提出且未被驳回。", $"Replacement {t.Id} is {t.State}: an agent is replaced on the committee's filed request that was not refused."), subject)
                        : new Finding("art4.unapproved-rotation", Severity.Violation, Selection,
                            new LocalizedText($"调换（{t.Id}）状态为{ChineseNames.Of(t.State)}：进驻人员应保持相对稳定，未经批准并执行的调换不能离岗。", $"Rotation {t.Id} is {t.State}: stationed staff stay stable, and leave only on a rotation that was approved and carried out."), subject);
            case LeavingReason.Returned:
                var r = ground.Recall!;
                if (r.Staff != person.Id || r.Body != body)
                {
                    return new Finding("art29.recall-other-person", Severity.Violation, Article29,
                        new LocalizedText($"退回决定{r.Id}不针对{person.Id}在该机构的岗位。", $"Recall {r.Id} does not concern {person.Id} at this body."), subject);
                }

                return began is { } start && (r.ReturnedOn < start || (r.StationedOn is { } of && of != start))
                    ? new Finding("art29.recall-other-stationing", Severity.Violation, Article29,
                        new LocalizedText($"退回决定{r.Id}（{r.ReturnedOn:yyyy-MM-dd}）针对的是此前的进驻，不是{start:yyyy-MM-dd}起的本次进驻。", $"Recall {r.Id} ({r.ReturnedOn:yyyy-MM-dd}) concerns an earlier stationing, not this one, which began on {start:yyyy-MM-dd}."), subject)
                    : new Finding("art29.returned", Severity.Satisfied, Article29,
                        new LocalizedText($"连续季度考核不合格，依第二十九条退回（{r.Id}）。", $"Returned under Art. 29 after consecutive failed quarters ({r.Id})."), subject);
            default:
                var (zh, en) = ground.Outside switch
                {
                    OutsideGround.Retirement => ("退休", "retirement"),
                    OutsideGround.Resignation => ("辞职", "resignation"),
                    OutsideGround.Death => ("死亡", "death"),
                    _ => ("辞退或开除", "dismissal"),
                };
                // The measures do not govern these grounds; the finding says only that the stability bar is not the question.
                return new Finding("stationing.ground-outside-measures", Severity.Notice, bar,
                    new LocalizedText($"因{zh}离岗（依据：{ground.Reference}），不属本办法规定的调换、调整或退回。", $"Leaves on {en} (document: {ground.Reference}), a ground outside the measures' transfers, adjustments and recalls."), subject);
        }
    }

    /// <summary>The person's record after the stationing: at the body in the role while stationed, nowhere once left.</summary>
    public static StaffMember ApplyTo(Stationing stationing, StaffMember staff)
    {
        ArgumentNullException.ThrowIfNull(stationing);
        ArgumentNullException.ThrowIfNull(staff);
        return stationing.State switch
        {
            StationingState.Stationed => staff with { StationedAt = stationing.Nomination.Target, StationedOn = stationing.StationedOn, Role = stationing.Nomination.Role },
            StationingState.Left => staff with { StationedAt = null, StationedOn = null },
            _ => staff,
        };
    }
}
