using GovStaff.Policy.Hosting;
using GovStaff.Policy.Plugins;
using GovStaff.Policy.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the SQLite store.</summary>
public static class SqliteStorageExtensions
{
    /// <summary>Stores everything in one SQLite file (the embedded default); the schema is created or migrated at start.</summary>
    /// <param name="builder">The GovStaff.Policy builder.</param>
    /// <param name="connectionString">E.g. <c>Data Source=data/govstaff.db</c>.</param>
    public static GovStaffPolicyBuilder UseSqliteStorage(this GovStaffPolicyBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var store = new SqlitePolicyStore(connectionString);
        builder.Services.RemoveAll<IPolicyStore>();
        builder.Services.AddSingleton<IPolicyStore>(store);
        return builder;
    }
}
