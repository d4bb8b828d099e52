using GovStaff.Policy.Testing;

namespace GovStaff.Policy.Hosting.Tests.Storage;

/// <summary>The tests' PostgreSQL server (<see cref="ThrowawayPostgres"/>), started once per test collection.</summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private readonly ThrowawayPostgres _server = new();

    public string AdminConnectionString => _server.AdminConnectionString;

    public Task InitializeAsync() => _server.StartAsync();

    /// <summary>A fresh database for one test class.</summary>
    public Task<string> CreateDatabaseAsync() => _server.CreateDatabaseAsync();

    public Task DisposeAsync() => _server.StopAsync();
}

[CollectionDefinition(Name)]
public sealed class PostgresGroup : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
