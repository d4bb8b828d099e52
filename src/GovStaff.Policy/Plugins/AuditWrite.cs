using NodaTime;

namespace GovStaff.Policy.Plugins;

/// <summary>An entry for the append-only audit trail: a decision or a domain event.</summary>
/// <param name="Kind">The decision's action or the event's kind.</param>
/// <param name="Subject">Whom it is about.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="PolicyVersion">The version of the measures applied.</param>
/// <param name="Json">The decision or event as JSON.</param>
/// <param name="IdempotencyKey">When set, the store keeps at most one entry with this key (e.g. one warning per subject, kind and day).</param>
public sealed record AuditWrite(string Kind, string Subject, Instant OccurredAt, string PolicyVersion, string Json, string? IdempotencyKey = null)
{
    // Positional parameters that may not be null; checked in a field initializer so the properties (and the JSON) keep their order.
    private readonly bool _checked = Guard.NotNull(Kind, nameof(Kind)) && Guard.NotNull(Subject, nameof(Subject)) && Guard.NotNull(PolicyVersion, nameof(PolicyVersion)) && Guard.NotNull(Json, nameof(Json));
}
