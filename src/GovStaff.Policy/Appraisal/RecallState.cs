namespace GovStaff.Policy.Appraisal;

/// <summary>The states after two consecutive failed quarters (退回并重新选派, Art. 29).</summary>
public enum RecallState
{
    /// <summary>The person has been returned to the home unit; the post awaits a replacement.</summary>
    Returned = 0,

    /// <summary>The home unit has nominated a replacement.</summary>
    ReplacementNominated = 1,

    /// <summary>The service authority has approved the replacement.</summary>
    ReplacementApproved = 2,

    /// <summary>The replacement has taken the post.</summary>
    OnPost = 3,
}

/// <summary>The triggers after a recall.</summary>
public enum RecallTrigger
{
    /// <summary>The home unit nominates a replacement.</summary>
    NominateReplacement,

    /// <summary>The service authority approves the replacement (经政务服务管理机构同意).</summary>
    ApproveReplacement,

    /// <summary>The replacement takes the post.</summary>
    TakePost,
}
