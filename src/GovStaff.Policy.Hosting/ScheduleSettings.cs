namespace GovStaff.Policy.Hosting;

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
