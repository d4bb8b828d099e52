using System.Globalization;
using System.Text.Json.Serialization;
using NodaTime;

namespace GovStaff.Policy.Calendars;

/// <summary>
/// An appraisal period (Art. 26): a routine period of <see cref="Months"/> months (a quarter by default: 2022Q4) or
/// a year (年终考核: 2022).
/// </summary>
[JsonConverter(typeof(AppraisalPeriodJsonConverter))]
public readonly record struct AppraisalPeriod : IComparable<AppraisalPeriod>
{
    /// <summary>Creates a period.</summary>
    /// <param name="year">The year.</param>
    /// <param name="number">The period's number in the year, from 1.</param>
    /// <param name="months">Months per period: 12 for the annual appraisal, a divisor of 12 for routine ones.</param>
    /// <exception cref="ArgumentOutOfRangeException">The numbers do not make a period.</exception>
    public AppraisalPeriod(int year, int number, int months)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1900);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 2200);
        if (months < 1 || months > 12 || 12 % months != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(months), months, "Months per period must divide the year (1, 2, 3, 4, 6 or 12).");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 12 / months);
        Year = year;
        Number = number;
        Months = months;
    }

    /// <summary>A quarter: 平时考核每季度开展一次.</summary>
    public static AppraisalPeriod Quarter(int year, int quarter) => new(year, quarter, 3);

    /// <summary>The annual appraisal (年终考核).</summary>
    public static AppraisalPeriod Annual(int year) => new(year, 1, 12);

    /// <summary>The year.</summary>
    public int Year { get; }

    /// <summary>The period's number in the year.</summary>
    public int Number { get; }

    /// <summary>Months per period.</summary>
    public int Months { get; }

    /// <summary>True for the annual appraisal.</summary>
    public bool IsAnnual => Months == 12;

    /// <summary>The first day.</summary>
    public LocalDate Start => new(Year, ((Number - 1) * Months) + 1, 1);

    /// <summary>The last day.</summary>
    public LocalDate End => Start.PlusMonths(Months).PlusDays(-1);

    /// <summary>The days of the period.</summary>
    public DateInterval Days => new(Start, End);

    /// <summary>The period before, running into the previous year after the first.</summary>
    public AppraisalPeriod Previous => Number > 1 ? new(Year, Number - 1, Months) : new(Year - 1, 12 / Months, Months);

    /// <summary>The period after.</summary>
    public AppraisalPeriod Next => Number < 12 / Months ? new(Year, Number + 1, Months) : new(Year + 1, 1, Months);

    /// <summary>The routine period of the same length that contains a date.</summary>
    public static AppraisalPeriod Containing(LocalDate date, int months = 3) => new(date.Year, ((date.Month - 1) / months) + 1, months);

    /// <inheritdoc />
    public int CompareTo(AppraisalPeriod other) => Start.CompareTo(other.Start) is var c and not 0 ? c : Months.CompareTo(other.Months);

    /// <summary>Orders periods by start.</summary>
    public static bool operator <(AppraisalPeriod left, AppraisalPeriod right) => left.CompareTo(right) < 0;

    /// <summary>Orders periods by start.</summary>
    public static bool operator <=(AppraisalPeriod left, AppraisalPeriod right) => left.CompareTo(right) <= 0;

    /// <summary>Orders periods by start.</summary>
    public static bool operator >(AppraisalPeriod left, AppraisalPeriod right) => left.CompareTo(right) > 0;

    /// <summary>Orders periods by start.</summary>
    public static bool operator >=(AppraisalPeriod left, AppraisalPeriod right) => left.CompareTo(right) >= 0;

    // Quarter names are written into every appraisal message and event; keep one string per quarter.
    private static readonly string?[] QuarterNames = new string?[(2200 - 1900 + 1) * 4];

    /// <summary><c>2022Q4</c>, <c>2022</c> (annual), <c>2022M07</c> (monthly) or <c>2022P2</c> (other lengths).</summary>
    public override string ToString() => Months == 3
        ? QuarterNames[((Year - 1900) * 4) + Number - 1] ??= Format()
        : Format();

    private string Format() => Months switch
    {
        12 => Year.ToString(CultureInfo.InvariantCulture),
        3 => $"{Year}Q{Number}",
        1 => $"{Year}M{Number:00}",
        _ => $"{Year}P{Number}x{Months}",
    };

    /// <summary>Parses <c>2022Q4</c>, <c>2022</c>, <c>2022M07</c> or <c>2022P2x6</c>.</summary>
    /// <exception cref="FormatException">The text is not a period.</exception>
    public static AppraisalPeriod Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.Trim().ToUpperInvariant();
        try
        {
            if (s.Length == 4)
            {
                return Annual(int.Parse(s, CultureInfo.InvariantCulture));
            }

            var year = int.Parse(s.AsSpan(0, 4), CultureInfo.InvariantCulture);
            return s[4] switch
            {
                'Q' => Quarter(year, int.Parse(s.AsSpan(5), CultureInfo.InvariantCulture)),
                'M' => new(year, int.Parse(s.AsSpan(5), CultureInfo.InvariantCulture), 1),
                'P' when s.IndexOf('X', StringComparison.Ordinal) is var x and > 5 =>
                    new(year, int.Parse(s.AsSpan(5, x - 5), CultureInfo.InvariantCulture), int.Parse(s.AsSpan(x + 1), CultureInfo.InvariantCulture)),
                _ => throw new FormatException(),
            };
        }
        catch (Exception e) when (e is FormatException or ArgumentOutOfRangeException or OverflowException or IndexOutOfRangeException)
        {
            throw new FormatException($"'{text}' is not an appraisal period; use 2022Q4, 2022 (annual) or 2022M07.", e);
        }
    }

    /// <summary>Parses like <see cref="Parse"/>; returns false instead of throwing.</summary>
    /// <param name="text">The text, e.g. <c>2022Q4</c>.</param>
    /// <param name="period">The period read.</param>
    public static bool TryParse([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? text, out AppraisalPeriod period)
    {
        period = default;
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length is < 4 or > 16)
        {
            return false;
        }

        try
        {
            period = Parse(text);
            return period.Year is >= 1900 and <= 9998;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
