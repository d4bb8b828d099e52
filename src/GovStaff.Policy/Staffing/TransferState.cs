using GovStaff.Policy.Lifecycles;

namespace GovStaff.Policy.Staffing;

/// <summary>The states of a transfer or adjustment (调换 / 调整, Art. 4, 7).</summary>
public enum TransferState
{
    /// <summary>Drawn up but not filed, or filed and refused: only filing (again) is possible.</summary>
    [ChineseName("未提交")]
    Draft = 6,

    /// <summary>Requested by the home unit.</summary>
    [ChineseName("已申请")]
    Requested = 0,

    /// <summary>Under review by the approving body.</summary>
    [ChineseName("审核中")]
    UnderReview = 1,

    /// <summary>Approved.</summary>
    [ChineseName("已批准")]
    Approved = 2,

    /// <summary>Refused.</summary>
    [ChineseName("已驳回")]
    Rejected = 3,

    /// <summary>Carried out: the person has left the post.</summary>
    [ChineseName("已调整")]
    Executed = 4,

    /// <summary>The adjusted person has been reported to the service centre (Art. 7).</summary>
    [ChineseName("已报备")]
    Reported = 5,
}

/// <summary>The triggers of a transfer.</summary>
public enum TransferTrigger
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

/// <summary>What kind of change a transfer is.</summary>
public enum TransferKind
{
    /// <summary>A township's or department's rotation of a window post holder (调换, Art. 4).</summary>
    Rotation = 0,

    /// <summary>A police station's adjustment of its stationed staff (调整, Art. 7).</summary>
    PoliceAdjustment = 1,
}
