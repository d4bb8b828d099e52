namespace GovStaff.Policy.Organization;

/// <summary>
/// A window post held by an A holder and a B holder who back each other up (AB岗, Art. 12(6)).
/// </summary>
/// <remarks>A and B must be two different people stationed at the post's body; <see cref="ServiceNetwork"/> checks the latter.</remarks>
public sealed record Post
{
    /// <summary>Creates a post.</summary>
    /// <param name="id">The post's id.</param>
    /// <param name="serviceBodyId">The body the window is at.</param>
    /// <param name="name">The window's name, e.g. 社保窗口.</param>
    /// <param name="aHolder">The A holder (A责任人).</param>
    /// <param name="bHolder">The B holder (B责任人), who takes over when A is away.</param>
    /// <exception cref="ArgumentException">A field is missing, or A and B are the same person.</exception>
    public Post(PostId id, ServiceBodyId serviceBodyId, string name, StaffId aHolder, StaffId bHolder)
    {
        Id = id;
        ServiceBodyId = serviceBodyId;
        Name = name;
        AHolder = aHolder;
        BHolder = bHolder;
        if (aHolder == bHolder)
        {
            throw new ArgumentException($"Post {id}: the A and B holders must be two different people (Art. 12(6)); both are {aHolder}.", nameof(bHolder));
        }
    }

    /// <summary>The post's id.</summary>
    public PostId Id { get; init => field = Guard.Id(value, nameof(Id)); }

    /// <summary>The body the window is at.</summary>
    public ServiceBodyId ServiceBodyId { get; init => field = Guard.Id(value, nameof(ServiceBodyId)); }

    /// <summary>The window's name.</summary>
    public string Name { get; init => field = Guard.Text(value, nameof(Name)); }

    /// <summary>The A holder.</summary>
    public StaffId AHolder { get; init => field = Guard.Id(value, nameof(AHolder)); }

    /// <summary>The B holder.</summary>
    public StaffId BHolder { get; init => field = Guard.Id(value, nameof(BHolder)); }

    /// <summary>True when the person holds either side of this post.</summary>
    public bool IsHeldBy(StaffId staff) => AHolder == staff || BHolder == staff;

    /// <summary>The other holder of the post.</summary>
    /// <exception cref="ArgumentException">The person holds neither side.</exception>
    public StaffId PartnerOf(StaffId staff) =>
        staff == AHolder ? BHolder
        : staff == BHolder ? AHolder
        : throw new ArgumentException($"{staff} does not hold post {Id}.", nameof(staff));
}
