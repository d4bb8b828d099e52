using GovStaff.Policy.Calendars;
using GovStaff.Policy.Decisions;
using GovStaff.Policy.Lifecycles;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Regulation;
using NodaTime;

namespace GovStaff.Policy.Staffing;

/// <summary>
/// Transfers and adjustments: Draft → Requested → UnderReview → Approved | Rejected → Executed → Reported.
/// </summary>
/// <remarks>
/// <para>
/// Art. 4: staff stay stable, in principle no rotation within <see cref="PolicyOptions.StabilityPeriodYears"/> years of
/// stationing, counted as 《民法典》第二百零一、二百零二条 count periods: from the day after stationing to the
/// anniversary, which is inside the period. A request inside the period is refused unless it states an exceptional
/// reason (原则上); then it needs approval, and the approval says it is an exception.
/// </para>
/// <para>
/// Art. 7: a police station's adjustment needs prior review and approval by the service centre or the township centre;
/// carrying it out without approval (a recall by the station on its own) is refused. Once carried out, the person is
/// reported to the service centre; unreported after <see cref="PolicyOptions.AdjustmentReportWorkingDays"/> working
/// days is a warning. Art. 4's two years address the townships' and departments' staff, so they bind a police
/// adjustment only under <see cref="PolicyOptions.ApplyArticle4ToPoliceStaff"/>.
/// </para>
/// <para>A refused request stays in <see cref="TransferState.Draft"/>: it cannot be reviewed, approved or carried out.</para>
/// </remarks>
public sealed class TransferLifecycle
{
    /// <summary>The lifecycle's machine, configured once.</summary>
    internal static LifecycleMachine<TransferState, TransferTrigger> Machine { get; } = new("transfer", TransferState.Draft, m =>
    {
        m.Configure(TransferState.Draft).Permit(TransferTrigger.Request, TransferState.Requested);
        m.Configure(TransferState.Requested).Permit(TransferTrigger.Review, TransferState.UnderReview).Permit(TransferTrigger.Reject, TransferState.Rejected);
        m.Configure(TransferState.UnderReview).Permit(TransferTrigger.Approve, TransferState.Approved).Permit(TransferTrigger.Reject, TransferState.Rejected);
        m.Configure(TransferState.Approved).Permit(TransferTrigger.Execute, TransferState.Executed);
        m.Configure(TransferState.Executed).Permit(TransferTrigger.Report, TransferState.Reported);
    });

    /// <summary>The lifecycle's state diagram (<see cref="LifecycleDiagram"/>).</summary>
    internal static LifecycleDiagram Diagram { get; } = LifecycleDiagram.From(Machine, 4, new("调换与调整（第四条、第七条）", "Transfer and adjustment (Art. 4, 7)"));

    private static readonly Citation Stability = new(4);
    private static readonly Citation PoliceRule = new(7);
    private static readonly Citation PeriodStart = new(LegalSource.CivilCode, 201);
    private static readonly Citation PeriodEnd = new(LegalSource.CivilCode, 202);
    private static readonly Citation VillageAgentBasis = new(6);
    private static readonly Citation[] VillageAgents = [new(6), new(17)];

    private static readonly LifecycleOf<TransferRequest, TransferState, TransferTrigger> Transitions = new(Machine, static r => r.State, static r => r.Subject);

    // Review, approve, reject: the approving bodies; approving inside the stability period needs the exceptional reason (Art. 4).
    private static readonly TransitionRule<TransferRequest, TransferState, TransferTrigger, (ServiceNetwork Network, Actor Actor, IReadOnlyList<Party> Parties, Citation Basis, LocalizedText What)> ReviewRule = DecideRule(TransferTrigger.Review);
    private static readonly TransitionRule<TransferRequest, TransferState, TransferTrigger, (ServiceNetwork Network, Actor Actor, IReadOnlyList<Party> Parties, Citation Basis, LocalizedText What)> ApproveRule = DecideRule(TransferTrigger.Approve);
    private static readonly TransitionRule<TransferRequest, TransferState, TransferTrigger, (ServiceNetwork Network, Actor Actor, IReadOnlyList<Party> Parties, Citation Basis, LocalizedText What)> RejectRule = DecideRule(TransferTrigger.Reject);

    // Execute: the home unit carries out an approved move; without approval the machine refuses it (Art. 7: no private recall).
    private static readonly TransitionRule<TransferRequest, TransferState, TransferTrigger, (Actor Actor, StaffMember Staff, LocalDate On)> ExecuteRule =
        Transitions.On<(Actor Actor, StaffMember Staff, LocalDate On)>(
            TransferTrigger.Execute,
            static (r, _) => Basis(r),
            static (request, i, _) => [Transition.AuthorityFinding("transfer", i.Actor, [Party.Of(i.Staff.HomeUnitId)], Basis(request), request.Subject, new LocalizedText("执行该调整", "carry out this move"))],
            static (r, s, i, _) => r with { State = s, ExecutedOn = i.On });

    // Report: the home unit reports the moved person to the service centre, late is a warning (Art. 7).
    private static readonly TransitionRule<TransferRequest, TransferState, TransferTrigger, (TransferLifecycle Self, Actor Actor, StaffMember Staff, LocalDate On)> ReportRule =
        Transitions.On<(TransferLifecycle Self, Actor Actor, StaffMember Staff, LocalDate On)>(
            TransferTrigger.Report,
            static (r, _) => Basis(r),
            static (request, i, version) =>
            {
                var findings = new List<Finding>
                {
                    Transition.AuthorityFinding("transfer", i.Actor, [Party.Of(i.Staff.HomeUnitId)], Basis(request), request.Subject, new LocalizedText("报送调整人员", "report the moved person")),
                };
                if (request.Kind != TransferKind.PoliceAdjustment)
                {
                    findings.Add(ReportNotRequired(request));
                    return findings;
                }

                var due = i.Self._calendar.AddWorkingDays(request.ExecutedOn!.Value, version.Options.AdjustmentReportWorkingDays);
                if (i.On > due)
                {
                    findings.Add(new Finding("art7.reported-late", Severity.Warning, PoliceRule,
                        new LocalizedText($"调整人员应于{due:yyyy-MM-dd}前及时报政务服务中心，{i.On:yyyy-MM-dd}才报送。", $"The moved person was due to be reported to the service centre by {due:yyyy-MM-dd}; reported on {i.On:yyyy-MM-dd}."), request.Subject));
                }

                return findings;
            },
            static (r, s, i, _) => r with { State = s, ReportedOn = i.On });

    private static TransitionRule<TransferRequest, TransferState, TransferTrigger, (ServiceNetwork Network, Actor Actor, IReadOnlyList<Party> Parties, Citation Basis, LocalizedText What)> DecideRule(TransferTrigger trigger) =>
        Transitions.On<(ServiceNetwork Network, Actor Actor, IReadOnlyList<Party> Parties, Citation Basis, LocalizedText What)>(
            trigger,
            static (r, _) => Basis(r),
            (request, i, version) =>
            {
                var findings = new List<Finding> { Transition.AuthorityFinding("transfer", i.Actor, i.Parties, i.Basis, request.Subject, i.What) };
                if (trigger == TransferTrigger.Approve && StabilityApplies(request, i.Network.IsPoliceStaff(i.Network.GetStaff(request.Staff)), version.Options))
                {
                    findings.Add(StabilityFinding(request, version.Options, approving: true));
                }

                return findings;
            },
            (r, s, i, _) => trigger == TransferTrigger.Review ? r with { State = s } : r with { State = s, DecidedBy = i.Actor });

    private readonly PolicyEngine _engine;
    private readonly WorkCalendar _calendar;

    /// <summary>Creates the lifecycle service.</summary>
    public TransferLifecycle(PolicyEngine engine, WorkCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine;
        ArgumentNullException.ThrowIfNull(calendar);
        _calendar = calendar;
    }

    /// <summary>
    /// Files a request: the person's home unit asks. Art. 4's stability period applies to rotations (and to police
    /// adjustments only under <see cref="PolicyOptions.ApplyArticle4ToPoliceStaff"/>); a police adjustment needs Art. 7's
    /// prior approval. Refused, the request stays a draft.
    /// </summary>
    public LifecycleResult<TransferRequest> Request(TransferRequest request, ServiceNetwork network, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(actor);
        var staff = network.GetStaff(request.Staff);
        var police = network.IsPoliceStaff(staff);
        // The record decides: the body moved from, the stationing date and whether the person is a village agent are
        // taken from the network, never from the request.
        // (A request whose stationing date contradicts the record is refused below, so the filed date is the record's.)
        var filed = request with { From = staff.StationedAt, ForVillageAgent = staff.Role == Role.VillageAgent };
        var basis = Basis(filed);
        var decision = _engine.Evaluate("transfer.request", request.Subject, request.RequestedOn, version =>
        {
            if (Transition.NotAllowedFrom(Machine, request.State, TransferTrigger.Request, basis, request.Subject) is { } notAllowed)
            {
                return [notAllowed];
            }

            var findings = new List<Finding>
            {
                Transition.AuthorityFinding("transfer", actor, [Party.Of(staff.HomeUnitId)], basis, request.Subject, new LocalizedText("申请调整该人员", "ask to move this person")),
            };
            if (staff.StationedAt is null)
            {
                findings.Add(new Finding("transfer.not-stationed", Severity.Violation, basis,
                    new LocalizedText($"{staff.Id}未进驻任何服务机构，无可调整的岗位。", $"{staff.Id} is not stationed at any service body; there is no post to move from."), request.Subject));
                return findings;
            }

            if (staff.StationedOn is { } recorded && recorded != request.StationedOn)
            {
                findings.Add(new Finding("transfer.stationing-date-contradicts-record", Severity.Violation, basis,
                    new LocalizedText($"申请所填进驻日期{request.StationedOn:yyyy-MM-dd}与记录的进驻日期{recorded:yyyy-MM-dd}不符；以记录为准。", $"The request states stationing on {request.StationedOn:yyyy-MM-dd}, but the record has {recorded:yyyy-MM-dd}; the record decides."), request.Subject));
                return findings;
            }

            if (staff.StationedOn is null)
            {
                findings.Add(new Finding("transfer.stationing-date-not-on-record", Severity.Warning, basis,
                    new LocalizedText($"记录中没有{staff.Id}的进驻日期，暂按申请所填{request.StationedOn:yyyy-MM-dd}计算，须核实。", $"The record holds no stationing date for {staff.Id}; the request's {request.StationedOn:yyyy-MM-dd} is used and must be verified."), request.Subject));
            }

            if (request.Kind == TransferKind.PoliceAdjustment && !police)
            {
                findings.Add(new Finding("art7.not-police", Severity.Violation, PoliceRule,
                    new LocalizedText("该人员不是派出所派驻人员，不适用第七条的调整程序。", "The person is not police staff; Art. 7's adjustment does not apply."), request.Subject));
            }
            else if (request.Kind == TransferKind.Rotation && police)
            {
                findings.Add(new Finding("art7.police-rotation", Severity.Violation, PoliceRule,
                    new LocalizedText("派出所派驻人员的调整适用第七条，应按调整程序提前报审。", "Police staff are moved by an Art. 7 adjustment, reviewed in advance; file one instead."), request.Subject));
            }

            if (filed.ForVillageAgent && !version.Options.ApplyArticle4ToVillageAgents)
            {
                findings.Add(new Finding("art6.agent-replacement", Severity.Satisfied, VillageAgents,
                    new LocalizedText("村级代办人员由网格员、村“两委”班子成员兼任（第六条），第四条“原则上2年内不得调换”约束的是选派进驻大厅和乡镇民生服务中心的人员；其更换由所属乡镇民生服务中心与村（居）委会管理（第十七条）。",
                        "Village agents are grid workers and two-committee members serving concurrently (Art. 6); Art. 4's two-year bar binds the staff nominated to the hall and the township centres, so replacing an agent is for the township centre and the village committee that manage them (Art. 17)."), request.Subject));
            }
            else if (StabilityApplies(filed, police, version.Options))
            {
                findings.Add(StabilityFinding(filed, version.Options, approving: false));
            }

            if (request.Kind == TransferKind.PoliceAdjustment)
            {
                findings.Add(new Finding("art7.prior-approval", Severity.ApprovalRequired, PoliceRule,
                    new LocalizedText("派出所调整人员须提前报政务服务中心或乡镇民生服务中心审核，同意后方可调整。", "A police adjustment needs prior review and approval by the service centre or the township centre."), request.Subject));
            }

            return findings;
        });

        if (decision.Outcome is Outcome.Refused)
        {
            return new LifecycleResult<TransferRequest>(decision, request, null);
        }

        var @event = new DomainEvent("transfer.request", request.Subject, actor, decision.EvaluatedAt, request.RequestedOn, decision.Citations, decision.PolicyVersion,
            new LocalizedText($"申请调整{staff.Name}。", $"Request to move {staff.Id}."),
            new EventData() { ["staff"] = staff.Id.Value, ["kind"] = request.Kind.ToString(), ["from"] = staff.StationedAt!.Value.Value, ["stationedOn"] = filed.StationedOn.ToString("yyyy-MM-dd", null), ["state"] = nameof(TransferState.Requested) });
        return new LifecycleResult<TransferRequest>(decision, filed with { State = TransferState.Requested }, @event);
    }

    /// <summary>The approving body takes the request up for review.</summary>
    public LifecycleResult<TransferRequest> Review(TransferRequest request, ServiceNetwork network, Actor actor, LocalDate on) =>
        Decide(request, network, actor, on, TransferTrigger.Review, new LocalizedText("审核该调整", "review this move"));

    /// <summary>The approving body approves; inside the stability period only with the exceptional reason on file.</summary>
    public LifecycleResult<TransferRequest> Approve(TransferRequest request, ServiceNetwork network, Actor actor, LocalDate on) =>
        Decide(request, network, actor, on, TransferTrigger.Approve, new LocalizedText("批准该调整", "approve this move"));

    /// <summary>The approving body refuses.</summary>
    public LifecycleResult<TransferRequest> Reject(TransferRequest request, ServiceNetwork network, Actor actor, LocalDate on) =>
        Decide(request, network, actor, on, TransferTrigger.Reject, new LocalizedText("驳回该调整", "refuse this move"));

    /// <summary>The home unit carries out an approved move; without approval it is refused (Art. 7: no private recall).</summary>
    public LifecycleResult<TransferRequest> Execute(TransferRequest request, ServiceNetwork network, Actor actor, LocalDate on)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(actor);
        var staff = network.GetStaff(request.Staff);
        return ExecuteRule.Run(_engine, request, actor, on, (actor, staff, on));
    }

    /// <summary>The home unit reports the adjusted person to the service centre (Art. 7).</summary>
    public LifecycleResult<TransferRequest> Report(TransferRequest request, ServiceNetwork network, Actor actor, LocalDate on)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(actor);
        var staff = network.GetStaff(request.Staff);
        return ReportRule.Run(_engine, request, actor, on, (this, actor, staff, on));
    }

    /// <summary>Whether an executed move is overdue for reporting to the service centre on <paramref name="today"/> (Art. 7).</summary>
    public Decision CheckUnreported(TransferRequest request, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _engine.Evaluate("transfer.check-reported", request.Subject, today, version =>
        {
            if (request.Kind != TransferKind.PoliceAdjustment)
            {
                return [ReportNotRequired(request)];
            }

            if (request.State != TransferState.Executed)
            {
                return [new Finding("art7.report-not-due", Severity.Notice, PoliceRule,
                    new LocalizedText($"调整状态为{ChineseNames.Of(request.State)}，无需报送检查。", $"The move is {request.State}; nothing to report."), request.Subject)];
            }

            var due = _calendar.AddWorkingDays(request.ExecutedOn!.Value, version.Options.AdjustmentReportWorkingDays);
            List<Finding> findings = today > due
                ? [new Finding("art7.unreported", Severity.Warning, PoliceRule,
                    new LocalizedText($"调整{request.Id}（{request.Staff}）{request.ExecutedOn:yyyy-MM-dd}已执行，最迟应于{due:yyyy-MM-dd}（含当日）报政务服务中心，至今未报。", $"Adjustment {request.Id} ({request.Staff}) was carried out on {request.ExecutedOn:yyyy-MM-dd}; it was due to be reported to the service centre by {due:yyyy-MM-dd} at the latest, and is still unreported."), request.Subject)]
                : [new Finding("art7.report-pending", Severity.Satisfied, PoliceRule,
                    new LocalizedText($"报送期限为{due:yyyy-MM-dd}。", $"To be reported by {due:yyyy-MM-dd}."), request.Subject)];
            return findings.WarnIfAssumed(_calendar, request.ExecutedOn!.Value, due, request.Subject);
        });
    }

    /// <summary>Who may review, approve or refuse: Art. 7's bodies for police, the person's body or the service centre for rotations.</summary>
    public static (IReadOnlyList<Party> Parties, Citation Basis) Approvers(TransferRequest request, ServiceNetwork network)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(network);
        var staff = network.GetStaff(request.Staff);
        if (request.Kind == TransferKind.PoliceAdjustment)
        {
            return Authority.AdjustmentApprovers(staff, network);
        }

        if (staff.Role == Role.VillageAgent && staff.StationedAt is { } agentAt && network.GetBody(agentAt).Kind == ServiceBodyKind.VillageCentre)
        {
            // Art. 17: village agents are managed by the township centre above and the village committee.
            var (managers, _) = Authority.LeaveApprovers(staff, network);
            return (managers, new Citation(17));
        }

        var parties = new List<Party> { Party.Of(Authority.ServiceAuthority(network)) };
        if (staff.StationedAt is { } at)
        {
            parties.Add(Party.Of(at));
        }

        return (parties.Distinct().ToArray(), Stability);
    }

    private LifecycleResult<TransferRequest> Decide(TransferRequest request, ServiceNetwork network, Actor actor, LocalDate on, TransferTrigger trigger, LocalizedText what)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(actor);
        var (parties, basis) = Approvers(request, network);
        var rule = trigger switch { TransferTrigger.Review => ReviewRule, TransferTrigger.Approve => ApproveRule, _ => RejectRule };
        return rule.Run(_engine, request, actor, on, (network, actor, parties, basis, what));
    }

    // Art. 4 addresses the townships' and departments' staff; police staff are moved under Art. 7 unless the district
    // binds them to Art. 4 as well (one option for nomination and adjustment alike).
    // Village agents (Art. 6) are not the staff Art. 4 names, unless the district binds them too.
    private static bool StabilityApplies(TransferRequest request, bool police, PolicyOptions options) =>
        request.ForVillageAgent ? options.ApplyArticle4ToVillageAgents : !police || options.ApplyArticle4ToPoliceStaff;

    private static Finding StabilityFinding(TransferRequest request, PolicyOptions options, bool approving)
    {
        var years = options.StabilityPeriodYears;
        // 《民法典》第二百零一、二百零二条: the period starts the day after stationing and ends on the anniversary
        // (the last day of the month where it has none), which is inside the period.
        var last = request.StationedOn.PlusYears(years);
        var sources = new[] { Stability, PeriodStart, PeriodEnd };
        if (request.RequestedOn > last)
        {
            return new Finding("art4.stability", Severity.Satisfied, sources,
                new LocalizedText($"{request.StationedOn:yyyy-MM-dd}进驻，{years}年期间已于{last:yyyy-MM-dd}届满。", $"Stationed on {request.StationedOn:yyyy-MM-dd}: the {years} years ended with {last:yyyy-MM-dd}."), request.Subject);
        }

        if (request.ExceptionalReason is null)
        {
            // 原则上 opens the rule: by default the approver decides, warned; refusing is the district's option.
            return options.RefuseRotationWithinStabilityPeriodWithoutReason
                ? new Finding("art4.stability", Severity.Violation, sources,
                    new LocalizedText($"{request.StationedOn:yyyy-MM-dd}进驻，至{last:yyyy-MM-dd}（含）原则上不得调换，且未说明特殊理由（选项RefuseRotationWithinStabilityPeriodWithoutReason）。", $"Stationed on {request.StationedOn:yyyy-MM-dd}: no rotation up to and including {last:yyyy-MM-dd} in principle, and no exceptional reason is given (option RefuseRotationWithinStabilityPeriodWithoutReason)."), request.Subject)
                : approving
                    ? new Finding("art4.stability-no-reason", Severity.Warning, sources,
                        new LocalizedText($"{request.StationedOn:yyyy-MM-dd}进驻，至{last:yyyy-MM-dd}（含）原则上不得调换；未说明特殊理由即予批准，批准机关应载明理由。", $"Stationed on {request.StationedOn:yyyy-MM-dd}: no rotation up to and including {last:yyyy-MM-dd} in principle; approved without a stated exceptional reason, which the approver should record."), request.Subject)
                    : new Finding("art4.stability-no-reason", Severity.ApprovalRequired, sources,
                        new LocalizedText($"{request.StationedOn:yyyy-MM-dd}进驻，至{last:yyyy-MM-dd}（含）原则上不得调换，且未说明特殊理由；由批准机关审查是否属例外。", $"Stationed on {request.StationedOn:yyyy-MM-dd}: no rotation up to and including {last:yyyy-MM-dd} in principle, and no exceptional reason is given; the approver decides whether it is an exception."), request.Subject);
        }

        return approving
            ? new Finding("art4.stability-exception", Severity.Notice, sources,
                new LocalizedText($"{years}年内调换，按特殊情况批准：{request.ExceptionalReason}。", $"A move within {years} years, approved as an exception: {request.ExceptionalReason}."), request.Subject)
            : new Finding("art4.stability-exception", Severity.ApprovalRequired, sources,
                new LocalizedText($"至{last:yyyy-MM-dd}（含）原则上不得调换；特殊理由（{request.ExceptionalReason}）须经批准。", $"No rotation up to and including {last:yyyy-MM-dd} in principle; the exceptional reason ({request.ExceptionalReason}) needs approval."), request.Subject);
    }

    // Art. 7's report duty (调整的人员需及时报政务服务中心) is the police adjustment's; a rotation has none.
    private static Finding ReportNotRequired(TransferRequest request) =>
        new("art7.report-not-required", Severity.Notice, PoliceRule,
            new LocalizedText($"{request.Id}是调换而非派出所调整：第七条“调整的人员需及时报政务服务中心”只适用于派出所调整。", $"{request.Id} is a rotation, not a police adjustment: Art. 7's duty to report the adjusted person applies to police adjustments only."), request.Subject);

    private static Citation Basis(TransferRequest request) =>
        request.Kind == TransferKind.PoliceAdjustment ? PoliceRule : request.ForVillageAgent ? VillageAgentBasis : Stability;
}
