namespace GovStaff.Policy.Appraisal;

/// <summary>The grades of an appraisal.</summary>
public enum Grade
{
    /// <summary>优秀: excellent; may be commended (Art. 28).</summary>
    Excellent = 0,

    /// <summary>合格: pass.</summary>
    Pass = 1,

    /// <summary>不合格: fail; an admonition, or after two in a row a return to the home unit (Art. 29).</summary>
    Fail = 2,
}
