using GovStaff.Policy.Organization;
using GovStaff.Policy.Service;
using NodaTime;

namespace GovStaff.Sample.Host.Replay;

// Ratings (Art. 20 with the national 好差评 practice) and complaints (Art. 22).

/// <summary>A citizen's rating; a bad review opens a rectification whose due dates are printed (Art. 20).</summary>
internal sealed record Rate : IdentifiedAction
{
    public required string Body { get; init; }

    public string? Staff { get; init; }

    public string? Item { get; init; }

    public required RatingLevel Level { get; init; }

    public RatingChannel Channel { get; init; } = RatingChannel.PerVisit;

    public string? Reason { get; init; }

    public bool RealName { get; init; }

    internal override void Check(CheckContext c)
    {
        c.Creates("rating", Id);
        c.Body(Body, "body");
        if (Staff is not null)
        {
            c.Staff(Staff, "staff");
        }

        c.Text(Item, "item");
        c.Text(Reason, "reason", 1000);
    }

    internal override Step Run(ReplayState s)
    {
        var rating = new Rating(Id, Level, Channel, new ServiceBodyId(Body), s.Clock.GetCurrentInstant(), Staff is null ? null : new StaffId(Staff), Item, Reason, RealName);
        s.RatingsById[Id] = rating;
        var (decision, rectification, @event) = s.Ratings.Record(rating);
        if (rectification is null)
        {
            return new(decision, @event);
        }

        s.RectificationsById[Id] = rectification;
        return new(decision, @event) { Details = Dues(s, rectification) };
    }

    /// <summary>The contact and rectification due dates, written into the printed line.</summary>
    internal static Action<System.Text.Json.Utf8JsonWriter> Dues(ReplayState s, Rectification r)
    {
        var (contact, rectify) = s.Ratings.Dues(r);
        return w =>
        {
            w.WriteStartObject("due");
            w.WriteString("contact", ReceiveApplication.Iso(contact));
            w.WriteString("rectification", ReceiveApplication.Iso(rectify));
            w.WriteEndObject();
        };
    }
}

/// <summary>A step in handling a bad review; the id is the rating's.</summary>
internal abstract record RectificationStep : IdentifiedAction
{
    internal override void Check(CheckContext c)
    {
        c.Refers("rating", Id, "rate");
        c.Actor();
    }

    internal override Step Run(ReplayState s)
    {
        if (!s.RectificationsById.TryGetValue(Id, out var rectification))
        {
            // A good review opens nothing to handle: the library refuses the step (only a bad review is handled).
            return new(s.Ratings.RefuseHandling(s.RatingsById[Id], ActionName["rectification.".Length..], At), null);
        }

        var r = Apply(s, rectification, ReplayState.ActorOf(this));
        s.RectificationsById[Id] = r.Entity;
        return new(r.Decision, r.Event) { Details = Rate.Dues(s, r.Entity) };
    }

    private protected abstract string ActionName { get; }

    private protected abstract GovStaff.Policy.Lifecycles.LifecycleResult<Rectification> Apply(ReplayState s, Rectification r, GovStaff.Policy.Decisions.Actor actor);
}

/// <summary>The rater is contacted and the facts checked (回访核实).</summary>
internal sealed record ContactRater : RectificationStep
{
    private protected override string ActionName => "rectification.contact";

    private protected override GovStaff.Policy.Lifecycles.LifecycleResult<Rectification> Apply(ReplayState s, Rectification r, GovStaff.Policy.Decisions.Actor actor) =>
        s.Ratings.Contact(r, At, actor);
}

/// <summary>Rectified, with feedback to the rater (整改反馈).</summary>
internal sealed record Rectify : RectificationStep
{
    public required string Measures { get; init; }

    internal override void Check(CheckContext c)
    {
        base.Check(c);
        c.Text(Measures, "measures", 1000);
    }

    private protected override string ActionName => "rectification.rectify";

    private protected override GovStaff.Policy.Lifecycles.LifecycleResult<Rectification> Apply(ReplayState s, Rectification r, GovStaff.Policy.Decisions.Actor actor) =>
        s.Ratings.Rectify(r, Measures, At, actor);
}

/// <summary>The return visit to a real-name rater.</summary>
internal sealed record ReturnVisit : RectificationStep
{
    private protected override string ActionName => "rectification.return-visit";

    private protected override GovStaff.Policy.Lifecycles.LifecycleResult<Rectification> Apply(ReplayState s, Rectification r, GovStaff.Policy.Decisions.Actor actor) =>
        s.Ratings.ReturnVisit(r, At, actor);
}

/// <summary>
/// The rated side appeals a mistaken or malicious review (申诉), acting as <c>actor</c>. With <c>upheld</c> the same
/// action is also the service authority's review (复核) of that appeal, <c>actor</c> being the reviewer: the appeal is
/// then filed as the rated body's, if it was not filed before, and the printed decision is the review's.
/// </summary>
internal sealed record Appeal : RectificationStep
{
    public required AppealGround Ground { get; init; }

    public bool? Upheld { get; init; }

    /// <summary>The reviewer's finding, with <c>upheld</c>; a default naming the ground when left out.</summary>
    public string? Finding { get; init; }

    internal override void Check(CheckContext c)
    {
        base.Check(c);
        c.Text(Finding, "finding", 1000);
    }

    private protected override string ActionName => "rectification.appeal";

    private protected override GovStaff.Policy.Lifecycles.LifecycleResult<Rectification> Apply(ReplayState s, Rectification r, GovStaff.Policy.Decisions.Actor actor)
    {
        if (Upheld is not { } upheld)
        {
            return s.Ratings.Appeal(r, Ground, s.Network, At, actor);
        }

        if (r.AppealFiledOn is null)
        {
            var filed = s.Ratings.Appeal(r, Ground, s.Network, At, GovStaff.Policy.Decisions.Actor.For("被评价机构", r.Rating.Body));
            if (!filed.Applied)
            {
                return filed;
            }

            r = filed.Entity;
        }

        return s.Ratings.ReviewAppeal(r, upheld, Finding ?? (Ground == AppealGround.Mistaken ? "经核实属误评" : "经核实属恶意差评"), s.Network, At, actor);
    }
}

/// <summary>The service authority reviews a filed appeal (复核) and records its finding; only a reviewer independent of the rated side may.</summary>
internal sealed record ReviewAppeal : RectificationStep
{
    public required bool Upheld { get; init; }

    public required string Finding { get; init; }

    internal override void Check(CheckContext c)
    {
        base.Check(c);
        c.Text(Finding, "finding", 1000);
    }

    private protected override string ActionName => "rectification.review-appeal";

    private protected override GovStaff.Policy.Lifecycles.LifecycleResult<Rectification> Apply(ReplayState s, Rectification r, GovStaff.Policy.Decisions.Actor actor) =>
        s.Ratings.ReviewAppeal(r, Upheld, Finding, s.Network, At, actor);
}

/// <summary>Closes the handling of a bad review.</summary>
internal sealed record CloseRectification : RectificationStep
{
    private protected override string ActionName => "rectification.close";

    private protected override GovStaff.Policy.Lifecycles.LifecycleResult<Rectification> Apply(ReplayState s, Rectification r, GovStaff.Policy.Decisions.Actor actor) =>
        s.Ratings.Close(r, At, actor);
}

/// <summary>A complaint made to the hall or a township centre (Art. 22).</summary>
internal sealed record Complain : IdentifiedAction
{
    public required string Body { get; init; }

    public required string Summary { get; init; }

    public string? About { get; init; }

    internal override IEnumerable<(LocalDate, string)> CalendarDates() => [];

    internal override void Check(CheckContext c)
    {
        c.Creates("complaint", Id);
        c.Body(Body, "body");
        c.Text(Summary, "summary", 2000);
        if (About is not null)
        {
            c.Staff(About, "about");
        }

        c.Actor();
    }

    internal override Step Run(ReplayState s)
    {
        var r = s.Complaints.Accept(new Complaint(Id, new ServiceBodyId(Body), At, Summary, About is null ? null : new StaffId(About)), s.Network, ReplayState.ActorOf(this));
        s.ComplaintsById[Id] = r.Entity;
        return new(r.Decision, r.Event);
    }
}

/// <summary>The investigation starts (调查核实).</summary>
internal sealed record InvestigateComplaint : IdentifiedAction
{
    internal override IEnumerable<(LocalDate, string)> CalendarDates() => [];

    internal override void Check(CheckContext c)
    {
        c.Refers("complaint", Id, "complain");
        c.Actor();
    }

    internal override Step Run(ReplayState s)
    {
        var r = s.Complaints.Investigate(s.ComplaintsById[Id], ReplayState.ActorOf(this), At);
        s.ComplaintsById[Id] = r.Entity;
        return new(r.Decision, r.Event);
    }
}

/// <summary>The outcome is fed back to the complainant (Art. 22).</summary>
internal sealed record FeedBackComplaint : IdentifiedAction
{
    public string Result { get; init; } = "已处理";

    public LocalDate? FeedbackOn { get; init; }

    internal override IEnumerable<(LocalDate, string)> CalendarDates() => [];

    internal override void Check(CheckContext c)
    {
        c.Refers("complaint", Id, "complain");
        c.Text(Result, "result", 2000);
        c.NotAfter(FeedbackOn, "feedbackOn");
        c.Actor();
    }

    internal override Step Run(ReplayState s)
    {
        var r = s.Complaints.FeedBack(s.ComplaintsById[Id], Result, FeedbackOn, ReplayState.ActorOf(this), At);
        s.ComplaintsById[Id] = r.Entity;
        return new(r.Decision, r.Event);
    }
}
