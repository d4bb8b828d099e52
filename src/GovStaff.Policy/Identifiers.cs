namespace GovStaff.Policy;

/// <summary>
/// The rule every id in the library follows — staff, bodies, cases, ratings, leave requests: not blank, at most
/// <see cref="MaxLength"/> characters, no white space or control characters. Systems that read ids from files can
/// check them here and report where, before an entity refuses to be built.
/// </summary>
public static class Identifiers
{
    /// <summary>The longest id accepted.</summary>
    public const int MaxLength = 128;

    /// <summary>Checks an id against the rule.</summary>
    /// <param name="value">The id.</param>
    /// <param name="problem">What is wrong with it, when it is not valid.</param>
    /// <returns>True when the id is valid.</returns>
    public static bool TryValidate([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? value, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? problem)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problem = "must not be empty.";
            return false;
        }

        if (value.Length > MaxLength)
        {
            problem = $"must be at most {MaxLength} characters long; got {value.Length}.";
            return false;
        }

        foreach (var c in value)
        {
            // Invisible format characters (a zero-width space, a byte-order mark) make two ids look the same.
            if (char.IsWhiteSpace(c) || char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
            {
                problem = $"must not contain white space, control or invisible format characters (U+{(int)c:X4}).";
                return false;
            }
        }

        problem = null;
        return true;
    }
}

/// <summary>Validation shared by all strongly typed ids.</summary>
internal static class IdValidation
{
    internal static string Check(string? value, string typeName, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string paramName = "value") =>
        Identifiers.TryValidate(value, out var problem) ? value : throw new ArgumentException($"{typeName} {problem}", paramName);
}
