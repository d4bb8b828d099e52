using NodaTime;

namespace GovStaff.Policy.Plugins;

/// <summary>An entry of the audit trail as stored, numbered in order of appending.</summary>
/// <param name="Sequence">Its position: 1, 2, 3 … without gaps in commit order.</param>
/// <param name="Kind">The kind.</param>
/// <param name="Subject">The subject.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="PolicyVersion">The version applied.</param>
/// <param name="Json">The JSON.</param>
/// <param name="IdempotencyKey">The key it was written with, if any.</param>
public sealed record AuditEntry(long Sequence, string Kind, string Subject, Instant OccurredAt, string PolicyVersion, string Json, string? IdempotencyKey)
{
    // Positional parameters that may not be null; checked in a field initializer so the properties (and the JSON) keep their order.
    private readonly bool _checked = Guard.NotNull(Kind, nameof(Kind)) && Guard.NotNull(Subject, nameof(Subject)) && Guard.NotNull(PolicyVersion, nameof(PolicyVersion)) && Guard.NotNull(Json, nameof(Json));
}
