using System.Reflection;
using GovStaff.Policy.Plugins;
using McMaster.NETCore.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace GovStaff.Policy.Hosting;

/// <summary>
/// Loads the plugins named in configuration from the plugins folder, each in its own AssemblyLoadContext with its own
/// dependencies, sharing the contract types with the host:
/// <c>GovStaffPolicy:Plugins:Folder</c> (relative to the content root) and <c>GovStaffPolicy:Plugins:Load</c>, a list
/// of <c>{ "Name": "GovStaff.Policy.Storage.Sqlite", "Settings": { … } }</c>, loaded from <c>Folder/Name/Name.dll</c>.
/// </summary>
internal static class PluginFolder
{
    // The host and every plugin must agree on these; everything else a plugin brings stays its own.
    private static readonly Type[] SharedTypes =
    [
        typeof(IGovStaffPlugin), typeof(GovStaffPolicyBuilder), typeof(IPolicyStore), typeof(INotifier), typeof(IServiceCollection),
        typeof(IConfiguration), typeof(ILogger), typeof(IClock), typeof(Decisions.PolicyEngine),
    ];

    public static void Load(GovStaffPolicyBuilder builder, IConfiguration section, string contentRoot)
    {
        var plugins = section.GetSection("Plugins");
        var entries = plugins.GetSection("Load").GetChildren().ToArray();
        if (entries.Length == 0)
        {
            return;
        }

        var folder = plugins["Folder"] is { Length: > 0 } f ? Path.GetFullPath(Path.Combine(contentRoot, f)) : Path.Combine(contentRoot, "plugins");
        foreach (var entry in entries)
        {
            var name = entry["Name"];
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new PluginLoadException($"#{entry.Key}", $"GovStaffPolicy:Plugins:Load:{entry.Key}:Name is not set.");
            }

            // A plugin name is a folder and file name inside the plugins folder, never a path out of it.
            if (name.IndexOfAny(['/', '\\', ':']) >= 0 || name.Contains("..", StringComparison.Ordinal) || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            {
                throw new PluginLoadException(name, $"GovStaffPolicy:Plugins:Load:{entry.Key}:Name must be a plugin's name, not a path: plugins load only from their own folder inside '{folder}'.");
            }

            var file = Path.Combine(folder, name, name + ".dll");
            if (!File.Exists(file))
            {
                throw new PluginLoadException(name, $"not found: expected {file} (GovStaffPolicy:Plugins:Folder is '{folder}').");
            }

            Assembly assembly;
            Type[] types;
            try
            {
                var loader = PluginLoader.CreateFromAssemblyFile(file, SharedTypes, config => config.PreferSharedTypes = true);
                assembly = loader.LoadDefaultAssembly();
                ProbeNativeLibraries(assembly, Path.GetDirectoryName(file)!);
                types = assembly.GetExportedTypes().Where(t => typeof(IGovStaffPlugin).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false }).ToArray();
            }
            catch (Exception e) when (e is BadImageFormatException or FileLoadException or FileNotFoundException or ReflectionTypeLoadException or TypeLoadException)
            {
                throw new PluginLoadException(name, $"could not be loaded from {file}: {e.Message} (built against another version of GovStaff.Policy?)", e);
            }

            if (types.Length == 0)
            {
                throw new PluginLoadException(name, $"{assembly.GetName().Name} contains no public class implementing {nameof(IGovStaffPlugin)}; it is not a GovStaff.Policy plugin.");
            }

            foreach (var type in types)
            {
                IGovStaffPlugin plugin;
                try
                {
                    plugin = (IGovStaffPlugin)Activator.CreateInstance(type)!;
                }
                catch (Exception e) when (e is MissingMethodException or TargetInvocationException)
                {
                    throw new PluginLoadException(name, $"{type.FullName} could not be created: {e.GetBaseException().Message}", e);
                }

                if (plugin.ContractVersion != PluginContract.Version)
                {
                    throw new PluginLoadException(name, $"{type.FullName} was built for plugin contract {plugin.ContractVersion}; this host speaks {PluginContract.Version}.");
                }

                try
                {
                    plugin.Register(builder, entry.GetSection("Settings"));
                }
                catch (Exception e)
                {
                    throw new PluginLoadException(name, $"failed to register: {e.Message}", e);
                }
            }
        }
    }

    // A plugin published without a runtime identifier through a project of another name (a vendor's wrapper around the
    // package) has no <Name>.deps.json: its native libraries (SQLite's e_sqlite3) sit under runtimes/<rid>/native/,
    // where the plugin's load context does not look. Probed here, most specific runtime first; a plugin published with
    // -r has them beside its assembly, where they are found before this runs.
    private static void ProbeNativeLibraries(Assembly assembly, string folder)
    {
        var runtimes = Path.Combine(folder, "runtimes");
        if (!Directory.Exists(runtimes) || System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(assembly) is not { } context)
        {
            return;
        }

        var arch = System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
        var os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
        string[] rids = [System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier, $"{os}-{arch}", os];
        context.ResolvingUnmanagedDll += (_, name) =>
        {
            foreach (var rid in rids.Distinct(StringComparer.Ordinal))
            {
                foreach (var candidate in (string[])[name, $"lib{name}.so", $"lib{name}.dylib", $"{name}.dll", $"{name}.so"])
                {
                    var path = Path.Combine(runtimes, rid, "native", candidate);
                    if (File.Exists(path) && System.Runtime.InteropServices.NativeLibrary.TryLoad(path, out var handle))
                    {
                        return handle;
                    }
                }
            }

            return IntPtr.Zero;
        };
    }
}
