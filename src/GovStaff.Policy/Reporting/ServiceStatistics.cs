using GovStaff.Policy.Attendance;
using GovStaff.Policy.Calendars;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Service;
using NodaTime;

namespace GovStaff.Policy.Reporting;

/// <summary>
/// Three-tier statistics per period (Art. 21): cases, on-time rate, overdue, online share, ratings (Art. 20),
/// complaints (Art. 22) and attendance (Art. 12(1)) — the centre's periodic report and an input to appraisal (Art. 27).
/// </summary>
public sealed class ServiceStatistics
{
    private readonly WorkCalendar _calendar;
    private readonly Regulation.PolicyVersionSet _versions;

    /// <summary>Creates the statistics over the calendar the cases were counted on.</summary>
    /// <param name="calendar">The work calendar.</param>
    /// <param name="versions">The policy versions, for the bad-review deadlines in force on each review's day.</param>
    public ServiceStatistics(WorkCalendar calendar, Regulation.PolicyVersionSet versions)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        _calendar = calendar;
        ArgumentNullException.ThrowIfNull(versions);
        _versions = versions;
    }

    /// <summary>Computes the report.</summary>
    /// <param name="network">The district.</param>
    /// <param name="period">The period.</param>
    /// <param name="cases">Cases (any period; counted by their dates).</param>
    /// <param name="ratings">Ratings (any period).</param>
    /// <param name="rectifications">The handling of bad reviews (for appeals and on-time rectification).</param>
    /// <param name="complaints">Complaints (any period).</param>
    /// <param name="attendance">Attendance summaries of the period, one per staff member.</param>
    public StatisticsReport Compute(
        ServiceNetwork network,
        DateInterval period,
        IEnumerable<ServiceCase> cases,
        IEnumerable<Rating> ratings,
        IEnumerable<Rectification> rectifications,
        IEnumerable<Complaint> complaints,
        IEnumerable<AttendanceSummary> attendance)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(period);
        var zone = OfficeHours.ChinaZone;
        var annulled = rectifications.Where(r => r.State == RectificationState.Annulled).Select(r => r.Rating.Id).ToHashSet();
        var byRating = rectifications.ToDictionary(r => r.Rating.Id);
        var caseList = cases.ToArray();
        var inPeriod = ratings.Where(r => period.Contains(r.RatedAt.InZone(zone).Date)).ToArray();
        var ratingList = inPeriod.Where(r => !annulled.Contains(r.Id)).ToArray();
        var excluded = inPeriod.Where(r => annulled.Contains(r.Id)).ToArray();
        var complaintList = complaints.Where(c => period.Contains(c.ReceivedOn)).ToArray();
        var attendanceByStaff = attendance.ToDictionary(a => a.Staff);

        StatisticsRow Row(string scope, string name, ISet<ServiceBodyId> bodies)
        {
            var mine = caseList.Where(c => bodies.Contains(c.Body)).ToArray();
            var accepted = mine.Where(c => period.Contains(c.AcceptedOn)).ToArray();
            var completed = mine.Where(c => c.CompletedOn is { } d && period.Contains(d)).ToArray();
            var onTime = completed.Count(c => c.CompletedOn <= CaseClock.DueDate(c, _calendar, c.PromisedLimit + c.ExtensionDays));
            var overdue = mine.Count(c => c.AcceptedOn <= period.End && (c.CompletedOn is null || c.CompletedOn > period.End) &&
                CaseClock.DueDate(c, _calendar, c.PromisedLimit + c.ExtensionDays) is { } due && due < period.End);
            var rated = ratingList.Where(r => bodies.Contains(r.Body)).ToArray();
            var bad = rated.Where(r => r.IsBad).ToArray();
            var rectifiedOnTime = bad.Count(r => byRating.TryGetValue(r.Id, out var x) && x.RectifiedOn is { } on &&
                on <= _calendar.AddWorkingDays(x.RatedOn, RectificationDays(x.RatedOn)));
            var staff = network.Staff.Where(s => s.StationedAt is { } at && bodies.Contains(at) && attendanceByStaff.ContainsKey(s.Id)).Select(s => attendanceByStaff[s.Id]).ToArray();
            var expected = staff.Sum(a => a.WorkingDays - a.LeaveDays);
            return new StatisticsRow(
                scope,
                name,
                accepted.Length,
                completed.Length,
                onTime,
                Rate(onTime, completed.Length),
                overdue,
                Rate(accepted.Count(c => c.Channel == ServiceChannel.Online), accepted.Length),
                rated.Length,
                Rate(rated.Length - bad.Length, rated.Length),
                Rate(bad.Length, rated.Length),
                completed.Length == 0 ? null : Rate(Math.Max(0, completed.Length - rated.Length), completed.Length),
                Rate(rectifiedOnTime, bad.Length),
                complaintList.Count(c => bodies.Contains(c.Body)),
                Rate(staff.Sum(a => a.DaysPresent), expected),
                excluded.Count(r => bodies.Contains(r.Body)));
        }

        var bodyRows = network.Bodies.Select(b => Row(b.Id.Value, b.Name, new HashSet<ServiceBodyId> { b.Id })).ToArray();
        var tierRows = Enum.GetValues<Tier>().Select(t => Row(t.ToString().ToLowerInvariant(), TierName(t), network.Bodies.Where(b => b.Tier == t).Select(b => b.Id).ToHashSet())).ToArray();
        var district = Row("district", "全区 / district", network.Bodies.Select(b => b.Id).ToHashSet());
        return new StatisticsReport(period.Start, period.End, bodyRows, tierRows, district);
    }

    private int RectificationDays(LocalDate ratedOn) =>
        (_versions.TryResolve(ratedOn, out var v) ? v.Options : Regulation.PolicyOptions.Default).BadReviewRectificationWorkingDays;

    private static decimal? Rate(int part, int whole) => whole == 0 ? null : Math.Round((decimal)part / whole, 4, MidpointRounding.AwayFromZero);

    private static string TierName(Tier tier) => tier switch
    {
        Tier.District => "县级（政务服务大厅） / district (hall)",
        Tier.Township => "乡级（民生服务中心） / township centres",
        _ => "村级（便民服务中心） / village centres",
    };
}
