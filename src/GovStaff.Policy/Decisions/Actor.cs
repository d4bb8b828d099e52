using System.Text.Json.Serialization;
using GovStaff.Policy.Organization;

namespace GovStaff.Policy.Decisions;

/// <summary>
/// Who acts, and for which body: every state-changing action carries one, and the rules check that the body has the
/// authority the article gives (e.g. only the service centre or the township centre approves a police adjustment, Art. 7).
/// </summary>
public sealed record Actor
{
    /// <summary>Creates an actor; exactly one of <paramref name="serviceBody"/> and <paramref name="homeUnit"/> is set.</summary>
    /// <param name="person">Who acts (a staff id, an official's id or name as the embedding system records it).</param>
    /// <param name="serviceBody">The service body acted for.</param>
    /// <param name="homeUnit">The home unit acted for.</param>
    /// <exception cref="ArgumentException">The person is empty, or not exactly one body is given.</exception>
    [JsonConstructor]
    public Actor(string person, ServiceBodyId? serviceBody = null, HomeUnitId? homeUnit = null)
    {
        Person = Guard.Text(person, nameof(Person), 128);
        if ((serviceBody is null) == (homeUnit is null))
        {
            throw new ArgumentException("An actor acts for exactly one service body or home unit.", nameof(serviceBody));
        }

        ServiceBody = serviceBody;
        HomeUnit = homeUnit;
    }

    /// <summary>An actor for a service body (the hall, a township centre, a village centre).</summary>
    public static Actor For(string person, ServiceBodyId body) => new(person, serviceBody: body);

    /// <summary>An actor for a home unit (a department, township, police station, village committee).</summary>
    public static Actor For(string person, HomeUnitId unit) => new(person, homeUnit: unit);

    /// <summary>Who acts.</summary>
    public string Person { get; }

    /// <summary>The service body acted for, if any.</summary>
    public ServiceBodyId? ServiceBody { get; }

    /// <summary>The home unit acted for, if any.</summary>
    public HomeUnitId? HomeUnit { get; }

    /// <summary>The body acted for, as a subject string (<c>body:hall</c>, <c>unit:binhe</c>).</summary>
    [JsonIgnore]
    public string Body => ServiceBody is { } b ? Subjects.Of(b) : Subjects.Of(HomeUnit!.Value);

    /// <summary>True when the actor acts for the body.</summary>
    public bool ActsFor(ServiceBodyId body) => ServiceBody == body;

    /// <summary>True when the actor acts for the unit.</summary>
    public bool ActsFor(HomeUnitId unit) => HomeUnit == unit;

    /// <summary>True when the actor acts for the party (its service body or its home unit).</summary>
    public bool ActsFor(Party party) => (party.ServiceBody is { } b && ActsFor(b)) || (party.HomeUnit is { } u && ActsFor(u));

    /// <summary><c>王主任 for body:hall</c></summary>
    public override string ToString() => $"{Person} for {Body}";
}
