using GovStaff.Policy.Lifecycles;

namespace GovStaff.Policy.Staffing;

/// <summary>The states after two consecutive failed quarters (退回并重新选派, Art. 29).</summary>
public enum RecallState
{
    /// <summary>The person has been returned to the home unit; the post awaits a replacement.</summary>
    [ChineseName("已退回")]
    Returned = 0,

    /// <summary>The home unit has nominated a replacement.</summary>
    [ChineseName("已重新选派")]
    ReplacementNominated = 1,

    /// <summary>The service authority has approved the replacement.</summary>
    [ChineseName("已同意上岗")]
    ReplacementApproved = 2,

    /// <summary>The replacement has taken the post.</summary>
    [ChineseName("已到岗")]
    OnPost = 3,
}
