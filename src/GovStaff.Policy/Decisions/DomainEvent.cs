using System.Text.Json.Serialization;
using GovStaff.Policy.Regulation;
using NodaTime;

namespace GovStaff.Policy.Decisions;

/// <summary>
/// What happened when a permitted action took effect: who did what to whom, when, under which article and which
/// policy version. Stores append these to the audit trail; notifiers deliver them.
/// </summary>
/// <param name="Kind">A stable kind, e.g. <c>leave.approved</c>.</param>
/// <param name="Subject">Whom or what it is about (<c>staff:S001</c>, <c>leave:L1</c>).</param>
/// <param name="Actor">Who acted, for which body; null for events the system raises (warnings).</param>
/// <param name="OccurredAt">When (from the clock).</param>
/// <param name="ActionDate">The date of the action in the district's calendar.</param>
/// <param name="Citations">The provisions it rests on.</param>
/// <param name="PolicyVersion">The version of the measures applied.</param>
/// <param name="Message">What happened, in Chinese and English.</param>
/// <param name="Data">Details as name/value pairs (state before and after, dates, ids).</param>
public sealed record DomainEvent(
    string Kind,
    string Subject,
    Actor? Actor,
    Instant OccurredAt,
    LocalDate ActionDate,
    IReadOnlyList<Citation> Citations,
    string PolicyVersion,
    LocalizedText Message,
    IReadOnlyDictionary<string, string> Data)
{
    // For reading stored JSON: an event the system raised has no actor and is written without "actor".
    [JsonConstructor]
    private DomainEvent(string kind, string subject, Instant occurredAt, LocalDate actionDate, IReadOnlyList<Citation> citations, string policyVersion, LocalizedText message, IReadOnlyDictionary<string, string> data, Actor? actor = null)
        : this(kind, subject, actor, occurredAt, actionDate, citations, policyVersion, message, data)
    {
    }

    // Positional parameters that may not be null; checked in a field initializer so the properties (and the JSON) keep their order.
    private readonly bool _checked = Guard.NotNull(Kind, nameof(Kind)) && Guard.NotNull(Subject, nameof(Subject)) && Guard.NotNull(Citations, nameof(Citations)) && Guard.NotNull(PolicyVersion, nameof(PolicyVersion)) && Guard.NotNull(Message, nameof(Message)) && Guard.NotNull(Data, nameof(Data));

    /// <inheritdoc />
    public bool Equals(DomainEvent? other) =>
        other is not null && Kind == other.Kind && Subject == other.Subject && Actor == other.Actor &&
        OccurredAt == other.OccurredAt && ActionDate == other.ActionDate && Citations.SequenceEqual(other.Citations) &&
        PolicyVersion == other.PolicyVersion && Message == other.Message &&
        Data.Count == other.Data.Count && Data.All(kv => other.Data.TryGetValue(kv.Key, out var v) && v == kv.Value);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Subject, OccurredAt, ActionDate, PolicyVersion);
}
