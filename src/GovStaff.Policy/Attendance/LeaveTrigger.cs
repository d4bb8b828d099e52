using GovStaff.Policy.Lifecycles;

namespace GovStaff.Policy.Attendance;

/// <summary>The triggers of a leave request.</summary>
internal enum LeaveTrigger
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
