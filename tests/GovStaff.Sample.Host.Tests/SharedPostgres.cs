using GovStaff.Policy.Testing;

namespace GovStaff.Sample.Host.Tests;

/// <summary>
/// One PostgreSQL server for the whole test assembly, shared because starting one costs seconds: started on first
/// use, stopped when the test process exits (xUnit 2 has no assembly fixture). It shares nothing else: every caller
/// gets a database of its own. A test that kills its server starts its own <see cref="ThrowawayPostgres"/>.
/// </summary>
internal static class SharedPostgres
{
    private static readonly Lazy<ThrowawayPostgres> Server = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A fresh database on the shared server; its connection string.</summary>
    public static string CreateDatabase() => Server.Value.CreateDatabaseAsync().GetAwaiter().GetResult();

    private static ThrowawayPostgres Start()
    {
        var server = new ThrowawayPostgres();
        server.StartAsync().GetAwaiter().GetResult();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.StopAsync().GetAwaiter().GetResult();
        return server;
    }
}
