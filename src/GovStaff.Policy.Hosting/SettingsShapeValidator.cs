using System.Collections;
using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace GovStaff.Policy.Hosting;

/// <summary>
/// Checks the raw <c>GovStaffPolicy</c> section against the shape of <see cref="GovStaffPolicyOptions"/>: every value
/// must convert to its setting's type, and inside the sections the options describe completely (policy versions and
/// their rule options, the calendar, office hours) every key must be a setting.
/// </summary>
/// <remarks>
/// The configuration binder keeps a setting's default when a value inside a list fails to convert, and ignores keys it
/// does not know. For rules of law that is the worst outcome: <c>"AgeLimitYears": "forty"</c> or a misspelt
/// <c>"AgeLimitYear"</c> would silently judge by the default. Keys at the top of the section that the options do not
/// describe are left alone: other options and plugins read them.
/// </remarks>
internal sealed class SettingsShapeValidator(IConfiguration section) : IValidateOptions<GovStaffPolicyOptions>
{
    /// <summary>Binds the section; a conversion the binder refuses is reported by <see cref="Validate"/>, not thrown.</summary>
    public void Bind(GovStaffPolicyOptions options)
    {
        try
        {
            section.Bind(options);
        }
        catch (InvalidOperationException)
        {
            // Validate names the key (or repeats the binder's message); the host stops there.
        }
    }

    public ValidateOptionsResult Validate(string? name, GovStaffPolicyOptions options)
    {
        var problems = new List<string>();
        // Every key under GovStaffPolicy is one of these sections; a misspelt one anywhere is refused by name.
        foreach (var child in section.GetChildren())
        {
            if (child.Key.Equals("Plugins", StringComparison.OrdinalIgnoreCase))
            {
                CheckPlugins(child, problems);
            }
            else if (TopLevel.FirstOrDefault(t => t.Key.Equals(child.Key, StringComparison.OrdinalIgnoreCase)) is { Value: { } type })
            {
                CheckValue(child, type, problems);
            }
            else
            {
                problems.Add($"{child.Path} is not a setting; {SectionName} has {string.Join(", ", TopLevel.Keys)} and Plugins.");
            }
        }

        if (problems.Count == 0 && BinderRefusal() is { } refusal)
        {
            problems.Add(refusal);
        }

        if (problems.Count == 0)
        {
            CheckRanges(problems);
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    // The values that bind but make no sense: the outbox and the monitors would spin, stall or never deliver.
    private void CheckRanges(List<string> problems)
    {
        var outbox = new OutboxDispatcherOptions();
        section.GetSection("Outbox").Bind(outbox);
        var key = $"{SectionName}:Outbox";
        if (outbox.BatchSize <= 0)
        {
            problems.Add($"{key}:BatchSize must be greater than 0; got {outbox.BatchSize}.");
        }

        if (outbox.MaxAttempts < 1)
        {
            problems.Add($"{key}:MaxAttempts must be at least 1; got {outbox.MaxAttempts}.");
        }

        if (outbox.ImmediateRetries is < 0 or > 10)
        {
            // Retries within one round hold the round up; the backoff between rounds is what rides out an outage.
            problems.Add($"{key}:ImmediateRetries must be from 0 to 10; got {outbox.ImmediateRetries}.");
        }

        // Upper bounds: a timer cannot wait longer than about 49 days, and a claim renewed every third of its lease must
        // neither hammer the store (under a second) nor outlive a crashed host by more than a day.
        foreach (var (name, value, least, most) in new[]
                 {
                     ("PollInterval", outbox.PollInterval, TimeSpan.Zero, TimeSpan.FromDays(1)),
                     ("Lease", outbox.Lease, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1)),
                     ("Backoff", outbox.Backoff, TimeSpan.Zero, TimeSpan.FromDays(30)),
                     ("MaxBackoff", outbox.MaxBackoff, TimeSpan.Zero, TimeSpan.FromDays(30)),
                 })
        {
            if (value <= TimeSpan.Zero)
            {
                problems.Add($"{key}:{name} must be greater than zero; got {value}.");
            }
            else if (value < least)
            {
                problems.Add($"{key}:{name} must be at least {least}; got {value}.");
            }
            else if (value > most)
            {
                problems.Add($"{key}:{name} must be at most {most}; got {value}.");
            }
        }

        if (outbox.ImmediateRetryDelay < TimeSpan.Zero)
        {
            problems.Add($"{key}:ImmediateRetryDelay must not be negative; got {outbox.ImmediateRetryDelay}.");
        }

        var monitors = new MonitorOptions();
        section.GetSection("Monitors").Bind(monitors);
        if (monitors.Interval <= TimeSpan.Zero)
        {
            problems.Add($"{SectionName}:Monitors:Interval must be greater than zero; got {monitors.Interval}.");
        }
        else if (monitors.Interval > TimeSpan.FromDays(1))
        {
            problems.Add($"{SectionName}:Monitors:Interval must be at most {TimeSpan.FromDays(1)}; got {monitors.Interval}.");
        }
    }

    // A refusal the shape check did not foresee: bind once more, into a throwaway instance, to have its message.
    private string? BinderRefusal()
    {
        try
        {
            section.Bind(new GovStaffPolicyOptions());
            return null;
        }
        catch (InvalidOperationException e)
        {
            return e.Message;
        }
    }

    private const string SectionName = GovStaffPolicyOptions.SectionName;

    private static readonly Dictionary<string, Type> TopLevel = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Versions"] = typeof(List<PolicyVersionSettings>),
        ["Calendar"] = typeof(CalendarSettings),
        ["OfficeHours"] = typeof(OfficeHoursSettings),
        ["Outbox"] = typeof(OutboxDispatcherOptions),
        ["Monitors"] = typeof(MonitorOptions),
    };

    // Plugins: Folder, and Load entries of Name and Settings; a plugin's Settings are its own and not checked here.
    private static void CheckPlugins(IConfigurationSection plugins, List<string> problems)
    {
        foreach (var child in plugins.GetChildren())
        {
            if (child.Key.Equals("Folder", StringComparison.OrdinalIgnoreCase))
            {
                if (child.GetChildren().Any())
                {
                    problems.Add($"{child.Path} must be a folder name, not a section.");
                }
            }
            else if (child.Key.Equals("Load", StringComparison.OrdinalIgnoreCase))
            {
                if (!child.GetChildren().Any() && !string.IsNullOrEmpty(child.Value))
                {
                    problems.Add($"{child.Path} must be a list of plugins, each {{ \"Name\": …, \"Settings\": {{ … }} }}; got the value '{child.Value}'.");
                }

                foreach (var entry in child.GetChildren())
                {
                    foreach (var field in entry.GetChildren().Where(f => !f.Key.Equals("Name", StringComparison.OrdinalIgnoreCase) && !f.Key.Equals("Settings", StringComparison.OrdinalIgnoreCase)))
                    {
                        problems.Add($"{field.Path} is not a setting; a plugin entry has Name and Settings.");
                    }
                }
            }
            else
            {
                problems.Add($"{child.Path} is not a setting; Plugins has Folder and Load.");
            }
        }
    }

    private static void CheckObject(IConfiguration config, Type type, bool strict, List<string> problems)
    {
        foreach (var child in config.GetChildren())
        {
            var property = type.GetProperty(child.Key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null || property.GetIndexParameters().Length > 0)
            {
                if (strict)
                {
                    problems.Add($"{child.Path} is not a setting; {type.Name} has {string.Join(", ", type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => p.Name))}.");
                }

                continue;
            }

            CheckValue(child, property.PropertyType, problems);
        }
    }

    private static void CheckValue(IConfigurationSection value, Type type, List<string> problems)
    {
        // An empty value (JSON null or "") unsets a nullable setting; for any other the binder throws, so it is named here.
        var nullable = Nullable.GetUnderlyingType(type) is not null;
        type = Nullable.GetUnderlyingType(type) ?? type;
        var hasChildren = value.GetChildren().Any();
        if (ElementOf(type) is { } element)
        {
            if (!hasChildren && !string.IsNullOrEmpty(value.Value))
            {
                problems.Add($"{value.Path} must be a list; got the value '{value.Value}'.");
                return;
            }

            foreach (var item in value.GetChildren())
            {
                CheckValue(item, element, problems);
            }

            return;
        }

        if (type == typeof(string) || type == typeof(object))
        {
            return;
        }

        if (IsSimple(type))
        {
            if (hasChildren)
            {
                problems.Add($"{value.Path} must be a single value of type {Describe(type)}, not a section.");
            }
            else if (value.Value is { Length: > 0 } text && !Converts(type, text))
            {
                problems.Add($"{value.Path} must be {Describe(type)}; got '{text}'.");
            }
            else if (value.Value is { Length: 0 } && !nullable)
            {
                problems.Add($"{value.Path} must be {Describe(type)}; got an empty value (null or \"\"). Remove the key to keep the default.");
            }

            return;
        }

        if (!hasChildren && !string.IsNullOrEmpty(value.Value))
        {
            problems.Add($"{value.Path} must be a section with the settings of {type.Name}; got the value '{value.Value}'.");
            return;
        }

        // Sections of the library's own settings types are described completely: an unknown key is a mistake.
        CheckObject(value, type, strict: type.Namespace?.StartsWith("GovStaff.Policy", StringComparison.Ordinal) == true, problems);
    }

    private static Type? ElementOf(Type type) =>
        type != typeof(string) && type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) && type.GetGenericArguments() is [var element]
            ? element
            : type.IsArray ? type.GetElementType() : null;

    private static bool IsSimple(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(decimal) || type == typeof(TimeSpan) || type == typeof(DateTime) ||
        type == typeof(DateTimeOffset) || type == typeof(Guid) || type == typeof(Uri);

    private static bool Converts(Type type, string text)
    {
        if (type.IsEnum)
        {
            return Enum.TryParse(type, text, ignoreCase: true, out var parsed) && Enum.IsDefined(type, parsed);
        }

        try
        {
            TypeDescriptor.GetConverter(type).ConvertFromString(null, CultureInfo.InvariantCulture, text);
            return true;
        }
        catch (Exception e) when (e is FormatException or NotSupportedException or ArgumentException or OverflowException || e.InnerException is FormatException or OverflowException)
        {
            return false;
        }
    }

    private static string Describe(Type type) => type switch
    {
        _ when type.IsEnum => "one of " + string.Join(", ", Enum.GetNames(type)),
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(int) || type == typeof(long) => "a whole number",
        _ when type == typeof(decimal) || type == typeof(double) => "a number",
        _ when type == typeof(TimeSpan) => "a duration such as 00:05:00",
        _ => "a " + type.Name,
    };
}
