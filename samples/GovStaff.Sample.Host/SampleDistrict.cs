using GovStaff.Policy.Organization;
using NodaTime;

namespace GovStaff.Sample.Host;

/// <summary>
/// A small Shapotou district: the service hall with three departments and the centres of the district's real
/// townships (10 镇 + 1 乡, 国家统计局 2023 区划代码 640502).
/// </summary>
internal static class SampleDistrict
{
    public static readonly ServiceBodyId Hall = new("hall");

    /// <summary>The township-level divisions of 沙坡头区 that have a government, with their statistical codes.</summary>
    public static readonly (string Code, string Name)[] Townships =
    [
        ("640502100", "滨河镇"), ("640502101", "文昌镇"), ("640502102", "东园镇"), ("640502103", "柔远镇"),
        ("640502104", "镇罗镇"), ("640502105", "宣和镇"), ("640502106", "永康镇"), ("640502107", "常乐镇"),
        ("640502108", "迎水桥镇"), ("640502109", "兴仁镇"), ("640502200", "香山乡"),
    ];

    public static ServiceBodyId CentreOf(string code) => new($"centre-{code}");

    public static HomeUnitId TownshipUnit(string code) => new($"township-{code}");

    public static ServiceNetwork Build(LocalDate asOf)
    {
        var bodies = new List<ServiceBody> { new(Hall, ServiceBodyKind.ServiceHall, "沙坡头区政务服务大厅") };
        var units = new List<HomeUnit>
        {
            new(new("dept-hrss"), HomeUnitKind.Department, "沙坡头区人力资源和社会保障局"),
            new(new("dept-samr"), HomeUnitKind.Department, "沙坡头区市场监督管理局"),
            new(new("dept-civil"), HomeUnitKind.Department, "沙坡头区民政局"),
        };
        var staff = new List<StaffMember>
        {
            new(new("hrss-director"), "王建国", new LocalDate(1976, 3, 1), new("dept-hrss"), Role.HallOfficeDirector, Hall, true, true),
            new(new("samr-director"), "李红梅", new LocalDate(1979, 6, 12), new("dept-samr"), Role.HallOfficeDirector, Hall, true, true),
            new(new("civil-director"), "马志远", new LocalDate(1981, 9, 9), new("dept-civil"), Role.HallOfficeDirector, Hall, true, true),
        };
        var directorNames = new[] { "马志强", "杨丽", "田军", "白玉兰", "海涛", "苏建华", "金梅", "罗平", "丁晓东", "吴桂芳", "何继承" };
        for (var i = 0; i < Townships.Length; i++)
        {
            var (code, name) = Townships[i];
            units.Add(new(TownshipUnit(code), HomeUnitKind.Township, name + "人民政府"));
            units.Add(new(new($"police-{code}"), HomeUnitKind.PoliceStation, name.TrimEnd('镇', '乡') + "派出所", TownshipUnit(code)));
            bodies.Add(new(CentreOf(code), ServiceBodyKind.TownshipCentre, name + "民生服务中心", Hall, TownshipUnit(code)));
            staff.Add(new(new($"director-{code}"), directorNames[i], new LocalDate(1978 + i, 1 + i, 10), TownshipUnit(code), Role.TownshipCentreDirector, CentreOf(code), true, true));
        }

        return new ServiceNetwork(bodies, units, staff, [], asOf);
    }
}
