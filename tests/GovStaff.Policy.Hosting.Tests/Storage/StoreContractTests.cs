using GovStaff.Policy.Plugins;
using GovStaff.Policy.Storage.PostgreSql;
using GovStaff.Policy.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using NodaTime;
using Npgsql;
using Xunit.Abstractions;

namespace GovStaff.Policy.Hosting.Tests.Storage;

/// <summary>The storage contract, run against every store: memory, SQLite and a real PostgreSQL.</summary>
public abstract class StoreContractTests(ITestOutputHelper output)
{
    private static readonly Instant T0 = Instant.FromUtc(2022, 10, 10, 2, 0);

    protected abstract Task<IPolicyStore> NewStoreAsync();

    /// <summary>A second store object over the same database (another host, or a restart); null for memory.</summary>
    protected abstract IPolicyStore? SameDatabaseAgain();

    private static WriteBatch Doc(string id, string json, long expected, int audit = 0, string? auditKey = null) => new()
    {
        Documents = [new DocumentWrite("leave", id, json, expected)],
        Audit = Enumerable.Range(0, audit).Select(i => new AuditWrite("leave.approve", "leave:" + id, (T0 + Duration.FromSeconds(i)), "v1", $"{{\"n\":{i}}}", auditKey)).ToArray(),
    };

    [Fact]
    public async Task Documents_AreCreatedLoadedAndVersioned()
    {
        var store = await NewStoreAsync();
        Assert.Equal([1L], (await store.CommitAsync(Doc("L1", "{\"state\":\"requested\"}", 0))).DocumentVersions);
        Assert.Equal([2L], (await store.CommitAsync(Doc("L1", "{\"state\":\"approved\"}", 1))).DocumentVersions);
        var loaded = await store.LoadAsync("leave", "L1");
        Assert.Equal(new StoredDocument("leave", "L1", 2, "{\"state\":\"approved\"}"), loaded);
        Assert.Null(await store.LoadAsync("leave", "nope"));
    }

    [Fact]
    public async Task StaleWrite_IsRejected_AndTheWholeBatchChangesNothing()
    {
        var store = await NewStoreAsync();
        await store.CommitAsync(Doc("L1", "{\"v\":1}", 0, audit: 1));
        await store.CommitAsync(Doc("L1", "{\"v\":2}", 1, audit: 1));
        var stale = new WriteBatch
        {
            Documents = [new DocumentWrite("leave", "L2", "{}", 0), new DocumentWrite("leave", "L1", "{\"v\":\"lost\"}", 1)],
            Audit = [new AuditWrite("x", "y", T0, "v1", "{}")],
            Outbox = [new OutboxWrite("x", "y", "{}")],
        };
        var e = await Assert.ThrowsAsync<ConcurrencyException>(() => store.CommitAsync(stale));
        Assert.Equal((1L, 2L), (e.ExpectedVersion, e.ActualVersion!.Value));
        Assert.Equal("{\"v\":2}", (await store.LoadAsync("leave", "L1"))!.Json);
        Assert.Null(await store.LoadAsync("leave", "L2"));
        Assert.Equal(2, (await store.ReadAuditAsync(0, 100)).Count);
        Assert.Empty(await store.ReadOutboxAsync(OutboxState.Pending));
    }

    [Fact]
    public async Task CreatingWhatExists_IsAConflict()
    {
        var store = await NewStoreAsync();
        await store.CommitAsync(Doc("L1", "{}", 0));
        var e = await Assert.ThrowsAsync<ConcurrencyException>(() => store.CommitAsync(Doc("L1", "{}", 0)));
        Assert.Equal(1L, e.ActualVersion);
        Assert.Contains("L1", e.Message);
    }

    [Fact]
    public async Task Audit_IsNumberedWithoutGaps_InCommitOrder()
    {
        var store = await NewStoreAsync();
        await store.CommitAsync(Doc("L1", "{}", 0, audit: 3));
        await Assert.ThrowsAsync<ConcurrencyException>(() => store.CommitAsync(Doc("L1", "{}", 0, audit: 5))); // rolled back
        await store.CommitAsync(Doc("L2", "{}", 0, audit: 2));
        await store.CommitAsync(new WriteBatch { Audit = Enumerable.Range(0, 200).Select(i => new AuditWrite("bulk", "s", T0, "v1", "{}")).ToArray() });
        var all = await store.ReadAuditAsync(0, 1000);
        Assert.Equal(Enumerable.Range(1, 205).Select(i => (long)i), all.Select(a => a.Sequence));
        Assert.Equal(T0, all[0].OccurredAt);
        Assert.Equal("{\"n\":2}", all[2].Json);
        Assert.Equal([4L, 5L], (await store.ReadAuditAsync(3, 2)).Select(a => a.Sequence));
    }

    [Fact]
    public async Task IdempotencyKeys_KeepExactlyOneWarningAndOneNotification()
    {
        var store = await NewStoreAsync();
        var warning = new WriteBatch
        {
            Audit = [new AuditWrite("case.overdue", "case:C1", T0, "v1", "{}", "case:C1|overdue|2022-10-10")],
            Outbox = [new OutboxWrite("case.overdue", "case:C1", "{}", "case:C1|overdue|2022-10-10")],
        };
        Assert.Equal((1, 1), ((await store.CommitAsync(warning)).AuditAppended, (await store.ReadOutboxAsync(OutboxState.Pending)).Count));
        var again = await store.CommitAsync(warning);
        Assert.Equal((0, 0), (again.AuditAppended, again.OutboxEnqueued));
        Assert.Single(await store.ReadAuditAsync(0, 10));
        Assert.Single(await store.ReadOutboxAsync(OutboxState.Pending));
    }

    [Fact]
    public async Task Outbox_ClaimLeaseCompleteRetryAndKeepFailures()
    {
        var store = await NewStoreAsync();
        await store.CommitAsync(new WriteBatch { Outbox = [new OutboxWrite("a", "s1", "{\"n\":1}"), new OutboxWrite("b", "s2", "{\"n\":2}")] });
        var first = await store.ClaimOutboxAsync("host-a", 10, T0, Duration.FromMinutes(1));
        Assert.Equal(2, first.Count);
        Assert.All(first, m => Assert.StartsWith("host-a#", m.Claim));
        Assert.Empty(await store.ClaimOutboxAsync("host-b", 10, (T0 + Duration.FromSeconds(30)), Duration.FromMinutes(1))); // leased
        Assert.True(await store.CompleteOutboxAsync(first[0].Id, first[0].Claim!));
        Assert.True(await store.FailOutboxAsync(first[1].Id, first[1].Claim!, "connection refused", (T0 + Duration.FromSeconds(10)), permanent: false));
        Assert.Empty(await store.ClaimOutboxAsync("host-b", 10, (T0 + Duration.FromSeconds(5)), Duration.FromMinutes(1))); // not due yet
        var retry = Assert.Single(await store.ClaimOutboxAsync("host-b", 10, (T0 + Duration.FromSeconds(11)), Duration.FromMinutes(1)));
        Assert.Equal((1, "connection refused"), (retry.Attempts, retry.LastError));
        Assert.True(await store.FailOutboxAsync(retry.Id, retry.Claim!, "mailbox unavailable", (T0 + Duration.FromSeconds(20)), permanent: true));
        Assert.Empty(await store.ClaimOutboxAsync("host-b", 10, (T0 + Duration.FromDays(1)), Duration.FromMinutes(1)));
        var failed = Assert.Single(await store.ReadOutboxAsync(OutboxState.Failed));
        Assert.Equal("mailbox unavailable", failed.LastError);
        Assert.Null(failed.Claim); // read, not claimed
        Assert.Single(await store.ReadOutboxAsync(OutboxState.Delivered));
        Assert.False(await store.CompleteOutboxAsync(9999, first[0].Claim!)); // no such message: nothing to do
    }

    [Fact]
    public async Task Outbox_AClaimThatRanOutAndWasTakenNoLongerActs_SoALateFailureCannotUndoADelivery()
    {
        var store = await NewStoreAsync();
        await store.CommitAsync(new WriteBatch { Outbox = [new OutboxWrite("a", "s1", "{}")] });
        var a = Assert.Single(await store.ClaimOutboxAsync("host-a", 10, T0, Duration.FromSeconds(5)));
        // host-a's lease runs out; host-b claims the message (same host name again would get a new token too).
        var b = Assert.Single(await store.ClaimOutboxAsync("host-b", 10, T0 + Duration.FromSeconds(6), Duration.FromSeconds(5)));
        Assert.NotEqual(a.Claim, b.Claim);
        Assert.False(await store.RenewOutboxClaimAsync(a.Id, a.Claim!, T0 + Duration.FromMinutes(1)));
        Assert.True(await store.CompleteOutboxAsync(b.Id, b.Claim!));
        // host-a's endpoint finally fails: the failure must not set the delivered message back to pending.
        Assert.False(await store.FailOutboxAsync(a.Id, a.Claim!, "timeout", T0 + Duration.FromSeconds(30), permanent: false));
        Assert.False(await store.CompleteOutboxAsync(a.Id, a.Claim!));
        var delivered = Assert.Single(await store.ReadOutboxAsync(OutboxState.Delivered));
        Assert.Equal((1, (string?)null), (delivered.Attempts, delivered.LastError));
        Assert.Empty(await store.ReadOutboxAsync(OutboxState.Pending));
    }

    [Fact]
    public async Task Outbox_ARenewedClaimHoldsPastItsFirstLease_AndAReleasedOneIsFreeAtOnce()
    {
        var store = await NewStoreAsync();
        await store.CommitAsync(new WriteBatch { Outbox = [new OutboxWrite("a", "s1", "{}"), new OutboxWrite("b", "s2", "{}")] });
        var claimed = await store.ClaimOutboxAsync("host-a", 10, T0, Duration.FromSeconds(5));
        Assert.True(await store.RenewOutboxClaimAsync(claimed[0].Id, claimed[0].Claim!, T0 + Duration.FromSeconds(60)));
        Assert.True(await store.RenewOutboxClaimAsync(claimed[1].Id, claimed[1].Claim!, Instant.MinValue)); // released
        var other = Assert.Single(await store.ClaimOutboxAsync("host-b", 10, T0 + Duration.FromSeconds(1), Duration.FromMinutes(5)));
        Assert.Equal(claimed[1].Id, other.Id);
        Assert.Empty(await store.ClaimOutboxAsync("host-b", 10, T0 + Duration.FromSeconds(30), Duration.FromSeconds(5))); // the renewed one is still held
        Assert.True(await store.CompleteOutboxAsync(claimed[0].Id, claimed[0].Claim!));
    }

    [Fact]
    public async Task Outbox_AFailedMessageIsRequeued_DueAtOnceWithItsAttemptsFromZero_AndOnlyAFailedOne()
    {
        var store = await NewStoreAsync();
        await store.CommitAsync(new WriteBatch { Outbox = [new OutboxWrite("a", "s1", "{}"), new OutboxWrite("b", "s2", "{}")] });
        var claimed = await store.ClaimOutboxAsync("host-a", 10, T0, Duration.FromMinutes(1));
        Assert.True(await store.FailOutboxAsync(claimed[0].Id, claimed[0].Claim!, "550 mailbox unavailable", T0 + Duration.FromDays(365), permanent: true));
        Assert.True(await store.CompleteOutboxAsync(claimed[1].Id, claimed[1].Claim!));
        Assert.False(await store.RequeueOutboxAsync(claimed[1].Id)); // delivered: not failed
        Assert.False(await store.RequeueOutboxAsync(9999));
        Assert.True(await store.RequeueOutboxAsync(claimed[0].Id));
        Assert.False(await store.RequeueOutboxAsync(claimed[0].Id)); // pending now
        var again = Assert.Single(await store.ClaimOutboxAsync("host-b", 10, T0, Duration.FromMinutes(1)));
        Assert.Equal((claimed[0].Id, claimed[0].MessageId, 0, "550 mailbox unavailable"), (again.Id, again.MessageId, again.Attempts, again.LastError));
        Assert.Empty(await store.ReadOutboxAsync(OutboxState.Failed));
    }

    [Fact]
    public async Task Outbox_EveryMessageHasItsOwnId_TheSameOnEveryReadAndClaim()
    {
        var store = await NewStoreAsync();
        await store.CommitAsync(new WriteBatch { Outbox = Enumerable.Range(0, 20).Select(i => new OutboxWrite("k", $"s{i}", "{}")).ToArray() });
        var read = await store.ReadOutboxAsync(OutboxState.Pending);
        Assert.Equal(20, read.Select(m => m.MessageId).Distinct().Count());
        Assert.DoesNotContain(Guid.Empty, read.Select(m => m.MessageId));
        var claimed = await store.ClaimOutboxAsync("h", 20, T0, Duration.FromMinutes(1));
        Assert.Equal(read.Select(m => (m.Id, m.MessageId)), claimed.OrderBy(m => m.Id).Select(m => (m.Id, m.MessageId)));
        if (SameDatabaseAgain() is { } again)
        {
            Assert.Equal(read.Select(m => m.MessageId), (await again.ReadOutboxAsync(OutboxState.Pending)).Select(m => m.MessageId));
        }
    }

    [Fact]
    public async Task ParallelWriters_ExactlyOneWins_NoLostUpdate()
    {
        var store = await NewStoreAsync();
        await store.CommitAsync(Doc("L1", "{\"approvedBy\":null}", 0));
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            try
            {
                await store.CommitAsync(Doc("L1", $"{{\"approvedBy\":{i}}}", 1, audit: 1));
                return true;
            }
            catch (ConcurrencyException)
            {
                return false;
            }
        })));
        Assert.Equal(1, results.Count(r => r));
        var doc = await store.LoadAsync("leave", "L1");
        Assert.Equal(2, doc!.Version);
        Assert.Contains($"{{\"approvedBy\":{Array.IndexOf(results, true)}}}", doc.Json);
        Assert.Single(await store.ReadAuditAsync(0, 100)); // the loser's event was not written
    }

    [Fact]
    public async Task TwoApproversOfOneLeaveRequest_AtTheSameMoment_ExactlyOneWins_TheOtherRetriesAndIsRefused()
    {
        // A village agent's leave may be approved by the township centre or the village committee (Art. 17). Both read
        // the request, both approve, both write with the version they read.
        var store = await NewStoreAsync();
        var network = VillageNetwork();
        var engine = new Decisions.PolicyEngine(Regulation.PolicyVersionSet.Default, new NodaTime.Testing.FakeClock(T0));
        var leave = new Attendance.LeaveLifecycle(engine, Calendars.WorkCalendar.National);
        var recorder = new Hosting.PolicyRecorder(store);
        var filed = leave.Request(new Attendance.LeaveRequest("L1", new Organization.StaffId("agent"), new LocalDate(2022, 10, 17), new LocalDate(2022, 10, 18), "事假", new LocalDate(2022, 10, 12)),
            network, Decisions.Actor.For("agent", new Organization.ServiceBodyId("village"))).Entity;
        await store.CommitAsync(new WriteBatch { Documents = [new DocumentWrite("leave", "L1", Serialization.GovStaffJson.Serialize(filed), 0)] });

        var approvers = new[] { Decisions.Actor.For("centre director", new Organization.ServiceBodyId("centre")), Decisions.Actor.For("committee head", new Organization.HomeUnitId("committee")) };
        using var bothRead = new Barrier(2);
        var outcomes = await Task.WhenAll(approvers.Select(actor => Task.Run(async () =>
        {
            var read = (await store.LoadAsync("leave", "L1"))!;
            bothRead.SignalAndWait(TimeSpan.FromSeconds(30));
            var result = leave.Approve(Serialization.GovStaffJson.Deserialize<Attendance.LeaveRequest>(read.Json), network, [], actor, new LocalDate(2022, 10, 13));
            Assert.True(result.Applied, "both approvers are allowed to approve");
            try
            {
                await recorder.RecordAsync(result.Decision, result.Event, [new DocumentWrite("leave", "L1", Serialization.GovStaffJson.Serialize(result.Entity), read.Version)]);
                return "won";
            }
            catch (ConcurrencyException)
            {
                // Retry as a caller would: read again and decide again. The request is approved now, so this is a refusal.
                var again = (await store.LoadAsync("leave", "L1"))!;
                var retry = leave.Approve(Serialization.GovStaffJson.Deserialize<Attendance.LeaveRequest>(again.Json), network, [], actor, new LocalDate(2022, 10, 13));
                Assert.Equal(Decisions.Outcome.Refused, retry.Decision.Outcome);
                Assert.True(retry.Decision.Has("leave.transition-not-allowed"));
                await recorder.RecordAsync(retry.Decision, retry.Event);
                return "refused on retry";
            }
        })));

        Assert.Equal(["refused on retry", "won"], outcomes.Order());
        var stored = (await store.LoadAsync("leave", "L1"))!;
        Assert.Equal(2, stored.Version);
        Assert.Equal(Attendance.LeaveState.Approved, Serialization.GovStaffJson.Deserialize<Attendance.LeaveRequest>(stored.Json).State);
        var audit = await store.ReadAuditAsync(0, 100);
        Assert.Equal(["decision:leave.approve", "event:leave.approve", "decision:leave.approve"], audit.Select(a => a.Kind));
        Assert.Contains("\"outcome\":\"refused\"", audit[2].Json);
        Assert.Single(await store.ClaimOutboxAsync("test", 10, T0, Duration.FromMinutes(1))); // one notification: the winner's
    }

    private static Organization.ServiceNetwork VillageNetwork() => new(
        [
            new(new Organization.ServiceBodyId("hall"), Organization.ServiceBodyKind.ServiceHall, "大厅"),
            new(new Organization.ServiceBodyId("centre"), Organization.ServiceBodyKind.TownshipCentre, "滨河镇民生服务中心", new Organization.ServiceBodyId("hall"), new Organization.HomeUnitId("binhe")),
            new(new Organization.ServiceBodyId("village"), Organization.ServiceBodyKind.VillageCentre, "沙溜村便民服务中心", new Organization.ServiceBodyId("centre"), new Organization.HomeUnitId("committee")),
        ],
        [
            new(new Organization.HomeUnitId("binhe"), Organization.HomeUnitKind.Township, "滨河镇"),
            new(new Organization.HomeUnitId("committee"), Organization.HomeUnitKind.VillageCommittee, "沙溜村村委会", new Organization.HomeUnitId("binhe")),
        ],
        [new(new Organization.StaffId("agent"), "田军", new LocalDate(1985, 5, 5), new Organization.HomeUnitId("committee"), Organization.Role.VillageAgent, new Organization.ServiceBodyId("village"), true, true, true, false)],
        [],
        new LocalDate(2022, 10, 10));

    [Fact]
    public async Task SkippedIdempotentEntries_LeaveNoGapInTheAuditSequence()
    {
        var store = await NewStoreAsync();
        AuditWrite Keyed(string key) => new("replay", "s", T0, "v1", "{}", key);
        await store.CommitAsync(new WriteBatch { Audit = [Keyed("a"), Keyed("b"), Keyed("c")] });
        var again = await store.CommitAsync(new WriteBatch { Audit = [Keyed("a"), Keyed("b"), Keyed("c"), Keyed("d"), Keyed("e")] });
        Assert.Equal(2, again.AuditAppended);
        var audit = await store.ReadAuditAsync(0, 100);
        Assert.Equal([1L, 2, 3, 4, 5], audit.Select(a => a.Sequence));
        Assert.Equal(["a", "b", "c", "d", "e"], audit.Select(a => a.IdempotencyKey));
    }

    [Fact]
    public async Task SixteenWriters_OnEightSharedDocuments_LoseNoUpdateAndWriteNoEventTwice()
    {
        // Each action reads a counter, increments it and appends one event, retrying on a conflict as a caller would.
        const int Writers = 16, ActionsEach = 60, Counters = 8;
        var store = await NewStoreAsync();
        await store.CommitAsync(new WriteBatch { Documents = [.. Enumerable.Range(0, Counters).Select(c => new DocumentWrite("counter", $"c{c}", "0", 0))] });
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var conflicts = await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var retries = 0;
            for (var i = 0; i < ActionsEach; i++)
            {
                var id = $"c{(w + i) % Counters}";
                while (true)
                {
                    var doc = (await store.LoadAsync("counter", id))!;
                    // SQLite's and memory's async calls complete synchronously: yield so other writers get between
                    // this read and its write, as they would between a real caller's read and decision.
                    await Task.Yield();
                    var next = (int.Parse(doc.Json, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    try
                    {
                        await store.CommitAsync(new WriteBatch
                        {
                            Documents = [new DocumentWrite("counter", id, next, doc.Version)],
                            Audit = [new AuditWrite("counter.increment", $"writer-{w}", T0, "v1", $"{{\"writer\":{w},\"action\":{i}}}")],
                        });
                        break;
                    }
                    catch (ConcurrencyException)
                    {
                        retries++;
                    }
                }
            }

            return retries;
        })));
        watch.Stop();

        const int Total = Writers * ActionsEach;
        var counters = await store.LoadAllAsync("counter");
        Assert.Equal(Total, counters.Sum(d => int.Parse(d.Json, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(counters, d => Assert.Equal(1 + int.Parse(d.Json, System.Globalization.CultureInfo.InvariantCulture), d.Version));
        var audit = await store.ReadAuditAsync(0, Total + 10);
        Assert.Equal(Enumerable.Range(1, Total).Select(n => (long)n), audit.Select(a => a.Sequence));
        Assert.Equal(Total, audit.Select(a => a.Json).Distinct().Count());
        Assert.True(conflicts.Sum() > 0, "no writer ever met a conflict, so the test proved nothing about them");
        output.WriteLine($"{GetType().Name}: {Total} actions by {Writers} writers in {watch.Elapsed.TotalMilliseconds:0} ms " +
            $"({Total / watch.Elapsed.TotalSeconds:0} actions/s), {conflicts.Sum()} conflicts retried.");
    }

    [Fact]
    public async Task ConcurrentClaimants_NeverGetTheSameMessage()
    {
        var store = await NewStoreAsync();
        await store.CommitAsync(new WriteBatch { Outbox = Enumerable.Range(0, 60).Select(i => new OutboxWrite("k", $"s{i}", "{}")).ToArray() });
        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(h => Task.Run(async () =>
        {
            var mine = new List<long>();
            while (true)
            {
                var batch = await store.ClaimOutboxAsync($"host-{h}", 5, T0, Duration.FromMinutes(5));
                if (batch.Count == 0)
                {
                    return mine;
                }

                mine.AddRange(batch.Select(m => m.Id));
            }
        })));
        var all = claims.SelectMany(c => c).ToArray();
        Assert.Equal(60, all.Length);
        Assert.Equal(60, all.Distinct().Count());
    }

    [Fact]
    public async Task MalformedBatch_IsRejectedAndWritesNothing()
    {
        var store = await NewStoreAsync();
        var bad = new WriteBatch { Documents = [new DocumentWrite("leave", "L1", "{}", 0), new DocumentWrite("leave", " ", "{}", 0)] };
        var e = await Assert.ThrowsAsync<ArgumentException>(() => store.CommitAsync(bad));
        Assert.Contains("Documents[1].Id", e.Message);
        Assert.Null(await store.LoadAsync("leave", "L1"));
    }

    [Fact]
    public async Task LoadAll_ReturnsAKindInIdOrder()
    {
        var store = await NewStoreAsync();
        await store.CommitAsync(new WriteBatch { Documents = [new("case", "b", "{}", 0), new("case", "a", "{}", 0), new("leave", "a", "{}", 0)] });
        Assert.Equal(["a", "b"], (await store.LoadAllAsync("case")).Select(d => d.Id));
    }

    [Fact]
    public async Task Records_SurviveANewStoreObjectOverTheSameDatabase()
    {
        var store = await NewStoreAsync();
        await store.CommitAsync(Doc("L1", "{\"kept\":true}", 0, audit: 2));
        var again = SameDatabaseAgain();
        if (again is null)
        {
            return; // memory: nothing outlives the object, by design
        }

        await again.InitializeAsync(); // a restart migrates nothing and loses nothing
        Assert.Equal("{\"kept\":true}", (await again.LoadAsync("leave", "L1"))!.Json);
        Assert.Equal(2, (await again.ReadAuditAsync(0, 10)).Count);
    }
}

public sealed class InMemoryStoreContractTests(ITestOutputHelper output) : StoreContractTests(output)
{
    protected override Task<IPolicyStore> NewStoreAsync() => Task.FromResult<IPolicyStore>(new InMemoryPolicyStore());

    protected override IPolicyStore? SameDatabaseAgain() => null;
}

public sealed class SqliteStoreContractTests(ITestOutputHelper output) : StoreContractTests(output), IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("govstaff-sqlite-").FullName;
    private string _connection = string.Empty;

    protected override async Task<IPolicyStore> NewStoreAsync()
    {
        _connection = $"Data Source={Path.Combine(_dir, Guid.NewGuid().ToString("N"), "store.db")}";
        var store = new SqlitePolicyStore(_connection);
        await store.InitializeAsync();
        return store;
    }

    protected override IPolicyStore? SameDatabaseAgain() => new SqlitePolicyStore(_connection);

    [Fact]
    public async Task TheAuditTable_RefusesUpdatesAndDeletes()
    {
        var store = (SqlitePolicyStore)await NewStoreAsync();
        await store.CommitAsync(new WriteBatch { Audit = [new AuditWrite("k", "s", Instant.FromUnixTimeSeconds(0), "v1", "{}")] });
        await using var c = new SqliteConnection(_connection);
        await c.OpenAsync();
        foreach (var sql in new[] { "UPDATE audit SET json = '{\"forged\":1}';", "DELETE FROM audit;" })
        {
            await using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            var e = await Assert.ThrowsAsync<SqliteException>(() => cmd.ExecuteNonQueryAsync());
            Assert.Contains("append-only", e.Message);
        }
    }

    [Fact]
    public async Task TheFile_IsInWalMode()
    {
        var store = (SqlitePolicyStore)await NewStoreAsync();
        await using var c = new SqliteConnection(_connection);
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await cmd.ExecuteScalarAsync());
        Assert.True(File.Exists(store.DataSource));
    }

    [Fact]
    public async Task AVersion1File_IsMigrated_AndEveryQueuedMessageGetsItsOwnId()
    {
        _connection = $"Data Source={Path.Combine(_dir, "v1.db")}";
        await using (var c = new SqliteConnection(_connection))
        {
            await c.OpenAsync();
            await using var cmd = c.CreateCommand();
            cmd.CommandText = """
                CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (1);
                CREATE TABLE outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, subject TEXT NOT NULL, json TEXT NOT NULL,
                                     idempotency_key TEXT UNIQUE, state INTEGER NOT NULL DEFAULT 0, attempts INTEGER NOT NULL DEFAULT 0,
                                     next_attempt_at INTEGER NOT NULL DEFAULT 0, claimed_by TEXT, claimed_until INTEGER NOT NULL DEFAULT 0, last_error TEXT);
                INSERT INTO outbox (kind, subject, json) VALUES ('a', 's1', '{}'), ('b', 's2', '{}'), ('c', 's3', '{}');
                """;
            await cmd.ExecuteNonQueryAsync();
        }

        var store = new SqlitePolicyStore(_connection);
        await store.InitializeAsync();
        // Parsed as GUIDs by the store: a malformed backfill would throw here.
        var ids = (await store.ReadOutboxAsync(OutboxState.Pending)).Select(m => m.MessageId).ToArray();
        Assert.Equal(3, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Equal(4, id.Version));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}

[Collection(PostgresGroup.Name)]
public sealed class PostgreSqlStoreContractTests(PostgresServer server, ITestOutputHelper output) : StoreContractTests(output)
{
    private string _connection = string.Empty;

    protected override async Task<IPolicyStore> NewStoreAsync()
    {
        _connection = await server.CreateDatabaseAsync();
        var store = new PostgreSqlPolicyStore(_connection);
        await store.InitializeAsync();
        return store;
    }

    protected override IPolicyStore? SameDatabaseAgain() => new PostgreSqlPolicyStore(_connection);

    [Fact]
    public async Task TheAuditTable_RefusesUpdatesAndDeletes()
    {
        var store = await NewStoreAsync();
        await store.CommitAsync(new WriteBatch { Audit = [new AuditWrite("k", "s", Instant.FromUnixTimeSeconds(0), "v1", "{}")] });
        await using var c = new NpgsqlConnection(_connection);
        await c.OpenAsync();
        foreach (var sql in new[] { "UPDATE audit SET json = '{\"forged\":1}';", "DELETE FROM audit;" })
        {
            await using var cmd = new NpgsqlCommand(sql, c);
            var e = await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());
            Assert.Contains("append-only", e.MessageText);
        }
    }

    [Fact]
    public async Task SeveralHosts_InitialisingAtOnce_MigrateOnce()
    {
        _connection = await server.CreateDatabaseAsync();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => new PostgreSqlPolicyStore(_connection).InitializeAsync()));
        await using var c = new NpgsqlConnection(_connection);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT COUNT(*), COUNT(DISTINCT version), MAX(version) FROM schema_version;", c);
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal((2L, 2L, PostgreSqlPolicyStore.SchemaVersion), (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt32(2)));
    }

    [Fact]
    public async Task AVersion1Database_IsMigrated_AndEveryQueuedMessageGetsItsOwnId()
    {
        _connection = await server.CreateDatabaseAsync();
        await using (var c = new NpgsqlConnection(_connection))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand(
                """
                CREATE TABLE schema_version (version int NOT NULL); INSERT INTO schema_version VALUES (1);
                CREATE TABLE outbox (id bigserial PRIMARY KEY, kind text NOT NULL, subject text NOT NULL, json text NOT NULL, idempotency_key text UNIQUE,
                                     state int NOT NULL DEFAULT 0, attempts int NOT NULL DEFAULT 0, next_attempt_at bigint NOT NULL DEFAULT 0,
                                     claimed_by text, claimed_until bigint NOT NULL DEFAULT 0, last_error text);
                INSERT INTO outbox (kind, subject, json) VALUES ('a', 's1', '{}'), ('b', 's2', '{}'), ('c', 's3', '{}');
                """, c);
            await cmd.ExecuteNonQueryAsync();
        }

        var store = new PostgreSqlPolicyStore(_connection);
        await store.InitializeAsync();
        var ids = (await store.ReadOutboxAsync(OutboxState.Pending)).Select(m => m.MessageId).ToArray();
        Assert.Equal(3, ids.Distinct().Count());
        Assert.DoesNotContain(Guid.Empty, ids);
    }
}
