using System.Text.Json.Serialization;
using GovStaff.Policy.Organization;
using NodaTime;

namespace GovStaff.Policy.Service;

/// <summary>A complaint or report (投诉、举报) accepted by the hall or a township centre (Art. 22).</summary>
public sealed record Complaint
{
    /// <summary>Creates a complaint in <see cref="ComplaintState.Received"/>; <c>ComplaintLifecycle.Accept</c> accepts it.</summary>
    /// <param name="id">The complaint's id.</param>
    /// <param name="body">The body that accepted it.</param>
    /// <param name="receivedOn">The day.</param>
    /// <param name="summary">What it is about.</param>
    /// <param name="about">The staff member complained about, if any.</param>
    public Complaint(string id, ServiceBodyId body, LocalDate receivedOn, string summary, StaffId? about = null)
    {
        Id = IdValidation.Check(id, "Complaint id");
        Body = Guard.Id(body, nameof(Body));
        ReceivedOn = Guard.IsoDate(receivedOn, nameof(ReceivedOn));
        Summary = Guard.Text(summary, nameof(Summary), 2000);
        About = about;
        State = ComplaintState.Received;
    }

    /// <summary>The complaint's id.</summary>
    public string Id { get; }

    /// <summary>
    /// The accepting body: the hall or a township centre (Art. 22). A complaint made at a village centre is accepted
    /// by the township centre above it, and <see cref="MadeAt"/> keeps where it was made.
    /// </summary>
    public ServiceBodyId Body { get; internal init; }

    /// <summary>Where the complaint was made when that was not the accepting body (a village centre), else null.</summary>
    [JsonInclude]
    public ServiceBodyId? MadeAt { get; internal init; }

    /// <summary>The day.</summary>
    public LocalDate ReceivedOn { get; }

    /// <summary>What it is about.</summary>
    public string Summary { get; }

    /// <summary>The staff member complained about, if any.</summary>
    public StaffId? About { get; }

    /// <summary>Where it stands.</summary>
    [JsonInclude]
    public ComplaintState State { get; internal init; }

    /// <summary>The outcome.</summary>
    [JsonInclude]
    public string? Outcome { get; internal init; }

    /// <summary>When the outcome was fed back.</summary>
    [JsonInclude]
    public LocalDate? FedBackOn { get; internal init; }

    /// <summary>The subject string, <c>complaint:{id}</c>.</summary>
    [JsonIgnore]
    public string Subject => "complaint:" + Id;
}
