namespace GovStaff.Policy.Hosting;

/// <summary>Office hours in configuration (<c>GovStaffPolicy:OfficeHours</c>); times HH:mm, dates MM-dd.</summary>
public sealed class OfficeHoursSettings
{
    /// <summary>The winter (or all-year) schedule.</summary>
    public ScheduleSettings Winter { get; set; } = new();

    /// <summary>The summer schedule; null for one schedule all year.</summary>
    public ScheduleSettings? Summer { get; set; }

    /// <summary>First day of summer hours, MM-dd.</summary>
    public string SummerStarts { get; set; } = "05-01";

    /// <summary>First day of winter hours, MM-dd.</summary>
    public string WinterStarts { get; set; } = "10-01";
}
