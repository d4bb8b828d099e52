using NodaTime;

namespace GovStaff.Policy.Plugins;

/// <summary>A stored entity or lifecycle state: a JSON document with the version optimistic concurrency checks.</summary>
/// <param name="Kind">The kind of record, e.g. <c>leave</c>, <c>case</c>, <c>network</c>.</param>
/// <param name="Id">The record's id within its kind.</param>
/// <param name="Version">The version: 1 after creation, +1 per write.</param>
/// <param name="Json">The record as JSON (<see cref="Serialization.GovStaffJson"/>).</param>
public sealed record StoredDocument(string Kind, string Id, long Version, string Json)
{
    // Positional parameters that may not be null; checked in a field initializer so the properties (and the JSON) keep their order.
    private readonly bool _checked = Guard.NotNull(Kind, nameof(Kind)) && Guard.NotNull(Id, nameof(Id)) && Guard.NotNull(Json, nameof(Json));
}

/// <summary>A document to write. <paramref name="ExpectedVersion"/> is the version read (0 to create).</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Id">The id.</param>
/// <param name="Json">The new JSON.</param>
/// <param name="ExpectedVersion">The version the writer read; the write is rejected if the store holds another.</param>
public sealed record DocumentWrite(string Kind, string Id, string Json, long ExpectedVersion)
{
    // Positional parameters that may not be null; checked in a field initializer so the properties (and the JSON) keep their order.
    private readonly bool _checked = Guard.NotNull(Kind, nameof(Kind)) && Guard.NotNull(Id, nameof(Id)) && Guard.NotNull(Json, nameof(Json));
}

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

/// <summary>Where an outbox message stands.</summary>
public enum OutboxState
{
    /// <summary>Waiting to be delivered (or retried).</summary>
    Pending = 0,

    /// <summary>Delivered.</summary>
    Delivered = 1,

    /// <summary>Given up after permanent failure: kept and reported, never dropped.</summary>
    Failed = 2,
}

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

/// <summary>Everything one action writes, committed all or nothing.</summary>
public sealed record WriteBatch
{
    /// <summary>Documents to create or update.</summary>
    public IReadOnlyList<DocumentWrite> Documents { get; init; } = [];

    /// <summary>Audit entries to append.</summary>
    public IReadOnlyList<AuditWrite> Audit { get; init; } = [];

    /// <summary>Notifications to enqueue.</summary>
    public IReadOnlyList<OutboxWrite> Outbox { get; init; } = [];

    /// <summary>This batch followed by another, to commit both at once.</summary>
    public WriteBatch Merge(WriteBatch other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new WriteBatch { Documents = [.. Documents, .. other.Documents], Audit = [.. Audit, .. other.Audit], Outbox = [.. Outbox, .. other.Outbox] };
    }

    /// <summary>Several batches in order as one, to commit them at once (e.g. a chunk of a replay, one batch per action).</summary>
    /// <param name="batches">The batches, in the order they are to be written.</param>
    /// <exception cref="ArgumentException">A batch is null.</exception>
    public static WriteBatch Concat(IReadOnlyList<WriteBatch> batches)
    {
        ArgumentNullException.ThrowIfNull(batches);
        int documents = 0, audit = 0, outbox = 0;
        for (var i = 0; i < batches.Count; i++)
        {
            var b = batches[i] ?? throw new ArgumentException($"batches[{i}] is null.", nameof(batches));
            documents += b.Documents.Count;
            audit += b.Audit.Count;
            outbox += b.Outbox.Count;
        }

        // Sized once: a chunk may hold hundreds of actions.
        var allDocuments = new DocumentWrite[documents];
        var allAudit = new AuditWrite[audit];
        var allOutbox = new OutboxWrite[outbox];
        int d = 0, a = 0, o = 0;
        for (var i = 0; i < batches.Count; i++)
        {
            Copy(batches[i].Documents, allDocuments, ref d);
            Copy(batches[i].Audit, allAudit, ref a);
            Copy(batches[i].Outbox, allOutbox, ref o);
        }

        return new WriteBatch { Documents = allDocuments, Audit = allAudit, Outbox = allOutbox };

        static void Copy<T>(IReadOnlyList<T> from, T[] to, ref int at)
        {
            for (var k = 0; k < from.Count; k++)
            {
                to[at++] = from[k];
            }
        }
    }
}

/// <summary>What a commit did.</summary>
/// <param name="DocumentVersions">The new version of each document written, in order.</param>
/// <param name="AuditAppended">Audit entries appended (entries whose idempotency key existed are skipped).</param>
/// <param name="OutboxEnqueued">Messages enqueued (duplicates by key are skipped).</param>
public sealed record CommitResult(IReadOnlyList<long> DocumentVersions, int AuditAppended, int OutboxEnqueued)
{
    // Positional parameters that may not be null; checked in a field initializer so the properties (and the JSON) keep their order.
    private readonly bool _checked = Guard.NotNull(DocumentVersions, nameof(DocumentVersions));
}

/// <summary>A write carried a version the store no longer holds: someone else wrote first. Nothing was written.</summary>
public sealed class ConcurrencyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ConcurrencyException(string kind, string id, long expectedVersion, long? actualVersion)
        : base($"Concurrency conflict on {kind} '{id}': the write expected version {expectedVersion} but the store holds {(actualVersion is { } v ? v.ToString(System.Globalization.CultureInfo.InvariantCulture) : "none")}. Nothing was written; read again and retry.")
    {
        Kind = kind;
        Id = id;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    /// <summary>The document's kind.</summary>
    public string Kind { get; }

    /// <summary>The document's id.</summary>
    public string Id { get; }

    /// <summary>The version the writer read.</summary>
    public long ExpectedVersion { get; }

    /// <summary>The version the store holds, or null when the document does not exist.</summary>
    public long? ActualVersion { get; }
}
