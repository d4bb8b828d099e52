namespace GovStaff.Policy.Service;

/// <summary>How a case came in (Art. 10, 11, 21): online ("不见面") or at the window.</summary>
public enum ServiceChannel
{
    /// <summary>At the window or centre (现场).</summary>
    OnSite = 0,

    /// <summary>Online, without a visit (不见面: 宁夏政务服务网, "我的宁夏").</summary>
    Online = 1,
}
