using System.CommandLine;
using System.Globalization;
using GovStaff.Policy.Calendars;
using GovStaff.Policy.Hosting;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Text;

namespace GovStaff.Sample.Host;

/// <summary><c>workdays add|count|is</c>: working-day arithmetic on the configured calendar, for checking a date without code.</summary>
internal static class WorkdaysCommand
{
    public static Command Build(IServiceProvider services, SampleHostRun run)
    {
        var catalog = services.GetRequiredService<WorkCalendarCatalog>();
        var calendarOption = new Option<string?>("--calendar")
        {
            Description = $"Calendar to use: '{catalog.Default.Name}' (configured, the default), 'national' (the national layer as configured, its added year files included) or 'national-shipped' (the shipped national data alone).",
        };

        var addDate = new Argument<string>("date") { Description = "The starting date, yyyy-MM-dd (not counted)." };
        var addN = new Argument<int>("n") { Description = "How many working days, 1 or more." };
        var add = new Command("add",
            "Print the n-th working day strictly after the date (the date itself is not counted, 《民法典》第二百零一条).\n\n" +
            "Examples:\n  workdays add 2022-09-30 1        → 2022-10-08 (an adjusted Saturday)\n  workdays add 2022-09-28 20 --calendar national")
        {
            addDate, addN, calendarOption,
        };
        add.SetAction(r => Run(run, () =>
        {
            var n = r.GetValue(addN);
            if (n < 1)
            {
                throw new InputException($"n must be 1 or more; got {n}.");
            }

            return Format(Calendar(r).AddWorkingDays(ParseDate(r.GetValue(addDate)!), n));
        }));

        var from = new Argument<string>("from") { Description = "First date, yyyy-MM-dd (counted)." };
        var to = new Argument<string>("to") { Description = "Last date, yyyy-MM-dd (counted)." };
        var count = new Command("count",
            "Print the number of working days from the first date to the last, both included.\n\n" +
            "Examples:\n  workdays count 2022-10-01 2022-10-31\n  workdays count 2022-01-01 2022-12-31 --calendar national")
        {
            from, to, calendarOption,
        };
        count.SetAction(r => Run(run, () =>
            Calendar(r).CountWorkingDays(ParseDate(r.GetValue(from)!), ParseDate(r.GetValue(to)!)).ToString(CultureInfo.InvariantCulture)));

        var isDate = new Argument<string>("date") { Description = "The date, yyyy-MM-dd." };
        var isCommand = new Command("is",
            "Print 'workday' or 'rest day' with the reason (weekend, the holiday's name, adjusted workday for which holiday).\n\n" +
            "Examples:\n  workdays is 2022-10-08          → workday (adjusted workday for 国庆节)\n  workdays is 2021-05-13          → rest day (开斋节, ningxia)")
        {
            isDate, calendarOption,
        };
        isCommand.SetAction(r => Run(run, () => Describe(Calendar(r).GetStatus(ParseDate(r.GetValue(isDate)!)))));

        return new Command("workdays",
            "Working-day arithmetic on the official calendar (national + configured overlays).\n\n" +
            "Examples:\n  workdays add 2022-09-30 1\n  workdays count 2022-10-01 2022-10-31\n  workdays is 2022-10-08 --calendar national")
        {
            add, count, isCommand,
        };

        WorkCalendar Calendar(ParseResult r)
        {
            var name = r.GetValue(calendarOption);
            try
            {
                return name is null ? catalog.Default : catalog.Get(name);
            }
            catch (KeyNotFoundException e)
            {
                throw new InputException(e.Message);
            }
        }
    }

    internal static string Describe(DayStatus status)
    {
        var text = status.Kind switch
        {
            DayKind.WorkingDay => "workday",
            DayKind.AdjustedWorkingDay => $"workday (adjusted workday for {status.Name})",
            DayKind.Weekend => "rest day (weekend)",
            DayKind.PublicHoliday => $"rest day ({status.Name})",
            DayKind.RegionalHoliday => $"rest day ({status.Name}, {status.Layer})",
            _ => $"rest day (closure: {status.Name})",
        };
        return status.IsAssumed ? text + " [assumed: no holiday data for this date]" : text;
    }

    private static int Run(SampleHostRun run, Func<string> action)
    {
        try
        {
            run.Out.WriteLine(action());
            return ExitCodes.Ok;
        }
        catch (DateOutsideCalendarException e)
        {
            var hint = e.Calendar == "national" ? string.Empty : " (--calendar national answers from the national arrangement alone)";
            run.Error.WriteLine("error: " + Plain(e) + hint);
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is InputException or ArgumentException)
        {
            run.Error.WriteLine("error: " + Plain(e));
            return ExitCodes.BadInput;
        }
    }

    // ArgumentException appends " (Parameter 'x')" to its message; people at a console do not need it.
    private static string Plain(Exception e) =>
        e is ArgumentException { ParamName: { } p } ? e.Message.Replace($" (Parameter '{p}')", string.Empty, StringComparison.Ordinal) : e.Message;

    private static LocalDate ParseDate(string text)
    {
        var result = LocalDatePattern.Iso.Parse(text.Trim());
        return result.Success ? result.Value : throw new InputException($"'{text}' is not a date; use yyyy-MM-dd, e.g. 2022-10-08.");
    }

    private static string Format(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed class InputException(string message) : Exception(message);
}
