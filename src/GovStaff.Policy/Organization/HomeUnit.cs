namespace GovStaff.Policy.Organization;

/// <summary>
/// A home unit (派驻单位): the department, township, police station or village committee that sends a person to a
/// service body and keeps managing them (dual management, Art. 15–17).
/// </summary>
/// <remarks>A police station and a village committee belong to a township, named by <see cref="TownshipId"/>.</remarks>
public sealed record HomeUnit
{
    /// <summary>Creates a home unit.</summary>
    /// <param name="id">The unit's id.</param>
    /// <param name="kind">Department, township, police station or village committee.</param>
    /// <param name="name">The unit's name, e.g. 中卫市公安局滨河派出所.</param>
    /// <param name="townshipId">For a police station or village committee, the township it belongs to; otherwise null.</param>
    /// <exception cref="ArgumentException">A field is missing or does not fit the kind.</exception>
    public HomeUnit(HomeUnitId id, HomeUnitKind kind, string name, HomeUnitId? townshipId = null)
    {
        Id = id;
        Kind = kind;
        Name = name;
        TownshipId = townshipId;
        var needsTownship = kind is HomeUnitKind.PoliceStation or HomeUnitKind.VillageCommittee;
        if (needsTownship && townshipId is null)
        {
            throw new ArgumentException($"Home unit {id}: a {kind} must name the township it belongs to.", nameof(townshipId));
        }

        if (!needsTownship && townshipId is not null)
        {
            throw new ArgumentException($"Home unit {id}: a {kind} does not belong to a township.", nameof(townshipId));
        }
    }

    /// <summary>The unit's id.</summary>
    public HomeUnitId Id { get; init => field = Guard.Id(value, nameof(Id)); }

    /// <summary>The kind of unit.</summary>
    public HomeUnitKind Kind { get; init => field = Guard.Defined(value, nameof(Kind)); }

    /// <summary>The unit's name.</summary>
    public string Name { get; init => field = Guard.Text(value, nameof(Name)); }

    /// <summary>The township a police station or village committee belongs to.</summary>
    public HomeUnitId? TownshipId { get; init; }
}
