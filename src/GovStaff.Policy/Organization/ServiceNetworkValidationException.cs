namespace GovStaff.Policy.Organization;

/// <summary>Thrown when a <see cref="ServiceNetwork"/> is built from entities that do not fit together.</summary>
/// <remarks>Every problem found is listed in <see cref="Errors"/>, each naming the entity and the field.</remarks>
public sealed class ServiceNetworkValidationException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errors">The problems found; at least one.</param>
    public ServiceNetworkValidationException(IReadOnlyList<string> errors)
        : base("The service network is not valid:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => " - " + e)))
    {
        Errors = errors;
    }

    /// <summary>The problems found.</summary>
    public IReadOnlyList<string> Errors { get; }
}
