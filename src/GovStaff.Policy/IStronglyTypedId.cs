namespace GovStaff.Policy;

/// <summary>
/// A strongly typed identifier that wraps a non-empty string. Implemented by <see cref="Organization.StaffId"/> and
/// the other ids so that a staff id cannot be passed where a post id is expected.
/// </summary>
/// <typeparam name="TSelf">The id type itself.</typeparam>
public interface IStronglyTypedId<TSelf>
    where TSelf : struct, IStronglyTypedId<TSelf>
{
    /// <summary>The raw identifier.</summary>
    string Value { get; }

    /// <summary>Creates the id from its raw value, validating it.</summary>
    /// <param name="value">The raw identifier.</param>
    /// <exception cref="ArgumentException">The value is empty, too long or contains white space or control characters.</exception>
    static abstract TSelf From(string value);
}
