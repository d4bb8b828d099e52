using GovStaff.Policy.Lifecycles;

namespace GovStaff.Policy.Staffing;

/// <summary>The states of a stationing (选派 → 进驻 → 离岗, Art. 3–6).</summary>
public enum StationingState
{
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

/// <summary>The triggers of a stationing.</summary>
public enum StationingTrigger
{
    /// <summary>The receiving body vets the nominee.</summary>
    [ChineseName("审核")]
    Vet,

    /// <summary>The nominee starts at the body.</summary>
    [ChineseName("进驻")]
    Station,

    /// <summary>The person leaves the body.</summary>
    [ChineseName("离岗")]
    Leave,
}

/// <summary>Why a stationing ended.</summary>
public enum LeavingReason
{
    /// <summary>Moved by an approved transfer or adjustment (Art. 4, 7).</summary>
    Transferred = 0,

    /// <summary>Returned to the home unit after two failed quarters (Art. 29).</summary>
    Returned = 1,

    /// <summary>Any other end (retirement, resignation).</summary>
    Other = 2,
}
