using GovStaff.Policy.Regulation;
using NodaTime;

namespace GovStaff.Policy.Organization;

/// <summary>Age in completed years (周岁), as Art. 4's "45岁以下" measures it.</summary>
internal static class Ages
{
    /// <summary>The completed years of age on a date.</summary>
    /// <param name="birthDate">Date of birth.</param>
    /// <param name="on">The date age is measured on; not before the birth date.</param>
    /// <param name="leapDay">How a 29 February birthday falls in common years.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="on"/> is before the birth date.</exception>
    public static int CompletedYears(LocalDate birthDate, LocalDate on, LeapDayBirthdays leapDay = LeapDayBirthdays.March1)
    {
        if (on < birthDate)
        {
            throw new ArgumentOutOfRangeException(nameof(on), on, $"Age is measured on or after the birth date {birthDate:yyyy-MM-dd}.");
        }

        var years = on.Year - birthDate.Year;
        return on < Birthday(birthDate, on.Year, leapDay) ? years - 1 : years;
    }

    /// <summary>The birthday in a given year.</summary>
    public static LocalDate Birthday(LocalDate birthDate, int year, LeapDayBirthdays leapDay = LeapDayBirthdays.March1)
    {
        if (birthDate is { Month: 2, Day: 29 } && !CalendarSystem.Iso.IsLeapYear(year))
        {
            return leapDay == LeapDayBirthdays.March1 ? new LocalDate(year, 3, 1) : new LocalDate(year, 2, 28);
        }

        return new LocalDate(year, birthDate.Month, birthDate.Day);
    }
}
