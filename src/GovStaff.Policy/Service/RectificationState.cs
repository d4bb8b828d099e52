using GovStaff.Policy.Lifecycles;

namespace GovStaff.Policy.Service;

/// <summary>Where the handling of a bad review stands.</summary>
public enum RectificationState
{
    /// <summary>Opened by the bad review.</summary>
    [ChineseName("待整改")]
    Open = 0,

    /// <summary>The rater was contacted and the facts checked (回访核实).</summary>
    [ChineseName("已回访核实")]
    Contacted = 1,

    /// <summary>Rectified, with feedback to the rater (整改反馈).</summary>
    [ChineseName("已整改反馈")]
    Rectified = 2,

    /// <summary>Closed.</summary>
    [ChineseName("已办结")]
    Closed = 3,

    /// <summary>An appeal was upheld: the review does not count.</summary>
    [ChineseName("已撤销")]
    Annulled = 4,
}
