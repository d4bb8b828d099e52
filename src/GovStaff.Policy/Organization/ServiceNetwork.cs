using System.Collections.Frozen;
using System.Text.Json.Serialization;
using NodaTime;

namespace GovStaff.Policy.Organization;

/// <summary>
/// The three-tier network of a district as of a date: service bodies, home units, staff and A/B posts, checked to
/// fit together. Rules that look across people (Art. 3 directors, Art. 12(6) A/B cover) read it.
/// </summary>
/// <remarks>
/// Construction checks every reference and reports every problem at once
/// (<see cref="ServiceNetworkValidationException"/>): unknown ids, duplicate ids, a body under the wrong parent, a
/// person whose role is of another tier than the body they serve at (a village agent at a township centre), a birth
/// date after <see cref="AsOf"/>, a post whose holders are not stationed at its body. Lookups are by id and O(1).
/// Immutable and thread-safe; the <c>With…</c> methods return a new network.
/// </remarks>
public sealed class ServiceNetwork
{
    private readonly FrozenDictionary<ServiceBodyId, ServiceBody> _bodies;
    private readonly FrozenDictionary<HomeUnitId, HomeUnit> _units;
    private readonly FrozenDictionary<StaffId, StaffMember> _staff;
    private readonly FrozenDictionary<PostId, Post> _posts;
    private readonly FrozenDictionary<StaffId, Post[]> _postsByStaff;
    private readonly FrozenDictionary<ServiceBodyId, StaffMember[]> _staffByBody;

    /// <summary>Builds and validates the network.</summary>
    /// <param name="bodies">The service bodies.</param>
    /// <param name="homeUnits">The home units.</param>
    /// <param name="staff">The staff.</param>
    /// <param name="posts">The A/B posts.</param>
    /// <param name="asOf">The date the network describes; no birth date may be after it.</param>
    /// <exception cref="ServiceNetworkValidationException">The entities do not fit together; every problem is listed.</exception>
    [JsonConstructor]
    public ServiceNetwork(
        IReadOnlyList<ServiceBody> bodies,
        IReadOnlyList<HomeUnit> homeUnits,
        IReadOnlyList<StaffMember> staff,
        IReadOnlyList<Post> posts,
        LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(bodies);
        ArgumentNullException.ThrowIfNull(homeUnits);
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(posts);

        var errors = new List<NetworkProblem>();
        Bodies = [.. bodies];
        HomeUnits = [.. homeUnits];
        Staff = [.. staff];
        Posts = [.. posts];
        AsOf = asOf;

        _bodies = Index(Bodies, b => b.Id, NetworkRecordKind.ServiceBody, "service body", errors);
        _units = Index(HomeUnits, u => u.Id, NetworkRecordKind.HomeUnit, "home unit", errors);
        _staff = Index(Staff, s => s.Id, NetworkRecordKind.StaffMember, "staff member", errors);
        _posts = Index(Posts, p => p.Id, NetworkRecordKind.Post, "post", errors);

        CheckBodies(errors);
        CheckUnits(errors);
        CheckStaff(errors);
        CheckPosts(errors);
        if (errors.Count > 0)
        {
            throw new ServiceNetworkValidationException(errors);
        }

        _postsByStaff = Posts
            .SelectMany(p => new[] { (p.AHolder, p), (p.BHolder, p) })
            .GroupBy(x => x.Item1, x => x.p)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray());
        _staffByBody = Staff
            .Where(s => s.StationedAt is not null)
            .GroupBy(s => s.StationedAt!.Value)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>The date the network describes.</summary>
    public LocalDate AsOf { get; }

    /// <summary>All service bodies, in the order given.</summary>
    public IReadOnlyList<ServiceBody> Bodies { get; }

    /// <summary>All home units, in the order given.</summary>
    public IReadOnlyList<HomeUnit> HomeUnits { get; }

    /// <summary>All staff, in the order given.</summary>
    public IReadOnlyList<StaffMember> Staff { get; }

    /// <summary>All A/B posts, in the order given.</summary>
    public IReadOnlyList<Post> Posts { get; }

    /// <summary>Gets a body by id.</summary>
    /// <exception cref="KeyNotFoundException">No body has that id.</exception>
    public ServiceBody GetBody(ServiceBodyId id) =>
        _bodies.TryGetValue(id, out var b) ? b : throw new KeyNotFoundException($"No service body has id '{id}'.");

    /// <summary>Gets a home unit by id.</summary>
    /// <exception cref="KeyNotFoundException">No unit has that id.</exception>
    public HomeUnit GetHomeUnit(HomeUnitId id) =>
        _units.TryGetValue(id, out var u) ? u : throw new KeyNotFoundException($"No home unit has id '{id}'.");

    /// <summary>Gets a staff member by id.</summary>
    /// <exception cref="KeyNotFoundException">No staff member has that id.</exception>
    public StaffMember GetStaff(StaffId id) =>
        _staff.TryGetValue(id, out var s) ? s : throw new KeyNotFoundException($"No staff member has id '{id}'.");

    /// <summary>Gets a post by id.</summary>
    /// <exception cref="KeyNotFoundException">No post has that id.</exception>
    public Post GetPost(PostId id) =>
        _posts.TryGetValue(id, out var p) ? p : throw new KeyNotFoundException($"No post has id '{id}'.");

    /// <summary>Looks up a staff member.</summary>
    public bool TryGetStaff(StaffId id, out StaffMember staff) => _staff.TryGetValue(id, out staff!);

    /// <summary>Looks up a body.</summary>
    public bool TryGetBody(ServiceBodyId id, out ServiceBody body) => _bodies.TryGetValue(id, out body!);

    /// <summary>Looks up a home unit.</summary>
    public bool TryGetHomeUnit(HomeUnitId id, out HomeUnit unit) => _units.TryGetValue(id, out unit!);

    /// <summary>The posts a person holds (as A or B).</summary>
    public IReadOnlyList<Post> PostsOf(StaffId staff) => _postsByStaff.TryGetValue(staff, out var p) ? p : [];

    /// <summary>The people stationed at a body.</summary>
    public IReadOnlyList<StaffMember> StaffAt(ServiceBodyId body) => _staffByBody.TryGetValue(body, out var s) ? s : [];

    /// <summary>The township a body serves: the locality of a township centre, or of a village centre's parent; null for the hall.</summary>
    public HomeUnitId? TownshipOf(ServiceBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return body.Kind switch
        {
            ServiceBodyKind.TownshipCentre => body.Locality,
            ServiceBodyKind.VillageCentre => GetBody(body.ParentId!.Value).Locality,
            _ => null,
        };
    }

    /// <summary>The township centre of a township, if there is one.</summary>
    public ServiceBody? TownshipCentreOf(HomeUnitId township) =>
        Bodies.FirstOrDefault(b => b.Kind == ServiceBodyKind.TownshipCentre && b.Locality == township);

    /// <summary>True when the person's home unit is a police station (Art. 5, 7, 16, 24 single them out).</summary>
    public bool IsPoliceStaff(StaffMember staff)
    {
        ArgumentNullException.ThrowIfNull(staff);
        return _units.TryGetValue(staff.HomeUnitId, out var unit) && unit.Kind == HomeUnitKind.PoliceStation;
    }

    /// <summary>Returns a network with the staff member added, or replaced when the id exists; validated again.</summary>
    public ServiceNetwork WithStaff(StaffMember staff)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var list = Staff.Where(s => s.Id != staff.Id).Append(staff).ToList();
        return new ServiceNetwork(Bodies, HomeUnits, list, Posts, AsOf);
    }

    /// <summary>Returns a network with the post added, or replaced when the id exists; validated again.</summary>
    public ServiceNetwork WithPost(Post post)
    {
        ArgumentNullException.ThrowIfNull(post);
        var list = Posts.Where(p => p.Id != post.Id).Append(post).ToList();
        return new ServiceNetwork(Bodies, HomeUnits, Staff, list, AsOf);
    }

    /// <summary>Returns the same network described as of another date; validated again.</summary>
    /// <exception cref="ServiceNetworkValidationException">Someone's birth date is after <paramref name="date"/>.</exception>
    public ServiceNetwork AsOfDate(LocalDate date) => date == AsOf ? this : new(this, date);

    // The same entities at another date: only the birth dates depend on the date, so the indexes are shared and the
    // births checked again with the constructor's message.
    private ServiceNetwork(ServiceNetwork source, LocalDate asOf)
    {
        Bodies = source.Bodies;
        HomeUnits = source.HomeUnits;
        Staff = source.Staff;
        Posts = source.Posts;
        AsOf = asOf;
        _bodies = source._bodies;
        _units = source._units;
        _staff = source._staff;
        _posts = source._posts;
        _postsByStaff = source._postsByStaff;
        _staffByBody = source._staffByBody;
        var errors = new List<NetworkProblem>();
        foreach (var s in Staff)
        {
            if (s.BirthDate > AsOf)
            {
                errors.Add(FutureBirth(s));
            }
        }

        if (errors.Count > 0)
        {
            throw new ServiceNetworkValidationException(errors);
        }
    }

    private NetworkProblem FutureBirth(StaffMember s) => StaffProblem(s, nameof(StaffMember.BirthDate),
        $"Staff member '{s.Id}': BirthDate {s.BirthDate:yyyy-MM-dd} is in the future (the network is as of {AsOf:yyyy-MM-dd}).");

    private static NetworkProblem StaffProblem(StaffMember s, string field, string message) => new(NetworkRecordKind.StaffMember, s.Id.Value, field, message);

    private static FrozenDictionary<TKey, T> Index<TKey, T>(IReadOnlyList<T> items, Func<T, TKey> key, NetworkRecordKind kind, string what, List<NetworkProblem> errors)
        where TKey : notnull
    {
        var map = new Dictionary<TKey, T>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null)
            {
                errors.Add(new(kind, null, null, $"{what} #{i + 1} is null."));
                continue;
            }

            if (!map.TryAdd(key(items[i]), items[i]))
            {
                errors.Add(new(kind, key(items[i]).ToString(), "Id", $"{what} '{key(items[i])}' appears more than once (Id)."));
            }
        }

        return map.ToFrozenDictionary();
    }

    private void CheckBodies(List<NetworkProblem> errors)
    {
        var halls = Bodies.Where(b => b?.Kind == ServiceBodyKind.ServiceHall).ToArray();
        foreach (var extra in halls.Skip(1))
        {
            errors.Add(BodyProblem(extra, nameof(ServiceBody.Kind), $"A district has one service hall; found {halls.Length} ('{extra.Id}' after '{halls[0].Id}')."));
        }

        var townshipsServed = new Dictionary<HomeUnitId, ServiceBodyId>();
        foreach (var body in Bodies.Where(b => b is not null && b.Kind != ServiceBodyKind.ServiceHall))
        {
            var expectedParent = body.Kind == ServiceBodyKind.TownshipCentre ? ServiceBodyKind.ServiceHall : ServiceBodyKind.TownshipCentre;
            if (!_bodies.TryGetValue(body.ParentId!.Value, out var parent))
            {
                errors.Add(BodyProblem(body, nameof(ServiceBody.ParentId), $"Service body '{body.Id}': ParentId '{body.ParentId}' is not a known service body."));
            }
            else if (parent.Kind != expectedParent)
            {
                errors.Add(BodyProblem(body, nameof(ServiceBody.ParentId), $"Service body '{body.Id}': a {body.Kind}'s parent must be a {expectedParent}; '{parent.Id}' is a {parent.Kind}."));
            }

            var expectedLocality = body.Kind == ServiceBodyKind.TownshipCentre ? HomeUnitKind.Township : HomeUnitKind.VillageCommittee;
            if (!_units.TryGetValue(body.Locality!.Value, out var locality))
            {
                errors.Add(BodyProblem(body, nameof(ServiceBody.Locality), $"Service body '{body.Id}': Locality '{body.Locality}' is not a known home unit."));
                continue;
            }

            if (locality.Kind != expectedLocality)
            {
                errors.Add(BodyProblem(body, nameof(ServiceBody.Locality), $"Service body '{body.Id}': a {body.Kind} serves a {expectedLocality}; Locality '{locality.Id}' is a {locality.Kind}."));
            }
            else if (body.Kind == ServiceBodyKind.TownshipCentre && !townshipsServed.TryAdd(locality.Id, body.Id))
            {
                errors.Add(BodyProblem(body, nameof(ServiceBody.Locality), $"Service body '{body.Id}': township '{locality.Id}' already has a township centre, '{townshipsServed[locality.Id]}'."));
            }
            else if (body.Kind == ServiceBodyKind.VillageCentre && parent is not null && parent.Locality != locality.TownshipId)
            {
                errors.Add(BodyProblem(body, nameof(ServiceBody.Locality), $"Service body '{body.Id}': village committee '{locality.Id}' belongs to township '{locality.TownshipId}', but the parent centre '{parent.Id}' serves '{parent.Locality}'."));
            }
        }
    }

    private static NetworkProblem BodyProblem(ServiceBody body, string field, string message) => new(NetworkRecordKind.ServiceBody, body.Id.Value, field, message);

    private void CheckUnits(List<NetworkProblem> errors)
    {
        foreach (var unit in HomeUnits.Where(u => u?.TownshipId is not null))
        {
            if (!_units.TryGetValue(unit.TownshipId!.Value, out var township) || township.Kind != HomeUnitKind.Township)
            {
                errors.Add(new(NetworkRecordKind.HomeUnit, unit.Id.Value, nameof(HomeUnit.TownshipId), $"Home unit '{unit.Id}': TownshipId '{unit.TownshipId}' is not a known township."));
            }
        }
    }

    private void CheckStaff(List<NetworkProblem> errors)
    {
        foreach (var s in Staff.Where(s => s is not null))
        {
            if (!_units.ContainsKey(s.HomeUnitId))
            {
                errors.Add(StaffProblem(s, nameof(StaffMember.HomeUnitId), $"Staff member '{s.Id}': HomeUnitId '{s.HomeUnitId}' is not a known home unit."));
            }

            if (s.BirthDate > AsOf)
            {
                errors.Add(FutureBirth(s));
            }

            if (s.StationedAt is not { } at)
            {
                if (s.StationedOn is not null)
                {
                    errors.Add(StaffProblem(s, nameof(StaffMember.StationedAt), $"Staff member '{s.Id}': StationedOn is set but StationedAt is not; a stationing date needs the body."));
                }

                continue;
            }

            if (s.StationedOn is { } on && on < s.BirthDate)
            {
                errors.Add(StaffProblem(s, nameof(StaffMember.StationedOn), $"Staff member '{s.Id}': StationedOn {on:yyyy-MM-dd} is before the birth date {s.BirthDate:yyyy-MM-dd}."));
            }

            if (!_bodies.TryGetValue(at, out var body))
            {
                errors.Add(StaffProblem(s, nameof(StaffMember.StationedAt), $"Staff member '{s.Id}': StationedAt '{at}' is not a known service body."));
            }
            else if (s.Role.IsInScope() && s.Role.Tier() != body.Tier)
            {
                errors.Add(StaffProblem(s, nameof(StaffMember.StationedAt), $"Staff member '{s.Id}': Role {s.Role} serves at the {s.Role.Tier()} tier, but StationedAt '{at}' is a {body.Kind} ({body.Tier} tier)."));
            }
        }
    }

    private void CheckPosts(List<NetworkProblem> errors)
    {
        foreach (var post in Posts.Where(p => p is not null))
        {
            if (!_bodies.ContainsKey(post.ServiceBodyId))
            {
                errors.Add(new(NetworkRecordKind.Post, post.Id.Value, nameof(Post.ServiceBodyId), $"Post '{post.Id}': ServiceBodyId '{post.ServiceBodyId}' is not a known service body."));
            }

            foreach (var (holder, field) in new[] { (post.AHolder, nameof(Post.AHolder)), (post.BHolder, nameof(Post.BHolder)) })
            {
                if (!_staff.TryGetValue(holder, out var s))
                {
                    errors.Add(new(NetworkRecordKind.Post, post.Id.Value, field, $"Post '{post.Id}': {field} '{holder}' is not a known staff member."));
                }
                else if (s.StationedAt != post.ServiceBodyId)
                {
                    errors.Add(new(NetworkRecordKind.Post, post.Id.Value, field, $"Post '{post.Id}': {field} '{holder}' is not stationed at '{post.ServiceBodyId}'."));
                }
                else if (!s.Role.IsWindowStaff())
                {
                    // Art. 13 leaves A/B posts out of the village agents' rules; Art. 12(6) is for window staff.
                    errors.Add(new(NetworkRecordKind.Post, post.Id.Value, field, $"Post '{post.Id}': {field} '{holder}' is a {s.Role}; A/B posts are held by window staff (Art. 12(6), Art. 13)."));
                }
            }
        }
    }
}
