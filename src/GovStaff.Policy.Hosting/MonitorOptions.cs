namespace GovStaff.Policy.Hosting;

/// <summary>Monitor settings (<c>GovStaffPolicy:Monitors</c>).</summary>
public sealed class MonitorOptions
{
    /// <summary>Whether the monitors run in this host. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often they run. Default 5 minutes.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);
}
