using GovStaff.Policy.Lifecycles;

namespace GovStaff.Policy.Staffing;

/// <summary>The triggers after a recall.</summary>
internal enum RecallTrigger
{
    /// <summary>The home unit nominates a replacement.</summary>
    [ChineseName("重新选派")]
    NominateReplacement,

    /// <summary>The service authority approves the replacement (经政务服务管理机构同意).</summary>
    [ChineseName("同意上岗")]
    ApproveReplacement,

    /// <summary>The replacement takes the post.</summary>
    [ChineseName("到岗")]
    TakePost,
}
