using GovStaff.Policy.Calendars;
using GovStaff.Policy.Decisions;
using GovStaff.Policy.Lifecycles;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Regulation;
using NodaTime;

namespace GovStaff.Policy.Service;

/// <summary>
/// Time-limited completion (限时办结制, Art. 12(5)) and whole-process tracking (Art. 21) of cases, through to feeding the
/// result back to the applicant (Art. 10(2), 11(2)).
/// </summary>
/// <remarks>
/// The defaults come from 《行政许可法》: 20 working days from acceptance (第四十二条, 第八十二条), one extension of 10
/// with the agency head's approval and the reason told to the applicant (第四十二条), periods not counted for hearings,
/// testing, expert review and the like (第四十五条). The promised limit may not exceed the statutory one (Art. 12(5)).
/// Village agents accept and track cases too (Art. 11(2), 13).
/// </remarks>
public sealed class CaseRules
{
    private static readonly Citation TimeLimit = new(12, 5);
    private static readonly Citation Tracking = new(21);
    private static readonly Citation Licensing42 = new(LegalSource.AdministrativeLicensingLaw, 42);
    private static readonly Citation Licensing45 = new(LegalSource.AdministrativeLicensingLaw, 45);
    private static readonly Citation WindowDuties = new(10, 2);
    private static readonly Citation AgentDuties = new(11, 2);
    private static readonly Citation DirectorPowers = new(8, 2);

    private readonly PolicyEngine _engine;
    private readonly WorkCalendar _calendar;

    /// <summary>Creates the rules over the body's calendar.</summary>
    public CaseRules(PolicyEngine engine, WorkCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine;
        ArgumentNullException.ThrowIfNull(calendar);
        _calendar = calendar;
    }

    /// <summary>The statutory limit to use for an item without its own: the option (default 20 working days, 《行政许可法》第四十二条).</summary>
    public int DefaultStatutoryLimit(LocalDate on) =>
        _engine.Versions.TryResolve(on, out var v) ? v.Options.StatutoryLimitWorkingDays : PolicyOptions.Default.StatutoryLimitWorkingDays;

    /// <summary>Accepts a case: the promised limit may not exceed the statutory one (Art. 12(5)).</summary>
    public LifecycleResult<ServiceCase> Accept(ServiceCase @case, ServiceNetwork network, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(actor);
        var staff = network.GetStaff(@case.AcceptedBy);
        var duties = CaseDuties(staff);
        var decision = _engine.Evaluate("case.accept", @case.Subject, @case.AcceptedOn, version =>
        {
            var findings = new List<Finding>();
            if (@case.State != CaseState.Draft)
            {
                findings.Add(new Finding("case.accept-not-allowed", Severity.Violation, TimeLimit,
                    new LocalizedText("该案件已受理。", "The case has already been accepted."), @case.Subject));
                return findings;
            }

            if (staff.StationedAt != @case.Body)
            {
                findings.Add(new Finding("case.staff-not-at-body", Severity.Violation, duties,
                    new LocalizedText($"{staff.Id}不在该服务机构，不能受理。", $"{staff.Id} does not serve at {@case.Body} and cannot accept there."), @case.Subject));
            }

            findings.Add(@case.PromisedLimit <= @case.StatutoryLimit
                ? new Finding("art12-5.promised-within-statutory", Severity.Satisfied, [TimeLimit, Licensing42],
                    new LocalizedText($"承诺时限{@case.PromisedLimit}个工作日，未超过法定时限{@case.StatutoryLimit}个工作日。", $"Promised {@case.PromisedLimit} working days, within the statutory {@case.StatutoryLimit}."), @case.Subject)
                : new Finding("art12-5.promised-exceeds-statutory", Severity.Violation, [TimeLimit, Licensing42],
                    new LocalizedText($"承诺时限{@case.PromisedLimit}个工作日超过法定时限{@case.StatutoryLimit}个工作日。", $"The promised {@case.PromisedLimit} working days exceed the statutory {@case.StatutoryLimit}."), @case.Subject));
            findings.WarnIfAssumed(_calendar, @case.AcceptedOn, _calendar.AddWorkingDays(@case.AcceptedOn, @case.StatutoryLimit), @case.Subject);
            if (staff.Role == Role.VillageAgent)
            {
                findings.Add(new Finding("art13.agent-case", Severity.Notice, [new Citation(13), AgentDuties],
                    new LocalizedText("代办服务人员受理代办事项，适用限时办结制度。", "A village agent accepts the matter as agent; the time limit applies (Art. 13)."), @case.Subject));
            }

            return findings;
        });
        if (!decision.IsPermitted)
        {
            return new LifecycleResult<ServiceCase>(decision, @case, null);
        }

        var due = _calendar.AddWorkingDays(@case.AcceptedOn, @case.PromisedLimit);
        return Result(decision, @case with { State = CaseState.Open, AcceptedByVillageAgent = staff.Role == Role.VillageAgent }, "case.accept", actor, @case.AcceptedOn,
            new LocalizedText($"受理{@case.Item}，承诺{due:yyyy-MM-dd}前办结。", $"Accepted {@case.Item}; promised by {due:yyyy-MM-dd}."),
            new() { ["channel"] = @case.Channel.ToString(), ["promisedDue"] = due.ToString("yyyy-MM-dd", null) });
    }

    /// <summary>Stops the clock for a period the law does not count, with the reason (《行政许可法》第四十五条).</summary>
    public LifecycleResult<ServiceCase> Suspend(ServiceCase @case, SuspensionKind kind, string reason, LocalDate on, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var why = Guard.Text(reason, nameof(reason), 500);
        Guard.Defined(kind, nameof(kind));
        return Step(@case, "case.suspend", on, actor, @case.State == CaseState.Open && on > @case.AcceptedOn,
            "只有办理中的案件可在受理次日起中止计时。", "Only an open case can be suspended, from the day after acceptance.",
            c => c with { State = CaseState.Suspended, Suspensions = [.. c.Suspensions, new Suspension(on, null, kind, why)] },
            Licensing45, new LocalizedText($"依《行政许可法》第四十五条（{SuspensionName(kind).Zh}）{on:yyyy-MM-dd}起中止计时：{why}。", $"Clock stopped from {on:yyyy-MM-dd} under 《行政许可法》 Art. 45 ({SuspensionName(kind).En}): {why}."));
    }

    // The grounds of 《行政许可法》第四十五条, each by its own name.
    private static LocalizedText SuspensionName(SuspensionKind kind) => kind switch
    {
        SuspensionKind.Hearing => new("听证", "hearing"),
        SuspensionKind.Testing => new("检验、检测、检疫", "testing, inspection or quarantine"),
        SuspensionKind.Inspection => new("鉴定", "expert appraisal"),
        SuspensionKind.ExpertReview => new("专家评审", "expert review"),
        _ => new("招标、拍卖", "tender or auction"),
    };

    /// <summary>Restarts the clock; <paramref name="on"/> counts again.</summary>
    public LifecycleResult<ServiceCase> Resume(ServiceCase @case, LocalDate on, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var open = @case.Suspensions.Count > 0 ? @case.Suspensions[^1] : null;
        return Step(@case, "case.resume", on, actor, @case.State == CaseState.Suspended && open is not null && on > open.From,
            "只有中止中的案件可恢复计时，且恢复日须晚于中止日。", "Only a suspended case can resume, on a later day than it stopped.",
            c => c with { State = CaseState.Open, Suspensions = [.. c.Suspensions.Take(c.Suspensions.Count - 1), open! with { Until = on }] },
            Licensing45, new LocalizedText($"{on:yyyy-MM-dd}恢复计时。", $"Clock restarted on {on:yyyy-MM-dd}."));
    }

    /// <summary>
    /// Extends the time once, with the approval of the head of the licensing department and the reason told to the
    /// applicant (《行政许可法》第四十二条); a second extension is refused. The licensing department is the accepting
    /// staff member's home unit (their department, police station or township; a village agent's township), acting
    /// through its approval-office director (Art. 8(2)); a service body has no such power and is refused.
    /// </summary>
    /// <param name="case">The case.</param>
    /// <param name="network">The network.</param>
    /// <param name="approver">The licensing department's head (an actor for that home unit).</param>
    /// <param name="reasonToldToApplicant">The reason given to the applicant.</param>
    /// <param name="on">The day of approval.</param>
    public LifecycleResult<ServiceCase> Extend(ServiceCase @case, ServiceNetwork network, Actor approver, string reasonToldToApplicant, LocalDate on)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(approver);
        var why = Guard.Text(reasonToldToApplicant, nameof(reasonToldToApplicant), 500);
        var department = LicensingDepartment(network.GetStaff(@case.AcceptedBy), network);
        var decision = _engine.Evaluate("case.extend", @case.Subject, on, version =>
        {
            var findings = new List<Finding> { Transition.AuthorityFinding("case", approver, [Party.Of(department)], Licensing42, @case.Subject, new LocalizedText("批准延长办理期限（行政机关负责人批准）", "approve the extension (the licensing department's head)")) };
            if (@case.State is CaseState.Completed or CaseState.Closed)
            {
                findings.Add(new Finding("case.extend-after-completion", Severity.Violation, TimeLimit, new LocalizedText("案件已办结，无需延期。", "The case is completed; there is nothing to extend."), @case.Subject));
            }
            else if (@case.State == CaseState.Draft)
            {
                findings.Add(new Finding("case.extend-not-accepted", Severity.Violation, TimeLimit, new LocalizedText("案件尚未受理，不能延期。", "The case has not been accepted; there is nothing to extend."), @case.Subject));
            }

            findings.Add(@case.ExtensionDays == 0
                ? new Finding("licensing42.extension", Severity.Notice, [Licensing42, DirectorPowers, TimeLimit],
                    new LocalizedText($"经批准延长{version.Options.ExtensionWorkingDays}个工作日，已告知申请人理由：{why}。", $"Extended by {version.Options.ExtensionWorkingDays} working days with approval; the applicant was told why: {why}."), @case.Subject)
                : new Finding("licensing42.second-extension", Severity.Violation, [Licensing42, TimeLimit],
                    new LocalizedText("办理期限只能延长一次。", "The time limit can be extended only once."), @case.Subject));
            return findings;
        });
        if (!decision.IsPermitted)
        {
            return new LifecycleResult<ServiceCase>(decision, @case, null);
        }

        _engine.Versions.TryResolve(on, out var v);
        return Result(decision, @case with { ExtensionDays = v.Options.ExtensionWorkingDays, ExtensionReason = why, ExtensionApprovedBy = approver }, "case.extend", approver, on,
            new LocalizedText($"延长{v.Options.ExtensionWorkingDays}个工作日：{why}。", $"Extended by {v.Options.ExtensionWorkingDays} working days: {why}."), new() { ["days"] = v.Options.ExtensionWorkingDays.ToString(System.Globalization.CultureInfo.InvariantCulture) });
    }

    /// <summary>Completes the case; after the promised day it is a warning, after the statutory day a violation finding (recorded).</summary>
    public LifecycleResult<ServiceCase> Complete(ServiceCase @case, string result, LocalDate on, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(actor);
        var outcome = Guard.Text(result, nameof(result), 1000);
        if (@case.State != CaseState.Open)
        {
            return Step(@case, "case.complete", on, actor, false, "只有办理中的案件可以办结。", "Only an open case can be completed.", c => c, TimeLimit, new("办结", "completed"));
        }

        var promised = CaseClock.DueDate(@case, _calendar, @case.PromisedLimit + @case.ExtensionDays)!.Value;
        var statutory = CaseClock.DueDate(@case, _calendar, @case.StatutoryLimit + @case.ExtensionDays)!.Value;
        var decision = _engine.Evaluate("case.complete", @case.Subject, on, _ =>
            on <= promised
                ? [new Finding("art12-5.completed-on-time", Severity.Satisfied, TimeLimit, new LocalizedText($"{on:yyyy-MM-dd}办结，在承诺期限{promised:yyyy-MM-dd}内。", $"Completed on {on:yyyy-MM-dd}, within the promised {promised:yyyy-MM-dd}."), @case.Subject)]
                : on <= statutory
                    ? [new Finding("art12-5.completed-late", Severity.Warning, TimeLimit, new LocalizedText($"{on:yyyy-MM-dd}办结，超过承诺期限{promised:yyyy-MM-dd}。", $"Completed on {on:yyyy-MM-dd}, after the promised {promised:yyyy-MM-dd}."), @case.Subject)]
                    : [new Finding("art12-5.completed-past-statutory", Severity.Warning, [TimeLimit, Licensing42], new LocalizedText($"{on:yyyy-MM-dd}办结，超过法定期限{statutory:yyyy-MM-dd}。", $"Completed on {on:yyyy-MM-dd}, after the statutory {statutory:yyyy-MM-dd}."), @case.Subject)]);
        return Result(decision, @case with { State = CaseState.Completed, CompletedOn = on, Result = outcome }, "case.complete", actor, on,
            new LocalizedText($"{on:yyyy-MM-dd}办结。", $"Completed on {on:yyyy-MM-dd}."), new() { ["onTime"] = (on <= promised).ToString() });
    }

    /// <summary>Closes the case once the result has been fed back to the applicant (Art. 10(2)); without feedback it is refused.</summary>
    public LifecycleResult<ServiceCase> Close(ServiceCase @case, LocalDate? feedbackOn, LocalDate on, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var feedback = @case.AcceptedByVillageAgent ? AgentDuties : WindowDuties;
        var decision = _engine.Evaluate("case.close", @case.Subject, on, _ =>
        {
            if (@case.State != CaseState.Completed)
            {
                return [new Finding("case.close-before-completion", Severity.Violation, feedback, new LocalizedText("案件未办结，不能关闭。", "The case is not completed and cannot be closed."), @case.Subject)];
            }

            return feedbackOn is { } f && f >= @case.CompletedOn!.Value
                ? [new Finding("art10-2.fed-back", Severity.Satisfied, feedback, new LocalizedText($"{f:yyyy-MM-dd}已将办理结果反馈申请人。", $"The result was fed back to the applicant on {f:yyyy-MM-dd}."), @case.Subject)]
                : [new Finding("art10-2.no-feedback", Severity.Violation, feedback, new LocalizedText("办理结果未反馈申请人，不能关闭。", "The result has not been fed back to the applicant; the case cannot be closed."), @case.Subject)];
        });
        if (!decision.IsPermitted)
        {
            return new LifecycleResult<ServiceCase>(decision, @case, null);
        }

        return Result(decision, @case with { State = CaseState.Closed, FeedbackOn = feedbackOn }, "case.close", actor, on,
            new LocalizedText("结果已反馈，案件关闭。", "Result fed back; case closed."), []);
    }

    /// <summary>The clock on a day.</summary>
    public CaseStatus Status(ServiceCase @case, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(@case);
        _engine.Versions.TryResolve(asOf, out var version);
        var options = version?.Options ?? PolicyOptions.Default;
        var used = CaseClock.UsedWorkingDays(@case, _calendar, asOf);
        var promised = CaseClock.DueDate(@case, _calendar, @case.PromisedLimit + @case.ExtensionDays);
        var statutory = CaseClock.DueDate(@case, _calendar, @case.StatutoryLimit + @case.ExtensionDays);
        var limit = @case.PromisedLimit + @case.ExtensionDays;
        var level = @case.State switch
        {
            CaseState.Completed or CaseState.Closed => @case.CompletedOn <= promised ? CaseLevel.CompletedOnTime : CaseLevel.CompletedLate,
            CaseState.Suspended => CaseLevel.Suspended,
            _ when asOf > statutory => CaseLevel.StatutoryOverdue,
            _ when asOf > promised => CaseLevel.Overdue,
            _ when used >= limit * options.EarlyWarningShare || limit - used <= options.EarlyWarningRemainingWorkingDays => CaseLevel.EarlyWarning,
            _ => CaseLevel.OnTrack,
        };
        return new CaseStatus(asOf, used, promised, statutory, level);
    }

    /// <summary>
    /// Art. 21: tracks a case on a day: an early warning, overdue with supervision (督办) by the body's director, or on
    /// track. <see cref="LifecycleResult{T}.Event"/> is raised only when supervision starts.
    /// </summary>
    public LifecycleResult<ServiceCase> Track(ServiceCase @case, ServiceNetwork network, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(network);
        if (@case.State == CaseState.Draft)
        {
            return new LifecycleResult<ServiceCase>(_engine.Evaluate("case.track", @case.Subject, asOf, _ =>
                [new Finding("art21.not-accepted", Severity.Notice, Tracking, new LocalizedText("案件尚未受理，不计时。", "The case has not been accepted; no clock runs."), @case.Subject)]), @case, null);
        }

        var status = Status(@case, asOf);
        var director = DirectorOf(network.GetStaff(@case.AcceptedBy), network.GetBody(@case.Body), network);
        var decision = _engine.Evaluate("case.track", @case.Subject, asOf, _ => new List<Finding>(status.Level switch
        {
            CaseLevel.EarlyWarning => [new Finding("art21.early-warning", Severity.Warning, Tracking,
                new LocalizedText($"已用{status.UsedWorkingDays}个工作日，承诺期限{status.PromisedDue:yyyy-MM-dd}将至。", $"{status.UsedWorkingDays} working days used; the promised day {status.PromisedDue:yyyy-MM-dd} is near."), @case.Subject)],
            CaseLevel.Overdue or CaseLevel.StatutoryOverdue => [new Finding(status.Level == CaseLevel.Overdue ? "art21.overdue" : "art21.statutory-overdue", Severity.Warning,
                status.Level == CaseLevel.Overdue ? [Tracking, TimeLimit] : [Tracking, TimeLimit, Licensing42],
                new LocalizedText($"已超过{(status.Level == CaseLevel.Overdue ? "承诺" : "法定")}期限（{(status.Level == CaseLevel.Overdue ? status.PromisedDue : status.StatutoryDue):yyyy-MM-dd}），由{(director is { } d ? d.Name + "（" + d.Role.DisplayName().Zh + "）" : "负责的主任（尚未明确）")}督办。",
                    $"Past the {(status.Level == CaseLevel.Overdue ? "promised" : "statutory")} day ({(status.Level == CaseLevel.Overdue ? status.PromisedDue : status.StatutoryDue):yyyy-MM-dd}); supervision by {(director is { } e ? e.Id + " (" + e.Role.DisplayName().En + ")" : "the responsible director (none designated)")}."), @case.Subject)],
            CaseLevel.Suspended => [new Finding("art21.suspended", Severity.Notice, Licensing45, new LocalizedText("计时中止中。", "The clock is stopped."), @case.Subject)],
            _ => [new Finding("art21.on-track", Severity.Satisfied, Tracking, new LocalizedText($"已用{status.UsedWorkingDays}个工作日，进度正常。", $"{status.UsedWorkingDays} working days used; on track."), @case.Subject)],
        }).WarnIfAssumed(_calendar, @case.AcceptedOn, asOf, @case.Subject));
        if (status.Level is not (CaseLevel.Overdue or CaseLevel.StatutoryOverdue) || @case.UnderSupervision)
        {
            return new LifecycleResult<ServiceCase>(decision, @case, null);
        }

        return Result(decision, @case with { UnderSupervision = true }, "case.supervise", null, asOf, decision.Findings[0].Message,
            new() { ["director"] = director?.Id.Value ?? string.Empty, ["promisedDue"] = status.PromisedDue?.ToString("yyyy-MM-dd", null) ?? string.Empty });
    }

    /// <summary>
    /// The director responsible for the accepting staff member (Art. 21 督办 with Art. 8(1), 9(1)(3)): at the hall, the
    /// approval-office director of the person's own department; at a township centre, its director; at a village centre,
    /// the director of the township centre above it. Null when none is designated.
    /// </summary>
    private static StaffMember? DirectorOf(StaffMember accepting, ServiceBody body, ServiceNetwork network) => body.Kind switch
    {
        ServiceBodyKind.ServiceHall => network.StaffAt(body.Id).FirstOrDefault(s => s.Role == Role.HallOfficeDirector && s.HomeUnitId == accepting.HomeUnitId),
        ServiceBodyKind.VillageCentre => network.StaffAt(body.ParentId!.Value).FirstOrDefault(s => s.Role == Role.TownshipCentreDirector),
        _ => network.StaffAt(body.Id).FirstOrDefault(s => s.Role == Role.TownshipCentreDirector),
    };

    /// <summary>The licensing department of a case (《行政许可法》第四十二条 行政机关负责人): the accepting staff member's home unit; a village agent's township.</summary>
    private static HomeUnitId LicensingDepartment(StaffMember accepting, ServiceNetwork network)
    {
        var unit = network.GetHomeUnit(accepting.HomeUnitId);
        return unit.Kind == HomeUnitKind.VillageCommittee && unit.TownshipId is { } township ? township : unit.Id;
    }

    // Art. 10(2) binds window staff, Art. 11(2) village agents: each is cited for its own.
    private static Citation CaseDuties(StaffMember staff) => staff.Role == Role.VillageAgent ? AgentDuties : WindowDuties;

    private LifecycleResult<ServiceCase> Step(ServiceCase @case, string action, LocalDate on, Actor actor, bool allowed, string zh, string en,
        Func<ServiceCase, ServiceCase> apply, Citation basis, LocalizedText message)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var decision = _engine.Evaluate(action, @case.Subject, on, _ =>
            allowed
                ? [new Finding(action, Severity.Satisfied, basis, message, @case.Subject)]
                : [new Finding(action + "-not-allowed", Severity.Violation, basis, new LocalizedText(zh, en), @case.Subject)]);
        return decision.IsPermitted
            ? Result(decision, apply(@case), action, actor, on, message, new EventData(0))
            : new LifecycleResult<ServiceCase>(decision, @case, null);
    }

    private static LifecycleResult<ServiceCase> Result(Decision decision, ServiceCase updated, string kind, Actor? actor, LocalDate on, LocalizedText message, EventData data) =>
        new(decision, updated, new DomainEvent(kind, updated.Subject, actor, decision.EvaluatedAt, on, decision.Citations, decision.PolicyVersion, message, data));
}
