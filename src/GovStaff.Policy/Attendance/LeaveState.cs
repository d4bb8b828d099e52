using GovStaff.Policy.Lifecycles;

namespace GovStaff.Policy.Attendance;

/// <summary>The states of a leave request (请假 → 销假, Art. 12(2)).</summary>
public enum LeaveState
{
    /// <summary>Drawn up but not filed, or filed and refused: only filing (again) is possible.</summary>
    [ChineseName("未提交")]
    Draft = 6,

    /// <summary>Requested, awaiting approval.</summary>
    [ChineseName("已申请")]
    Requested = 0,

    /// <summary>Approved by the managing body.</summary>
    [ChineseName("已批准")]
    Approved = 1,

    /// <summary>Refused by the managing body.</summary>
    [ChineseName("已驳回")]
    Rejected = 2,

    /// <summary>The leave has begun.</summary>
    [ChineseName("休假中")]
    OnLeave = 3,

    /// <summary>Back at work, not yet reported back.</summary>
    [ChineseName("已返岗")]
    Returned = 4,

    /// <summary>Reported back (销假): closed.</summary>
    [ChineseName("已销假")]
    Closed = 5,
}
