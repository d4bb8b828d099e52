using System.Text.Json.Serialization;
using GovStaff.Policy.Organization;
using NodaTime;

namespace GovStaff.Policy.Service;

/// <summary>A citizen's rating of a service (Art. 20), of an item, a body and (where known) a staff member.</summary>
public sealed record Rating
{
    /// <summary>Creates a rating.</summary>
    /// <param name="id">The rating's id.</param>
    /// <param name="level">One of the five levels.</param>
    /// <param name="channel">Per visit or per matter.</param>
    /// <param name="body">The body rated.</param>
    /// <param name="ratedAt">When.</param>
    /// <param name="staff">The staff member who served, if rated.</param>
    /// <param name="item">The item (事项), if rated.</param>
    /// <param name="reason">The rater's reason; the national practice asks for one with a bad review (a missing one is a warning, never a refusal).</param>
    /// <param name="realName">True when the rater gave their name (a bad review then needs a return visit).</param>
    public Rating(string id, RatingLevel level, RatingChannel channel, ServiceBodyId body, Instant ratedAt, StaffId? staff = null, string? item = null, string? reason = null, bool realName = false)
    {
        Id = IdValidation.Check(id, "Rating id");
        Level = Guard.Defined(level, nameof(Level));
        Channel = Guard.Defined(channel, nameof(Channel));
        Body = Guard.Id(body, nameof(Body));
        RatedAt = ratedAt;
        Staff = staff;
        Item = Guard.OptionalText(item, nameof(Item));
        Reason = Guard.OptionalText(reason, nameof(Reason), 1000);
        RealName = realName;
    }

    /// <summary>The rating's id.</summary>
    public string Id { get; }

    /// <summary>The level.</summary>
    public RatingLevel Level { get; }

    /// <summary>The channel.</summary>
    public RatingChannel Channel { get; }

    /// <summary>The body rated.</summary>
    public ServiceBodyId Body { get; }

    /// <summary>When.</summary>
    public Instant RatedAt { get; }

    /// <summary>The staff member rated, if any.</summary>
    public StaffId? Staff { get; }

    /// <summary>The item rated, if any.</summary>
    public string? Item { get; }

    /// <summary>The rater's reason.</summary>
    public string? Reason { get; }

    /// <summary>True for a real-name rating.</summary>
    public bool RealName { get; }

    /// <summary>True for 不满意 and 非常不满意: a bad review (差评).</summary>
    [JsonIgnore]
    public bool IsBad => Level <= RatingLevel.Dissatisfied;

    /// <summary>The subject string, <c>rating:{id}</c>.</summary>
    [JsonIgnore]
    public string Subject => "rating:" + Id;
}
