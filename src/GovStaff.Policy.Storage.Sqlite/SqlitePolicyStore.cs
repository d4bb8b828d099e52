using System.Globalization;
using GovStaff.Policy.Plugins;
using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Text;

namespace GovStaff.Policy.Storage.Sqlite;

/// <summary>
/// The embedded default store: one SQLite file in WAL mode. Every commit is one immediate transaction; the audit
/// table refuses updates and deletes by trigger; schema versions are applied on start.
/// </summary>
public sealed class SqlitePolicyStore : IPolicyStore
{
    /// <summary>The schema version this code writes.</summary>
    public const int SchemaVersion = 2;

    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE documents (kind TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL, json TEXT NOT NULL, PRIMARY KEY (kind, id)) WITHOUT ROWID;
        CREATE TABLE audit (sequence INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, subject TEXT NOT NULL, occurred_at TEXT NOT NULL,
                            policy_version TEXT NOT NULL, json TEXT NOT NULL, idempotency_key TEXT UNIQUE);
        CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
        CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
        CREATE TABLE outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, subject TEXT NOT NULL, json TEXT NOT NULL,
                             idempotency_key TEXT UNIQUE, state INTEGER NOT NULL DEFAULT 0, attempts INTEGER NOT NULL DEFAULT 0,
                             next_attempt_at INTEGER NOT NULL DEFAULT 0, claimed_by TEXT, claimed_until INTEGER NOT NULL DEFAULT 0, last_error TEXT);
        CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
        """,
        // 2: every message gets an id for receivers to drop repeats by; messages queued before get one now (a UUID).
        """
        ALTER TABLE outbox ADD COLUMN message_id TEXT;
        UPDATE outbox SET message_id = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
            substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));
        CREATE UNIQUE INDEX outbox_message_id ON outbox (message_id);
        """,
    ];

    private readonly string _connectionString;
    private readonly int _busyTimeoutMilliseconds;

    /// <summary>Creates the store over a file.</summary>
    /// <param name="connectionString">
    /// A Microsoft.Data.Sqlite connection string, e.g. <c>Data Source=data/govstaff.db</c>. Its <c>Default Timeout</c>
    /// (seconds, 30 unless set) is also how long a write waits for another process's lock on the file.
    /// </param>
    public SqlitePolicyStore(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true };
        if (string.IsNullOrWhiteSpace(builder.DataSource) || builder.DataSource == ":memory:")
        {
            throw new ArgumentException("The SQLite store needs a file: set Data Source to a path.", nameof(connectionString));
        }

        _connectionString = builder.ToString();
        _busyTimeoutMilliseconds = checked(Math.Max(0, builder.DefaultTimeout) * 1000);
        DataSource = Path.GetFullPath(builder.DataSource);
    }

    /// <summary>The database file.</summary>
    public string DataSource { get; }

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DataSource)!);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, tx, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);", cancellationToken).ConfigureAwait(false);
        var current = Convert.ToInt32(await ScalarAsync(connection, tx, "SELECT COALESCE(MAX(version), 0) FROM schema_version;", cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        if (current > SchemaVersion)
        {
            throw new InvalidOperationException($"{DataSource} has schema version {current}; this version of GovStaff.Policy knows up to {SchemaVersion}. Upgrade the library.");
        }

        for (var v = current; v < SchemaVersion; v++)
        {
            await ExecuteAsync(connection, tx, Migrations[v], cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, tx, $"INSERT INTO schema_version (version) VALUES ({v + 1});", cancellationToken).ConfigureAwait(false);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<CommitResult> CommitAsync(WriteBatch batch, CancellationToken cancellationToken = default)
    {
        StoreValidation.Check(batch);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        // IMMEDIATE: take the write lock up front, so concurrent writers queue (busy_timeout) instead of deadlocking.
        await using var tx = connection.BeginTransaction(deferred: false);
        var versions = new List<long>(batch.Documents.Count);
        foreach (var d in batch.Documents)
        {
            using var cmd = connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = d.ExpectedVersion == 0
                ? "INSERT INTO documents (kind, id, version, json) VALUES ($k, $i, 1, $j) ON CONFLICT DO NOTHING;"
                : "UPDATE documents SET json = $j, version = version + 1 WHERE kind = $k AND id = $i AND version = $v;";
            cmd.Parameters.AddWithValue("$k", d.Kind);
            cmd.Parameters.AddWithValue("$i", d.Id);
            cmd.Parameters.AddWithValue("$j", d.Json);
            cmd.Parameters.AddWithValue("$v", d.ExpectedVersion);
            if (await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                var actual = await ScalarAsync(connection, tx, "SELECT version FROM documents WHERE kind = $k AND id = $i;", cancellationToken, ("$k", d.Kind), ("$i", d.Id)).ConfigureAwait(false);
                throw new ConcurrencyException(d.Kind, d.Id, d.ExpectedVersion, actual is null ? null : Convert.ToInt64(actual, CultureInfo.InvariantCulture));
            }

            versions.Add(d.ExpectedVersion + 1);
        }

        var appended = 0;
        if (batch.Audit.Count > 0)
        {
            using var cmd = connection.CreateCommand();
            cmd.Transaction = tx;
            // Skip a known key before inserting: an insert refused by the unique index would still use up an
            // AUTOINCREMENT number and leave a gap in the audit sequence.
            cmd.CommandText = """
                INSERT INTO audit (kind, subject, occurred_at, policy_version, json, idempotency_key)
                SELECT $k, $s, $t, $p, $j, $key WHERE $key IS NULL OR NOT EXISTS (SELECT 1 FROM audit WHERE idempotency_key = $key);
                """;
            var (k, s, t, p, j, key) = (cmd.Parameters.Add("$k", SqliteType.Text), cmd.Parameters.Add("$s", SqliteType.Text), cmd.Parameters.Add("$t", SqliteType.Text),
                cmd.Parameters.Add("$p", SqliteType.Text), cmd.Parameters.Add("$j", SqliteType.Text), cmd.Parameters.Add("$key", SqliteType.Text));
            await cmd.PrepareAsync(cancellationToken).ConfigureAwait(false);
            foreach (var a in batch.Audit)
            {
                (k.Value, s.Value, t.Value, p.Value, j.Value, key.Value) = (a.Kind, a.Subject, InstantPattern.ExtendedIso.Format(a.OccurredAt), a.PolicyVersion, a.Json, (object?)a.IdempotencyKey ?? DBNull.Value);
                appended += await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        var enqueued = 0;
        foreach (var o in batch.Outbox)
        {
            using var cmd = connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "INSERT INTO outbox (message_id, kind, subject, json, idempotency_key) VALUES ($m, $k, $s, $j, $key) ON CONFLICT DO NOTHING;";
            cmd.Parameters.AddWithValue("$m", Guid.CreateVersion7().ToString());
            cmd.Parameters.AddWithValue("$k", o.Kind);
            cmd.Parameters.AddWithValue("$s", o.Subject);
            cmd.Parameters.AddWithValue("$j", o.Json);
            cmd.Parameters.AddWithValue("$key", (object?)o.IdempotencyKey ?? DBNull.Value);
            enqueued += await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new CommitResult(versions, appended, enqueued);
    }

    /// <inheritdoc />
    public async Task<StoredDocument?> LoadAsync(string kind, string id, CancellationToken cancellationToken = default)
    {
        var all = await QueryDocumentsAsync("SELECT kind, id, version, json FROM documents WHERE kind = $k AND id = $i;", cancellationToken, ("$k", kind), ("$i", id)).ConfigureAwait(false);
        return all.Count == 0 ? null : all[0];
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredDocument>> LoadAllAsync(string kind, CancellationToken cancellationToken = default) =>
        QueryDocumentsAsync("SELECT kind, id, version, json FROM documents WHERE kind = $k ORDER BY id;", cancellationToken, ("$k", kind));

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(long afterSequence, int max, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT sequence, kind, subject, occurred_at, policy_version, json, idempotency_key FROM audit WHERE sequence > $after ORDER BY sequence LIMIT $max;";
        cmd.Parameters.AddWithValue("$after", afterSequence);
        cmd.Parameters.AddWithValue("$max", max);
        var list = new List<AuditEntry>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new AuditEntry(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), InstantPattern.ExtendedIso.Parse(reader.GetString(3)).Value,
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
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = connection.BeginTransaction(deferred: false);
        var claimed = await QueryOutboxAsync(connection, tx,
            "SELECT id, message_id, kind, subject, json, state, attempts, next_attempt_at, last_error FROM outbox WHERE state = 0 AND next_attempt_at <= $now AND claimed_until <= $now ORDER BY id LIMIT $max;",
            cancellationToken, ("$now", now.ToUnixTimeMilliseconds()), ("$max", max)).ConfigureAwait(false);
        foreach (var m in claimed)
        {
            await ExecuteAsync(connection, tx, "UPDATE outbox SET claimed_by = $c, claimed_until = $u WHERE id = $id;", cancellationToken,
                ("$c", claim), ("$u", (now + lease).ToUnixTimeMilliseconds()), ("$id", m.Id)).ConfigureAwait(false);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return claimed.Select(m => m with { Claim = claim }).ToArray();
    }

    /// <inheritdoc />
    public async Task<bool> RenewOutboxClaimAsync(long id, string claim, Instant until, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(claim);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ExecuteAsync(connection, null, "UPDATE outbox SET claimed_until = $u WHERE id = $id AND claimed_by = $c AND state = 0;", cancellationToken,
            ("$u", Math.Max(0, until.ToUnixTimeMilliseconds())), ("$id", id), ("$c", claim)).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task<bool> CompleteOutboxAsync(long id, string claim, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(claim);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ExecuteAsync(connection, null, "UPDATE outbox SET state = 1, attempts = attempts + 1, claimed_by = NULL, claimed_until = 0 WHERE id = $id AND claimed_by = $c AND state = 0;",
            cancellationToken, ("$id", id), ("$c", claim)).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task<bool> FailOutboxAsync(long id, string claim, string reason, Instant nextAttemptAt, bool permanent, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(claim);
        ArgumentNullException.ThrowIfNull(reason);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ExecuteAsync(connection, null,
            "UPDATE outbox SET state = $s, attempts = attempts + 1, next_attempt_at = $n, last_error = $e, claimed_by = NULL, claimed_until = 0 WHERE id = $id AND claimed_by = $c AND state = 0;",
            cancellationToken, ("$s", permanent ? 2 : 0), ("$n", nextAttemptAt.ToUnixTimeMilliseconds()), ("$e", reason), ("$id", id), ("$c", claim)).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task<bool> RequeueOutboxAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ExecuteAsync(connection, null, "UPDATE outbox SET state = 0, attempts = 0, next_attempt_at = 0, claimed_by = NULL, claimed_until = 0 WHERE id = $id AND state = 2;",
            cancellationToken, ("$id", id)).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OutboxMessage>> ReadOutboxAsync(OutboxState state, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await QueryOutboxAsync(connection, null, "SELECT id, message_id, kind, subject, json, state, attempts, next_attempt_at, last_error FROM outbox WHERE state = $s ORDER BY id;",
            cancellationToken, ("$s", (int)state)).ConfigureAwait(false);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        // Wait for another writer's lock rather than failing; durability: every commit reaches the disk.
        await ExecuteAsync(connection, null, $"PRAGMA busy_timeout = {_busyTimeoutMilliseconds.ToString(CultureInfo.InvariantCulture)}; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;", cancellationToken).ConfigureAwait(false);
        return connection;
    }

    private async Task<IReadOnlyList<StoredDocument>> QueryDocumentsAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
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

    private static async Task<IReadOnlyList<OutboxMessage>> QueryOutboxAsync(SqliteConnection connection, SqliteTransaction? tx, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value);
        }

        var list = new List<OutboxMessage>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new OutboxMessage(reader.GetInt64(0), Guid.Parse(reader.GetString(1)), reader.GetString(2), reader.GetString(3), reader.GetString(4), (OutboxState)reader.GetInt32(5),
                reader.GetInt32(6), Instant.FromUnixTimeMilliseconds(reader.GetInt64(7)), reader.IsDBNull(8) ? null : reader.GetString(8)));
        }

        return list;
    }

    private static async Task<int> ExecuteAsync(SqliteConnection connection, SqliteTransaction? tx, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value);
        }

        return await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, SqliteTransaction? tx, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value);
        }

        return await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }
}
