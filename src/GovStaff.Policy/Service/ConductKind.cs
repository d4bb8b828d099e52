namespace GovStaff.Policy.Service;

/// <summary>Which service norm of Art. 14 a record concerns.</summary>
public enum ConductKind
{
    /// <summary>仪容仪表, Art. 14(1).</summary>
    Appearance = 1,

    /// <summary>行为举止, Art. 14(2).</summary>
    Behaviour = 2,

    /// <summary>吃、拿、卡、要 — asking for or taking anything, obstructing, Art. 14(2).</summary>
    Bribery = 3,

    /// <summary>服务态度, Art. 14(3).</summary>
    Attitude = 4,

    /// <summary>文明用语, Art. 14(4).</summary>
    Language = 5,
}
