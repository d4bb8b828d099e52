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

/// <summary>The triggers of a stationing.</summary>
public enum StationingTrigger
{
    /// <summary>The home unit nominates the person.</summary>
    [ChineseName("选派")]
    Nominate,

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
    /// <summary>Moved by an approved transfer or adjustment, carried out (Art. 4, 7).</summary>
    Transferred = 0,

    /// <summary>Returned to the home unit after consecutive failed quarters (Art. 29).</summary>
    Returned = 1,

    /// <summary>A documented ground outside the measures (<see cref="OutsideGround"/>).</summary>
    Other = 2,
}

/// <summary>A ground for ending a stationing that the measures do not govern; recorded with its document.</summary>
public enum OutsideGround
{
    /// <summary>退休: retirement.</summary>
    Retirement = 1,

    /// <summary>辞职: resignation.</summary>
    Resignation = 2,

    /// <summary>死亡: death.</summary>
    Death = 3,

    /// <summary>辞退、开除: dismissal.</summary>
    Dismissal = 4,
}
