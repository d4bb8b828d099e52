using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using GovStaff.Policy.Plugins;
using GovStaff.Policy.Storage.PostgreSql;
using GovStaff.Policy.Storage.Sqlite;
using GovStaff.Policy.Testing;
using NodaTime;

namespace GovStaff.Policy.Benchmarks;

/// <summary>
/// Appending 100,000 domain events (audit entries) in batches and reading them back: SQLite (file, WAL) and PostgreSQL
/// (loopback) against the in-memory store as baseline, so each ratio is the cost of durability. One operation is all
/// 100,000 events; the figure per second is 100,000 / Mean.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class StorageBenchmarks
{
    /// <summary>Events per operation.</summary>
    public const int Events = 100_000;

    private ThrowawayPostgres? _postgres;
    private string _folder = string.Empty;
    private IPolicyStore _memory = null!;
    private IPolicyStore _sqlite = null!;
    private IPolicyStore _postgresStore = null!;
    private WriteBatch[] _batches = [];

    /// <summary>Events per commit.</summary>
    [Params(1_000)]
    public int BatchSize { get; set; }

    /// <summary>Starts the stores and fills each with the events the load benchmarks read.</summary>
    [GlobalSetup]
    public async Task Setup()
    {
        var at = Instant.FromUtc(2022, 10, 10, 2, 0);
        var json = """{"outcome":"permitted","citations":[{"zh":"第十二条第（二）项","en":"Art. 12(2)"}],"policyVersion":"shapotou-2021-trial"}""";
        _batches = [.. Enumerable.Range(0, Events / BatchSize).Select(b => new WriteBatch
        {
            Audit = [.. Enumerable.Range(0, BatchSize).Select(i => new AuditWrite("decision:leave.request", $"leave-{b}-{i}", at, "shapotou-2021-trial", json))],
        })];
        _folder = Directory.CreateTempSubdirectory("govstaff-bench-").FullName;
        _postgres = new ThrowawayPostgres();
        await _postgres.StartAsync();
        _memory = new InMemoryPolicyStore();
        _sqlite = new SqlitePolicyStore($"Data Source={Path.Combine(_folder, "bench.db")}");
        _postgresStore = new PostgreSqlPolicyStore(await _postgres.CreateDatabaseAsync());
        foreach (var store in new[] { _memory, _sqlite, _postgresStore })
        {
            await store.InitializeAsync();
            await Append(store);
        }
    }

    /// <summary>Stops the server and removes the files.</summary>
    [GlobalCleanup]
    public async Task Cleanup()
    {
        (_sqlite as IDisposable)?.Dispose();
        (_postgresStore as IDisposable)?.Dispose();
        if (_postgres is not null)
        {
            await _postgres.StopAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Append 100k")]
    public Task Append_InMemory() => Append(_memory);

    [Benchmark, BenchmarkCategory("Append 100k")]
    public Task Append_Sqlite() => Append(_sqlite);

    [Benchmark, BenchmarkCategory("Append 100k")]
    public Task Append_PostgreSql() => Append(_postgresStore);

    [Benchmark(Baseline = true), BenchmarkCategory("Load 100k")]
    public Task<int> Load_InMemory() => Load(_memory);

    [Benchmark, BenchmarkCategory("Load 100k")]
    public Task<int> Load_Sqlite() => Load(_sqlite);

    [Benchmark, BenchmarkCategory("Load 100k")]
    public Task<int> Load_PostgreSql() => Load(_postgresStore);

    private async Task Append(IPolicyStore store)
    {
        foreach (var batch in _batches)
        {
            await store.CommitAsync(batch);
        }
    }

    // The first 100,000 entries, in pages as a reader of the audit log would take them.
    private static async Task<int> Load(IPolicyStore store)
    {
        var read = 0;
        for (long after = 0; read < Events;)
        {
            var page = await store.ReadAuditAsync(after, 10_000);
            if (page.Count == 0)
            {
                break;
            }

            read += page.Count;
            after = page[^1].Sequence;
        }

        return read == Events ? read : throw new InvalidOperationException($"Read {read} of {Events} events.");
    }
}
