namespace GovStaff.Policy.Service;

/// <summary>The five national rating levels of 政务服务"好差评".</summary>
public enum RatingLevel
{
    /// <summary>非常不满意 (★): a bad review.</summary>
    VeryDissatisfied = 1,

    /// <summary>不满意 (★★): a bad review.</summary>
    Dissatisfied = 2,

    /// <summary>基本满意 (★★★).</summary>
    BasicallySatisfied = 3,

    /// <summary>满意 (★★★★).</summary>
    Satisfied = 4,

    /// <summary>非常满意 (★★★★★).</summary>
    VerySatisfied = 5,
}
