namespace GovStaff.Policy.Calendars;

/// <summary>Why a day is a working day or a rest day.</summary>
public enum DayKind : byte
{
    /// <summary>An ordinary Monday–Friday working day (or a weekday a notice lists as working).</summary>
    WorkingDay = 0,

    /// <summary>An ordinary Saturday or Sunday (国务院令第146号 第七条: the weekly rest days).</summary>
    Weekend = 1,

    /// <summary>A national public holiday or a day off of its arrangement (法定节假日 / 调休放假), named.</summary>
    PublicHoliday = 2,

    /// <summary>A Saturday or Sunday made a working day by a holiday arrangement (调休上班), named after the holiday.</summary>
    AdjustedWorkingDay = 3,

    /// <summary>A regional day off added by an overlay, e.g. Ningxia's 开斋节 and 古尔邦节.</summary>
    RegionalHoliday = 4,

    /// <summary>A day a body is closed by its own decision (a closures layer).</summary>
    Closure = 5,
}
