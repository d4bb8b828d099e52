namespace GovStaff.Policy.Organization;

/// <summary>Identifies a staff member (人员).</summary>
/// <remarks>Ids are opaque strings chosen by the embedding system (for example its own primary keys).</remarks>
public readonly record struct StaffId : IStronglyTypedId<StaffId>, IComparable<StaffId>
{
    private readonly string? _value;

    /// <summary>Creates the id.</summary>
    /// <param name="value">The raw identifier: non-empty, at most 128 characters, no white space.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid identifier.</exception>
    public StaffId(string value) => _value = IdValidation.Check(value, nameof(StaffId));

    /// <inheritdoc />
    public string Value => _value ?? throw new InvalidOperationException("StaffId was default-initialised; create it with a value.");

    /// <inheritdoc />
    public static StaffId From(string value) => new(value);

    /// <inheritdoc />
    public int CompareTo(StaffId other) => string.CompareOrdinal(_value, other._value);

    /// <summary>Compares ids ordinally.</summary>
    public static bool operator <(StaffId left, StaffId right) => left.CompareTo(right) < 0;

    /// <summary>Compares ids ordinally.</summary>
    public static bool operator <=(StaffId left, StaffId right) => left.CompareTo(right) <= 0;

    /// <summary>Compares ids ordinally.</summary>
    public static bool operator >(StaffId left, StaffId right) => left.CompareTo(right) > 0;

    /// <summary>Compares ids ordinally.</summary>
    public static bool operator >=(StaffId left, StaffId right) => left.CompareTo(right) >= 0;

    /// <summary>The raw identifier.</summary>
    public override string ToString() => _value ?? string.Empty;
}
