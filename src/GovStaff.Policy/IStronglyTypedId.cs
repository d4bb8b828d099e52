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

/// <summary>Validation shared by all strongly typed ids.</summary>
internal static class IdValidation
{
    internal const int MaxLength = 128;

    internal static string Check(string? value, string typeName, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string paramName = "value")
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{typeName} must not be empty.", paramName);
        }

        if (value.Length > MaxLength)
        {
            throw new ArgumentException($"{typeName} must be at most {MaxLength} characters long; got {value.Length}.", paramName);
        }

        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                throw new ArgumentException($"{typeName} must not contain white space or control characters: '{value}'.", paramName);
            }
        }

        return value;
    }
}
