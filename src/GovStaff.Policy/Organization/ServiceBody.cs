namespace GovStaff.Policy.Organization;

/// <summary>
/// A service body: the district service hall (政务服务大厅), a township livelihood service centre (乡镇民生服务中心) or a
/// village (community) convenience service centre (村（社区）便民服务中心).
/// </summary>
/// <remarks>
/// The hall has no parent; a township centre's parent is the hall and its <see cref="Locality"/> is its township; a
/// village centre's parent is a township centre and its locality is its village committee. Immutable and thread-safe.
/// </remarks>
public sealed record ServiceBody
{
    /// <summary>Creates a service body.</summary>
    /// <param name="id">The body's id.</param>
    /// <param name="kind">Hall, township centre or village centre.</param>
    /// <param name="name">The body's name, e.g. 滨河镇民生服务中心.</param>
    /// <param name="parentId">The body above it: null for the hall, the hall for a township centre, a township centre for a village centre.</param>
    /// <param name="locality">The township (for a township centre) or village committee (for a village centre) it serves; null for the hall.</param>
    /// <exception cref="ArgumentException">A field is missing or does not fit the kind; the message names the field.</exception>
    public ServiceBody(ServiceBodyId id, ServiceBodyKind kind, string name, ServiceBodyId? parentId = null, HomeUnitId? locality = null)
    {
        Id = id;
        Kind = kind;
        Name = name;
        ParentId = parentId;
        Locality = locality;
        if (kind == ServiceBodyKind.ServiceHall && (parentId is not null || locality is not null))
        {
            throw new ArgumentException($"Service body {id}: the service hall is the top tier and has no parent or locality.", parentId is not null ? nameof(parentId) : nameof(locality));
        }

        if (kind != ServiceBodyKind.ServiceHall && parentId is null)
        {
            throw new ArgumentException($"Service body {id}: a {kind} must name its parent body.", nameof(parentId));
        }

        if (kind != ServiceBodyKind.ServiceHall && locality is null)
        {
            throw new ArgumentException($"Service body {id}: a {kind} must name the township or village committee it serves.", nameof(locality));
        }
    }

    /// <summary>The body's id.</summary>
    public ServiceBodyId Id { get; init => field = Guard.Id(value, nameof(Id)); }

    /// <summary>Hall, township centre or village centre.</summary>
    public ServiceBodyKind Kind { get; init => field = Guard.Defined(value, nameof(Kind)); }

    /// <summary>The body's name.</summary>
    public string Name { get; init => field = Guard.Text(value, nameof(Name)); }

    /// <summary>The body above this one; null for the hall.</summary>
    public ServiceBodyId? ParentId { get; init; }

    /// <summary>The township or village committee served; null for the hall.</summary>
    public HomeUnitId? Locality { get; init; }

    /// <summary>The tier the body serves at.</summary>
    public Tier Tier => Kind.Tier();
}
