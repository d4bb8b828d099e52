namespace GovStaff.Policy.Organization;

/// <summary>Thrown when a <see cref="ServiceNetwork"/> is built from entities that do not fit together.</summary>
/// <remarks>Every problem found is listed in <see cref="Problems"/>, each naming the record and the field.</remarks>
public sealed class ServiceNetworkValidationException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problems">The problems found; at least one.</param>
    public ServiceNetworkValidationException(IReadOnlyList<NetworkProblem> problems)
        : base("The service network is not valid:" + Environment.NewLine + string.Join(Environment.NewLine, (problems ?? throw new ArgumentNullException(nameof(problems))).Select(p => " - " + p.Message)))
    {
        Problems = problems;
        Errors = [.. problems.Select(p => p.Message)];
    }

    /// <summary>The problems found, each with the record and field it is about.</summary>
    public IReadOnlyList<NetworkProblem> Problems { get; }

    /// <summary>The problems' messages.</summary>
    public IReadOnlyList<string> Errors { get; }
}
