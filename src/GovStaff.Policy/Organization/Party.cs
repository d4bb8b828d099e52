using GovStaff.Policy.Decisions;

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

    /// <summary>True when the actor acts for this party.</summary>
    public bool Matches(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return (ServiceBody is { } b && actor.ActsFor(b)) || (HomeUnit is { } u && actor.ActsFor(u));
    }

    /// <summary><c>body:hall</c> or <c>unit:binhe</c>.</summary>
    public override string ToString() => ServiceBody is { } b ? Subjects.Of(b) : HomeUnit is { } u ? Subjects.Of(u) : "(none)";
}
