using GovStaff.Policy.Organization;
using NodaTime;

namespace GovStaff.Policy.Attendance;

/// <summary>Approved leave (请假, Art. 12(2)) as attendance sees it: whole days from <see cref="From"/> to <see cref="To"/>.</summary>
public sealed record LeavePeriod
{
    /// <summary>Creates the period.</summary>
    /// <param name="staff">Who is on leave.</param>
    /// <param name="from">First day of leave.</param>
    /// <param name="to">Last day of leave (inclusive).</param>
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public LeavePeriod(StaffId staff, LocalDate from, LocalDate to)
    {
        Staff = staff;
        From = from;
        To = to >= from ? to : throw new ArgumentException($"Leave ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).", nameof(to));
    }

    /// <summary>Who is on leave.</summary>
    public StaffId Staff { get; }

    /// <summary>First day.</summary>
    public LocalDate From { get; }

    /// <summary>Last day (inclusive).</summary>
    public LocalDate To { get; }

    /// <summary>True when the date is a day of this leave.</summary>
    public bool Covers(LocalDate date) => date >= From && date <= To;
}
