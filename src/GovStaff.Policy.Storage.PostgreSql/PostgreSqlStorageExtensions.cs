using GovStaff.Policy.Hosting;
using GovStaff.Policy.Plugins;
using GovStaff.Policy.Storage.PostgreSql;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the PostgreSQL store.</summary>
public static class PostgreSqlStorageExtensions
{
    /// <summary>Stores everything in a PostgreSQL database shared by any number of hosts; the schema is created or migrated at start.</summary>
    /// <param name="builder">The GovStaff.Policy builder.</param>
    /// <param name="connectionString">An Npgsql connection string.</param>
    public static GovStaffPolicyBuilder UsePostgreSqlStorage(this GovStaffPolicyBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var store = new PostgreSqlPolicyStore(connectionString);
        builder.Services.RemoveAll<IPolicyStore>();
        builder.Services.AddSingleton<IPolicyStore>(store);
        return builder;
    }
}
