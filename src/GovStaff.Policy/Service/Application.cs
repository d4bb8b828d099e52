using System.Text.Json.Serialization;
using GovStaff.Policy.Organization;
using NodaTime;

namespace GovStaff.Policy.Service;

/// <summary>An application received at a window, before acceptance: the one-time notification runs on it (Art. 12(4)).</summary>
public sealed record Application
{
    /// <summary>Creates a received application.</summary>
    /// <param name="id">The application's id.</param>
    /// <param name="body">Where it was received.</param>
    /// <param name="receivedBy">Who received it.</param>
    /// <param name="item">The item applied for.</param>
    /// <param name="receivedOn">The day the materials were received.</param>
    public Application(string id, ServiceBodyId body, StaffId receivedBy, string item, LocalDate receivedOn)
    {
        Id = IdValidation.Check(id, "Application id");
        Body = Guard.Id(body, nameof(Body));
        ReceivedBy = Guard.Id(receivedBy, nameof(ReceivedBy));
        Item = Guard.Text(item, nameof(Item));
        ReceivedOn = Guard.IsoDate(receivedOn, nameof(ReceivedOn));
    }

    /// <summary>The application's id.</summary>
    public string Id { get; }

    /// <summary>Where it was received.</summary>
    public ServiceBodyId Body { get; }

    /// <summary>Who received it.</summary>
    public StaffId ReceivedBy { get; }

    /// <summary>The item.</summary>
    public string Item { get; }

    /// <summary>The day the materials were received.</summary>
    public LocalDate ReceivedOn { get; }

    /// <summary>The day the missing materials were notified, once, if they were.</summary>
    [JsonInclude]
    public LocalDate? NotifiedOn { get; internal init; }

    /// <summary>Everything the applicant was told to supplement, in the one notification.</summary>
    [JsonInclude]
    public IReadOnlyList<string> MissingMaterials { get; internal init; } = [];

    /// <summary>The subject string, <c>application:{id}</c>.</summary>
    [JsonIgnore]
    public string Subject => "application:" + Id;

    /// <inheritdoc />
    public bool Equals(Application? other) =>
        other is not null && Id == other.Id && Body == other.Body && ReceivedBy == other.ReceivedBy && Item == other.Item &&
        ReceivedOn == other.ReceivedOn && NotifiedOn == other.NotifiedOn && MissingMaterials.SequenceEqual(other.MissingMaterials);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, ReceivedOn, NotifiedOn);
}
