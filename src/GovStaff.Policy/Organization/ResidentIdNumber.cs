using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace GovStaff.Policy.Organization;

/// <summary>
/// A Chinese resident identity card number (公民身份号码, GB 11643-1999): 17 digits and a check character (0–9 or X).
/// </summary>
/// <remarks>
/// <see cref="ToString"/> masks the number (<c>6405**********1234</c>) so that it cannot leak into logs or exception
/// messages by accident; only <see cref="Value"/> gives the full number. Immutable and thread-safe.
/// </remarks>
[JsonConverter(typeof(ResidentIdNumberJsonConverter))]
public readonly record struct ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    private readonly string? _value;

    /// <summary>Creates and validates the number.</summary>
    /// <param name="value">18 characters: 17 digits and a check digit or X (lower-case x is accepted).</param>
    /// <exception cref="ArgumentException">The number has the wrong length, a non-digit, an impossible birth date or a wrong check digit.</exception>
    public ResidentIdNumber(string value)
    {
        var error = Validate(value);
        if (error is not null)
        {
            throw new ArgumentException(error, nameof(value));
        }

        _value = value.ToUpperInvariant();
    }

    /// <summary>The full number. Handle with care: it is personal data.</summary>
    public string Value => _value ?? throw new InvalidOperationException("ResidentIdNumber was default-initialised.");

    /// <summary>The birth date encoded in the number (characters 7–14).</summary>
    public LocalDate BirthDate => LocalDatePattern.Iso.Parse(
        $"{Value.AsSpan(6, 4)}-{Value.AsSpan(10, 2)}-{Value.AsSpan(12, 2)}").Value;

    /// <summary>The masked number: the first four and the last four characters kept, <c>6405**********1234</c>.</summary>
    public string Masked => _value is null ? string.Empty : string.Concat(_value.AsSpan(0, 4), new string('*', 10), _value.AsSpan(14, 4));

    /// <summary>The masked number; never the full one.</summary>
    public override string ToString() => Masked;

    /// <summary>Checks a candidate number.</summary>
    /// <param name="value">The candidate.</param>
    /// <returns>Null when valid, otherwise a message that says what is wrong without repeating the number.</returns>
    public static string? Validate(string? value)
    {
        if (value is null || value.Length != 18)
        {
            return $"A resident ID number has 18 characters; got {value?.Length ?? 0}.";
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return $"A resident ID number has digits in positions 1–17; position {i + 1} is not a digit.";
            }

            sum += (value[i] - '0') * Weights[i];
        }

        var birth = LocalDatePattern.Iso.Parse($"{value.AsSpan(6, 4)}-{value.AsSpan(10, 2)}-{value.AsSpan(12, 2)}");
        if (!birth.Success)
        {
            return "The birth date in positions 7–14 of the resident ID number is not a real date.";
        }

        var expected = CheckCharacters[sum % 11];
        if (char.ToUpperInvariant(value[17]) != expected)
        {
            return "The check digit (position 18) of the resident ID number is wrong.";
        }

        return null;
    }
}
