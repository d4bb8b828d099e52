using GovStaff.Policy.Calendars;
using GovStaff.Policy.Decisions;
using GovStaff.Policy.Lifecycles;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Regulation;
using NodaTime;

namespace GovStaff.Policy.Service;

/// <summary>
/// Citizen ratings (好差评, Art. 20) and the handling of bad reviews. Art. 20 asks only for a mechanism by which citizens
/// rate windows directly; the handling — a reason for a bad review, contact and verification within
/// <see cref="PolicyOptions.BadReviewContactWorkingDays"/> working days, rectification with feedback within
/// <see cref="PolicyOptions.BadReviewRectificationWorkingDays"/>, a return visit for real-name reviews, and an appeal
/// for mistaken or malicious ones — comes from the national practice (国办发〔2019〕51号), which those findings cite as
/// their own source beside Art. 20. The numbers are the common provincial practice, so they are options.
/// </summary>
/// <remarks>
/// A rating is the citizen's own evaluation and is never refused or dropped: a bad review without a reason is recorded
/// with a warning and still opens a rectification. Overdue steps are warnings.
/// </remarks>
public sealed class RatingRules
{
    private static readonly Citation Ratings = new(20);
    private static readonly Citation Practice = new(LegalSource.RatingSystemOpinion);

    // Rules of the national practice cite it first, then the article that refers to it.
    private static readonly Citation[] PracticeAndArticle = [Practice, Ratings];

    private readonly PolicyEngine _engine;
    private readonly ServiceSchedule _schedule;

    /// <summary>Creates the rules over the body's schedule.</summary>
    public RatingRules(PolicyEngine engine, ServiceSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine;
        ArgumentNullException.ThrowIfNull(schedule);
        _schedule = schedule;
    }

    /// <summary>
    /// Records a rating; a bad review opens a rectification. A bad review without the rater's reason is recorded with a
    /// warning (the national practice asks for one; the citizen's rating is never dropped).
    /// </summary>
    public (Decision Decision, Rectification? Rectification, DomainEvent? Event) Record(Rating rating)
    {
        ArgumentNullException.ThrowIfNull(rating);
        var day = Day(rating);
        var decision = _engine.EvaluateRecording("rating.record", rating.Subject, day, _ =>
        {
            var findings = new List<Finding>(2)
            {
                new(rating.IsBad ? "art20.bad-review" : "art20.rated", rating.IsBad ? Severity.Notice : Severity.Satisfied, rating.IsBad ? PracticeAndArticle : [Ratings],
                    new LocalizedText(rating.IsBad ? $"差评（{Zh(rating.Level)}），启动整改：{rating.Reason ?? "未填写原因"}" : $"评价：{Zh(rating.Level)}。", rating.IsBad ? $"Bad review ({rating.Level}); rectification opened: {rating.Reason ?? "no reason given"}" : $"Rated {rating.Level}."), rating.Subject),
            };
            if (rating.IsBad && rating.Reason is null)
            {
                findings.Add(new Finding("rating-practice.bad-review-without-reason", Severity.Warning, PracticeAndArticle,
                    new LocalizedText("差评未填写原因；评价照常记录，回访核实时了解原因。", "A bad review without the rater's reason; it is recorded all the same, and the reason is to be asked for on contact."), rating.Subject));
            }

            return findings;
        });
        if (!decision.IsPermitted)
        {
            return (decision, null, null);
        }

        var rectification = rating.IsBad ? new Rectification(rating, day) : null;
        return (decision, rectification, new DomainEvent(rating.IsBad ? "rating.bad-review" : "rating.record", rating.Subject, null, decision.EvaluatedAt, day,
            decision.Citations, decision.PolicyVersion, decision.Findings[0].Message,
            new EventData() { ["level"] = rating.Level.ToString(), ["body"] = rating.Body.Value, ["staff"] = rating.Staff?.Value ?? string.Empty }));
    }

    /// <summary>
    /// A step of handling a bad review (contact, rectify, return visit, close, appeal) asked for a rating that opened
    /// none: refused, since only a bad review (差评) is handled (国办发〔2019〕51号 with Art. 20).
    /// </summary>
    /// <param name="rating">The rating.</param>
    /// <param name="step">The step asked for, e.g. <c>contact</c>; it names the decision's action (<c>rectification.contact</c>).</param>
    /// <param name="on">The day of the request.</param>
    public Decision RefuseHandling(Rating rating, string step, LocalDate on)
    {
        ArgumentNullException.ThrowIfNull(rating);
        ArgumentException.ThrowIfNullOrWhiteSpace(step);
        return _engine.Evaluate("rectification." + step, rating.Subject, on, rating.Subject, static (_, subject) =>
            [new Finding("art20.not-a-bad-review", Severity.Violation, PracticeAndArticle,
                new LocalizedText("该评价不是差评，无需整改。", "The rating is not a bad review; there is nothing to rectify."), subject)]);
    }

    /// <summary>The day contact is due and the day rectification is due.</summary>
    public (LocalDate ContactDue, LocalDate RectificationDue) Dues(Rectification rectification)
    {
        ArgumentNullException.ThrowIfNull(rectification);
        var options = _engine.Versions.TryResolve(rectification.RatedOn, out var v) ? v.Options : PolicyOptions.Default;
        return (_schedule.Calendar.AddWorkingDays(rectification.RatedOn, options.BadReviewContactWorkingDays),
                _schedule.Calendar.AddWorkingDays(rectification.RatedOn, options.BadReviewRectificationWorkingDays));
    }

    /// <summary>The rater was contacted and the facts checked; late is a warning.</summary>
    public LifecycleResult<Rectification> Contact(Rectification r, LocalDate on, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(r);
        return Step(r, "rectification.contact", on, actor, r.State == RectificationState.Open,
            Dues(r).ContactDue, "回访核实", "contact and verification", x => x with { State = RectificationState.Contacted, ContactedOn = on });
    }

    /// <summary>Rectified with feedback to the rater; late is a warning.</summary>
    public LifecycleResult<Rectification> Rectify(Rectification r, string measures, LocalDate on, Actor actor)
    {
        var what = Guard.Text(measures, nameof(measures), 1000);
        return Step(r, "rectification.rectify", on, actor, r.State is RectificationState.Open or RectificationState.Contacted,
            Dues(r).RectificationDue, "整改反馈", "rectification with feedback", x => x with { State = RectificationState.Rectified, RectifiedOn = on, Measures = what });
    }

    /// <summary>The return visit to a real-name rater after rectification.</summary>
    public LifecycleResult<Rectification> ReturnVisit(Rectification r, LocalDate on, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(r);
        return Step(r, "rectification.return-visit", on, actor, r.State == RectificationState.Rectified && r.ReturnVisitOn is null,
            null, "实名差评回访", "return visit", x => x with { ReturnVisitOn = on });
    }

    /// <summary>Closes a rectified review; a real-name review needs its return visit first.</summary>
    public LifecycleResult<Rectification> Close(Rectification r, LocalDate on, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(r);
        var decision = _engine.EvaluateRecording("rectification.close", r.Subject, on, _ =>
            r.State != RectificationState.Rectified
                ? [new Finding("art20.close-unrectified", Severity.Violation, PracticeAndArticle, new LocalizedText("差评尚未整改反馈，不能关闭。", "The bad review has not been rectified with feedback; it cannot be closed."), r.Subject)]
                : r.Rating.RealName && r.ReturnVisitOn is null
                    ? [new Finding("art20.return-visit-missing", Severity.Violation, PracticeAndArticle, new LocalizedText("实名差评须回访后方可关闭。", "A real-name bad review needs a return visit before it is closed."), r.Subject)]
                    : [new Finding("art20.closed", Severity.Satisfied, PracticeAndArticle, new LocalizedText("差评整改闭环。", "The bad review's loop is closed."), r.Subject)]);
        return Apply(decision, r, r with { State = RectificationState.Closed }, "rectification.close", actor, on);
    }

    /// <summary>
    /// The rated side appeals a mistaken or malicious review (申诉, 国办发〔2019〕51号): the rated body, or the rated
    /// staff member or their home unit. Filing changes nothing in the rates; rectification goes on until the review is
    /// decided by <see cref="ReviewAppeal"/>.
    /// </summary>
    /// <param name="r">The bad review's handling.</param>
    /// <param name="ground">Mistaken or malicious.</param>
    /// <param name="network">The network, for the rated staff member's home unit.</param>
    /// <param name="on">The day of filing.</param>
    /// <param name="actor">Who files: the rated body, or the rated staff member's home unit.</param>
    public LifecycleResult<Rectification> Appeal(Rectification r, AppealGround ground, ServiceNetwork network, LocalDate on, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(actor);
        Guard.Defined(ground, nameof(ground));
        var rated = RatedParties(r, network);
        var decision = _engine.EvaluateRecording("rectification.appeal", r.Subject, on, _ =>
            r.State is RectificationState.Closed or RectificationState.Annulled
                ? [new Finding("art20.appeal-too-late", Severity.Violation, PracticeAndArticle, new LocalizedText("已关闭的差评不能申诉。", "A closed review cannot be appealed."), r.Subject)]
                : r.AppealFiledOn is not null
                    ? [new Finding("art20.appeal-already-filed", Severity.Violation, PracticeAndArticle, new LocalizedText("该差评已申诉，不能重复申诉。", "This review has been appealed already."), r.Subject)]
                    : [Transition.AuthorityFinding("rectification", actor, rated, Practice, r.Subject, new LocalizedText("对该差评提出申诉", "appeal this review")),
                        new Finding("art20.appeal-filed", Severity.Notice, PracticeAndArticle,
                            new LocalizedText($"被评价方申诉（{(ground == AppealGround.Mistaken ? "误评" : "恶意差评")}），待政务服务管理机构复核；复核前整改照常进行。", $"The rated side appeals ({ground}); the service authority reviews it, and rectification goes on until then."), r.Subject)]);
        return Apply(decision, r, r with { Appeal = ground, AppealFiledOn = on, AppealFiledBy = actor }, "rectification.appeal", actor, on);
    }

    /// <summary>
    /// The service authority reviews a filed appeal (复核, 国办发〔2019〕51号) and records its finding. Only a reviewer
    /// independent of the rated person and body decides: the rated staff member, the rated body and the rated person's
    /// home unit may file but never uphold. Upheld, the review is annulled: it stays on record and is counted apart
    /// ("excluded after review") instead of in the rates and the Art. 27 satisfaction score.
    /// </summary>
    /// <param name="r">The bad review's handling, with a filed appeal.</param>
    /// <param name="upheld">True to uphold (annul the review), false to reject.</param>
    /// <param name="finding">The reviewer's finding, recorded with the decision; not empty.</param>
    /// <param name="network">The network, for the service authority.</param>
    /// <param name="on">The day of the review.</param>
    /// <param name="actor">The reviewer, acting for the service authority.</param>
    public LifecycleResult<Rectification> ReviewAppeal(Rectification r, bool upheld, string finding, ServiceNetwork network, LocalDate on, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(actor);
        var text = Guard.Text(finding, nameof(finding), 1000);
        var authority = Authority.ServiceAuthority(network);
        var rated = RatedParties(r, network);
        var decision = _engine.EvaluateRecording("rectification.review-appeal", r.Subject, on, _ =>
        {
            if (r.AppealFiledOn is null || r.AppealUpheld is not null || r.State is RectificationState.Closed or RectificationState.Annulled)
            {
                return [new Finding("art20.no-appeal-to-review", Severity.Violation, PracticeAndArticle,
                    new LocalizedText(r.AppealFiledOn is null ? "该差评未提出申诉，无可复核。" : "该差评的申诉已复核或已办结。", r.AppealFiledOn is null ? "No appeal has been filed against this review." : "The appeal has been reviewed already, or the review is closed."), r.Subject)];
            }

            var findings = new List<Finding> { Transition.AuthorityFinding("rectification", actor, [Party.Of(authority)], Practice, r.Subject, new LocalizedText("复核该申诉", "review this appeal")) };
            // The rated person is known by id or, as actors are often recorded, by name.
            var self = r.Rating.Staff is { } s && (actor.Person.Trim() == s.Value || (network.TryGetStaff(s, out var p) && actor.Person.Trim() == p.Name));
            var ratedBody = rated.Any(actor.ActsFor) && !(actor.ActsFor(authority) && r.Rating.Body == authority);
            if (self || ratedBody)
            {
                findings.Add(new Finding("art20.appeal-not-independent", Severity.Violation, PracticeAndArticle,
                    new LocalizedText(self ? "被评价人不能复核针对本人的差评申诉。" : "被评价机构或被评价人的派驻单位不能复核本方的申诉；由独立于被评价方的政务服务管理机构复核。",
                        self ? "The rated person cannot review an appeal against their own review." : "The rated body or the rated person's home unit cannot review its own appeal; the service authority, independent of the rated side, does."), r.Subject));
                return findings;
            }

            findings.Add(new Finding(upheld ? "art20.appeal-upheld" : "art20.appeal-rejected", upheld ? Severity.Satisfied : Severity.Notice, PracticeAndArticle,
                new LocalizedText(upheld ? $"申诉复核成立（{(r.Appeal == AppealGround.Mistaken ? "误评" : "恶意差评")}）：{text}。该差评保留记录，不计入好差评统计和满意度得分，单独列为“复核剔除”。" : $"申诉复核不成立：{text}。继续整改。",
                    upheld ? $"Appeal upheld ({r.Appeal}): {text}. The review stays on record, excluded after review from the rates and the satisfaction score." : $"Appeal rejected: {text}. Rectification continues."), r.Subject));
            return findings;
        });
        var reviewed = r with { AppealUpheld = upheld, AppealFinding = text, AppealReviewedBy = actor };
        return Apply(decision, r, upheld ? reviewed with { State = RectificationState.Annulled } : reviewed, "rectification.review-appeal", actor, on);
    }

    // The rated side: the rated body and, for a review of a named person, that person's home unit.
    private static Party[] RatedParties(Rectification r, ServiceNetwork network) =>
        r.Rating.Staff is { } s && network.TryGetStaff(s, out var person)
            ? [Party.Of(r.Rating.Body), Party.Of(person.HomeUnitId)]
            : [Party.Of(r.Rating.Body)];

    /// <summary>Whether a step is overdue on <paramref name="today"/>: warnings for each.</summary>
    public Decision CheckOverdue(Rectification r, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(r);
        var (contactDue, rectifyDue) = Dues(r);
        return _engine.Evaluate("rectification.check", r.Subject, today, _ =>
        {
            var findings = new List<Finding>();
            if (r.State is RectificationState.Closed or RectificationState.Annulled)
            {
                findings.Add(new Finding("art20.done", Severity.Satisfied, PracticeAndArticle, new LocalizedText("已办结。", "Done."), r.Subject));
                return findings;
            }

            if (r.ContactedOn is null && r.RectifiedOn is null && today > contactDue)
            {
                findings.Add(new Finding("art20.contact-overdue", Severity.Warning, PracticeAndArticle, new LocalizedText($"应于{contactDue:yyyy-MM-dd}前回访核实，逾期。", $"Contact was due by {contactDue:yyyy-MM-dd}; overdue."), r.Subject));
            }

            if (r.RectifiedOn is null && today > rectifyDue)
            {
                findings.Add(new Finding("art20.rectification-overdue", Severity.Warning, PracticeAndArticle, new LocalizedText($"应于{rectifyDue:yyyy-MM-dd}前整改反馈，逾期。", $"Rectification was due by {rectifyDue:yyyy-MM-dd}; overdue."), r.Subject));
            }

            findings.WarnIfAssumed(_schedule.Calendar, r.RatedOn, rectifyDue, r.Subject);
            if (findings.All(f => f.Code == CalendarFindings.AssumedDayCode))
            {
                findings.Add(new Finding("art20.on-track", Severity.Satisfied, PracticeAndArticle, new LocalizedText($"整改期限{rectifyDue:yyyy-MM-dd}。", $"Rectification due by {rectifyDue:yyyy-MM-dd}."), r.Subject));
            }

            return findings;
        });
    }

    private LifecycleResult<Rectification> Step(Rectification r, string action, LocalDate on, Actor actor, bool allowed, LocalDate? due, string zh, string en, Func<Rectification, Rectification> apply)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(actor);
        var decision = _engine.EvaluateRecording(action, r.Subject, on, _ =>
            !allowed
                ? [new Finding(action + "-not-allowed", Severity.Violation, PracticeAndArticle, new LocalizedText($"当前状态（{ChineseNames.Of(r.State)}）不能进行{zh}。", $"No {en} is possible while the rectification is {r.State}."), r.Subject)]
                : due is { } d && on > d
                    ? [new Finding(action + "-late", Severity.Warning, PracticeAndArticle, new LocalizedText($"{zh}应于{d:yyyy-MM-dd}前完成，{on:yyyy-MM-dd}才完成。", $"The {en} was due by {d:yyyy-MM-dd}; done on {on:yyyy-MM-dd}."), r.Subject)]
                    : [new Finding(action + "-in-time", Severity.Satisfied, PracticeAndArticle, new LocalizedText($"{on:yyyy-MM-dd}完成{zh}。", $"{en} on {on:yyyy-MM-dd}."), r.Subject)]);
        return Apply(decision, r, apply(r), action, actor, on);
    }

    private static LifecycleResult<Rectification> Apply(Decision decision, Rectification before, Rectification after, string kind, Actor actor, LocalDate on) =>
        decision.IsPermitted
            ? new(decision, after, new DomainEvent(kind, after.Subject, actor, decision.EvaluatedAt, on, decision.Citations, decision.PolicyVersion, decision.Findings[0].Message, new EventData(0)))
            : new(decision, before, null);

    private LocalDate Day(Rating rating) => rating.RatedAt.InZone(_schedule.Hours.Zone).Date;

    private static string Zh(RatingLevel level) => level switch
    {
        RatingLevel.VerySatisfied => "非常满意",
        RatingLevel.Satisfied => "满意",
        RatingLevel.BasicallySatisfied => "基本满意",
        RatingLevel.Dissatisfied => "不满意",
        _ => "非常不满意",
    };
}
