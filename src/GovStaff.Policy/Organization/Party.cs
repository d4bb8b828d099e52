namespace GovStaff.Policy.Organization;

/// <summary>A body that holds an authority: a service body or a home unit.</summary>
/// <param name="ServiceBody">The service body, if it is one.</param>
/// <param name="HomeUnit">The home unit, if it is one.</param>
public readonly record struct Party(ServiceBodyId? ServiceBody, HomeUnitId? HomeUnit)
{
    /// <summary>A service body.</summary>
    public static Party Of(ServiceBodyId body) => new(body, null);

    /// <summary>A home unit.</summary>
    public static Party Of(HomeUnitId unit) => new(null, unit);

    // Authority checks name one party for most actions; the read-only list of it is immutable, so one per party is shared.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Party, IReadOnlyList<Party>> Lists = new();

    /// <summary>This party alone, as a list shared by every caller.</summary>
    internal IReadOnlyList<Party> AsList() => Lists.GetOrAdd(this, static p => [p]);

    /// <summary><c>body:hall</c> or <c>unit:binhe</c>.</summary>
    public override string ToString() => ServiceBody is { } b ? "body:" + b : HomeUnit is { } u ? "unit:" + u : "(none)";
}
