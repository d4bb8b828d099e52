using System.Text.Json.Serialization;
using GovStaff.Policy.Organization;
using NodaTime;

namespace GovStaff.Policy.Staffing;

/// <summary>
/// A home unit's nomination (选派) of a person to serve in a role at a service body (Art. 3–6).
/// </summary>
/// <remarks>The candidate's record (qualifications, home unit) is read from the <see cref="ServiceNetwork"/>.</remarks>
public sealed record Nomination
{
    /// <summary>Creates a nomination.</summary>
    /// <param name="candidate">The person nominated; must be in the network.</param>
    /// <param name="target">The service body the person is to serve at.</param>
    /// <param name="role">The role the person is to take.</param>
    /// <param name="nominatedOn">The nomination date.</param>
    /// <param name="stationingOn">The planned first day at the body; defaults to the nomination date.</param>
    /// <exception cref="ArgumentException">A field is invalid, or the stationing date is before the nomination date.</exception>
    public Nomination(StaffId candidate, ServiceBodyId target, Role role, LocalDate nominatedOn, LocalDate? stationingOn = null)
    {
        Candidate = Guard.Id(candidate, nameof(Candidate));
        Target = Guard.Id(target, nameof(Target));
        Role = Guard.Defined(role, nameof(Role));
        NominatedOn = Guard.IsoDate(nominatedOn, nameof(NominatedOn));
        StationingOn = stationingOn ?? nominatedOn;
        if (StationingOn < NominatedOn)
        {
            throw new ArgumentException($"{nameof(StationingOn)} {StationingOn:yyyy-MM-dd} is before {nameof(NominatedOn)} {NominatedOn:yyyy-MM-dd}.", nameof(stationingOn));
        }
    }

    [JsonConstructor]
    private Nomination(StaffId candidate, ServiceBodyId target, Role role, LocalDate nominatedOn, LocalDate stationingOn)
        : this(candidate, target, role, nominatedOn, (LocalDate?)stationingOn)
    {
    }

    /// <summary>The person nominated.</summary>
    public StaffId Candidate { get; }

    /// <summary>The body the person is to serve at.</summary>
    public ServiceBodyId Target { get; }

    /// <summary>The role the person is to take.</summary>
    public Role Role { get; }

    /// <summary>The nomination date.</summary>
    public LocalDate NominatedOn { get; }

    /// <summary>The planned first day at the body.</summary>
    public LocalDate StationingOn { get; }
}
