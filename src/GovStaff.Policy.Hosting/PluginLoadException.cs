namespace GovStaff.Policy.Hosting;

/// <summary>A plugin could not be found, loaded or registered; the message names the plugin and the cause.</summary>
public sealed class PluginLoadException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PluginLoadException(string plugin, string cause, Exception? inner = null)
        : base($"Plugin '{plugin}': {cause}", inner)
    {
        Plugin = plugin;
    }

    /// <summary>The plugin's name.</summary>
    public string Plugin { get; }
}
