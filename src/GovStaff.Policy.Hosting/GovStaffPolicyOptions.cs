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

/// <summary>One version of the measures in configuration (<c>GovStaffPolicy:Versions:N</c>).</summary>
public sealed class PolicyVersionSettings
{
    /// <summary>A stable id written into every decision.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The Chinese title.</summary>
    public string TitleZh { get; set; } = "沙坡头区基层政务服务人员队伍建设管理办法（试行）（征求意见稿）";

    /// <summary>The English title.</summary>
    public string TitleEn { get; set; } = "Shapotou measures for grassroots government-service staff (trial, draft for comments)";

    /// <summary>First day in force, yyyy-MM-dd.</summary>
    public string EffectiveFrom { get; set; } = string.Empty;

    /// <summary>Last day in force (inclusive), yyyy-MM-dd; empty when open-ended.</summary>
    public string? EffectiveUntil { get; set; }

    /// <summary>The options of this version; unset values keep the measures' defaults.</summary>
    public Regulation.PolicyOptions Options { get; set; } = new();
}

/// <summary>The work calendar in configuration (<c>GovStaffPolicy:Calendar</c>).</summary>
public sealed class CalendarSettings
{
    /// <summary>The calendar's name; defaults to the layer names joined with '+'.</summary>
    public string? Name { get; set; }

    /// <summary>The layers, national first. Empty: the built-in national calendar alone.</summary>
    public List<CalendarLayerSettings> Layers { get; set; } = [];

    /// <summary>Treat dates without data as ordinary days (marked assumed, decisions warn) instead of refusing them.</summary>
    public bool AllowFallback { get; set; }

    /// <summary>With the fallback, how many years beyond the data the calendar answers for.</summary>
    public int FallbackYears { get; set; } = 10;
}

/// <summary>One calendar layer in configuration (<c>GovStaffPolicy:Calendar:Layers:N</c>).</summary>
public sealed class CalendarLayerSettings
{
    /// <summary>The layer's name; <c>national</c> and <c>ningxia</c> have built-in data.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>National (first layer only), Regional or Closures.</summary>
    public Calendars.CalendarLayerKind Kind { get; set; } = Calendars.CalendarLayerKind.Regional;

    /// <summary>Start from the data shipped for <see cref="Name"/>.</summary>
    public bool BuiltIn { get; set; }

    /// <summary>Year files to add (holiday-cn <c>.json</c> or the library's line format); relative to the content root.</summary>
    public List<string> Files { get; set; } = [];
}

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

/// <summary>One day's sessions, HH:mm.</summary>
public sealed class ScheduleSettings
{
    /// <summary>Opening.</summary>
    public string MorningStart { get; set; } = "09:00";

    /// <summary>Start of the midday break.</summary>
    public string MorningEnd { get; set; } = "12:00";

    /// <summary>End of the midday break.</summary>
    public string AfternoonStart { get; set; } = "14:00";

    /// <summary>Closing.</summary>
    public string AfternoonEnd { get; set; } = "17:30";
}
