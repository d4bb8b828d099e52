using GovStaff.Policy.Lifecycles;

namespace GovStaff.Policy.Staffing;

/// <summary>The triggers of a transfer.</summary>
internal enum TransferTrigger
{
    /// <summary>The home unit files the request.</summary>
    [ChineseName("提交申请")]
    Request,

    /// <summary>The approving body takes the request up.</summary>
    [ChineseName("审核")]
    Review,

    /// <summary>The approving body approves.</summary>
    [ChineseName("批准")]
    Approve,

    /// <summary>The approving body refuses.</summary>
    [ChineseName("驳回")]
    Reject,

    /// <summary>The home unit carries it out.</summary>
    [ChineseName("执行调整")]
    Execute,

    /// <summary>The home unit reports the adjusted person to the service centre.</summary>
    [ChineseName("报备")]
    Report,
}
