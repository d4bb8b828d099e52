namespace GovStaff.Policy.Attendance;

/// <summary>The states of a leave request (请假 → 销假, Art. 12(2)).</summary>
public enum LeaveState
{
    /// <summary>Requested, awaiting approval.</summary>
    Requested = 0,

    /// <summary>Approved by the managing body.</summary>
    Approved = 1,

    /// <summary>Refused by the managing body.</summary>
    Rejected = 2,

    /// <summary>The leave has begun.</summary>
    OnLeave = 3,

    /// <summary>Back at work, not yet reported back.</summary>
    Returned = 4,

    /// <summary>Reported back (销假): closed.</summary>
    Closed = 5,
}

/// <summary>The triggers of a leave request.</summary>
public enum LeaveTrigger
{
    /// <summary>The managing body approves.</summary>
    Approve,

    /// <summary>The managing body refuses.</summary>
    Reject,

    /// <summary>The leave begins.</summary>
    Start,

    /// <summary>The person is back at work.</summary>
    Return,

    /// <summary>The person reports back (销假).</summary>
    ReportBack,
}
