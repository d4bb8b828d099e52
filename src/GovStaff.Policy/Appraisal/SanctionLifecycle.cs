using GovStaff.Policy.Calendars;
using GovStaff.Policy.Decisions;
using GovStaff.Policy.Lifecycles;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Regulation;
using GovStaff.Policy.Staffing;
using NodaTime;

namespace GovStaff.Policy.Appraisal;

/// <summary>
/// Sanctions (Art. 29): one failed quarter — an admonition talk by the service authority and rectification within
/// <see cref="PolicyOptions.RectificationPeriodDays"/> calendar days; <see cref="PolicyOptions.ConsecutiveFailuresBeforeRecall"/>
/// consecutive failed quarters — the person returns to the home unit, which nominates a replacement who takes the post
/// only after the service authority approves: Returned → ReplacementNominated → ReplacementApproved → OnPost.
/// </summary>
/// <remarks>
/// Quarters are consecutive when one directly follows the other; Q4 and the next year's Q1 are consecutive unless
/// <see cref="PolicyOptions.ConsecutiveAcrossYears"/> is false. Only quarters of the same stationing (the same
/// <see cref="StaffAppraisal.StationedOn"/>) chain: after a recall the count starts again with the next stationing. The
/// rectification period is in calendar days because the article sets no working-day period, counted from the day
/// after the talk (《民法典》第二百零一条), its last day inside; a last day on a statutory rest day moves to the day after
/// the rest ends (第二百零三条).
/// </remarks>
public sealed class SanctionLifecycle
{
    /// <summary>The recall lifecycle's machine, configured once.</summary>
    internal static LifecycleMachine<RecallState, RecallTrigger> Machine { get; } = new("recall", RecallState.Returned, m =>
    {
        m.Configure(RecallState.Returned).Permit(RecallTrigger.NominateReplacement, RecallState.ReplacementNominated);
        m.Configure(RecallState.ReplacementNominated).Permit(RecallTrigger.ApproveReplacement, RecallState.ReplacementApproved);
        m.Configure(RecallState.ReplacementApproved).Permit(RecallTrigger.TakePost, RecallState.OnPost);
    });

    /// <summary>The lifecycle's state diagram (<see cref="LifecycleDiagram"/>).</summary>
    internal static LifecycleDiagram Diagram { get; } = LifecycleDiagram.From(Machine, 29, new("退回与重新选派（第二十九条）", "Return and replacement (Art. 29)"));

    private static readonly Citation Article = new(29);

    private static readonly LifecycleOf<Recall, RecallState, RecallTrigger> Transitions = new(Machine, static r => r.State, static r => r.Subject);

    // The home unit nominates a replacement to the returned person's post, vetted as any nomination (Art. 4–6).
    private static readonly TransitionRule<Recall, RecallState, RecallTrigger, (Nomination Replacement, ServiceNetwork Network, Actor Actor)> NominateRule =
        Transitions.On<(Nomination Replacement, ServiceNetwork Network, Actor Actor)>(
            RecallTrigger.NominateReplacement,
            Article,
            static (recall, i, version) =>
            {
                var findings = new List<Finding> { Transition.AuthorityFinding("recall", i.Actor, [Party.Of(recall.HomeUnit)], Article, recall.Subject, new LocalizedText("重新选派人员", "nominate a replacement")) };
                if (i.Replacement.Target != recall.Body || i.Replacement.Role != recall.Role)
                {
                    findings.Add(new Finding("art29.replacement-mismatch", Severity.Violation, Article,
                        new LocalizedText("重新选派的人员须接替原岗位。", "The replacement must be nominated to the returned person's post."), recall.Subject));
                }

                findings.AddRange(NominationRules.Check(i.Replacement, i.Network, version.Options));
                return findings;
            },
            static (r, s, i, _) => r with { State = s, Replacement = i.Replacement.Candidate },
            static (r, _) => new EventData(3) { ["replacement"] = r.Replacement!.Value.Value });

    // The service authority approves the replacement (经政务服务管理机构同意).
    private static readonly TransitionRule<Recall, RecallState, RecallTrigger, (ServiceNetwork Network, Actor Actor)> ApproveRule =
        Transitions.On<(ServiceNetwork Network, Actor Actor)>(
            RecallTrigger.ApproveReplacement,
            Article,
            static (recall, i, _) => [Transition.AuthorityFinding("recall", i.Actor, [Party.Of(Authority.ServiceAuthority(i.Network))], Article, recall.Subject, new LocalizedText("同意重新选派人员上岗", "approve the replacement"))],
            static (r, s, _, _) => r with { State = s });

    // The replacement takes the post, only after the approval (the machine allows it from Approved only).
    private static readonly TransitionRule<Recall, RecallState, RecallTrigger, LocalDate> TakePostRule = Transitions.On<LocalDate>(
        RecallTrigger.TakePost,
        Article,
        static (_, _, _) => [],
        static (r, s, on, _) => r with { State = s, OnPostFrom = on });
    private static readonly LocalizedText ApplyArticle29 = new("实施第二十九条处理", "apply Art. 29");

    private readonly PolicyEngine _engine;
    private readonly WorkCalendar _calendar;

    /// <summary>Creates the service.</summary>
    /// <param name="engine">The policy engine.</param>
    /// <param name="calendar">The work calendar, for a rectification deadline that falls on a rest day (《民法典》第二百零三条).</param>
    public SanctionLifecycle(PolicyEngine engine, WorkCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(calendar);
        _engine = engine;
        _calendar = calendar;
    }

    /// <summary>
    /// Applies Art. 29 after the latest graded routine appraisal of a person: nothing if it passed, an admonition after
    /// one failure, a recall after consecutive failures. The service authority acts.
    /// </summary>
    /// <param name="staff">The person.</param>
    /// <param name="history">The person's graded appraisals (any order; annual ones are ignored).</param>
    /// <param name="network">The network.</param>
    /// <param name="actor">The service authority's representative.</param>
    /// <param name="on">The date.</param>
    /// <param name="id">The id for the admonition or recall created.</param>
    public SanctionOutcome Apply(StaffMember staff, IEnumerable<StaffAppraisal> history, ServiceNetwork network, Actor actor, LocalDate on, string id)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(actor);
        IdValidation.Check(id, "Sanction id");
        // A quarter-end run applies this to every person, whose history is a few quarters: searched in place, not copied.
        var graded = history as IReadOnlyList<StaffAppraisal> ?? history.ToArray();
        StaffAppraisal? latest = null;
        for (var i = 0; i < graded.Count; i++)
        {
            var a = graded[i] ?? throw new ArgumentNullException(nameof(history), $"history[{i}] is null.");
            if (!Counts(a, staff.Id))
            {
                continue;
            }

            if (Find(graded, a.Period, staff.Id, before: i) is { } other)
            {
                throw new ArgumentException($"{staff.Id} has two graded appraisals for {a.Period} ({other.Id}, {a.Id}); Art. 29 counts each quarter once.", nameof(history));
            }

            latest = latest is null || a.Period > latest.Period ? a : latest;
        }

        var subject = Subjects.Of(staff.Id);
        if (staff.StationedAt is null && latest is not null)
        {
            // Art. 29 acts on a person at a post (admonished there, or returned from it): someone already off the post is not sanctioned again.
            return new(_engine.Evaluate("sanction.apply", subject, on, (staff.Id, Subject: subject), static (_, n) =>
                [new Finding("art29.not-stationed", Severity.Violation, new Citation(29),
                    new LocalizedText($"{n.Id}未在岗，无从处理。", $"{n.Id} is not on a post; there is nothing to sanction."), n.Subject)]), null, null, null);
        }

        var check = new Check(staff.Id, graded, latest?.Period, network, actor, subject, on, _calendar);
        var decision = _engine.Evaluate("sanction.apply", subject, on, check, static (version, c) =>
        {
            var findings = new List<Finding>(2)
            {
                Transition.AuthorityFinding("sanction", c.Actor, Party.Of(Authority.ServiceAuthority(c.Network)).AsList(), Article, c.Subject, ApplyArticle29),
            };
            if (c.Latest is not { } latest)
            {
                findings.Add(new Finding("art29.no-appraisal", Severity.Notice, Article, new LocalizedText("无已评定的季度考核。", "No graded quarterly appraisal."), c.Subject));
                return findings;
            }

            var failed = FailedQuarters(c.Graded, latest, c.Staff, version.Options);
            var needed = version.Options.ConsecutiveFailuresBeforeRecall;
            if (failed is null)
            {
                findings.Add(new Finding("art29.passed", Severity.Satisfied, Article,
                    LocalizedText.Compose(latest, static p => $"{p}考核合格，无需处理。", static p => $"{p} passed: no sanction."), c.Subject));
            }
            else if (failed.Count >= needed)
            {
                findings.Add(new Finding("art29.recall", Severity.Notice, Article,
                    new LocalizedText($"连续{failed.Count}次季度考核不合格（{string.Join("、", failed.AsEnumerable().Reverse())}），予以退回并重新选派。",
                        $"{failed.Count} consecutive failed quarters ({string.Join(", ", failed.AsEnumerable().Reverse())}): returned to the home unit; a replacement is to be nominated."), c.Subject));
            }
            else
            {
                var by = c.Calendar.LastDayOfPeriod(c.On.PlusDays(version.Options.RectificationPeriodDays));
                findings.Add(new Finding("art29.admonition", Severity.Notice, Article,
                    LocalizedText.Compose((Period: latest, By: by), static a => $"{a.Period}考核不合格，进行诫勉谈话，责令于{a.By:yyyy-MM-dd}前整改。", static a => $"{a.Period} failed: admonition talk; rectify by {a.By:yyyy-MM-dd}."), c.Subject));
            }

            return findings;
        });

        // The consecutive failures the rule found, worked out again under the version in force (rare: one in twenty).
        if (!decision.IsPermitted || check.Latest is not { } last || !_engine.Versions.TryResolve(on, out var v) ||
            FailedQuarters(graded, last, staff.Id, v.Options) is not { } failed)
        {
            return new SanctionOutcome(decision, null, null, null);
        }

        if (failed.Count >= v.Options.ConsecutiveFailuresBeforeRecall)
        {
            var body = staff.StationedAt ?? throw new ArgumentException($"{staff.Id} is not stationed; there is no post to return from.", nameof(staff));
            var recall = new Recall(id, staff.Id, body, staff.Role, staff.HomeUnitId, failed.AsEnumerable().Reverse().ToArray(), on, latest!.StationedOn);
            return new SanctionOutcome(decision, null, recall, Event("sanction.recall", subject, actor, decision, on, decision.Findings[^1].Message,
                new EventData(2) { ["recall"] = id, ["failed"] = string.Join(",", recall.FailedPeriods) }));
        }

        var admonition = new Admonition(id, staff.Id, failed[0], on, _calendar.LastDayOfPeriod(on.PlusDays(v.Options.RectificationPeriodDays)), actor);
        return new SanctionOutcome(decision, admonition, null, Event("sanction.admonition", subject, actor, decision, on, decision.Findings[^1].Message,
            new EventData(3) { ["admonition"] = id, ["period"] = failed[0].ToString(), ["rectifyBy"] = admonition.RectifyBy.ToString("yyyy-MM-dd", null) }));
    }

    /// <summary>
    /// Asked to end a stationing on an admonition: refused. Art. 29 admonishes after one failed quarter and orders a
    /// rectification at the post; only a recall after consecutive failures returns the person (<see cref="Apply"/>).
    /// </summary>
    /// <param name="admonition">The admonition named as the ground.</param>
    /// <param name="stationing">The stationing asked to end.</param>
    /// <param name="on">The day asked for.</param>
    public Decision RefuseLeavingOn(Admonition admonition, Stationing stationing, LocalDate on)
    {
        ArgumentNullException.ThrowIfNull(admonition);
        ArgumentNullException.ThrowIfNull(stationing);
        return _engine.Evaluate("stationing.leave", stationing.Subject, on, (admonition.Id, stationing.Subject), static (_, a) =>
            [new Finding("art29.admonition-keeps-post", Severity.Violation, new Citation(29),
                new LocalizedText($"{a.Id}是诫勉谈话并责令限期整改，不是退回；不能据此离岗。", $"{a.Id} is an admonition with a rectification deadline, not a recall; the stationing cannot end on it."), a.Subject)]);
    }

    /// <summary>Records that the person rectified; after the deadline it is a warning.</summary>
    public LifecycleResult<Admonition> Rectify(Admonition admonition, LocalDate on)
    {
        ArgumentNullException.ThrowIfNull(admonition);
        var decision = _engine.Evaluate("sanction.rectify", admonition.Subject, on, _ =>
            on <= admonition.RectifyBy
                ? [new Finding("art29.rectified", Severity.Satisfied, Article, new LocalizedText($"{on:yyyy-MM-dd}完成整改，在期限内。", $"Rectified on {on:yyyy-MM-dd}, within the deadline."), admonition.Subject)]
                : [new Finding("art29.rectified-late", Severity.Warning, Article, new LocalizedText($"整改期限为{admonition.RectifyBy:yyyy-MM-dd}，{on:yyyy-MM-dd}才完成。", $"Rectification was due by {admonition.RectifyBy:yyyy-MM-dd}; done on {on:yyyy-MM-dd}."), admonition.Subject)]);
        var updated = admonition with { RectifiedOn = on };
        return new LifecycleResult<Admonition>(decision, updated, Event("sanction.rectify", admonition.Subject, null, decision, on, decision.Findings[0].Message, new EventData(0)));
    }

    /// <summary>Whether the rectification deadline has passed without rectification on <paramref name="today"/>: a warning.</summary>
    public Decision CheckRectification(Admonition admonition, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(admonition);
        return _engine.Evaluate("sanction.check-rectification", admonition.Subject, today, _ =>
            admonition.RectifiedOn is not null || today <= admonition.RectifyBy
                ? [new Finding("art29.rectification-on-track", Severity.Satisfied, Article, new LocalizedText($"整改期限{admonition.RectifyBy:yyyy-MM-dd}。", $"Rectification due by {admonition.RectifyBy:yyyy-MM-dd}."), admonition.Subject)]
                : [new Finding("art29.rectification-overdue", Severity.Warning, Article, new LocalizedText($"逾期未整改（期限{admonition.RectifyBy:yyyy-MM-dd}）。", $"Not rectified by the deadline {admonition.RectifyBy:yyyy-MM-dd}."), admonition.Subject)]);
    }

    /// <summary>The home unit nominates a replacement, vetted like any nomination (Art. 4–6).</summary>
    public LifecycleResult<Recall> NominateReplacement(Recall recall, Nomination replacement, ServiceNetwork network, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(recall);
        ArgumentNullException.ThrowIfNull(replacement);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(actor);
        return NominateRule.Run(_engine, recall, actor, replacement.NominatedOn, (replacement, network, actor));
    }

    /// <summary>The service authority approves the replacement (经政务服务管理机构同意).</summary>
    public LifecycleResult<Recall> ApproveReplacement(Recall recall, ServiceNetwork network, Actor actor, LocalDate on)
    {
        ArgumentNullException.ThrowIfNull(recall);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(actor);
        return ApproveRule.Run(_engine, recall, actor, on, (network, actor));
    }

    /// <summary>The replacement takes the post; only after the service authority has approved.</summary>
    public LifecycleResult<Recall> TakePost(Recall recall, Actor actor, LocalDate on)
    {
        ArgumentNullException.ThrowIfNull(recall);
        return TakePostRule.Run(_engine, recall, actor, on, on);
    }

    // A graded routine appraisal of this person: what Art. 29 counts.
    private static bool Counts(StaffAppraisal appraisal, StaffId staff) =>
        appraisal.Staff == staff && appraisal.Grade is not null && !appraisal.Period.IsAnnual;

    private static StaffAppraisal? Find(IReadOnlyList<StaffAppraisal> history, AppraisalPeriod period, StaffId staff, int before)
    {
        for (var i = 0; i < before; i++)
        {
            if (history[i].Period == period && Counts(history[i], staff))
            {
                return history[i];
            }
        }

        return null;
    }

    // The consecutive failed quarters ending with the latest, latest first; null when the latest passed. The chain
    // belongs to one stationing: after a recall it starts again with the next one (an appraisal of another stationing,
    // known by its stationing date, ends it).
    private static List<AppraisalPeriod>? FailedQuarters(IReadOnlyList<StaffAppraisal> graded, AppraisalPeriod latest, StaffId staff, PolicyOptions options)
    {
        List<AppraisalPeriod>? failed = null;
        var stationing = Find(graded, latest, staff, before: graded.Count)?.StationedOn;
        for (var p = latest; Find(graded, p, staff, before: graded.Count) is { Grade: Grade.Fail } a && a.StationedOn == stationing; p = p.Previous)
        {
            (failed ??= []).Add(p);
            if (p.Number == 1 && !options.ConsecutiveAcrossYears)
            {
                break; // Q1 does not continue last year's Q4 under this reading.
            }
        }

        return failed;
    }

    /// <summary>What one application of Art. 29 needs, passed by value to the rule's static callback.</summary>
    private readonly record struct Check(StaffId Staff, IReadOnlyList<StaffAppraisal> Graded, AppraisalPeriod? Latest, ServiceNetwork Network, Actor Actor, string Subject, LocalDate On, WorkCalendar Calendar);

    private static DomainEvent Event(string kind, string subject, Actor? actor, Decision decision, LocalDate on, LocalizedText message, EventData data) =>
        new(kind, subject, actor, decision.EvaluatedAt, on, decision.Citations, decision.PolicyVersion, message, data);
}
