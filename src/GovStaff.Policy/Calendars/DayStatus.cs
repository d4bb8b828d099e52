using NodaTime;

namespace GovStaff.Policy.Calendars;

/// <summary>The status of one date on a <see cref="WorkCalendar"/>, with its reason.</summary>
/// <param name="Date">The date.</param>
/// <param name="Kind">Working day, weekend, holiday, adjusted working day, regional holiday or closure.</param>
/// <param name="Name">The holiday's name (国庆节) for holidays, adjusted working days, regional holidays and closures.</param>
/// <param name="Layer">The calendar layer that set the status (<c>national</c>, <c>ningxia</c>, …), or null for an ordinary day.</param>
/// <param name="IsAssumed">
/// True when no loaded data covers the date and the calendar's opt-in fallback treated it as an ordinary weekday or
/// weekend. Decisions that depend on such a day carry a warning.
/// </param>
public readonly record struct DayStatus(LocalDate Date, DayKind Kind, string? Name, string? Layer, bool IsAssumed)
{
    /// <summary>True on working days (including adjusted working days).</summary>
    public bool IsWorkingDay => Kind.IsWorking();

    /// <summary>The reason in Chinese and English: 工作日, 周末, 国庆节, 国庆节调休上班, 开斋节（宁夏）.</summary>
    public LocalizedText Reason => Kind switch
    {
        DayKind.WorkingDay => new("工作日", "working day"),
        DayKind.Weekend => new("周末", "weekend"),
        DayKind.PublicHoliday => new(Name!, $"public holiday: {Name}"),
        DayKind.AdjustedWorkingDay => new($"{Name}调休上班", $"adjusted working day for {Name}"),
        DayKind.RegionalHoliday => new($"{Name}（{Layer}）", $"regional holiday ({Layer}): {Name}"),
        _ => new($"闭馆：{Name}", $"closure: {Name}"),
    };

    /// <summary><c>2024-10-01 rest day (public holiday: 国庆节)</c></summary>
    public override string ToString() =>
        $"{Date:yyyy-MM-dd} {(IsWorkingDay ? "workday" : "rest day")} ({Reason.En}){(IsAssumed ? " [assumed]" : string.Empty)}";
}
