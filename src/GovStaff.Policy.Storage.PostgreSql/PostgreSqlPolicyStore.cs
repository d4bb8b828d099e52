using GovStaff.Policy.Plugins;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace GovStaff.Policy.Storage.PostgreSql;

/// <summary>
/// The store for deployments across machines: several hosts share one PostgreSQL database. Commits are transactions;
/// the audit sequence has no gaps (a counter row taken inside the transaction); idempotency keys are unique indexes;
/// outbox messages are claimed with <c>FOR UPDATE SKIP LOCKED</c>; large audit batches go through binary COPY.
/// </summary>
public sealed class PostgreSqlPolicyStore : IPolicyStore, IAsyncDisposable
{
    /// <summary>The schema version this code writes.</summary>
    public const int SchemaVersion = 2;

    private const long MigrationLock = 0x476f765374616666; // "GovStaff"
    private const int CopyThreshold = 64;

    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE documents (kind text NOT NULL, id text NOT NULL, version bigint NOT NULL, json text NOT NULL, PRIMARY KEY (kind, id));
        CREATE TABLE audit (sequence bigint PRIMARY KEY, kind text NOT NULL, subject text NOT NULL, occurred_at timestamptz NOT NULL,
                            policy_version text NOT NULL, json text NOT NULL, idempotency_key text UNIQUE);
        CREATE TABLE audit_counter (id int PRIMARY KEY CHECK (id = 1), last bigint NOT NULL);
        INSERT INTO audit_counter (id, last) VALUES (1, 0);
        CREATE FUNCTION govstaff_audit_append_only() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'the audit trail is append-only'; END $$ LANGUAGE plpgsql;
        CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON audit FOR EACH ROW EXECUTE FUNCTION govstaff_audit_append_only();
        CREATE TABLE outbox (id bigserial PRIMARY KEY, kind text NOT NULL, subject text NOT NULL, json text NOT NULL, idempotency_key text UNIQUE,
                             state int NOT NULL DEFAULT 0, attempts int NOT NULL DEFAULT 0, next_attempt_at bigint NOT NULL DEFAULT 0,
                             claimed_by text, claimed_until bigint NOT NULL DEFAULT 0, last_error text);
        CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
        """,
        // 2: every message gets an id for receivers to drop repeats by; messages queued before get one now.
        """
        ALTER TABLE outbox ADD COLUMN message_id uuid;
        UPDATE outbox SET message_id = gen_random_uuid();
        ALTER TABLE outbox ALTER COLUMN message_id SET NOT NULL;
        CREATE UNIQUE INDEX outbox_message_id ON outbox (message_id);
        """,
    ];

    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Creates the store.</summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    public PostgreSqlPolicyStore(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _dataSource = NpgsqlDataSource.Create(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Server = $"postgresql://{builder.Host}:{builder.Port}/{builder.Database}";
    }

    /// <summary>Where the store is, without credentials: <c>postgresql://host:port/database</c>.</summary>
    public string Server { get; }

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // Several hosts may start at once: one migrates, the others wait and then find the schema current.
        await Execute(connection, tx, $"SELECT pg_advisory_xact_lock({MigrationLock});", cancellationToken).ConfigureAwait(false);
        await Execute(connection, tx, "CREATE TABLE IF NOT EXISTS schema_version (version int NOT NULL);", cancellationToken).ConfigureAwait(false);
        await using (var cmd = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM schema_version;", connection, tx))
        {
            var current = Convert.ToInt32(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            if (current > SchemaVersion)
            {
                throw new InvalidOperationException($"The database has schema version {current}; this version of GovStaff.Policy knows up to {SchemaVersion}. Upgrade the library.");
            }

            for (var v = current; v < SchemaVersion; v++)
            {
                await Execute(connection, tx, Migrations[v], cancellationToken).ConfigureAwait(false);
                await Execute(connection, tx, $"INSERT INTO schema_version (version) VALUES ({v + 1});", cancellationToken).ConfigureAwait(false);
            }
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<CommitResult> CommitAsync(WriteBatch batch, CancellationToken cancellationToken = default)
    {
        StoreValidation.Check(batch);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var versions = new List<long>(batch.Documents.Count);
        foreach (var d in batch.Documents)
        {
            await using var cmd = new NpgsqlCommand(
                d.ExpectedVersion == 0
                    ? "INSERT INTO documents (kind, id, version, json) VALUES (@k, @i, 1, @j) ON CONFLICT DO NOTHING;"
                    : "UPDATE documents SET json = @j, version = version + 1 WHERE kind = @k AND id = @i AND version = @v;",
                connection, tx);
            cmd.Parameters.AddWithValue("k", d.Kind);
            cmd.Parameters.AddWithValue("i", d.Id);
            cmd.Parameters.AddWithValue("j", d.Json);
            cmd.Parameters.AddWithValue("v", d.ExpectedVersion);
            if (await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                await using var q = new NpgsqlCommand("SELECT version FROM documents WHERE kind = @k AND id = @i;", connection, tx);
                q.Parameters.AddWithValue("k", d.Kind);
                q.Parameters.AddWithValue("i", d.Id);
                var actual = await q.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                throw new ConcurrencyException(d.Kind, d.Id, d.ExpectedVersion, actual is long v ? v : null);
            }

            versions.Add(d.ExpectedVersion + 1);
        }

        var appended = batch.Audit.Count == 0 ? 0 : await AppendAuditAsync(connection, tx, batch.Audit, cancellationToken).ConfigureAwait(false);
        var enqueued = 0;
        foreach (var o in batch.Outbox)
        {
            await using var cmd = new NpgsqlCommand("INSERT INTO outbox (message_id, kind, subject, json, idempotency_key) VALUES (@m, @k, @s, @j, @key) ON CONFLICT DO NOTHING;", connection, tx);
            cmd.Parameters.AddWithValue("m", Guid.CreateVersion7());
            cmd.Parameters.AddWithValue("k", o.Kind);
            cmd.Parameters.AddWithValue("s", o.Subject);
            cmd.Parameters.AddWithValue("j", o.Json);
            cmd.Parameters.Add(new NpgsqlParameter("key", NpgsqlDbType.Text) { Value = (object?)o.IdempotencyKey ?? DBNull.Value });
            enqueued += await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new CommitResult(versions, appended, enqueued);
    }

    /// <inheritdoc />
    public async Task<StoredDocument?> LoadAsync(string kind, string id, CancellationToken cancellationToken = default)
    {
        var list = await QueryDocuments("SELECT kind, id, version, json FROM documents WHERE kind = @k AND id = @i;", cancellationToken, ("k", kind), ("i", id)).ConfigureAwait(false);
        return list.Count == 0 ? null : list[0];
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredDocument>> LoadAllAsync(string kind, CancellationToken cancellationToken = default) =>
        QueryDocuments("SELECT kind, id, version, json FROM documents WHERE kind = @k ORDER BY id COLLATE \"C\";", cancellationToken, ("k", kind));

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(long afterSequence, int max, CancellationToken cancellationToken = default)
    {
        await using var cmd = _dataSource.CreateCommand("SELECT sequence, kind, subject, occurred_at, policy_version, json, idempotency_key FROM audit WHERE sequence > @a ORDER BY sequence LIMIT @m;");
        cmd.Parameters.AddWithValue("a", afterSequence);
        cmd.Parameters.AddWithValue("m", max);
        var list = new List<AuditEntry>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new AuditEntry(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), Instant.FromDateTimeUtc(reader.GetDateTime(3)),
                reader.GetString(4), reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
        }

        return list;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OutboxMessage>> ClaimOutboxAsync(string claimant, int max, Instant now, Duration lease, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(claimant);
        // The claimant's name says who holds a message; the random part makes each claim's token its own.
        var claim = claimant + "#" + Guid.NewGuid().ToString("N");
        await using var cmd = _dataSource.CreateCommand(
            """
            UPDATE outbox SET claimed_by = @c, claimed_until = @u
            WHERE id IN (SELECT id FROM outbox WHERE state = 0 AND next_attempt_at <= @n AND claimed_until <= @n ORDER BY id LIMIT @m FOR UPDATE SKIP LOCKED)
            RETURNING id, message_id, kind, subject, json, state, attempts, next_attempt_at, last_error;
            """);
        cmd.Parameters.AddWithValue("c", claim);
        cmd.Parameters.AddWithValue("u", (now + lease).ToUnixTimeMilliseconds());
        cmd.Parameters.AddWithValue("n", now.ToUnixTimeMilliseconds());
        cmd.Parameters.AddWithValue("m", max);
        var list = await ReadOutbox(cmd, cancellationToken).ConfigureAwait(false);
        return list.OrderBy(m => m.Id).Select(m => m with { Claim = claim }).ToArray();
    }

    /// <inheritdoc />
    public async Task<bool> RenewOutboxClaimAsync(long id, string claim, Instant until, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(claim);
        await using var cmd = _dataSource.CreateCommand("UPDATE outbox SET claimed_until = @u WHERE id = @id AND claimed_by = @c AND state = 0;");
        cmd.Parameters.AddWithValue("u", Math.Max(0, until.ToUnixTimeMilliseconds()));
        cmd.Parameters.AddWithValue("id", id);
        cmd.Parameters.AddWithValue("c", claim);
        return await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task<bool> CompleteOutboxAsync(long id, string claim, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(claim);
        await using var cmd = _dataSource.CreateCommand("UPDATE outbox SET state = 1, attempts = attempts + 1, claimed_by = NULL, claimed_until = 0 WHERE id = @id AND claimed_by = @c AND state = 0;");
        cmd.Parameters.AddWithValue("id", id);
        cmd.Parameters.AddWithValue("c", claim);
        return await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task<bool> FailOutboxAsync(long id, string claim, string reason, Instant nextAttemptAt, bool permanent, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(claim);
        ArgumentNullException.ThrowIfNull(reason);
        await using var cmd = _dataSource.CreateCommand(
            "UPDATE outbox SET state = @s, attempts = attempts + 1, next_attempt_at = @n, last_error = @e, claimed_by = NULL, claimed_until = 0 WHERE id = @id AND claimed_by = @c AND state = 0;");
        cmd.Parameters.AddWithValue("s", permanent ? 2 : 0);
        cmd.Parameters.AddWithValue("n", nextAttemptAt.ToUnixTimeMilliseconds());
        cmd.Parameters.AddWithValue("e", reason);
        cmd.Parameters.AddWithValue("id", id);
        cmd.Parameters.AddWithValue("c", claim);
        return await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task<bool> RequeueOutboxAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var cmd = _dataSource.CreateCommand("UPDATE outbox SET state = 0, attempts = 0, next_attempt_at = 0, claimed_by = NULL, claimed_until = 0 WHERE id = @id AND state = 2;");
        cmd.Parameters.AddWithValue("id", id);
        return await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OutboxMessage>> ReadOutboxAsync(OutboxState state, CancellationToken cancellationToken = default)
    {
        await using var cmd = _dataSource.CreateCommand("SELECT id, message_id, kind, subject, json, state, attempts, next_attempt_at, last_error FROM outbox WHERE state = @s ORDER BY id;");
        cmd.Parameters.AddWithValue("s", (int)state);
        return await ReadOutbox(cmd, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static async Task<int> AppendAuditAsync(NpgsqlConnection connection, NpgsqlTransaction tx, IReadOnlyList<AuditWrite> audit, CancellationToken cancellationToken)
    {
        // The counter row serialises appends, which keeps the sequence free of gaps even when transactions roll back.
        long last;
        await using (var counter = new NpgsqlCommand("SELECT last FROM audit_counter WHERE id = 1 FOR UPDATE;", connection, tx))
        {
            last = (long)(await counter.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        var next = last + 1;
        if (audit.Count >= CopyThreshold && audit.All(a => a.IdempotencyKey is null))
        {
            await using var writer = await connection.BeginBinaryImportAsync(
                "COPY audit (sequence, kind, subject, occurred_at, policy_version, json, idempotency_key) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
            foreach (var a in audit)
            {
                await writer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(next++, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(a.Kind, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(a.Subject, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(a.OccurredAt.ToDateTimeUtc(), NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(a.PolicyVersion, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(a.Json, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await writer.WriteNullAsync(cancellationToken).ConfigureAwait(false);
            }

            await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await using var cmd = new NpgsqlCommand(
                "INSERT INTO audit (sequence, kind, subject, occurred_at, policy_version, json, idempotency_key) VALUES (@q, @k, @s, @t, @p, @j, @key) ON CONFLICT (idempotency_key) DO NOTHING;",
                connection, tx);
            var q = cmd.Parameters.Add("q", NpgsqlDbType.Bigint);
            var k = cmd.Parameters.Add("k", NpgsqlDbType.Text);
            var s = cmd.Parameters.Add("s", NpgsqlDbType.Text);
            var t = cmd.Parameters.Add("t", NpgsqlDbType.TimestampTz);
            var p = cmd.Parameters.Add("p", NpgsqlDbType.Text);
            var j = cmd.Parameters.Add("j", NpgsqlDbType.Text);
            var key = cmd.Parameters.Add("key", NpgsqlDbType.Text);
            foreach (var a in audit)
            {
                (q.Value, k.Value, s.Value, t.Value, p.Value, j.Value, key.Value) = (next, a.Kind, a.Subject, a.OccurredAt.ToDateTimeUtc(), a.PolicyVersion, a.Json, (object?)a.IdempotencyKey ?? DBNull.Value);
                if (await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
                {
                    next++;
                }
            }
        }

        await using (var update = new NpgsqlCommand("UPDATE audit_counter SET last = @l WHERE id = 1;", connection, tx))
        {
            update.Parameters.AddWithValue("l", next - 1);
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return (int)(next - 1 - last);
    }

    private async Task<IReadOnlyList<StoredDocument>> QueryDocuments(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var cmd = _dataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value);
        }

        var list = new List<StoredDocument>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new StoredDocument(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3)));
        }

        return list;
    }

    private static async Task<IReadOnlyList<OutboxMessage>> ReadOutbox(NpgsqlCommand cmd, CancellationToken cancellationToken)
    {
        var list = new List<OutboxMessage>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new OutboxMessage(reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), (OutboxState)reader.GetInt32(5),
                reader.GetInt32(6), Instant.FromUnixTimeMilliseconds(reader.GetInt64(7)), reader.IsDBNull(8) ? null : reader.GetString(8)));
        }

        return list;
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction tx, string sql, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand(sql, connection, tx);
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
