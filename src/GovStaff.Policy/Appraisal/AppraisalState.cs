using GovStaff.Policy.Lifecycles;

namespace GovStaff.Policy.Appraisal;

/// <summary>The states of an appraisal (Art. 23–27).</summary>
public enum AppraisalState
{
    /// <summary>Opened for the period.</summary>
    [ChineseName("待考核")]
    Open = 0,

    /// <summary>Scored by (one of) the appraising bodies.</summary>
    [ChineseName("已评分")]
    Scored = 1,

    /// <summary>Graded: excellent, pass or fail.</summary>
    [ChineseName("已评定等次")]
    Graded = 2,

    /// <summary>Closed.</summary>
    [ChineseName("已归档")]
    Closed = 3,
}

/// <summary>The triggers of an appraisal.</summary>
public enum AppraisalTrigger
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
