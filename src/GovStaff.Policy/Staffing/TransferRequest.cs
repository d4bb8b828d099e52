using System.Text.Json.Serialization;
using GovStaff.Policy.Decisions;
using GovStaff.Policy.Organization;
using NodaTime;

namespace GovStaff.Policy.Staffing;

/// <summary>A request to rotate or adjust a stationed person, and its lifecycle (Art. 4, Art. 7).</summary>
public sealed record TransferRequest
{
    /// <summary>Creates a request in <see cref="TransferState.Draft"/>; <c>TransferLifecycle.Request</c> files it.</summary>
    /// <param name="id">The request's id.</param>
    /// <param name="staff">The person to move.</param>
    /// <param name="kind">Rotation (Art. 4) or police adjustment (Art. 7).</param>
    /// <param name="stationedOn">
    /// When the requester says the person was stationed. The record decides: <c>TransferLifecycle.Request</c> checks it
    /// against the stationing date the network holds and refuses a request that contradicts it.
    /// </param>
    /// <param name="requestedOn">The date of the request.</param>
    /// <param name="reason">Why.</param>
    /// <param name="exceptionalReason">Within the stability period: the exceptional reason that may justify it (原则上).</param>
    /// <exception cref="ArgumentException">A field is invalid, or the request predates the stationing.</exception>
    public TransferRequest(string id, StaffId staff, TransferKind kind, LocalDate stationedOn, LocalDate requestedOn, string reason, string? exceptionalReason = null)
    {
        Id = IdValidation.Check(id, "Transfer request id");
        Staff = Guard.Id(staff, nameof(Staff));
        Kind = Guard.Defined(kind, nameof(Kind));
        StationedOn = Guard.IsoDate(stationedOn, nameof(StationedOn));
        RequestedOn = requestedOn >= stationedOn
            ? requestedOn
            : throw new ArgumentException($"Transfer request '{id}': {nameof(RequestedOn)} {requestedOn:yyyy-MM-dd} is before {nameof(StationedOn)} {stationedOn:yyyy-MM-dd}.", nameof(requestedOn));
        Reason = Guard.Text(reason, nameof(Reason), 500);
        ExceptionalReason = Guard.OptionalText(exceptionalReason, nameof(ExceptionalReason), 500);
        State = TransferState.Draft;
    }

    /// <summary>The request's id.</summary>
    public string Id { get; }

    /// <summary>The person to move.</summary>
    public StaffId Staff { get; }

    /// <summary>Rotation or police adjustment.</summary>
    public TransferKind Kind { get; }

    /// <summary>When the person was stationed: once filed, the date on record (the request is refused if it differs).</summary>
    public LocalDate StationedOn { get; }

    /// <summary>The date of the request.</summary>
    public LocalDate RequestedOn { get; }

    /// <summary>Why.</summary>
    public string Reason { get; }

    /// <summary>The exceptional reason, within the stability period.</summary>
    public string? ExceptionalReason { get; }

    /// <summary>Where the request stands.</summary>
    [JsonInclude]
    public TransferState State { get; internal init; }

    /// <summary>
    /// The body the person is moved from: the body the network has them stationed at when the request is filed. A
    /// transfer ends only a stationing at this body that began on or before it was carried out (Art. 4, 7).
    /// </summary>
    [JsonInclude]
    public ServiceBodyId? From { get; internal init; }

    /// <summary>
    /// True when the person is a village agent (Art. 6: grid workers and two-committee members who serve concurrently),
    /// whose replacement the village committee and the township centre manage (Art. 17); set from the record on filing.
    /// </summary>
    [JsonInclude]
    internal bool ForVillageAgent { get; init; }

    /// <summary>Who approved or refused it.</summary>
    [JsonInclude]
    public Actor? DecidedBy { get; internal init; }

    /// <summary>When it was carried out.</summary>
    [JsonInclude]
    public LocalDate? ExecutedOn { get; internal init; }

    /// <summary>When the adjusted person was reported to the service centre.</summary>
    [JsonInclude]
    public LocalDate? ReportedOn { get; internal init; }

    /// <summary>The subject string, <c>transfer:{id}</c>.</summary>
    [JsonIgnore]
    public string Subject => "transfer:" + Id;
}
