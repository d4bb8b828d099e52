using GovStaff.Policy.Organization;
using GovStaff.Policy.Regulation;
using NodaTime;
using NodaTime.Testing;

namespace GovStaff.Policy.Tests.Support;

/// <summary>
/// A small district for the tests: the hall with two departments, 滨河镇 and 文昌镇 with their centres, police
/// stations and one village centre each.
/// </summary>
internal static class TestDistrict
{
    public static readonly ServiceBodyId Hall = new("hall");
    public static readonly ServiceBodyId BinheCentre = new("binhe-centre");
    public static readonly ServiceBodyId WenchangCentre = new("wenchang-centre");
    public static readonly ServiceBodyId ShaliuVillage = new("shaliu-village-centre");
    public static readonly ServiceBodyId WenchangVillage = new("wenchang-village-centre");

    public static readonly HomeUnitId Binhe = new("binhe");
    public static readonly HomeUnitId Wenchang = new("wenchang");
    public static readonly HomeUnitId BinhePolice = new("binhe-police");
    public static readonly HomeUnitId WenchangPolice = new("wenchang-police");
    public static readonly HomeUnitId Shaliu = new("shaliu-committee");
    public static readonly HomeUnitId WenchangCommittee = new("wenchang-committee");
    public static readonly HomeUnitId HumanResources = new("hrss");
    public static readonly HomeUnitId MarketRegulation = new("samr");

    public static readonly LocalDate AsOf = new(2022, 10, 10);

    public static IReadOnlyList<ServiceBody> Bodies { get; } =
    [
        new(Hall, ServiceBodyKind.ServiceHall, "沙坡头区政务服务大厅"),
        new(BinheCentre, ServiceBodyKind.TownshipCentre, "滨河镇民生服务中心", Hall, Binhe),
        new(WenchangCentre, ServiceBodyKind.TownshipCentre, "文昌镇民生服务中心", Hall, Wenchang),
        new(ShaliuVillage, ServiceBodyKind.VillageCentre, "沙溜村便民服务中心", BinheCentre, Shaliu),
        new(WenchangVillage, ServiceBodyKind.VillageCentre, "文萃社区便民服务中心", WenchangCentre, WenchangCommittee),
    ];

    public static IReadOnlyList<HomeUnit> Units { get; } =
    [
        new(Binhe, HomeUnitKind.Township, "滨河镇人民政府"),
        new(Wenchang, HomeUnitKind.Township, "文昌镇人民政府"),
        new(BinhePolice, HomeUnitKind.PoliceStation, "滨河派出所", Binhe),
        new(WenchangPolice, HomeUnitKind.PoliceStation, "文昌派出所", Wenchang),
        new(Shaliu, HomeUnitKind.VillageCommittee, "沙溜村村民委员会", Binhe),
        new(WenchangCommittee, HomeUnitKind.VillageCommittee, "文萃社区居民委员会", Wenchang),
        new(HumanResources, HomeUnitKind.Department, "区人力资源和社会保障局"),
        new(MarketRegulation, HomeUnitKind.Department, "区市场监督管理局"),
    ];

    /// <summary>Directors for every township and department, two window staff per centre, one agent per village.</summary>
    public static IReadOnlyList<StaffMember> Staff { get; } =
    [
        Person("D-HR", "王建国", new(1975, 3, 1), HumanResources, Role.HallOfficeDirector, Hall),
        Person("D-SAMR", "李红梅", new(1978, 6, 12), MarketRegulation, Role.HallOfficeDirector, Hall),
        Person("D-BH", "马志强", new(1980, 1, 20), Binhe, Role.TownshipCentreDirector, BinheCentre),
        Person("D-WC", "杨丽", new(1982, 9, 5), Wenchang, Role.TownshipCentreDirector, WenchangCentre),
        Person("W-HR1", "张伟", new(1990, 4, 2), HumanResources, Role.HallWindowStaff, Hall),
        Person("W-HR2", "刘芳", new(1992, 11, 30), HumanResources, Role.HallWindowStaff, Hall),
        Person("W-BH1", "周敏", new(1991, 7, 7), Binhe, Role.TownshipWindowStaff, BinheCentre),
        Person("W-BH2", "何静", new(1993, 2, 14), Binhe, Role.TownshipWindowStaff, BinheCentre),
        Person("V-SL", "田军", new(1985, 5, 5), Shaliu, Role.VillageAgent, ShaliuVillage, gridWorker: true),
    ];

    public static IReadOnlyList<Post> Posts { get; } =
    [
        new(new PostId("hall-social-security"), Hall, "社保窗口", new StaffId("W-HR1"), new StaffId("W-HR2")),
        new(new PostId("binhe-general"), BinheCentre, "综合窗口", new StaffId("W-BH1"), new StaffId("W-BH2")),
    ];

    public static ServiceNetwork Network(IEnumerable<StaffMember>? extraStaff = null, LocalDate? asOf = null) =>
        new(Bodies, Units, Staff.Concat(extraStaff ?? []).ToList(), Posts, asOf ?? AsOf);

    public static StaffMember Person(
        string id,
        string name,
        LocalDate birth,
        HomeUnitId unit,
        Role role,
        ServiceBodyId? at = null,
        bool computer = true,
        bool backbone = true,
        bool gridWorker = false,
        bool twoCommittee = false) =>
        new(new StaffId(id), name, birth, unit, role, at, computer, backbone, gridWorker, twoCommittee);

    /// <summary>A clock fixed at 09:00 Beijing time on the given date.</summary>
    public static FakeClock ClockAt(LocalDate date) =>
        new(date.At(new LocalTime(9, 0)).InZoneStrictly(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]).ToInstant());

    public static PolicyEngine Engine(LocalDate? today = null, PolicyOptions? options = null) =>
        new(
            options is null
                ? PolicyVersionSet.Default
                : new PolicyVersionSet([PolicyVersion.Trial2021.WithOptions(options)]),
            ClockAt(today ?? AsOf));

    private static PolicyVersion WithOptions(this PolicyVersion version, PolicyOptions options) =>
        new(version.Id, version.Title, version.EffectiveFrom, version.EffectiveUntil, options);
}
