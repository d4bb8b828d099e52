using GovStaff.Policy.Lifecycles;

namespace GovStaff.Policy.Service;

/// <summary>Where a complaint stands (Art. 22).</summary>
public enum ComplaintState
{
    /// <summary>Received but not accepted, or its acceptance refused: only accepting (again) is possible.</summary>
    [ChineseName("未受理")]
    Received = 3,

    /// <summary>Accepted (受理).</summary>
    [ChineseName("已受理")]
    Accepted = 0,

    /// <summary>Being investigated (调查核实).</summary>
    [ChineseName("调查核实中")]
    Investigating = 1,

    /// <summary>The outcome was fed back to the complainant (处理结果反馈): closed.</summary>
    [ChineseName("已反馈")]
    FedBack = 2,
}
