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

                _outbox.Add(new Row(new OutboxMessage(_outbox.Count + 1, Guid.CreateVersion7(), o.Kind, o.Subject, o.Json, OutboxState.Pending, 0, Instant.MinValue, null), null, Instant.MinValue));
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
        ArgumentException.ThrowIfNullOrWhiteSpace(claimant);
        // The claimant's name says who holds a message; the random part makes each claim's token its own.
        var claim = claimant + "#" + Guid.NewGuid().ToString("N");
        lock (_gate)
        {
            var claimed = new List<OutboxMessage>();
            for (var i = 0; i < _outbox.Count && claimed.Count < max; i++)
            {
                var row = _outbox[i];
                if (row.Message.State == OutboxState.Pending && row.Message.NextAttemptAt <= now && row.ClaimedUntil <= now)
                {
                    _outbox[i] = row with { ClaimedBy = claim, ClaimedUntil = now + lease };
                    claimed.Add(row.Message with { Claim = claim });
                }
            }

            return Task.FromResult<IReadOnlyList<OutboxMessage>>(claimed);
        }
    }

    /// <inheritdoc />
    public Task<bool> RenewOutboxClaimAsync(long id, string claim, Instant until, CancellationToken cancellationToken = default) =>
        Update(id, claim, row => row with { ClaimedUntil = until });

    /// <inheritdoc />
    public Task<bool> CompleteOutboxAsync(long id, string claim, CancellationToken cancellationToken = default) =>
        Update(id, claim, row => Unclaimed(row.Message with { State = OutboxState.Delivered, Attempts = row.Message.Attempts + 1 }));

    /// <inheritdoc />
    public Task<bool> FailOutboxAsync(long id, string claim, string reason, Instant nextAttemptAt, bool permanent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return Update(id, claim, row => Unclaimed(row.Message with { State = permanent ? OutboxState.Failed : OutboxState.Pending, Attempts = row.Message.Attempts + 1, NextAttemptAt = nextAttemptAt, LastError = reason }));
    }

    /// <inheritdoc />
    public Task<bool> RequeueOutboxAsync(long id, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var i = _outbox.FindIndex(r => r.Message.Id == id && r.Message.State == OutboxState.Failed);
            if (i < 0)
            {
                return Task.FromResult(false);
            }

            _outbox[i] = Unclaimed(_outbox[i].Message with { State = OutboxState.Pending, Attempts = 0, NextAttemptAt = Instant.MinValue });
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxMessage>> ReadOutboxAsync(OutboxState state, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<OutboxMessage>>(_outbox.Select(r => r.Message).Where(m => m.State == state).ToArray());
        }
    }

    private static Row Unclaimed(OutboxMessage message) => new(message, null, Instant.MinValue);

    // Acts only while the claim holds: the fencing every store applies in its UPDATE.
    private Task<bool> Update(long id, string claim, Func<Row, Row> change)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(claim);
        lock (_gate)
        {
            var i = _outbox.FindIndex(r => r.Message.Id == id);
            if (i < 0 || _outbox[i].Message.State != OutboxState.Pending || _outbox[i].ClaimedBy != claim)
            {
                return Task.FromResult(false);
            }

            _outbox[i] = change(_outbox[i]);
            return Task.FromResult(true);
        }
    }

    private sealed record Row(OutboxMessage Message, string? ClaimedBy, Instant ClaimedUntil);
}
