using GovStaff.Policy.Decisions;

namespace GovStaff.Policy.Reporting;

/// <summary>A published case list (Art. 20): the decision, the masked cases, and how many were withheld.</summary>
public sealed record Publication
{
    /// <summary>Creates the publication.</summary>
    /// <param name="decision">The decision, citing Art. 20.</param>
    /// <param name="published">The cases published, masked.</param>
    /// <param name="withheld">The cases withheld (state secrets, commercial secrets, personal privacy).</param>
    public Publication(Decision decision, IReadOnlyList<PublicCase> published, int withheld)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(published);
        ArgumentOutOfRangeException.ThrowIfNegative(withheld);
        Decision = decision;
        Published = published;
        Withheld = withheld;
    }

    /// <summary>The decision, citing Art. 20.</summary>
    public Decision Decision { get; }

    /// <summary>The cases published, masked.</summary>
    public IReadOnlyList<PublicCase> Published { get; }

    /// <summary>The cases withheld (state secrets, commercial secrets, personal privacy).</summary>
    public int Withheld { get; }

    /// <summary>Deconstructs into the decision, the cases and the count withheld.</summary>
    public void Deconstruct(out Decision decision, out IReadOnlyList<PublicCase> published, out int withheld) =>
        (decision, published, withheld) = (Decision, Published, Withheld);
}
