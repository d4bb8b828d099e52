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

/// <summary>The triggers of a leave request.</summary>
public enum LeaveTrigger
{
    /// <summary>The request is filed.</summary>
    [ChineseName("提交申请")]
    Request,

    /// <summary>The managing body approves.</summary>
    [ChineseName("批准")]
    Approve,

    /// <summary>The managing body refuses.</summary>
    [ChineseName("驳回")]
    Reject,

    /// <summary>The leave begins.</summary>
    [ChineseName("开始休假")]
    Start,

    /// <summary>The person is back at work.</summary>
    [ChineseName("返岗")]
    Return,

    /// <summary>The person reports back (销假).</summary>
    [ChineseName("销假")]
    ReportBack,
}
