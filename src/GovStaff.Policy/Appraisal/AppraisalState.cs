namespace GovStaff.Policy.Appraisal;

/// <summary>The states of an appraisal (Art. 23–27).</summary>
public enum AppraisalState
{
    /// <summary>Opened for the period.</summary>
    Open = 0,

    /// <summary>Scored by (one of) the appraising bodies.</summary>
    Scored = 1,

    /// <summary>Graded: excellent, pass or fail.</summary>
    Graded = 2,

    /// <summary>Closed.</summary>
    Closed = 3,
}

/// <summary>The triggers of an appraisal.</summary>
public enum AppraisalTrigger
{
    /// <summary>An appraising body scores the indicators.</summary>
    Score,

    /// <summary>The second appraising body signs (police staff at a township centre, Art. 24).</summary>
    CoSign,

    /// <summary>The total and grade are fixed.</summary>
    Grade,

    /// <summary>The appraisal is closed.</summary>
    Close,
}
