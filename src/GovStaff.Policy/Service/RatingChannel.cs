namespace GovStaff.Policy.Service;

/// <summary>How the rating was given: per visit at the window (一次一评) or per matter online (一事一评).</summary>
public enum RatingChannel
{
    /// <summary>现场服务"一次一评": per visit, at the window (rating device, QR code, paper).</summary>
    PerVisit = 0,

    /// <summary>网上服务"一事一评": per matter, online.</summary>
    PerMatter = 1,
}
