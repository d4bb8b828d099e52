namespace GovStaff.Policy.Attendance;

/// <summary>What one staff member's day was (Art. 12(1), 12(2)).</summary>
public enum AttendanceStatus
{
    /// <summary>Signed in and out within office hours (and grace).</summary>
    OnTime = 0,

    /// <summary>Signed in after opening (迟到).</summary>
    Late = 1,

    /// <summary>Signed out before closing (早退).</summary>
    LeftEarly = 2,

    /// <summary>Both late and left early.</summary>
    LateAndLeftEarly = 3,

    /// <summary>No sign-in on a working day without approved leave (无故缺席).</summary>
    Absent = 4,

    /// <summary>Signed in but never signed out.</summary>
    MissingSignOut = 5,

    /// <summary>Signed out but never signed in.</summary>
    MissingSignIn = 6,

    /// <summary>On approved leave.</summary>
    OnLeave = 7,

    /// <summary>A rest day (weekend, holiday); a sign-in is extra work, not an anomaly.</summary>
    RestDay = 8,

    /// <summary>Today, before closing: not yet judged.</summary>
    InProgress = 9,

    /// <summary>The person's role is not bound by the attendance rules (village agents, Art. 13; directors).</summary>
    NotBound = 10,
}
