using NodaTime;

namespace GovStaff.Policy.Plugins;

/// <summary>
/// The storage contract every store plugin implements: entity documents with optimistic concurrency, an append-only
/// audit trail of decisions and events (nothing is ever updated in place or deleted), and the notification outbox.
/// </summary>
/// <remarks>
/// Storage is audit-grade: errors are thrown, never swallowed. <see cref="CommitAsync"/> is all or nothing. Stores
/// are thread-safe and may be shared by several hosts (the PostgreSQL store), in which case idempotency keys are
/// enforced by the database and an outbox message is claimed by one host at a time.
/// </remarks>
public interface IPolicyStore
{
    /// <summary>Creates or migrates the schema. Safe to call on every start, from several hosts at once.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes a batch all or nothing.</summary>
    /// <exception cref="ConcurrencyException">A document's expected version is stale; nothing was written.</exception>
    Task<CommitResult> CommitAsync(WriteBatch batch, CancellationToken cancellationToken = default);

    /// <summary>Loads a document, or null.</summary>
    Task<StoredDocument?> LoadAsync(string kind, string id, CancellationToken cancellationToken = default);

    /// <summary>Loads every document of a kind, by id.</summary>
    Task<IReadOnlyList<StoredDocument>> LoadAllAsync(string kind, CancellationToken cancellationToken = default);

    /// <summary>Reads the audit trail after a sequence number, in order.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(long afterSequence, int max, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims up to <paramref name="max"/> pending messages due at <paramref name="now"/> for <paramref name="lease"/>;
    /// no other claimant gets them meanwhile. Each message carries the claim's fencing token in
    /// <see cref="OutboxMessage.Claim"/>, new for every call: a message claimed again after its lease ran out gets
    /// another token, and the earlier holder's token no longer acts on it.
    /// </summary>
    Task<IReadOnlyList<OutboxMessage>> ClaimOutboxAsync(string claimant, int max, Instant now, Duration lease, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves the end of a claim that <paramref name="claim"/> still holds to <paramref name="until"/>: later to keep
    /// working on the message, or to a past instant to release it at once (a host shutting down).
    /// </summary>
    /// <returns>False, and nothing changed, when the claim no longer holds (claimed again, delivered or failed).</returns>
    Task<bool> RenewOutboxClaimAsync(long id, string claim, Instant until, CancellationToken cancellationToken = default);

    /// <summary>Marks a message delivered, only while <paramref name="claim"/> holds it.</summary>
    /// <returns>False, and nothing changed, when the claim no longer holds.</returns>
    Task<bool> CompleteOutboxAsync(long id, string claim, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a failed attempt, only while <paramref name="claim"/> holds the message: retried at
    /// <paramref name="nextAttemptAt"/>, or kept as failed when permanent. A late failure can therefore never set a
    /// message that another host delivered back to pending.
    /// </summary>
    /// <returns>False, and nothing changed, when the claim no longer holds.</returns>
    Task<bool> FailOutboxAsync(long id, string claim, string reason, Instant nextAttemptAt, bool permanent, CancellationToken cancellationToken = default);

    /// <summary>
    /// Puts a failed message back in the queue: pending, due at once, its attempts counted from zero, its last error
    /// kept until the next attempt replaces it.
    /// </summary>
    /// <returns>False, and nothing changed, when no failed message has this id.</returns>
    Task<bool> RequeueOutboxAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Messages in a state (for reports: failed messages are kept, never dropped).</summary>
    Task<IReadOnlyList<OutboxMessage>> ReadOutboxAsync(OutboxState state, CancellationToken cancellationToken = default);
}
