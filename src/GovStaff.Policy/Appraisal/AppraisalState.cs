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
