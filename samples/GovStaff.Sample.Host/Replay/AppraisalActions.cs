using System.Globalization;
using GovStaff.Policy.Appraisal;
using GovStaff.Policy.Calendars;
using GovStaff.Policy.Decisions;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Regulation;
using GovStaff.Policy.Reporting;
using GovStaff.Policy.Staffing;
using NodaTime;

namespace GovStaff.Sample.Host.Replay;

// Appraisal (Art. 19, 23–28) and sanctions (Art. 29).

/// <summary>
/// An appraising body scores a person for a period (Art. 23–27). With <c>scores</c> the indicators are as given;
/// without, they are derived from what the scenario recorded in the period (docs/scenarios.md, "Derived scores").
/// </summary>
internal sealed record ScoreAppraisal : IdentifiedAction
{
    public required string Staff { get; init; }

    public required string Period { get; init; }

    public LocalDate? StationedOn { get; init; }

    public IReadOnlyDictionary<string, decimal>? Scores { get; init; }

    internal override IEnumerable<(LocalDate, string)> CalendarDates() => Scores is null ? [(At, "at")] : [];

    internal override void Check(CheckContext c)
    {
        c.Creates("appraisal", Id);
        c.Staff(Staff, "staff");
        c.NotAfter(StationedOn, "stationedOn");
        if (!AppraisalPeriod.TryParse(Period, out var period))
        {
            c.Fail("period", $"'{Period}' is not a period: write 2022Q4 (a quarter) or 2022 (the year).");
        }
        else if (period.Start > At)
        {
            c.Fail("period", $"{Period} has not begun on {At:yyyy-MM-dd}.");
        }

        foreach (var (code, value) in Scores ?? new Dictionary<string, decimal>())
        {
            c.Text(code, $"scores.{code}", 64);
            c.Range(value, 0m, 100m, $"scores.{code}");
        }

        c.Actor();
    }

    internal override Step Run(ReplayState s)
    {
        var staff = s.Network.GetStaff(new StaffId(Staff));
        var appraisal = new StaffAppraisal(Id, staff.Id, AppraisalPeriod.Parse(Period), StationedOn ?? StationedOnOf(s, staff.Id));
        if (staff.StationedAt is null)
        {
            // No body appraises someone not stationed (Arts. 23–25): the library refuses before any score is read.
            return new(Lifecycle(s).Score(appraisal, s.Network, new Dictionary<string, decimal>(), ReplayState.ActorOf(this), At).Decision, null);
        }

        var scores = Scores ?? Derive(s, staff, appraisal);
        var r = Lifecycle(s).Score(appraisal, s.Network, scores, ReplayState.ActorOf(this), At);
        s.AppraisalsById[Id] = r.Entity;
        return new(r.Decision, r.Event)
        {
            Details = Scores is not null ? null : w =>
            {
                w.WriteStartObject("derivedScores");
                foreach (var (code, value) in scores)
                {
                    w.WriteNumber(code, value);
                }

                w.WriteEndObject();
            },
        };
    }

    internal static AppraisalLifecycle Lifecycle(ReplayState s) => new(s.Engine, s.Schemes);

    /// <summary>The stationing date the scenario knows for the person: from its <c>station</c> action, else the network's.</summary>
    internal static LocalDate? StationedOnOf(ReplayState s, StaffId staff) =>
        s.StationingsById.Values.Where(x => x.Nomination.Candidate == staff && x.State == StationingState.Stationed).Select(x => x.StationedOn).LastOrDefault()
        ?? (s.Network.TryGetStaff(staff, out var person) ? person.StationedOn : null);

    /// <summary>
    /// The indicator scores from what the scenario recorded in the period up to the action's date: attendance rate
    /// (100 for village agents, whom Art. 13 does not bind to attendance);
    /// cases and efficiency as the share completed on time; citizen satisfaction (RatingRates); every other indicator
    /// 100 less 20 per breach of the service norms in its dimension (Art. 14), less 10 per complaint about the person
    /// for attitude, less 10 for ability without training in the interval (Art. 18). This is the sample's derivation,
    /// not a rule of the measures: each township sets its own method (Art. 19, 27).
    /// </summary>
    private Dictionary<string, decimal> Derive(ReplayState s, StaffMember staff, StaffAppraisal appraisal)
    {
        var options = s.Engine.Versions.TryResolve(At, out var v) ? v.Options : PolicyOptions.Default;
        var days = new DateInterval(appraisal.Period.Start, appraisal.Period.End < At ? appraisal.Period.End : At);
        var set = s.Schemes.For(staff.Role, Authority.Appraisers(staff, s.Network, appraisal.StationedOn, appraisal.Period.End, options).Signatories);
        var attendance = s.Attendance.Summarize(staff, days, s.AttendanceRecords, s.LeaveOf(staff.Id), s.ExtendedServices);
        var completed = s.CasesById.Values.Where(c => c.AcceptedBy == staff.Id && c.CompletedOn is { } d && days.Contains(d)).ToArray();
        var onTime = completed.Count(c => c.CompletedOn is { } done && s.Cases.Status(c, done).Level == GovStaff.Policy.Service.CaseLevel.CompletedOnTime);
        var caseScore = completed.Length == 0 ? 100m : Math.Round(100m * onTime / completed.Length, 1);
        var rates = RatingRates.ForStaff(staff.Id, days, s.RatingsById.Values, s.RectificationsById.Values, completed.Length, r => s.Ratings.Dues(r).RectificationDue);
        var breaches = s.Conduct.Breaches(s.ConductRecords, staff.Id, days);
        var complaints = s.ComplaintsById.Values.Count(c => c.About == staff.Id && days.Contains(c.ReceivedOn));
        var untrained = s.Conduct.CheckTraining(staff, s.Trainings, At).Outcome != Outcome.Permitted;
        var scores = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var indicator in set.Indicators)
        {
            var score = indicator.Code switch
            {
                // Village agents are not bound by the attendance rules (Art. 13): nothing to deduct.
                "attendance" => staff.Role == Role.VillageAgent ? 100m : Math.Round((decimal)attendance.AttendanceRate * 100m, 1),
                "cases" or "efficiency" => caseScore,
                "satisfaction" => rates.SatisfactionScore(options),
                _ => 100m - (20m * breaches.GetValueOrDefault(indicator.Dimension))
                    - (indicator.Code == "attitude" ? 10m * complaints : 0m)
                    - (indicator.Dimension == Dimension.Ability && untrained ? 10m : 0m),
            };
            scores[indicator.Code] = Math.Clamp(score, 0m, 100m);
        }

        return scores;
    }
}

/// <summary>A step on a scored appraisal by an appraising body.</summary>
internal abstract record AppraisalStep : IdentifiedAction
{
    internal override IEnumerable<(LocalDate, string)> CalendarDates() => [];

    internal override void Check(CheckContext c)
    {
        c.Refers("appraisal", Id, "score");
        c.Actor();
    }

    internal override Step Run(ReplayState s)
    {
        var r = Apply(s, ScoreAppraisal.Lifecycle(s), s.AppraisalsById[Id], ReplayState.ActorOf(this));
        s.AppraisalsById[Id] = r.Entity;
        return new(r.Decision, r.Event);
    }

    private protected abstract GovStaff.Policy.Lifecycles.LifecycleResult<StaffAppraisal> Apply(ReplayState s, AppraisalLifecycle l, StaffAppraisal a, Actor actor);
}

/// <summary>The second appraising body signs (police staff at a township centre, Art. 24).</summary>
internal sealed record CoSignAppraisal : AppraisalStep
{
    private protected override GovStaff.Policy.Lifecycles.LifecycleResult<StaffAppraisal> Apply(ReplayState s, AppraisalLifecycle l, StaffAppraisal a, Actor actor) => l.CoSign(a, s.Network, actor, At);
}

/// <summary>Fixes the total and the grade (Art. 26–27).</summary>
internal sealed record GradeAppraisal : AppraisalStep
{
    private protected override GovStaff.Policy.Lifecycles.LifecycleResult<StaffAppraisal> Apply(ReplayState s, AppraisalLifecycle l, StaffAppraisal a, Actor actor) => l.Grade(a, s.Network, actor, At);
}

/// <summary>Closes a graded appraisal.</summary>
internal sealed record CloseAppraisal : AppraisalStep
{
    private protected override GovStaff.Policy.Lifecycles.LifecycleResult<StaffAppraisal> Apply(ReplayState s, AppraisalLifecycle l, StaffAppraisal a, Actor actor) => l.Close(a, actor, At);
}

/// <summary>Commends a person graded excellent (Art. 28).</summary>
internal sealed record Commend : AppraisalStep
{
    public required string Award { get; init; }

    internal override void Check(CheckContext c)
    {
        base.Check(c);
        c.Text(Award, "award", 200);
    }

    private protected override GovStaff.Policy.Lifecycles.LifecycleResult<StaffAppraisal> Apply(ReplayState s, AppraisalLifecycle l, StaffAppraisal a, Actor actor) => l.Commend(a, s.Network, actor, At, Award);
}

/// <summary>
/// A quarter already appraised outside the scenario, as history for Art. 29: scored and graded by the person's
/// appraising bodies with every indicator at 95 (excellent), 75 (pass) or 50 (fail).
/// </summary>
internal sealed record QuarterResult : IdentifiedAction
{
    public required string Staff { get; init; }

    public required string Period { get; init; }

    public required Grade Grade { get; init; }

    public LocalDate? StationedOn { get; init; }

    internal override IEnumerable<(LocalDate, string)> CalendarDates() => [];

    internal override void Check(CheckContext c)
    {
        c.Creates("appraisal", Id);
        c.Staff(Staff, "staff");
        c.NotAfter(StationedOn, "stationedOn");
        if (!AppraisalPeriod.TryParse(Period, out var period) || period.IsAnnual)
        {
            c.Fail("period", $"'{Period}' is not a quarter: write 2022Q3.");
        }
        else if (period.End >= At)
        {
            c.Fail("period", $"{Period} has not ended on {At:yyyy-MM-dd}.");
        }
    }

    internal override Step Run(ReplayState s)
    {
        var staff = s.Network.GetStaff(new StaffId(Staff));
        var appraisal = new StaffAppraisal(Id, staff.Id, AppraisalPeriod.Parse(Period), StationedOn ?? ScoreAppraisal.StationedOnOf(s, staff.Id));
        if (staff.StationedAt is null)
        {
            // No body appraises someone not stationed (Arts. 23–25): the library refuses before any score is read.
            var by = ReplayState.OptionalActor(this) ?? GovStaff.Policy.Decisions.Actor.For("考核组", staff.HomeUnitId);
            return new(ScoreAppraisal.Lifecycle(s).Score(appraisal, s.Network, new Dictionary<string, decimal>(), by, At).Decision, null);
        }

        var options = s.Engine.Versions.TryResolve(At, out var v) ? v.Options : PolicyOptions.Default;
        var appraisers = Authority.Appraisers(staff, s.Network, appraisal.StationedOn, appraisal.Period.End, options).Signatories;
        var each = Grade switch { Grade.Excellent => 95m, Grade.Pass => 75m, _ => 50m };
        var set = s.Schemes.For(staff.Role, appraisers);
        var lifecycle = ScoreAppraisal.Lifecycle(s);
        var r = lifecycle.Score(appraisal, s.Network, set.Indicators.ToDictionary(i => i.Code, _ => each), As(appraisers[0]), At);
        foreach (var other in appraisers.Skip(1))
        {
            r = r.Applied ? lifecycle.CoSign(r.Entity, s.Network, As(other), At) : r;
        }

        r = r.Applied ? lifecycle.Grade(r.Entity, s.Network, As(appraisers[0]), At) : r;
        s.AppraisalsById[Id] = r.Entity;
        return new(r.Decision, r.Event);
    }

    private static Actor As(Party p) =>
        p.ServiceBody is { } b ? GovStaff.Policy.Decisions.Actor.For("考核组", b)
        : p.HomeUnit is { } u ? GovStaff.Policy.Decisions.Actor.For("考核组", u)
        : throw new InvalidOperationException("An appraising body names a service body or a home unit.");
}

/// <summary>
/// The service authority applies Art. 29 after the person's latest graded quarter: an admonition with its deadline
/// after one failure, a recall after consecutive failures. The admonition or recall takes the action's id.
/// </summary>
internal sealed record ApplySanction : IdentifiedAction
{
    public required string Staff { get; init; }

    internal override IEnumerable<(LocalDate, string)> CalendarDates() => [];

    internal override void Check(CheckContext c)
    {
        c.Creates("admonition", Id);
        c.Creates("recall", Id);
        c.Staff(Staff, "staff");
        c.Actor();
    }

    internal override Step Run(ReplayState s)
    {
        var staff = s.Network.GetStaff(new StaffId(Staff));
        var history = s.AppraisalsById.Values.Where(a => a.Staff == staff.Id && a.Grade is not null).ToArray();
        var outcome = s.Sanctions.Apply(staff, history, s.Network, ReplayState.ActorOf(this), At, Id);
        if (outcome.Admonition is { } admonition)
        {
            s.AdmonitionsById[Id] = admonition;
            return new(outcome.Decision, outcome.Event) { Details = w => w.WriteString("rectifyBy", ReceiveApplication.Iso(admonition.RectifyBy)) };
        }

        if (outcome.Recall is { } recall)
        {
            s.RecallsById[Id] = recall;
        }

        return new(outcome.Decision, outcome.Event);
    }
}

/// <summary>The admonished person rectified (Art. 29); after the deadline it is a warning. The id is the sanction's.</summary>
internal sealed record RectifyAdmonition : IdentifiedAction
{
    internal override IEnumerable<(LocalDate, string)> CalendarDates() => [];

    internal override void Check(CheckContext c) => c.Refers("admonition", Id, "applySanction");

    internal override Step Run(ReplayState s)
    {
        if (!s.AdmonitionsById.TryGetValue(Id, out var admonition))
        {
            // The scenario's ids are its writer's: naming a recall where an admonition is meant is an input error, not a finding.
            throw new InvalidOperationException($"the sanction {Id} was a recall, not an admonition; there is nothing to rectify.");
        }

        var r = s.Sanctions.Rectify(admonition, At);
        s.AdmonitionsById[Id] = r.Entity;
        return new(r.Decision, r.Event);
    }
}

/// <summary>A step on a recall (Art. 29: replacement nominated, approved, on the post). The id is the sanction's.</summary>
internal abstract record RecallStep : IdentifiedAction
{
    internal override IEnumerable<(LocalDate, string)> CalendarDates() => [];

    internal override void Check(CheckContext c)
    {
        c.Refers("recall", Id, "applySanction");
        c.Actor();
    }

    internal override Step Run(ReplayState s)
    {
        if (!s.RecallsById.TryGetValue(Id, out var recall))
        {
            throw new InvalidOperationException($"the sanction {Id} was an admonition, not a recall; there is no replacement to handle.");
        }

        var r = Apply(s, recall, ReplayState.ActorOf(this));
        s.RecallsById[Id] = r.Entity;
        return new(r.Decision, r.Event);
    }

    private protected abstract GovStaff.Policy.Lifecycles.LifecycleResult<Recall> Apply(ReplayState s, Recall recall, Actor actor);
}

/// <summary>The home unit nominates a replacement, vetted like any nomination (Art. 29 with Art. 4–6).</summary>
internal sealed record NominateReplacement : RecallStep
{
    public required string Staff { get; init; }

    internal override void Check(CheckContext c)
    {
        base.Check(c);
        c.Staff(Staff, "staff");
    }

    private protected override GovStaff.Policy.Lifecycles.LifecycleResult<Recall> Apply(ReplayState s, Recall recall, Actor actor) =>
        s.Sanctions.NominateReplacement(recall, new Nomination(new StaffId(Staff), recall.Body, recall.Role, At), s.Network, actor);
}

/// <summary>The service authority approves the replacement (经政务服务管理机构同意).</summary>
internal sealed record ApproveReplacement : RecallStep
{
    private protected override GovStaff.Policy.Lifecycles.LifecycleResult<Recall> Apply(ReplayState s, Recall recall, Actor actor) =>
        s.Sanctions.ApproveReplacement(recall, s.Network, actor, At);
}

/// <summary>The replacement takes the post, only after approval.</summary>
internal sealed record SeatReplacement : RecallStep
{
    private protected override GovStaff.Policy.Lifecycles.LifecycleResult<Recall> Apply(ReplayState s, Recall recall, Actor actor) =>
        s.Sanctions.TakePost(recall, actor, At);
}

/// <summary>Formats a decimal for printed details.</summary>
internal static class Numbers
{
    public static string Text(decimal d) => d.ToString("0.##", CultureInfo.InvariantCulture);
}
