using GovStaff.Policy.Lifecycles;

namespace GovStaff.Policy.Service;

/// <summary>The triggers of a complaint.</summary>
internal enum ComplaintTrigger
{
    /// <summary>The hall or a township centre accepts the complaint.</summary>
    [ChineseName("受理")]
    Accept,

    /// <summary>Investigation starts.</summary>
    [ChineseName("调查核实")]
    Investigate,

    /// <summary>The outcome is fed back to the complainant.</summary>
    [ChineseName("反馈处理结果")]
    FeedBack,
}
