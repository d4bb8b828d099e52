namespace GovStaff.Policy.Hosting;

/// <summary>
/// The configuration section <c>GovStaffPolicy</c>: policy versions, the work calendar and office hours.
/// </summary>
/// <remarks>Validated when the host starts; every problem is reported with its configuration key.</remarks>
public sealed class GovStaffPolicyOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "GovStaffPolicy";

    /// <summary>The versions of the measures (Art. 31). Empty: <see cref="Regulation.PolicyVersion.Trial2021"/> alone.</summary>
    public List<PolicyVersionSettings> Versions { get; set; } = [];

    /// <summary>The configured work calendar.</summary>
    public CalendarSettings Calendar { get; set; } = new();

    /// <summary>Office hours; null for <see cref="Calendars.OfficeHours.Default"/>.</summary>
    public OfficeHoursSettings? OfficeHours { get; set; }
}
