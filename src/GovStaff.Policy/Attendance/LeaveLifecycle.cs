using GovStaff.Policy.Calendars;
using GovStaff.Policy.Decisions;
using GovStaff.Policy.Lifecycles;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Regulation;
using NodaTime;

namespace GovStaff.Policy.Attendance;

/// <summary>
/// Leave and reporting back (请销假制度, Art. 12(2)) with A/B cover (AB岗, Art. 12(6)):
/// Draft → Requested → Approved | Rejected → OnLeave → Returned → Closed.
/// </summary>
/// <remarks>
/// <para>
/// Leave is requested in advance as a rule (一般在事前履行): a request made on or after the first day is a warning citing
/// Art. 12(2), with its reason when one is given; a district may refuse one without a reason
/// (<see cref="PolicyOptions.RefuseLateLeaveWithoutReason"/>). Village agents are not bound by Art. 12(2) (Art. 13):
/// their leave is recorded with no finding on timing or reporting back. A refused request stays in
/// <see cref="LeaveState.Draft"/> and cannot be approved.
/// </para>
/// <para>
/// Approving leave needs the managing body (Art. 15–17) and zero vacancy: the other holder of each of the person's
/// A/B posts must be on duty on every working day of the leave; otherwise the approval is refused with the uncovered
/// dates. Days are counted on the work calendar (the law speaks of working days); the leave itself is in calendar days.
/// </para>
/// <para>Not reporting back within <see cref="PolicyOptions.ReportBackWorkingDays"/> working days of the leave's end is a warning.</para>
/// </remarks>
public sealed class LeaveLifecycle
{
    /// <summary>The lifecycle's machine, configured once.</summary>
    internal static LifecycleMachine<LeaveState, LeaveTrigger> Machine { get; } = new("leave", LeaveState.Draft, m =>
    {
        m.Configure(LeaveState.Draft).Permit(LeaveTrigger.Request, LeaveState.Requested);
        m.Configure(LeaveState.Requested).Permit(LeaveTrigger.Approve, LeaveState.Approved).Permit(LeaveTrigger.Reject, LeaveState.Rejected);
        m.Configure(LeaveState.Approved).Permit(LeaveTrigger.Start, LeaveState.OnLeave);
        m.Configure(LeaveState.OnLeave).Permit(LeaveTrigger.Return, LeaveState.Returned);
        m.Configure(LeaveState.Returned).Permit(LeaveTrigger.ReportBack, LeaveState.Closed);
    });

    /// <summary>The lifecycle's state diagram (<see cref="LifecycleDiagram"/>).</summary>
    internal static LifecycleDiagram Diagram { get; } = LifecycleDiagram.From(Machine, 12, new("请假与销假（第十二条第（二）项、第（六）项）", "Leave and reporting back (Art. 12(2), 12(6))"));

    private static readonly Citation LeaveRule = new(12, 2);
    private static readonly Citation ABPosts = new(12, 6);
    private static readonly Citation AgentRules = new(13);

    private static readonly LifecycleOf<LeaveRequest, LeaveState, LeaveTrigger> Transitions = new(Machine, static r => r.State, static r => r.Subject);

    // Approve: the managing body (Art. 15–17), and the A/B partner on duty on every working day of the leave (Art. 12(6)).
    private static readonly TransitionRule<LeaveRequest, LeaveState, LeaveTrigger, (LeaveLifecycle Self, StaffMember Staff, ServiceNetwork Network, LeaveRequest[] Others, Actor Actor)> ApproveRule =
        Transitions.On<(LeaveLifecycle Self, StaffMember Staff, ServiceNetwork Network, LeaveRequest[] Others, Actor Actor)>(
            LeaveTrigger.Approve,
            LeaveRule,
            static (request, i, _) =>
            {
                var (approvers, basis) = Authority.LeaveApprovers(i.Staff, i.Network);
                var findings = new List<Finding>
                {
                    Transition.AuthorityFinding("leave", i.Actor, approvers, basis, request.Subject, new LocalizedText("批准该请假", "approve this leave")),
                    ApproverInferred(basis, request.Subject),
                };
                findings.AddRange(i.Self.CoverFindings(request, i.Staff, i.Network, i.Others));
                return findings.WarnIfAssumed(i.Self._calendar, request.From, request.To, request.Subject);
            },
            static (r, s, i, _) => r with { State = s, DecidedBy = i.Actor },
            static (r, _) => new EventData() { ["staff"] = r.Staff.Value, ["from"] = Iso(r.From), ["to"] = Iso(r.To) });

    // Art. 12(2) says leave is asked for, not who grants it: the approver is inferred from who manages the person's daily
    // work (Arts. 15–17), and the decision says so rather than presenting it as the article's rule.
    private static Finding ApproverInferred(Citation basis, string subject) =>
        new("leave.approver-inferred", Severity.Notice, basis,
            new LocalizedText($"第十二条第（二）项未规定由谁批准请假；依{basis.ToChinese()}规定的日常管理关系推定由该机构审批（本库的推定）。", $"Art. 12(2) does not say who grants leave; the approver is inferred from the daily management {basis} gives (this library's inference)."), subject);

    // Reject: the managing body (Art. 15–17), with a reason.
    private static readonly TransitionRule<LeaveRequest, LeaveState, LeaveTrigger, (StaffMember Staff, ServiceNetwork Network, Actor Actor, string Reason)> RejectRule =
        Transitions.On<(StaffMember Staff, ServiceNetwork Network, Actor Actor, string Reason)>(
            LeaveTrigger.Reject,
            LeaveRule,
            static (request, i, _) =>
            {
                var (approvers, basis) = Authority.LeaveApprovers(i.Staff, i.Network);
                return [Transition.AuthorityFinding("leave", i.Actor, approvers, basis, request.Subject, new LocalizedText("驳回该请假", "refuse this leave")), ApproverInferred(basis, request.Subject)];
            },
            static (r, s, i, _) => r with { State = s, DecidedBy = i.Actor },
            static (_, i) => new EventData() { ["reason"] = i.Reason });

    // Start: on or after the leave's first day.
    private static readonly TransitionRule<LeaveRequest, LeaveState, LeaveTrigger, LocalDate> StartRule = Transitions.On<LocalDate>(
        LeaveTrigger.Start,
        LeaveRule,
        static (request, on, _) => on < request.From
            ? [new Finding("leave.start-before-from", Severity.Violation, LeaveRule,
                new LocalizedText($"假期自{request.From:yyyy-MM-dd}开始，不能在{on:yyyy-MM-dd}开始。", $"The leave starts on {request.From:yyyy-MM-dd}, not {on:yyyy-MM-dd}."), request.Subject)]
            : [],
        static (r, s, on, _) => r with { State = s, StartedOn = on });

    // Return: not before the leave began (early returns are fine).
    private static readonly TransitionRule<LeaveRequest, LeaveState, LeaveTrigger, LocalDate> ReturnRule = Transitions.On<LocalDate>(
        LeaveTrigger.Return,
        LeaveRule,
        static (request, on, _) => on < (request.StartedOn ?? request.From)
            ? [new Finding("leave.return-before-start", Severity.Violation, LeaveRule,
                new LocalizedText("返岗日期早于休假开始日期。", "The return is dated before the leave began."), request.Subject)]
            : [],
        static (r, s, on, _) => r with { State = s, ReturnedOn = on });

    // Report back (销假): late is a warning; village agents are recorded only (Art. 13).
    private static readonly TransitionRule<LeaveRequest, LeaveState, LeaveTrigger, (LeaveLifecycle Self, ServiceNetwork Network, LocalDate On)> ReportBackRule =
        Transitions.On<(LeaveLifecycle Self, ServiceNetwork Network, LocalDate On)>(
            LeaveTrigger.ReportBack,
            LeaveRule,
            static (request, i, version) =>
            {
                var on = i.On;
                if (i.Network.GetStaff(request.Staff) is var person && !IsBound(person))
                {
                    return [NotBound(person.Role, "report-back-not-bound", $"{on:yyyy-MM-dd}销假，仅作记录", $"Reported back on {on:yyyy-MM-dd}; recorded only", request.Subject)];
                }

                var due = i.Self.ReportBackDue(request, version.Options);
                return on <= due
                    ? [new Finding("art12-2.reported-back", Severity.Satisfied, LeaveRule,
                        new LocalizedText($"{on:yyyy-MM-dd}销假，在{due:yyyy-MM-dd}之前。", $"Reported back on {on:yyyy-MM-dd}, by {due:yyyy-MM-dd}."), request.Subject)]
                    : [new Finding("art12-2.report-back-late", Severity.Warning, LeaveRule,
                        new LocalizedText($"{on:yyyy-MM-dd}才销假，应于{due:yyyy-MM-dd}前及时销假。", $"Reported back on {on:yyyy-MM-dd}; it was due by {due:yyyy-MM-dd}."), request.Subject)];
            },
            static (r, s, i, _) => r with { State = s, ReportedBackOn = i.On });

    private readonly PolicyEngine _engine;
    private readonly WorkCalendar _calendar;

    /// <summary>Creates the lifecycle service.</summary>
    /// <param name="engine">Policy versions and the clock.</param>
    /// <param name="calendar">The body's work calendar.</param>
    public LeaveLifecycle(PolicyEngine engine, WorkCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine;
        ArgumentNullException.ThrowIfNull(calendar);
        _calendar = calendar;
    }

    /// <summary>Files a request: in advance as a rule; afterwards it is flagged, with its reason when one is given.</summary>
    /// <param name="request">The request (in <see cref="LeaveState.Draft"/>).</param>
    /// <param name="network">The network holding the person.</param>
    /// <param name="actor">Who files it (the person, or someone for them).</param>
    public LifecycleResult<LeaveRequest> Request(LeaveRequest request, ServiceNetwork network, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(actor);
        var staff = network.GetStaff(request.Staff);
        var decision = _engine.Evaluate("leave.request", request.Subject, request.RequestedOn, version =>
        {
            if (Transition.NotAllowedFrom(Machine, request.State, LeaveTrigger.Request, LeaveRule, request.Subject) is { } notAllowed)
            {
                return [notAllowed];
            }

            var findings = new List<Finding>();
            if (!IsBound(staff))
            {
                // Art. 13 lists the rules that bind village agents and Art. 12 addresses window staff: timing is not judged.
                findings.Add(NotBound(staff.Role, "leave-not-bound", "请假仅作记录", "the request is only recorded", request.Subject));
            }
            else if (request.RequestedOn < request.From)
            {
                findings.Add(new Finding("art12-2.requested-in-advance", Severity.Satisfied, LeaveRule,
                    new LocalizedText($"请假于{request.RequestedOn:yyyy-MM-dd}事前提出。", $"Requested in advance, on {request.RequestedOn:yyyy-MM-dd}."), request.Subject));
            }
            else if (request.LateReason is null)
            {
                // 一般在事前履行: "generally" admits exceptions, so a late request is flagged, not refused, by default.
                findings.Add(new Finding("art12-2.not-in-advance", version.Options.RefuseLateLeaveWithoutReason ? Severity.Violation : Severity.Warning, LeaveRule,
                    new LocalizedText($"请假手续一般应事前履行；{request.RequestedOn:yyyy-MM-dd}补请，未说明理由。", $"Leave is generally requested in advance; this one was made on {request.RequestedOn:yyyy-MM-dd}, after the start, with no reason given."), request.Subject));
            }
            else
            {
                findings.Add(new Finding("art12-2.not-in-advance", Severity.Warning, LeaveRule,
                    new LocalizedText($"事后补请（{request.RequestedOn:yyyy-MM-dd}），理由：{request.LateReason}。", $"Requested after the start ({request.RequestedOn:yyyy-MM-dd}); reason: {request.LateReason}."), request.Subject));
            }

            return findings;
        });

        if (!decision.IsPermitted)
        {
            return new LifecycleResult<LeaveRequest>(decision, request, null);
        }

        var @event = new DomainEvent("leave.request", request.Subject, actor, decision.EvaluatedAt, request.RequestedOn, decision.Citations, decision.PolicyVersion,
            new LocalizedText($"{staff.Name}请假{request.From:yyyy-MM-dd}至{request.To:yyyy-MM-dd}。", $"{staff.Id} asks for leave from {request.From:yyyy-MM-dd} to {request.To:yyyy-MM-dd}."),
            new EventData() { ["staff"] = staff.Id.Value, ["from"] = Iso(request.From), ["to"] = Iso(request.To), ["state"] = nameof(LeaveState.Requested) });
        return new LifecycleResult<LeaveRequest>(decision, request with { State = LeaveState.Requested }, @event);
    }

    /// <summary>
    /// Approves a request: the actor must manage the person's daily work (Art. 15–17), and the partner on each A/B post
    /// must be on duty on every working day of the leave (Art. 12(6)).
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="network">The network (posts and partners).</param>
    /// <param name="otherLeave">Other leave requests, at least those of the person's A/B partners.</param>
    /// <param name="actor">The approving body.</param>
    /// <param name="on">The date of approval.</param>
    /// <exception cref="DateOutsideCalendarException">The leave runs outside the calendar's data.</exception>
    public LifecycleResult<LeaveRequest> Approve(LeaveRequest request, ServiceNetwork network, IEnumerable<LeaveRequest> otherLeave, Actor actor, LocalDate on)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(otherLeave);
        ArgumentNullException.ThrowIfNull(actor);
        var staff = network.GetStaff(request.Staff);
        var others = otherLeave.Where(l => l.Id != request.Id).ToArray();
        return ApproveRule.Run(_engine, request, actor, on, (this, staff, network, others, actor));
    }

    /// <summary>Refuses a request (the managing body, Art. 15–17).</summary>
    public LifecycleResult<LeaveRequest> Reject(LeaveRequest request, ServiceNetwork network, Actor actor, LocalDate on, string reason)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(actor);
        var why = Guard.Text(reason, nameof(reason), 500);
        var staff = network.GetStaff(request.Staff);
        return RejectRule.Run(_engine, request, actor, on, (staff, network, actor, why));
    }

    /// <summary>The leave begins (on or after its first day).</summary>
    public LifecycleResult<LeaveRequest> Start(LeaveRequest request, LocalDate on, Actor? actor = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        return StartRule.Run(_engine, request, actor, on, on);
    }

    /// <summary>The person is back at work on <paramref name="on"/> (early returns are fine).</summary>
    public LifecycleResult<LeaveRequest> Return(LeaveRequest request, LocalDate on, Actor? actor = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ReturnRule.Run(_engine, request, actor, on, on);
    }

    /// <summary>The person reports back (销假); late is allowed but warned.</summary>
    /// <exception cref="DateOutsideCalendarException">The due date falls outside the calendar's data.</exception>
    public LifecycleResult<LeaveRequest> ReportBack(LeaveRequest request, ServiceNetwork network, LocalDate on, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(actor);
        return ReportBackRule.Run(_engine, request, actor, on, (this, network, on));
    }

    /// <summary>
    /// Whether a leave that has begun is overdue for reporting back on <paramref name="today"/>: a warning (Art. 12(2))
    /// once <see cref="PolicyOptions.ReportBackWorkingDays"/> working days have passed since it ended.
    /// </summary>
    public Decision CheckReportBack(LeaveRequest request, ServiceNetwork network, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(network);
        var person = network.GetStaff(request.Staff);
        var bound = IsBound(person);
        return _engine.Evaluate("leave.check-report-back", request.Subject, today, version =>
        {
            if (!bound)
            {
                return [NotBound(person.Role, "report-back-not-bound", "不检查销假", "reporting back is not checked", request.Subject)];
            }

            if (request.State is not (LeaveState.OnLeave or LeaveState.Returned))
            {
                return [new Finding("art12-2.report-back-not-due", Severity.Notice, LeaveRule,
                    new LocalizedText($"请假状态为{ChineseNames.Of(request.State)}，无需销假检查。", $"The request is {request.State}; nothing to report back."), request.Subject)];
            }

            var due = ReportBackDue(request, version.Options);
            List<Finding> findings = today > due
                ? [new Finding("art12-2.report-back-overdue", Severity.Warning, LeaveRule,
                    new LocalizedText($"假期已于{request.To:yyyy-MM-dd}结束，应于{due:yyyy-MM-dd}前销假，至今未销假。", $"The leave ended on {request.To:yyyy-MM-dd}; reporting back was due by {due:yyyy-MM-dd} and has not happened."), request.Subject)]
                : [new Finding("art12-2.report-back-pending", Severity.Satisfied, LeaveRule,
                    new LocalizedText($"销假期限为{due:yyyy-MM-dd}。", $"Reporting back is due by {due:yyyy-MM-dd}."), request.Subject)];
            return findings.WarnIfAssumed(_calendar, request.To, due, request.Subject);
        });
    }

    /// <summary>The working days of the leave on which the partner on an A/B post is also away.</summary>
    public IReadOnlyList<LocalDate> UncoveredDays(LeaveRequest request, StaffId partner, IEnumerable<LeaveRequest> leave)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(leave);
        var away = leave.Where(l => l.Staff == partner && l.IsAway && l.From <= request.To && l.To >= request.From).ToArray();
        var days = new List<LocalDate>();
        if (away.Length == 0)
        {
            return days;
        }

        for (var d = request.From; d <= request.To; d = d.PlusDays(1))
        {
            if (_calendar.IsWorkingDay(d) && away.Any(l => l.Covers(d)))
            {
                days.Add(d);
            }
        }

        return days;
    }

    private List<Finding> CoverFindings(LeaveRequest request, StaffMember staff, ServiceNetwork network, LeaveRequest[] others)
    {
        var findings = new List<Finding>();
        if (!staff.Role.IsWindowStaff())
        {
            return findings; // Art. 13: A/B posts do not bind village agents; Art. 12 addresses window staff.
        }

        foreach (var post in network.PostsOf(staff.Id))
        {
            var partner = post.PartnerOf(staff.Id);
            var side = post.AHolder == staff.Id ? "A" : "B";
            var uncovered = UncoveredDays(request, partner, others);
            findings.Add(uncovered.Count == 0
                ? new Finding("art12-6.covered", Severity.Satisfied, ABPosts,
                    new LocalizedText($"{post.Name}：{side}岗请假期间由{partner}在岗接替。", $"{post.Name}: while the {side} holder is away, {partner} is on duty."), Subjects.Of(post.Id))
                : new Finding("art12-6.uncovered", Severity.Violation, ABPosts,
                    new LocalizedText(
                        $"{post.Name}：{partner}在以下工作日也不在岗，将出现空岗：{string.Join("、", uncovered.Select(Iso))}。",
                        $"{post.Name}: {partner} is also away on these working days, leaving the post empty: {string.Join(", ", uncovered.Select(Iso))}."),
                    Subjects.Of(post.Id)));
        }

        return findings;
    }

    // One reading of whom Art. 12 binds, shared with attendance: its 窗口工作人员 (window staff, back office included).
    // Directors are named apart in Art. 2 and have their own duties (Art. 8, 9); Art. 13 leaves 12(2) out of the
    // village agents' rules.
    private static bool IsBound(StaffMember staff) => staff.Role.IsWindowStaff();

    private static Finding NotBound(Role role, string code, string zh, string en, string subject) =>
        role == Role.VillageAgent
            ? new Finding("art13." + code, Severity.Notice, AgentRules,
                new LocalizedText($"{zh}（村（社区）代办人员不适用第十二条第（二）项请销假制度，第十三条）。", $"{en} (village agents are not bound by Art. 12(2)'s leave rules, Art. 13)."), subject)
            : new Finding("art12-2." + code, Severity.Notice, LeaveRule,
                new LocalizedText($"{zh}（第十二条约束窗口工作人员；{role.DisplayName().Zh}不适用其请销假制度）。", $"{en} (Art. 12 binds window staff; a {role.DisplayName().En} is not bound by its leave rules)."), subject);

    private LocalDate ReportBackDue(LeaveRequest request, PolicyOptions options)
    {
        var end = request.ReturnedOn is { } back && back <= request.To ? back.PlusDays(-1) : request.To;
        return _calendar.AddWorkingDays(end, options.ReportBackWorkingDays);
    }

    private static string Iso(LocalDate d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
