using NodaTime;

namespace GovStaff.Policy.Organization;

/// <summary>
/// A person serving, or nominated to serve, at a service body: who they are, their home unit, their role (Art. 2) and
/// the qualifications the measures ask about (Art. 4–6).
/// </summary>
/// <remarks>
/// Whether the birth date lies in the future can only be judged against a date, so <see cref="ServiceNetwork"/>
/// (built "as of" a date) and the nomination rules check it; everything else is checked here. Immutable and
/// thread-safe; <c>with</c> expressions run the same field checks.
/// </remarks>
public sealed record StaffMember
{
    private static readonly LocalDate EarliestBirthDate = new(1900, 1, 1);

    /// <summary>Creates a staff member.</summary>
    /// <param name="id">The person's id.</param>
    /// <param name="name">Full name.</param>
    /// <param name="birthDate">Date of birth (ISO calendar, 1900 or later).</param>
    /// <param name="homeUnitId">The home unit that sends the person (派驻单位).</param>
    /// <param name="role">The role of Art. 2 (or <see cref="Role.Other"/>).</param>
    /// <param name="stationedAt">The service body the person serves at, or null when not stationed.</param>
    /// <param name="computerProficient">Familiar with computer operation (熟悉计算机操作, Art. 4).</param>
    /// <param name="businessBackbone">Designated business backbone (业务骨干, Art. 4, 5).</param>
    /// <param name="gridWorker">A village (community) grid worker (网格员, Art. 6).</param>
    /// <param name="twoCommitteeMember">A member of the village two committees (村"两委"班子成员, Art. 6).</param>
    /// <param name="residentId">The resident ID number, if recorded; it must match the birth date.</param>
    /// <exception cref="ArgumentException">A field is invalid; the message names it.</exception>
    public StaffMember(
        StaffId id,
        string name,
        LocalDate birthDate,
        HomeUnitId homeUnitId,
        Role role,
        ServiceBodyId? stationedAt = null,
        bool computerProficient = false,
        bool businessBackbone = false,
        bool gridWorker = false,
        bool twoCommitteeMember = false,
        ResidentIdNumber? residentId = null)
    {
        Id = id;
        Name = name;
        BirthDate = birthDate;
        HomeUnitId = homeUnitId;
        Role = role;
        StationedAt = stationedAt;
        ComputerProficient = computerProficient;
        BusinessBackbone = businessBackbone;
        GridWorker = gridWorker;
        TwoCommitteeMember = twoCommitteeMember;
        ResidentId = residentId;
        if (residentId is { } rid && rid.BirthDate != birthDate)
        {
            throw new ArgumentException($"Staff member {id}: the birth date in the resident ID number does not match {nameof(BirthDate)} {birthDate:yyyy-MM-dd}.", nameof(residentId));
        }
    }

    /// <summary>The person's id.</summary>
    public StaffId Id { get; init => field = Guard.Id(value, nameof(Id)); }

    /// <summary>Full name. Printed masked (张*) in public output.</summary>
    public string Name { get; init => field = Guard.Text(value, nameof(Name), 64); }

    /// <summary>Date of birth.</summary>
    public LocalDate BirthDate
    {
        get;
        init => field = Guard.IsoDate(value, nameof(BirthDate)) >= EarliestBirthDate
            ? value
            : throw new ArgumentOutOfRangeException(nameof(BirthDate), value, $"{nameof(BirthDate)} must be {EarliestBirthDate:yyyy-MM-dd} or later.");
    }

    /// <summary>The home unit that sends the person.</summary>
    public HomeUnitId HomeUnitId { get; init => field = Guard.Id(value, nameof(HomeUnitId)); }

    /// <summary>The role of Art. 2.</summary>
    public Role Role { get; init => field = Guard.Defined(value, nameof(Role)); }

    /// <summary>The body the person serves at; null when not (or no longer) stationed.</summary>
    public ServiceBodyId? StationedAt { get; init; }

    /// <summary>
    /// The first day at <see cref="StationedAt"/>, where known: Art. 4's two years and Art. 23's half year count from it.
    /// Null when unknown (then a rule that needs it asks for it, or says it cannot decide).
    /// </summary>
    public LocalDate? StationedOn { get; init; }

    /// <summary>Familiar with computer operation (Art. 4).</summary>
    public bool ComputerProficient { get; init; }

    /// <summary>Designated business backbone (Art. 4, 5).</summary>
    public bool BusinessBackbone { get; init; }

    /// <summary>A grid worker (Art. 6).</summary>
    public bool GridWorker { get; init; }

    /// <summary>A member of the village two committees (Art. 6).</summary>
    public bool TwoCommitteeMember { get; init; }

    /// <summary>The resident ID number, if recorded. Its <see cref="ResidentIdNumber.ToString"/> is masked.</summary>
    public ResidentIdNumber? ResidentId { get; init; }
}
