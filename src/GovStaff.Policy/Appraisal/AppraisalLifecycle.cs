using System.Globalization;
using GovStaff.Policy.Calendars;
using GovStaff.Policy.Decisions;
using GovStaff.Policy.Lifecycles;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Regulation;
using NodaTime;

namespace GovStaff.Policy.Appraisal;

/// <summary>
/// Appraisal per person per period: Open → Scored → Graded → Closed.
/// </summary>
/// <remarks>
/// <para>
/// Who appraises (Art. 23–25, <see cref="Authority.Appraisers"/>): the service centre for hall staff stationed half a
/// year or more, otherwise their home unit (and the decision says why); the township for township centre staff and for
/// village agents; the police station and the township jointly for police staff, both of whom must sign before the
/// appraisal is graded (Art. 24).
/// </para>
/// <para>
/// Scoring uses the indicator set of the person's township or the default (Art. 19, 27); the weighted total is graded
/// excellent, pass or fail against <see cref="PolicyOptions.ExcellentThreshold"/> and <see cref="PolicyOptions.PassThreshold"/>.
/// Routine periods must be as long as <see cref="PolicyOptions.RoutineAppraisalMonths"/> (quarterly, Art. 26).
/// </para>
/// </remarks>
public sealed class AppraisalLifecycle
{
    /// <summary>The lifecycle's machine, configured once.</summary>
    internal static LifecycleMachine<AppraisalState, AppraisalTrigger> Machine { get; } = new("appraisal", AppraisalState.Open, m =>
    {
        m.Configure(AppraisalState.Open).Permit(AppraisalTrigger.Score, AppraisalState.Scored);
        m.Configure(AppraisalState.Scored).PermitReentry(AppraisalTrigger.CoSign).Permit(AppraisalTrigger.Grade, AppraisalState.Graded);
        m.Configure(AppraisalState.Graded).Permit(AppraisalTrigger.Close, AppraisalState.Closed);
    });

    /// <summary>The lifecycle's state diagram (<see cref="LifecycleDiagram"/>).</summary>
    internal static LifecycleDiagram Diagram { get; } = LifecycleDiagram.From(Machine, 23, new("考核（第二十三条至第二十八条）", "Appraisal (Art. 23–28)"));

    private static readonly Citation Cadence = new(26);
    private static readonly LocalizedText AppraiseThisPerson = new("考核该人员", "appraise this person");
    private static readonly LocalizedText GradeThisAppraisal = new("评定考核等次", "grade this appraisal");

    private static readonly LifecycleOf<StaffAppraisal, AppraisalState, AppraisalTrigger> Transitions = new(Machine, static a => a.State, static a => a.Subject);

    // Score: the appraisers of Art. 23–25 under the person's indicator set (Art. 19, 27), on the cadence of Art. 26.
    private static readonly TransitionRule<StaffAppraisal, AppraisalState, AppraisalTrigger, Step> ScoreRule = Transitions.On<Step>(
        AppraisalTrigger.Score,
        Cadence,
        static (entity, t, version) =>
        {
            var findings = Signatories(t.Appraisal, t.Appraisal.Subject, t.Staff, t.Network, version.Options, out var parties, out var basis, out _);
            findings.Add(Transition.AuthorityFinding("appraisal", t.Actor, parties, basis, t.Appraisal.Subject, AppraiseThisPerson));
            var period = t.Appraisal.Period;
            if (!period.IsAnnual && period.Months != version.Options.RoutineAppraisalMonths)
            {
                findings.Add(new Finding("art26.cadence", Severity.Violation, Cadence,
                    new LocalizedText($"平时考核周期为{version.Options.RoutineAppraisalMonths}个月，{period}不符。", $"Routine appraisals cover {version.Options.RoutineAppraisalMonths} months; {period} does not."), t.Appraisal.Subject));
            }

            return findings;
        },
        // The signatures are the appraisers the rules checked, as the actor matches them under the same version.
        static (a, s, t, version) => a with
        {
            State = s, IndicatorSet = t.Set!.Name, Scores = t.Scores!,
            SignedBy = Matching(Authority.Appraisers(t.Staff, t.Network, a.StationedOn, a.Period.End, version.Options).Signatories, t.Actor),
        },
        static (a, t) => new EventData(4) { ["period"] = a.Period.ToString(), ["indicatorSet"] = t.Set!.Name });

    // Co-sign: the second appraising body of police staff at a township centre (Art. 24), once.
    private static readonly TransitionRule<StaffAppraisal, AppraisalState, AppraisalTrigger, Step> CoSignRule = Transitions.On<Step>(
        AppraisalTrigger.CoSign,
        new Citation(24),
        static (appraisal, t, version) =>
        {
            var subject = appraisal.Subject;
            var findings = Signatories(appraisal, subject, t.Staff, t.Network, version.Options, out var parties, out var basis, out _);
            findings.Add(Transition.AuthorityFinding("appraisal", t.Actor, parties, basis, subject, new LocalizedText("会签该考核", "co-sign this appraisal")));
            var party = parties.FirstOrDefault(t.Actor.ActsFor);
            if (appraisal.SignedBy.Contains(party))
            {
                findings.Add(new Finding("art24.already-signed", Severity.Violation, basis,
                    new LocalizedText($"{t.Actor.Body}已签署该考核。", $"{t.Actor.Body} has already signed this appraisal."), subject));
            }

            return findings;
        },
        // The signatures are the appraisers the rules checked, as the actor matches them under the same version.
        static (a, s, t, version) =>
        {
            Signatories(a, a.Subject, t.Staff, t.Network, version.Options, out var parties, out _, out _);
            return a with { State = s, SignedBy = [.. a.SignedBy, .. Matching(parties, t.Actor)] };
        });

    // Grade: every appraising body has signed; the total and the grade under the set the scores were given in.
    private static readonly TransitionRule<StaffAppraisal, AppraisalState, AppraisalTrigger, Step> GradeRule = Transitions.On<Step>(
        AppraisalTrigger.Grade,
        Cadence,
        static (entity, t, version) =>
        {
            var (appraisal, subject, staff, network) = (t.Appraisal, t.Appraisal.Subject, t.Staff, t.Network);
            var findings = Signatories(appraisal, subject, staff, network, version.Options, out var parties, out var basis, out _);
            findings.Add(Transition.AuthorityFinding("appraisal", t.Actor, parties, basis, subject, GradeThisAppraisal));
            var missing = Unsigned(parties, appraisal.SignedBy);
            if (missing is not null)
            {
                findings.Add(new Finding("art24.awaiting-signature", Severity.Violation, basis,
                    new LocalizedText($"尚待{string.Join("、", missing)}签署，不能评定等次。", $"Awaiting the signature of {string.Join(", ", missing)}; the appraisal cannot be graded yet."), subject));
                return findings;
            }

            var set = t.CurrentSet(version.Options);
            if (set.Name != appraisal.IndicatorSet)
            {
                findings.Add(new Finding("art19.indicator-set-changed", Severity.Violation, new Citation(19),
                    new LocalizedText($"评分后考核指标已由{appraisal.IndicatorSet}改为{set.Name}，须重新评分。", $"The indicator set changed from {appraisal.IndicatorSet} to {set.Name} after scoring; score again."), subject));
                return findings;
            }

            var (total, grade) = Grading(set, appraisal, version.Options);
            findings.Add(new Finding(grade switch { Appraisal.Grade.Excellent => "art26.graded-excellent", Appraisal.Grade.Pass => "art26.graded-pass", _ => "art26.graded-fail" }, grade == Appraisal.Grade.Fail ? Severity.Warning : Severity.Satisfied, Cadence,
                LocalizedText.Compose((appraisal.Period, Total: total, Grade: grade),
                    static g => $"{g.Period}考核总分{g.Total.ToString("0.##", CultureInfo.InvariantCulture)}，等次：{g.Grade switch { Appraisal.Grade.Excellent => "优秀", Appraisal.Grade.Pass => "合格", _ => "不合格" }}。",
                    static g => $"{g.Period}: total {g.Total.ToString("0.##", CultureInfo.InvariantCulture)}, graded {g.Grade switch { Appraisal.Grade.Excellent => "excellent", Appraisal.Grade.Pass => "pass", _ => "fail" }}."),
                subject));
            return findings;
        },
        // The total and grade the rules found, worked out again from the same scores, set and version.
        static (a, s, t, version) =>
        {
            var (total, grade) = Grading(t.CurrentSet(version.Options), a, version.Options);
            return a with { State = s, Total = total, Grade = grade, GradedOn = t.On };
        },
        static (a, _) => new EventData(5) { ["period"] = a.Period.ToString(), ["total"] = a.Total!.Value.ToString("0.##", CultureInfo.InvariantCulture), ["grade"] = ChineseNames.NameOf(a.Grade!.Value) });

    // Close a graded appraisal (the machine allows it from Graded only).
    private static readonly TransitionRule<StaffAppraisal, AppraisalState, AppraisalTrigger, LocalDate> CloseRule = Transitions.On<LocalDate>(
        AppraisalTrigger.Close,
        Cadence,
        static (_, _, _) => [],
        static (a, s, _, _) => a with { State = s });

    private readonly PolicyEngine _engine;
    private readonly AppraisalSchemes _schemes;

    /// <summary>Creates the lifecycle service.</summary>
    /// <param name="engine">Policy versions and the clock.</param>
    /// <param name="schemes">Indicator sets per township; null for the defaults.</param>
    public AppraisalLifecycle(PolicyEngine engine, AppraisalSchemes? schemes = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine;
        _schemes = schemes ?? AppraisalSchemes.Default;
    }

    /// <summary>
    /// Art. 26 (每季度开展一次考核): in the quarter's last <see cref="PolicyOptions.QuarterEndReminderWorkingDays"/> working
    /// days (an assumption of this library: Art. 26 sets no reminder), a warning to organise the quarterly appraisal;
    /// on any other day, or when the calendar has no data for the days counted, a permitted decision whose one finding
    /// says no reminder is due. The decision's subject is the quarter (<c>quarter:2022Q4</c>), so one reminder per
    /// quarter can be kept.
    /// </summary>
    /// <param name="today">The day checked.</param>
    /// <param name="calendar">The work calendar the working days are counted on.</param>
    public Decision CheckQuarterEnd(LocalDate today, Calendars.WorkCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var quarter = AppraisalPeriod.Containing(today);
        var subject = "quarter:" + quarter;
        var counted = calendar.Contains(today) && calendar.Contains(quarter.End) && calendar.IsWorkingDay(today);
        return _engine.Evaluate("appraisal.quarter-end-reminder", subject, today, version =>
            counted && calendar.CountWorkingDays(today, quarter.End) <= version.Options.QuarterEndReminderWorkingDays
                ? [new Finding("art26.quarter-end", Severity.Warning, new Citation(26),
                    new LocalizedText($"{quarter}即将结束（{quarter.End:yyyy-MM-dd}），请组织季度考核。", $"{quarter} ends on {quarter.End:yyyy-MM-dd}: organise the quarterly appraisal."), subject)]
                : [new Finding("art26.quarter-end-not-due", Severity.Satisfied, new Citation(26),
                    new LocalizedText($"{today:yyyy-MM-dd}不在{quarter}的最后{version.Options.QuarterEndReminderWorkingDays}个工作日内，无需提醒。", $"{today:yyyy-MM-dd} is not among {quarter}'s last {version.Options.QuarterEndReminderWorkingDays} working days: no reminder is due."), subject)]);
    }

    /// <summary>An appraising body scores the indicators and signs. Someone not stationed is refused: no body appraises them (Arts. 23–25).</summary>
    /// <exception cref="ArgumentException">The scores do not match the indicator set (missing, unknown, outside 0–100).</exception>
    public LifecycleResult<StaffAppraisal> Score(StaffAppraisal appraisal, ServiceNetwork network, IReadOnlyDictionary<string, decimal> scores, Actor actor, LocalDate on)
    {
        ArgumentNullException.ThrowIfNull(appraisal);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(actor);
        var staff = network.GetStaff(appraisal.Staff);
        var subject = appraisal.Subject;
        if (staff.StationedAt is not { } body)
        {
            // Arts. 23–25 name the appraiser by where the person serves: someone not stationed has none. A refusal, not an error.
            var basis = staff.Role.IsInScope() ? new Citation(staff.Role.Tier() switch { Tier.District => 23, Tier.Township => 24, _ => 25 }) : new Citation(2);
            return new(_engine.Evaluate("appraisal.score", subject, on, (staff.Id, Basis: basis, Subject: subject), static (_, n) =>
                [new Finding("appraisal.not-stationed", Severity.Violation, n.Basis,
                    new LocalizedText($"{n.Id}未进驻任何服务机构，无考核主体，无从考核。", $"{n.Id} is not stationed anywhere: no body appraises them, so there is nothing to appraise."), n.Subject)]),
                appraisal, null);
        }

        _ = network.GetBody(body);
        var set = SetFor(_schemes, staff, network, appraisal, _engine.Versions.TryResolve(on, out var inForce) ? inForce.Options : PolicyOptions.Default);
        // The inputs travel as a struct to static callbacks: a quarter-end run scores everyone and allocates nothing for it.
        var step = new Step(appraisal, staff, network, actor, on) { Set = set, Scores = set.Capture(scores) };
        return ScoreRule.Run(_engine, appraisal, actor, on, step);
    }

    /// <summary>The second appraising body signs the same scores (police staff at a township centre, Art. 24).</summary>
    public LifecycleResult<StaffAppraisal> CoSign(StaffAppraisal appraisal, ServiceNetwork network, Actor actor, LocalDate on)
    {
        ArgumentNullException.ThrowIfNull(appraisal);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(actor);
        var staff = network.GetStaff(appraisal.Staff);
        return CoSignRule.Run(_engine, appraisal, actor, on, new Step(appraisal, staff, network, actor, on));
    }

    /// <summary>Fixes the total and the grade; every appraising body must have signed.</summary>
    public LifecycleResult<StaffAppraisal> Grade(StaffAppraisal appraisal, ServiceNetwork network, Actor actor, LocalDate on)
    {
        ArgumentNullException.ThrowIfNull(appraisal);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(actor);
        var staff = network.GetStaff(appraisal.Staff);
        var step = new Step(appraisal, staff, network, actor, on) { Schemes = _schemes };
        return GradeRule.Run(_engine, appraisal, actor, on, step);
    }

    /// <summary>Closes a graded appraisal.</summary>
    public LifecycleResult<StaffAppraisal> Close(StaffAppraisal appraisal, Actor actor, LocalDate on)
    {
        ArgumentNullException.ThrowIfNull(appraisal);
        return CloseRule.Run(_engine, appraisal, actor, on, on);
    }

    /// <summary>
    /// Art. 28: commends a person graded excellent; the appraising body or the person's home unit (相关部门、乡镇) does it.
    /// The appraisal does not change; the event records the commendation.
    /// </summary>
    public LifecycleResult<StaffAppraisal> Commend(StaffAppraisal appraisal, ServiceNetwork network, Actor actor, LocalDate on, string award)
    {
        ArgumentNullException.ThrowIfNull(appraisal);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(actor);
        var what = Guard.Text(award, nameof(award), 200);
        var staff = network.GetStaff(appraisal.Staff);
        var article = new Citation(28);
        var decision = _engine.Evaluate("appraisal.commend", appraisal.Subject, on, version =>
        {
            var findings = Signatories(appraisal, appraisal.Subject, staff, network, version.Options, out var parties, out _, out _);
            findings.Add(Transition.AuthorityFinding("appraisal", actor, [.. parties, Party.Of(staff.HomeUnitId)], article, appraisal.Subject, new LocalizedText("表彰该人员", "commend this person")));
            findings.Add(appraisal.Grade == Appraisal.Grade.Excellent
                ? new Finding("art28.excellent", Severity.Satisfied, article, new LocalizedText($"{appraisal.Period}考核优秀，可予表彰。", $"Graded excellent for {appraisal.Period}: may be commended."), appraisal.Subject)
                : new Finding("art28.not-excellent", Severity.Violation, article, new LocalizedText("表彰对象须考核优秀。", "Only staff graded excellent are commended."), appraisal.Subject));
            return findings;
        });
        if (!decision.IsPermitted)
        {
            return new LifecycleResult<StaffAppraisal>(decision, appraisal, null);
        }

        var @event = new DomainEvent("appraisal.commend", Subjects.Of(staff.Id), actor, decision.EvaluatedAt, on, decision.Citations, decision.PolicyVersion,
            new LocalizedText($"{staff.Name}因{appraisal.Period}考核优秀受到表彰：{what}。", $"{staff.Id} commended for an excellent {appraisal.Period}: {what}."),
            new EventData(2) { ["appraisal"] = appraisal.Id, ["award"] = what });
        return new LifecycleResult<StaffAppraisal>(decision, appraisal, @event);
    }

    // The appraising bodies are worked out only when one of them may have a set of its own: a quarter-end run on the
    // defaults scores everyone and should not pay for the lookup.
    private static IndicatorSet SetFor(AppraisalSchemes schemes, StaffMember staff, ServiceNetwork network, StaffAppraisal appraisal, PolicyOptions options) =>
        schemes.IsDefaultOnly
            ? IndicatorSet.DefaultFor(staff.Role)
            : schemes.For(staff.Role, Authority.Appraisers(staff, network, appraisal.StationedOn, appraisal.Period.End, options).Signatories);

    private static (decimal Total, Grade Grade) Grading(IndicatorSet set, StaffAppraisal appraisal, PolicyOptions options)
    {
        var total = set.Total(appraisal.Scores);
        return (total, total >= options.ExcellentThreshold ? Appraisal.Grade.Excellent
            : total >= options.PassThreshold ? Appraisal.Grade.Pass
            : Appraisal.Grade.Fail);
    }

    /// <summary>What one scoring or grading needs, passed by value to the transition's static callbacks.</summary>
    private readonly record struct Step(StaffAppraisal Appraisal, StaffMember Staff, ServiceNetwork Network, Actor Actor, LocalDate On)
    {
        public IndicatorSet? Set { get; init; }

        public IndicatorScores? Scores { get; init; }

        public AppraisalSchemes? Schemes { get; init; }

        /// <summary>The indicator set the person's appraising body uses now, under the options in force.</summary>
        public IndicatorSet CurrentSet(PolicyOptions options) => SetFor(Schemes!, Staff, Network, Appraisal, options);
    }

    // The parties the actor signs for; the appraisers' own (immutable) list when the actor is all of them, as a
    // single appraising body is for nearly everyone.
    private static IReadOnlyList<Party> Matching(IReadOnlyList<Party> parties, Actor actor)
    {
        var matching = 0;
        for (var i = 0; i < parties.Count; i++)
        {
            matching += actor.ActsFor(parties[i]) ? 1 : 0;
        }

        if (matching == parties.Count)
        {
            return parties;
        }

        var signed = new Party[matching];
        for (int i = 0, n = 0; i < parties.Count; i++)
        {
            if (actor.ActsFor(parties[i]))
            {
                signed[n++] = parties[i];
            }
        }

        return Array.AsReadOnly(signed);
    }

    // Null when everyone has signed: grading runs for every person at quarter end and usually finds no one missing.
    private static List<Party>? Unsigned(IReadOnlyList<Party> parties, IReadOnlyList<Party> signed)
    {
        List<Party>? missing = null;
        for (var i = 0; i < parties.Count; i++)
        {
            if (!signed.Contains(parties[i]))
            {
                (missing ??= []).Add(parties[i]);
            }
        }

        return missing;
    }

    private static List<Finding> Signatories(StaffAppraisal appraisal, string subject, StaffMember staff, ServiceNetwork network, PolicyOptions options,
        out IReadOnlyList<Party> parties, out Citation basis, out LocalizedText reason)
    {
        (parties, basis, reason) = Authority.Appraisers(staff, network, appraisal.StationedOn, appraisal.Period.End, options);
        // A missing stationing date at the hall is a finding, never a silent fallback: Art. 23 cannot be applied without it.
        var unknown = appraisal.StationedOn is null && staff.StationedAt is { } at && network.GetBody(at).Kind == ServiceBodyKind.ServiceHall;
        // Room for the authority finding and the rule's own without growing the list.
        return new List<Finding>(4) { new(unknown ? "art23.stationing-date-missing" : "appraisal.appraiser", unknown ? Severity.Violation : Severity.Notice, basis, reason, subject) };
    }
}
