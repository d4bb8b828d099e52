using System.Collections;
using System.Globalization;
using System.Reflection;
using GovStaff.Policy.Tests.Support;

namespace GovStaff.Policy.Hosting.Tests;

/// <summary>
/// docs/hosting.md's table of settings is the options types: every key under <c>GovStaffPolicy</c> that the host binds
/// has a row with its type and default, and every row names a key that exists.
/// </summary>
public sealed class SettingsTableTest
{
    // The sections and the types they bind to, as AddGovStaffPolicy binds them. Plugins are read by the plugin loader.
    private static readonly (string Key, Type Type)[] Sections =
    [
        ("Versions", typeof(List<PolicyVersionSettings>)),
        ("Calendar", typeof(CalendarSettings)),
        ("OfficeHours", typeof(OfficeHoursSettings)),
        ("Outbox", typeof(OutboxDispatcherOptions)),
        ("Monitors", typeof(MonitorOptions)),
    ];

    private static readonly (string Key, string Type, string Default)[] PluginRows =
    [
        ("GovStaffPolicy:Plugins:Folder", "string", "—"),
        ("GovStaffPolicy:Plugins:Load:N:Name", "string", "—"),
        ("GovStaffPolicy:Plugins:Load:N:Settings", "section", "—"),
    ];

    /// <summary>Every setting: key, type and default, read from the options types.</summary>
    internal static IReadOnlyList<(string Key, string Type, string Default)> Expected()
    {
        var rows = new List<(string, string, string)>();
        foreach (var (key, type) in Sections)
        {
            Walk("GovStaffPolicy:" + key, type, null, rows);
        }

        rows.AddRange(PluginRows);
        return rows;
    }

    private static void Walk(string key, Type type, object? value, List<(string, string, string)> rows)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            var item = type.GetGenericArguments()[0];
            if (item == typeof(string))
            {
                rows.Add((key + ":N", "string", "—"));
                return;
            }

            Walk(key + ":N", item, Activator.CreateInstance(item), rows);
            return;
        }

        if (type == typeof(Regulation.PolicyOptions))
        {
            rows.Add((key + ":*", "options", "the measures' readings"));
            return;
        }

        if (type.IsClass && type != typeof(string) && type.Namespace!.StartsWith("GovStaff.Policy", StringComparison.Ordinal))
        {
            var instance = value ?? Activator.CreateInstance(type); // an unset section: walked for its keys
            foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            {
                var propertyType = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
                var child = instance is null ? null : p.GetValue(instance);
                // A section that is null by default (OfficeHours:Summer) has no defaults below it.
                var unsetSection = child is null && propertyType.IsClass && propertyType != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(propertyType);
                var before = rows.Count;
                Walk($"{key}:{p.Name}", propertyType, child, rows);
                if (unsetSection)
                {
                    for (var i = before; i < rows.Count; i++)
                    {
                        rows[i] = (rows[i].Item1, rows[i].Item2, "—");
                    }
                }
            }

            return;
        }

        rows.Add((key, TypeName(type), Format(value)));
    }

    private static string TypeName(Type t) => t switch
    {
        _ when t == typeof(string) => "string",
        _ when t == typeof(int) => "int",
        _ when t == typeof(bool) => "bool",
        _ when t == typeof(TimeSpan) => "TimeSpan",
        _ when t == typeof(Uri) => "URL",
        { IsEnum: true } => string.Join(" \\| ", Enum.GetNames(t)),
        _ => t.Name,
    };

    private static string Format(object? value) => value switch
    {
        null => "—",
        string { Length: 0 } => "—",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "—",
    };

    private static (string Key, string Type, string Default)[] Documented()
    {
        var docs = File.ReadAllLines(Path.Combine(Repo.Root, "docs", "hosting.md"));
        var start = Array.FindIndex(docs, l => l.StartsWith("## Settings", StringComparison.Ordinal));
        Assert.True(start >= 0, "docs/hosting.md has no '## Settings' section");
        return docs.Skip(start + 1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal))
            .Where(l => l.StartsWith("| `GovStaffPolicy", StringComparison.Ordinal))
            .Select(l => l.Split(" | "))
            .Select(c => (c[0].TrimStart('|', ' ').Trim('`'), c[1].Trim('`'), c[2].Trim('`')))
            .ToArray();
    }

    [Fact]
    public void EverySetting_HasARowWithItsTypeAndDefault_AndEveryRowIsASetting()
    {
        var expected = Expected();
        var documented = Documented();
        var missing = expected.Where(e => !documented.Contains(e)).Select(e => $"| `{e.Key}` | `{e.Type}` | `{e.Default}` |").ToArray();
        var stale = documented.Where(d => !expected.Contains(d)).Select(d => $"{d.Key} ({d.Type}, {d.Default})").ToArray();
        Assert.True(missing.Length == 0 && stale.Length == 0,
            $"docs/hosting.md's settings table differs from the options types.\nMissing or different:\n{string.Join("\n", missing)}\nNot a setting (or different):\n{string.Join("\n", stale)}");
    }
}
