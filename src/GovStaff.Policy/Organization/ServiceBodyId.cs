namespace GovStaff.Policy.Organization;

/// <summary>Identifies a service body (hall, township centre or village centre) (服务机构).</summary>
/// <remarks>Ids are opaque strings chosen by the embedding system (for example its own primary keys).</remarks>
public readonly record struct ServiceBodyId : IStronglyTypedId<ServiceBodyId>, IComparable<ServiceBodyId>
{
    private readonly string? _value;

    /// <summary>Creates the id.</summary>
    /// <param name="value">The raw identifier: non-empty, at most 128 characters, no white space.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid identifier.</exception>
    public ServiceBodyId(string value) => _value = IdValidation.Check(value, nameof(ServiceBodyId));

    /// <inheritdoc />
    public string Value => _value ?? throw new InvalidOperationException("ServiceBodyId was default-initialised; create it with a value.");

    /// <inheritdoc />
    public static ServiceBodyId From(string value) => new(value);

    /// <inheritdoc />
    public int CompareTo(ServiceBodyId other) => string.CompareOrdinal(_value, other._value);

    /// <summary>Compares ids ordinally.</summary>
    public static bool operator <(ServiceBodyId left, ServiceBodyId right) => left.CompareTo(right) < 0;

    /// <summary>Compares ids ordinally.</summary>
    public static bool operator <=(ServiceBodyId left, ServiceBodyId right) => left.CompareTo(right) <= 0;

    /// <summary>Compares ids ordinally.</summary>
    public static bool operator >(ServiceBodyId left, ServiceBodyId right) => left.CompareTo(right) > 0;

    /// <summary>Compares ids ordinally.</summary>
    public static bool operator >=(ServiceBodyId left, ServiceBodyId right) => left.CompareTo(right) >= 0;

    /// <summary>The raw identifier.</summary>
    public override string ToString() => _value ?? string.Empty;
}
