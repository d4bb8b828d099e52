namespace GovStaff.Policy.Organization;

/// <summary>The kinds of service body, one per <see cref="Tier"/>.</summary>
public enum ServiceBodyKind
{
    /// <summary>政务服务中心 / 政务服务大厅: the district government service centre and its hall.</summary>
    ServiceHall = 1,

    /// <summary>乡镇民生服务中心: a township livelihood service centre.</summary>
    TownshipCentre = 2,

    /// <summary>村（社区）便民服务中心: a village (community) convenience service centre.</summary>
    VillageCentre = 3,
}
