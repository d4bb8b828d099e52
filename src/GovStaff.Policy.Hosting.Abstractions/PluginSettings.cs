using Microsoft.Extensions.Configuration;

namespace GovStaff.Policy.Hosting;

/// <summary>
/// Checks a plugin's settings section at start, as the host checks its own keys: a misspelt key is refused instead of
/// silently ignored until the plugin is needed unattended.
/// </summary>
public static class PluginSettings
{
    /// <summary>Throws <see cref="InvalidOperationException"/> naming the first key of <paramref name="settings"/> not in <paramref name="known"/>.</summary>
    /// <param name="settings">The plugin's <c>Settings</c> section.</param>
    /// <param name="known">The keys the plugin reads.</param>
    public static void RequireKnownKeys(IConfiguration settings, params string[] known)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(known);
        foreach (var child in settings.GetChildren())
        {
            if (!known.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"the setting '{child.Key}' is not a setting of this plugin; its settings are {string.Join(", ", known)}.");
            }
        }
    }
}
