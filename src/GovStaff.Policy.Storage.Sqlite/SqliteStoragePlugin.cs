using GovStaff.Policy.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GovStaff.Policy.Storage.Sqlite;

/// <summary>Loads this store from the plugins folder; settings: <c>ConnectionString</c>.</summary>
public sealed class SqliteStoragePlugin : IGovStaffPlugin
{
    /// <inheritdoc />
    public int ContractVersion => PluginContract.Version;

    /// <inheritdoc />
    public void Register(GovStaffPolicyBuilder builder, IConfiguration settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        builder.UseSqliteStorage(Required(settings, "ConnectionString"));
    }

    private static string Required(IConfiguration settings, string key) =>
        settings[key] is { Length: > 0 } value ? value : throw new InvalidOperationException($"the setting {key} is missing.");
}
