using NodaTime;

namespace GovStaff.Policy.Plugins;

/// <summary>A message of the outbox as stored.</summary>
/// <param name="Id">Its number in this store, for commands such as <c>outbox retry 42</c>.</param>
/// <param name="MessageId">
/// Its identity for receivers: assigned by the store when the message is enqueued, globally unique, and the same on
/// every attempt and from every host. At-least-once delivery may repeat a message; a receiver drops repeats by this id.
/// </param>
/// <param name="Kind">The event kind.</param>
/// <param name="Subject">The subject.</param>
/// <param name="Json">The notification JSON.</param>
/// <param name="State">Pending, delivered or failed.</param>
/// <param name="Attempts">Delivery attempts so far (counted again from zero when a failed message is re-queued).</param>
/// <param name="NextAttemptAt">When it may be tried (again).</param>
/// <param name="LastError">The last delivery error.</param>
public sealed record OutboxMessage(long Id, Guid MessageId, string Kind, string Subject, string Json, OutboxState State, int Attempts, Instant NextAttemptAt, string? LastError)
{
    // Positional parameters that may not be null; checked in a field initializer so the properties (and the JSON) keep their order.
    private readonly bool _checked = Guard.NotNull(Kind, nameof(Kind)) && Guard.NotNull(Subject, nameof(Subject)) && Guard.NotNull(Json, nameof(Json));

    /// <summary>
    /// The fencing token of the claim that returned this message (<see cref="IPolicyStore.ClaimOutboxAsync"/>); null
    /// when the message was read rather than claimed. A store completes, fails or renews the message only with the
    /// token of the claim that holds it now, so a host whose lease ran out cannot overwrite another host's work.
    /// </summary>
    public string? Claim { get; init; }
}
