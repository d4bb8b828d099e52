namespace GovStaff.Policy.Hosting;

/// <summary>The plugin contract's version.</summary>
public static class PluginContract
{
    /// <summary>The version this host speaks.</summary>
    public const int Version = 1;
}
