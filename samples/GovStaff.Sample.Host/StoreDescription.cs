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
        _ => store.GetType().Name,
    };
}
