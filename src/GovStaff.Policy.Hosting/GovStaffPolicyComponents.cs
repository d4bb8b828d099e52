using System.Globalization;
using GovStaff.Policy.Calendars;
using GovStaff.Policy.Regulation;
using NodaTime;
using NodaTime.Text;

namespace GovStaff.Policy.Hosting;

/// <summary>
/// What <see cref="GovStaffPolicyOptions"/> describes, built and checked: the policy versions, the calendar and the
/// office hours. Building collects every problem with its configuration key instead of stopping at the first.
/// </summary>
public sealed class GovStaffPolicyComponents
{
    private GovStaffPolicyComponents(PolicyVersionSet versions, WorkCalendarCatalog calendars, OfficeHours hours)
    {
        Versions = versions;
        Calendars = calendars;
        OfficeHours = hours;
    }

    /// <summary>The configured versions.</summary>
    public PolicyVersionSet Versions { get; }

    /// <summary>The calendars.</summary>
    public WorkCalendarCatalog Calendars { get; }

    /// <summary>The office hours.</summary>
    public OfficeHours OfficeHours { get; }

    /// <summary>Builds the components.</summary>
    /// <param name="options">The bound options.</param>
    /// <param name="contentRoot">The folder relative file paths are resolved against.</param>
    /// <param name="errors">Every problem found, each starting with its configuration key.</param>
    /// <returns>The components, or null when there were errors.</returns>
    public static GovStaffPolicyComponents? TryBuild(GovStaffPolicyOptions options, string contentRoot, out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        var versions = BuildVersions(options, problems);
        var calendar = BuildCalendar(options.Calendar ?? new CalendarSettings(), contentRoot, problems);
        var hours = BuildHours(options.OfficeHours, problems);
        errors = problems;
        return problems.Count == 0 ? new GovStaffPolicyComponents(versions!, new WorkCalendarCatalog(calendar!), hours!) : null;
    }

    private const string Section = GovStaffPolicyOptions.SectionName;

    private static PolicyVersionSet? BuildVersions(GovStaffPolicyOptions options, List<string> problems)
    {
        if (options.Versions is null || options.Versions.Count == 0)
        {
            return PolicyVersionSet.Default;
        }

        var versions = new List<PolicyVersion>();
        for (var i = 0; i < options.Versions.Count; i++)
        {
            var v = options.Versions[i];
            var key = $"{Section}:Versions:{i}";
            var before = problems.Count;
            if (string.IsNullOrWhiteSpace(v.Id))
            {
                problems.Add($"{key}:Id must be set.");
            }

            var from = Date(v.EffectiveFrom, $"{key}:EffectiveFrom", problems, required: true);
            var until = Date(v.EffectiveUntil, $"{key}:EffectiveUntil", problems, required: false);
            foreach (var error in (v.Options ?? PolicyOptions.Default).Validate())
            {
                problems.Add($"{key}:Options:{error}");
            }

            if (problems.Count > before)
            {
                continue;
            }

            try
            {
                versions.Add(new PolicyVersion(v.Id, new LocalizedText(v.TitleZh, v.TitleEn), from!.Value, until, v.Options));
            }
            catch (ArgumentException e)
            {
                problems.Add($"{key}: {e.Message}");
            }
        }

        if (versions.Count != options.Versions.Count)
        {
            return null;
        }

        try
        {
            return new PolicyVersionSet(versions);
        }
        catch (ArgumentException e)
        {
            problems.Add($"{Section}:Versions: {e.Message}");
            return null;
        }
    }

    private static WorkCalendar? BuildCalendar(CalendarSettings settings, string contentRoot, List<string> problems)
    {
        if (settings.Layers is null || settings.Layers.Count == 0)
        {
            return settings.AllowFallback ? WorkCalendar.National.WithFallback(true, settings.FallbackYears) : WorkCalendar.National;
        }

        var layers = new List<CalendarLayer>();
        for (var i = 0; i < settings.Layers.Count; i++)
        {
            var l = settings.Layers[i];
            var key = $"{Section}:Calendar:Layers:{i}";
            if (string.IsNullOrWhiteSpace(l.Name))
            {
                problems.Add($"{key}:Name must be set.");
                continue;
            }

            CalendarLayer layer;
            if (l.BuiltIn)
            {
                var builtIn = l.Name.ToLowerInvariant() switch
                {
                    "national" => BuiltInCalendars.NationalLayer,
                    "ningxia" => BuiltInCalendars.NingxiaLayer,
                    _ => null,
                };
                if (builtIn is null)
                {
                    problems.Add($"{key}:BuiltIn: there is no built-in data named '{l.Name}'; built-in layers are 'national' and 'ningxia'.");
                    continue;
                }

                layer = builtIn with { Kind = l.Kind };
            }
            else
            {
                layer = new CalendarLayer(l.Name, l.Kind, []);
            }

            for (var f = 0; f < (l.Files?.Count ?? 0); f++)
            {
                var path = Path.IsPathRooted(l.Files![f]) ? l.Files[f] : Path.Combine(contentRoot, l.Files[f]);
                try
                {
                    layer = layer.WithYears(HolidayDataReader.ReadFile(path));
                }
                catch (CalendarDataException e)
                {
                    problems.Add($"{key}:Files:{f}: {e.Message}");
                }
            }

            layers.Add(layer);
        }

        if (layers.Count != settings.Layers.Count)
        {
            return null;
        }

        try
        {
            return WorkCalendar.Create(settings.Name ?? string.Join("+", layers.Select(x => x.Name)), layers, settings.AllowFallback, settings.FallbackYears);
        }
        catch (ArgumentException e)
        {
            problems.Add($"{Section}:Calendar: {e.Message}");
            return null;
        }
    }

    private static OfficeHours? BuildHours(OfficeHoursSettings? settings, List<string> problems)
    {
        if (settings is null)
        {
            return OfficeHours.Default;
        }

        var key = $"{Section}:OfficeHours";
        var before = problems.Count;
        var winter = Schedule(settings.Winter, $"{key}:Winter", problems);
        var summer = settings.Summer is null ? null : Schedule(settings.Summer, $"{key}:Summer", problems);
        var summerStarts = Annual(settings.SummerStarts, $"{key}:SummerStarts", problems);
        var winterStarts = Annual(settings.WinterStarts, $"{key}:WinterStarts", problems);
        if (problems.Count > before)
        {
            return null;
        }

        try
        {
            return new OfficeHours(winter!, summer, summerStarts, winterStarts);
        }
        catch (ArgumentException e)
        {
            problems.Add($"{key}: {e.Message}");
            return null;
        }
    }

    private static DailySchedule? Schedule(ScheduleSettings s, string key, List<string> problems)
    {
        var times = new[]
        {
            Time(s.MorningStart, key + ":MorningStart", problems),
            Time(s.MorningEnd, key + ":MorningEnd", problems),
            Time(s.AfternoonStart, key + ":AfternoonStart", problems),
            Time(s.AfternoonEnd, key + ":AfternoonEnd", problems),
        };
        if (times.Any(t => t is null))
        {
            return null;
        }

        try
        {
            return new DailySchedule(times[0]!.Value, times[1]!.Value, times[2]!.Value, times[3]!.Value);
        }
        catch (ArgumentException e)
        {
            problems.Add($"{key}: {e.Message}");
            return null;
        }
    }

    private static LocalDate? Date(string? text, string key, List<string> problems, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                problems.Add($"{key} must be set (yyyy-MM-dd).");
            }

            return null;
        }

        var r = LocalDatePattern.Iso.Parse(text.Trim());
        if (!r.Success)
        {
            problems.Add($"{key} must be a date yyyy-MM-dd; got '{text}'.");
            return null;
        }

        return r.Value;
    }

    private static LocalTime? Time(string? text, string key, List<string> problems)
    {
        var r = LocalTimePattern.Create("HH:mm", CultureInfo.InvariantCulture).Parse(text?.Trim() ?? string.Empty);
        if (!r.Success)
        {
            problems.Add($"{key} must be a time HH:mm; got '{text}'.");
            return null;
        }

        return r.Value;
    }

    private static AnnualDate? Annual(string? text, string key, List<string> problems)
    {
        var r = AnnualDatePattern.Iso.Parse(text?.Trim() ?? string.Empty);
        if (!r.Success)
        {
            problems.Add($"{key} must be a date MM-dd; got '{text}'.");
            return null;
        }

        return r.Value;
    }
}
