using NodaTime;

namespace GovStaff.Policy;

/// <summary>Argument checks shared by the entities; each message names the field.</summary>
internal static class Guard
{
    /// <summary>
    /// Checks a positional record's parameter for null. Used in a field initializer, so the record's properties keep
    /// their declared order (and their JSON its shape); always true when it returns.
    /// </summary>
    internal static bool NotNull(object? value, string field) => value is not null ? true : throw new ArgumentNullException(field);

    internal static string Text(string? value, string field, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{field} must not be empty.", field);
        }

        if (value.Length > maxLength)
        {
            throw new ArgumentException($"{field} must be at most {maxLength} characters; got {value.Length}.", field);
        }

        foreach (var c in value)
        {
            // Line breaks and tabs are text; other control characters and invisible format characters (a zero-width
            // space) are not, and would make two names look the same.
            if ((char.IsControl(c) && c is not ('\n' or '\r' or '\t')) ||
                (char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format && c != '\u200D'))
            {
                throw new ArgumentException($"{field} contains a control or invisible format character (U+{(int)c:X4}).", field);
            }
        }

        return value.Trim();
    }

    internal static string? OptionalText(string? value, string field, int maxLength = 200) =>
        value is null ? null : Text(value, field, maxLength);

    internal static T Defined<T>(T value, string field)
        where T : struct, Enum =>
        Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(field, value, $"{field} has an undefined value {value}.");

    internal static LocalDate IsoDate(LocalDate value, string field)
    {
        if (value.Calendar != CalendarSystem.Iso)
        {
            throw new ArgumentException($"{field} must be in the ISO calendar; got {value.Calendar.Id}.", field);
        }

        return value;
    }

    internal static T Id<T>(T value, string field)
        where T : struct, IStronglyTypedId<T>
    {
        // A default(StaffId) has no value; reading Value throws, so check through ToString.
        if (string.IsNullOrEmpty(value.ToString()))
        {
            throw new ArgumentException($"{field} must be set.", field);
        }

        return value;
    }
}
