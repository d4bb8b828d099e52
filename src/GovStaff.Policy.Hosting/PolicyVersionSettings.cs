namespace GovStaff.Policy.Hosting;

/// <summary>One version of the measures in configuration (<c>GovStaffPolicy:Versions:N</c>).</summary>
public sealed class PolicyVersionSettings
{
    /// <summary>A stable id written into every decision.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The Chinese title.</summary>
    public string TitleZh { get; set; } = "沙坡头区基层政务服务人员队伍建设管理办法（试行）（征求意见稿）";

    /// <summary>The English title.</summary>
    public string TitleEn { get; set; } = "Shapotou measures for grassroots government-service staff (trial, draft for comments)";

    /// <summary>First day in force, yyyy-MM-dd.</summary>
    public string EffectiveFrom { get; set; } = string.Empty;

    /// <summary>Last day in force (inclusive), yyyy-MM-dd; empty when open-ended.</summary>
    public string? EffectiveUntil { get; set; }

    /// <summary>The options of this version; unset values keep the measures' defaults.</summary>
    public Regulation.PolicyOptions Options { get; set; } = new();
}
