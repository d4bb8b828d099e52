namespace GovStaff.Policy.Service;

/// <summary>How urgent a case is.</summary>
public enum CaseLevel
{
    /// <summary>Time enough.</summary>
    OnTrack = 0,

    /// <summary>Most of the time is used, or few working days remain (预警).</summary>
    EarlyWarning = 1,

    /// <summary>Past the promised limit: the director supervises (督办).</summary>
    Overdue = 2,

    /// <summary>Past the statutory limit as well.</summary>
    StatutoryOverdue = 3,

    /// <summary>The clock stands still.</summary>
    Suspended = 4,

    /// <summary>Completed on or before the promised day.</summary>
    CompletedOnTime = 5,

    /// <summary>Completed after the promised day.</summary>
    CompletedLate = 6,
}
