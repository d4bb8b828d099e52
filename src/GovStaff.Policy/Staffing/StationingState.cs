using GovStaff.Policy.Lifecycles;

namespace GovStaff.Policy.Staffing;

/// <summary>The states of a stationing (选派 → 进驻 → 离岗, Art. 3–6).</summary>
public enum StationingState
{
    /// <summary>Drawn up but not nominated, or a nomination refused: only nominating (again) is possible.</summary>
    [ChineseName("未提交")]
    Draft = 4,

    /// <summary>Nominated by the home unit.</summary>
    [ChineseName("已选派")]
    Nominated = 0,

    /// <summary>Vetted against Art. 2–6.</summary>
    [ChineseName("已审核")]
    Vetted = 1,

    /// <summary>Serving at the body.</summary>
    [ChineseName("已进驻")]
    Stationed = 2,

    /// <summary>No longer at the body (transferred, returned or recalled).</summary>
    [ChineseName("已离岗")]
    Left = 3,
}
