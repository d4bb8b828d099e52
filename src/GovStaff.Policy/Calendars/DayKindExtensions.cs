namespace GovStaff.Policy.Calendars;

/// <summary>Helpers for <see cref="DayKind"/>.</summary>
public static class DayKindExtensions
{
    /// <summary>True for <see cref="DayKind.WorkingDay"/> and <see cref="DayKind.AdjustedWorkingDay"/>.</summary>
    public static bool IsWorking(this DayKind kind) => kind is DayKind.WorkingDay or DayKind.AdjustedWorkingDay;
}
