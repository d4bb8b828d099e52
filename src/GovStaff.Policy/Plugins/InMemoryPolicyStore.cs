using NodaTime;

namespace GovStaff.Policy.Plugins;

/// <summary>
/// A store in memory, for tests and quick embedding: the same contract and semantics as the database stores
/// (atomic commits, optimistic concurrency, append-only audit, idempotency keys, outbox claims), lost when the
/// process ends.
/// </summary>
public sealed class InMemoryPolicyStore : IPolicyStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Kind, string Id), StoredDocument> _documents = [];
    private readonly List<AuditEntry> _audit = [];
    private readonly HashSet<string> _auditKeys = [];
    private readonly List<Row> _outbox = [];
    private readonly HashSet<string> _outboxKeys = [];

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <inheritdoc />
    public Task<CommitResult> CommitAsync(WriteBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        StoreValidation.Check(batch);
        lock (_gate)
        {
            // Check everything first so a conflict changes nothing.
            foreach (var w in batch.Documents)
            {
                var actual = _documents.TryGetValue((w.Kind, w.Id), out var d) ? d.Version : (long?)null;
                if ((actual ?? 0) != w.ExpectedVersion)
                {
                    throw new ConcurrencyException(w.Kind, w.Id, w.ExpectedVersion, actual);
                }
            }

            var versions = new List<long>(batch.Documents.Count);
            foreach (var w in batch.Documents)
            {
                var next = w.ExpectedVersion + 1;
                _documents[(w.Kind, w.Id)] = new StoredDocument(w.Kind, w.Id, next, w.Json);
                versions.Add(next);
            }

            // A replay commits hundreds of entries at once: grow once, not by doubling as they arrive.
            _audit.EnsureCapacity(_audit.Count + batch.Audit.Count);
            _auditKeys.EnsureCapacity(_auditKeys.Count + batch.Audit.Count);
            _outbox.EnsureCapacity(_outbox.Count + batch.Outbox.Count);
            _outboxKeys.EnsureCapacity(_outboxKeys.Count + batch.Outbox.Count);
            var appended = 0;
            foreach (var a in batch.Audit)
            {
                if (a.IdempotencyKey is { } key && !_auditKeys.Add(key))
                {
                    continue;
                }

                _audit.Add(new AuditEntry(_audit.Count + 1, a.Kind, a.Subject, a.OccurredAt, a.PolicyVersion, a.Json, a.IdempotencyKey));
                appended++;
            }

            var enqueued = 0;
            foreach (var o in batch.Outbox)
            {
                if (o.IdempotencyKey is { } key && !_outboxKeys.Add(key))
                {
                    continue;
                }

                _outbox.Add(new Row(new OutboxMessage(_outbox.Count + 1, o.Kind, o.Subject, o.Json, OutboxState.Pending, 0, Instant.MinValue, null), null, Instant.MinValue));
                enqueued++;
            }

            return Task.FromResult(new CommitResult(versions, appended, enqueued));
        }
    }

    /// <inheritdoc />
    public Task<StoredDocument?> LoadAsync(string kind, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(id);
        lock (_gate)
        {
            return Task.FromResult(_documents.TryGetValue((kind, id), out var d) ? d : null);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredDocument>> LoadAllAsync(string kind, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kind);
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<StoredDocument>>(_documents.Values.Where(d => d.Kind == kind).OrderBy(d => d.Id, StringComparer.Ordinal).ToArray());
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(long afterSequence, int max, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<AuditEntry>>(_audit.Where(a => a.Sequence > afterSequence).Take(max).ToArray());
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxMessage>> ClaimOutboxAsync(string claimant, int max, Instant now, Duration lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claimant);
        lock (_gate)
        {
            var claimed = new List<OutboxMessage>();
            for (var i = 0; i < _outbox.Count && claimed.Count < max; i++)
            {
                var row = _outbox[i];
                if (row.Message.State == OutboxState.Pending && row.Message.NextAttemptAt <= now && row.ClaimedUntil <= now)
                {
                    _outbox[i] = row with { ClaimedBy = claimant, ClaimedUntil = now + lease };
                    claimed.Add(row.Message);
                }
            }

            return Task.FromResult<IReadOnlyList<OutboxMessage>>(claimed);
        }
    }

    /// <inheritdoc />
    public Task CompleteOutboxAsync(long id, CancellationToken cancellationToken = default) =>
        Update(id, m => m with { State = OutboxState.Delivered, Attempts = m.Attempts + 1 });

    /// <inheritdoc />
    public Task FailOutboxAsync(long id, string reason, Instant nextAttemptAt, bool permanent, CancellationToken cancellationToken = default) =>
        reason is null ? throw new ArgumentNullException(nameof(reason)) : Update(id, m => m with { State = permanent ? OutboxState.Failed : OutboxState.Pending, Attempts = m.Attempts + 1, NextAttemptAt = nextAttemptAt, LastError = reason });

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxMessage>> ReadOutboxAsync(OutboxState state, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<OutboxMessage>>(_outbox.Select(r => r.Message).Where(m => m.State == state).ToArray());
        }
    }

    private Task Update(long id, Func<OutboxMessage, OutboxMessage> change)
    {
        lock (_gate)
        {
            var i = _outbox.FindIndex(r => r.Message.Id == id);
            if (i < 0)
            {
                throw new KeyNotFoundException($"No outbox message has id {id}.");
            }

            _outbox[i] = _outbox[i] with { Message = change(_outbox[i].Message), ClaimedBy = null, ClaimedUntil = Instant.MinValue };
            return Task.CompletedTask;
        }
    }

    private sealed record Row(OutboxMessage Message, string? ClaimedBy, Instant ClaimedUntil);
}
