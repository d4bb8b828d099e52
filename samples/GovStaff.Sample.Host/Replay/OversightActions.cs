using System.Text.Json;
using GovStaff.Policy.Attendance;
using GovStaff.Policy.Decisions;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Regulation;
using GovStaff.Policy.Reporting;
using GovStaff.Policy.Service;
using GovStaff.Policy.Staffing;
using NodaTime;

namespace GovStaff.Sample.Host.Replay;

// Disclosure, statistics and the deadline checks the hosted monitors run (Art. 7, 12, 20, 21, 29; 行政许可法 第三十二条).

/// <summary>
/// Publishes the public case list of a period (Art. 20): cases accepted in the period, those touching state secrets,
/// commercial secrets or personal privacy withheld, every text masked. The list is printed under <c>published</c>.
/// </summary>
internal sealed record PublishCases : ScenarioAction
{
    public required LocalDate From { get; init; }

    public required LocalDate To { get; init; }

    internal override IEnumerable<(LocalDate, string)> CalendarDates() => [];

    internal override void Check(CheckContext c)
    {
        if (To < From)
        {
            c.Fail("to", $"{To:yyyy-MM-dd} is before from ({From:yyyy-MM-dd}).");
        }
    }

    internal override Step Run(ReplayState s)
    {
        var (decision, published, withheld) = s.Oversight.Publish(s.CasesById.Values, s.Network, new DateInterval(From, To), At);
        return new(decision, null)
        {
            Details = w =>
            {
                w.WritePropertyName("published");
                JsonSerializer.Serialize(w, published, GovStaff.Policy.Serialization.GovStaffJson.Options);
                w.WriteNumber("withheld", withheld);
            },
        };
    }
}

/// <summary>
/// The three-tier report of a period (Art. 21: 定期通报县、乡、村三级政务服务及网上办件情况) from what the scenario
/// recorded, printed under <c>report</c> (district, tiers, bodies).
/// </summary>
internal sealed record Report : ScenarioAction
{
    public required LocalDate From { get; init; }

    public required LocalDate To { get; init; }

    internal override void Check(CheckContext c)
    {
        if (To < From)
        {
            c.Fail("to", $"{To:yyyy-MM-dd} is before from ({From:yyyy-MM-dd}).");
        }

        if (To > At)
        {
            c.Fail("to", $"{To:yyyy-MM-dd} is after the action's own date {At:yyyy-MM-dd}: a report covers days that have passed.");
        }
    }

    internal override Step Run(ReplayState s)
    {
        var period = new DateInterval(From, To);
        var attendance = s.Network.Staff.Where(x => x.StationedAt is not null && x.Role.IsWindowStaff())
            .Select(x => s.Attendance.Summarize(x, period, s.AttendanceRecords, s.LeaveOf(x.Id), s.ExtendedServices)).ToArray();
        var report = new ServiceStatistics(s.Calendar, s.Engine.Versions).Compute(s.Network, period,
            s.CasesById.Values.Where(c => c.State != CaseState.Draft), s.RatingsById.Values, s.RectificationsById.Values,
            s.ComplaintsById.Values.Where(c => c.State != ComplaintState.Received), attendance);
        return new(s.Oversight.Report(report, At), null)
        {
            Details = w =>
            {
                w.WritePropertyName("report");
                JsonSerializer.Serialize(w, report, GovStaff.Policy.Serialization.GovStaffJson.Options);
            },
        };
    }
}

/// <summary>
/// Runs, as of the action's date and without a host, the checks the hosted monitors run on what the scenario holds:
/// cases (early warning, overdue, 督办, Art. 21), report-back (Art. 12(2)), unreported adjustments (Art. 7), bad
/// reviews' contact and rectification (Art. 20), admonitions' rectification (Art. 29), deemed acceptance (《行政许可法》
/// 第三十二条) and unanswered appointments (Art. 12(7)). Every item with something due prints a decision line; when
/// nothing is due, one line says so.
/// </summary>
internal sealed record CheckDeadlines : ScenarioAction
{
    internal override void Check(CheckContext c)
    {
    }

    internal override Step Run(ReplayState s)
    {
        var found = new List<Decision>();
        void Keep(Decision d)
        {
            if (d.Outcome != Outcome.Permitted)
            {
                found.Add(d);
            }
        }

        foreach (var (id, c) in s.CasesById.ToArray())
        {
            if (c.State is CaseState.Open or CaseState.Suspended)
            {
                var r = s.Cases.Track(c, s.Network, At);
                s.CasesById[id] = r.Entity;
                Keep(r.Decision);
            }
        }

        foreach (var l in s.LeaveById.Values)
        {
            if (l.State is LeaveState.OnLeave or LeaveState.Returned)
            {
                Keep(s.Leave.CheckReportBack(l, s.Network, At));
            }
        }

        foreach (var t in s.TransfersById.Values)
        {
            if (t.State == TransferState.Executed)
            {
                Keep(s.Transfers.CheckUnreported(t, At));
            }
        }

        foreach (var r in s.RectificationsById.Values)
        {
            if (r.State is not (RectificationState.Closed or RectificationState.Annulled))
            {
                Keep(s.Ratings.CheckOverdue(r, At));
            }
        }

        foreach (var a in s.AdmonitionsById.Values)
        {
            Keep(s.Sanctions.CheckRectification(a, At));
        }

        foreach (var a in s.ApplicationsById.Values)
        {
            Keep(s.Notifications.CheckDeemedAcceptance(a, At).Decision);
        }

        foreach (var (id, a) in s.AppointmentsById)
        {
            if (!s.AnsweredAppointments.Contains(id))
            {
                Keep(s.Appointments.CheckUnanswered(a, s.At(new LocalTime(23, 59))));
            }
        }

        if (found.Count == 0)
        {
            return new(s.Oversight.NothingDue(At), null);
        }

        return new(found[0], null) { Further = found.Count > 1 ? found.GetRange(1, found.Count - 1) : null };
    }
}
