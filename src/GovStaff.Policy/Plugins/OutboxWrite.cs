namespace GovStaff.Policy.Plugins;

/// <summary>A notification to deliver, kept in the store until delivered (the outbox).</summary>
/// <param name="Kind">The event kind it reports.</param>
/// <param name="Subject">Whom it is about.</param>
/// <param name="Json">The notification as JSON.</param>
/// <param name="IdempotencyKey">When set, at most one message with this key is ever enqueued.</param>
public sealed record OutboxWrite(string Kind, string Subject, string Json, string? IdempotencyKey = null)
{
    // Positional parameters that may not be null; checked in a field initializer so the properties (and the JSON) keep their order.
    private readonly bool _checked = Guard.NotNull(Kind, nameof(Kind)) && Guard.NotNull(Subject, nameof(Subject)) && Guard.NotNull(Json, nameof(Json));
}
