using GovStaff.Policy.Lifecycles;

namespace GovStaff.Policy.Appraisal;

/// <summary>The triggers of an appraisal.</summary>
internal enum AppraisalTrigger
{
    /// <summary>An appraising body scores the indicators.</summary>
    [ChineseName("评分")]
    Score,

    /// <summary>The second appraising body signs (police staff at a township centre, Art. 24).</summary>
    [ChineseName("会签")]
    CoSign,

    /// <summary>The total and grade are fixed.</summary>
    [ChineseName("评定等次")]
    Grade,

    /// <summary>The appraisal is closed.</summary>
    [ChineseName("归档")]
    Close,
}
