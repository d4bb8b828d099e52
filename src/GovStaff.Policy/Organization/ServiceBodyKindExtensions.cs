namespace GovStaff.Policy.Organization;

/// <summary>Helpers for <see cref="ServiceBodyKind"/>.</summary>
public static class ServiceBodyKindExtensions
{
    /// <summary>The tier a kind of body serves at.</summary>
    public static Tier Tier(this ServiceBodyKind kind) => kind switch
    {
        ServiceBodyKind.ServiceHall => Organization.Tier.District,
        ServiceBodyKind.TownshipCentre => Organization.Tier.Township,
        ServiceBodyKind.VillageCentre => Organization.Tier.Village,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown service body kind."),
    };
}
