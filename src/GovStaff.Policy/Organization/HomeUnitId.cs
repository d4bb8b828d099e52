namespace GovStaff.Policy.Organization;

/// <summary>Identifies a home unit (department, township, police station or village committee) (派驻单位).</summary>
/// <remarks>Ids are opaque strings chosen by the embedding system (for example its own primary keys).</remarks>
public readonly record struct HomeUnitId : IStronglyTypedId<HomeUnitId>, IComparable<HomeUnitId>
{
    private readonly string? _value;

    /// <summary>Creates the id.</summary>
    /// <param name="value">The raw identifier: non-empty, at most 128 characters, no white space.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid identifier.</exception>
    public HomeUnitId(string value) => _value = IdValidation.Check(value, nameof(HomeUnitId));

    /// <inheritdoc />
    public string Value => _value ?? throw new InvalidOperationException("HomeUnitId was default-initialised; create it with a value.");

    /// <inheritdoc />
    public static HomeUnitId From(string value) => new(value);

    /// <inheritdoc />
    public int CompareTo(HomeUnitId other) => string.CompareOrdinal(_value, other._value);

    /// <summary>Compares ids ordinally.</summary>
    public static bool operator <(HomeUnitId left, HomeUnitId right) => left.CompareTo(right) < 0;

    /// <summary>Compares ids ordinally.</summary>
    public static bool operator <=(HomeUnitId left, HomeUnitId right) => left.CompareTo(right) <= 0;

    /// <summary>Compares ids ordinally.</summary>
    public static bool operator >(HomeUnitId left, HomeUnitId right) => left.CompareTo(right) > 0;

    /// <summary>Compares ids ordinally.</summary>
    public static bool operator >=(HomeUnitId left, HomeUnitId right) => left.CompareTo(right) >= 0;

    /// <summary>The raw identifier.</summary>
    public override string ToString() => _value ?? string.Empty;
}
