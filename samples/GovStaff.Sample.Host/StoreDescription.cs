using GovStaff.Policy.Plugins;
using GovStaff.Policy.Storage.PostgreSql;
using GovStaff.Policy.Storage.Sqlite;

namespace GovStaff.Sample.Host;

/// <summary>Where the records go, for the printout: the SQLite file or the PostgreSQL server, never a password.</summary>
internal static class StoreDescription
{
    public static string Of(IPolicyStore store) => store switch
    {
        SqlitePolicyStore sqlite => sqlite.DataSource,
        PostgreSqlPolicyStore postgres => postgres.Server,
        // The same stores loaded as plugins are other types (their own load context): read the same property by name.
        _ => (store.GetType().GetProperty(nameof(SqlitePolicyStore.DataSource))?.GetValue(store)
              ?? store.GetType().GetProperty(nameof(PostgreSqlPolicyStore.Server))?.GetValue(store)) is string where
            ? $"{where} ({store.GetType().Assembly.GetName().Name} plugin)"
            : store.GetType().Name,
    };
}
