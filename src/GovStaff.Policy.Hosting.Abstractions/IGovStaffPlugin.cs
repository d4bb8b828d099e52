using Microsoft.Extensions.Configuration;

namespace GovStaff.Policy.Hosting;

/// <summary>
/// What a plugin loaded from the plugins folder exposes: one public class implementing this interface, which
/// registers the plugin's services from its settings (<c>GovStaffPolicy:Plugins:Load:N:Settings</c>).
/// </summary>
public interface IGovStaffPlugin
{
    /// <summary>
    /// The plugin contract version the plugin was built against; the host refuses any other. Implement it as
    /// <c>public int ContractVersion => PluginContract.Version;</c>: the constant is compiled into the plugin, so it
    /// reports the version the plugin was built for, not the one of the host that loads it.
    /// </summary>
    int ContractVersion { get; }

    /// <summary>Registers the plugin with the host.</summary>
    /// <param name="builder">The GovStaff.Policy builder.</param>
    /// <param name="settings">The plugin's own settings section.</param>
    void Register(GovStaffPolicyBuilder builder, IConfiguration settings);
}

