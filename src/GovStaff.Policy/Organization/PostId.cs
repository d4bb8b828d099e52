namespace GovStaff.Policy.Organization;

/// <summary>Identifies a window post with A and B holders (岗位).</summary>
/// <remarks>Ids are opaque strings chosen by the embedding system (for example its own primary keys).</remarks>
public readonly record struct PostId : IStronglyTypedId<PostId>, IComparable<PostId>
{
    private readonly string? _value;

    /// <summary>Creates the id.</summary>
    /// <param name="value">The raw identifier: non-empty, at most 128 characters, no white space.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid identifier.</exception>
    public PostId(string value) => _value = IdValidation.Check(value, nameof(PostId));

    /// <inheritdoc />
    public string Value => _value ?? throw new InvalidOperationException("PostId was default-initialised; create it with a value.");

    /// <inheritdoc />
    public static PostId From(string value) => new(value);

    /// <inheritdoc />
    public int CompareTo(PostId other) => string.CompareOrdinal(_value, other._value);

    /// <summary>Compares ids ordinally.</summary>
    public static bool operator <(PostId left, PostId right) => left.CompareTo(right) < 0;

    /// <summary>Compares ids ordinally.</summary>
    public static bool operator <=(PostId left, PostId right) => left.CompareTo(right) <= 0;

    /// <summary>Compares ids ordinally.</summary>
    public static bool operator >(PostId left, PostId right) => left.CompareTo(right) > 0;

    /// <summary>Compares ids ordinally.</summary>
    public static bool operator >=(PostId left, PostId right) => left.CompareTo(right) >= 0;

    /// <summary>The raw identifier.</summary>
    public override string ToString() => _value ?? string.Empty;
}
