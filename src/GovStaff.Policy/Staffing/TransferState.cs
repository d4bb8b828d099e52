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
