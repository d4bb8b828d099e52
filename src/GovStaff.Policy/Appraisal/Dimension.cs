namespace GovStaff.Policy.Appraisal;

/// <summary>The five dimensions every appraisal covers (德、能、勤、绩、廉, Art. 26; 《公务员法》第三十五条).</summary>
public enum Dimension
{
    /// <summary>德: integrity of character.</summary>
    Integrity = 1,

    /// <summary>能: ability.</summary>
    Ability = 2,

    /// <summary>勤: diligence (attendance, attitude).</summary>
    Diligence = 3,

    /// <summary>绩: performance (cases, efficiency, satisfaction).</summary>
    Performance = 4,

    /// <summary>廉: probity.</summary>
    Probity = 5,
}
