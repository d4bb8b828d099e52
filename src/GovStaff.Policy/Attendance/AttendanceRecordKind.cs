namespace GovStaff.Policy.Attendance;

/// <summary>A sign-in (签到) or a sign-out (签退), Art. 12(1).</summary>
public enum AttendanceRecordKind
{
    /// <summary>签到.</summary>
    SignIn = 1,

    /// <summary>签退.</summary>
    SignOut = 2,
}
