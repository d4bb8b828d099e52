using GovStaff.Policy.Organization;
using NodaTime;

namespace GovStaff.Sample.Host.Simulation;

/// <summary>
/// A realistic Shapotou district: the hall with three departments, the centres of the 11 real townships (10 镇 + 1 乡,
/// 国家统计局 2023 区划代码), a police officer at each centre, and two village centres per township.
/// </summary>
internal static class ShapotouDistrict
{
    public static readonly ServiceBodyId Hall = new("hall");

    public static readonly (string Code, string Name, string[] Villages)[] Townships =
    [
        ("640502100", "滨河镇", ["沙渠村", "黑林村"]), ("640502101", "文昌镇", ["新星社区", "文萃社区"]),
        ("640502102", "东园镇", ["金沙村", "郭滩村"]), ("640502103", "柔远镇", ["柔远村", "镇靖村"]),
        ("640502104", "镇罗镇", ["镇罗村", "观音村"]), ("640502105", "宣和镇", ["宣和村", "丹阳村"]),
        ("640502106", "永康镇", ["永康村", "彩达村"]), ("640502107", "常乐镇", ["常乐村", "思乐村"]),
        ("640502108", "迎水桥镇", ["迎水村", "沙坡头村"]), ("640502109", "兴仁镇", ["兴仁村", "团结村"]),
        ("640502200", "香山乡", ["香山村", "红泉村"]),
    ];

    public static readonly (string Id, string Name)[] Departments =
        [("hrss", "沙坡头区人力资源和社会保障局"), ("samr", "沙坡头区市场监督管理局"), ("civil", "沙坡头区民政局")];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "马", "周", "吴", "何", "田", "苏", "白", "海", "丁", "金", "罗", "黄"];
    private static readonly string[] Given = ["建国", "红梅", "志强", "丽", "军", "玉兰", "涛", "建华", "梅", "平", "晓东", "桂芳", "敏", "静", "伟", "芳", "磊", "娜"];

    public static ServiceBodyId Centre(string code) => new($"centre-{code}");

    public static ServiceBodyId Village(string code, int i) => new($"village-{code}-{i}");

    public static ServiceNetwork Build(LocalDate asOf)
    {
        var bodies = new List<ServiceBody> { new(Hall, ServiceBodyKind.ServiceHall, "沙坡头区政务服务大厅") };
        var units = new List<HomeUnit>();
        var staff = new List<StaffMember>();
        var posts = new List<Post>();
        var n = 0;
        StaffMember Person(string id, HomeUnitId unit, Role role, ServiceBodyId at, int bornYear, bool grid = false)
        {
            n++;
            return new(new StaffId(id), Surnames[n % Surnames.Length] + Given[(n * 7) % Given.Length], new LocalDate(bornYear, 1 + (n % 12), 1 + (n % 27)), unit, role, at, true, true, grid);
        }

        foreach (var (id, name) in Departments)
        {
            var unit = new HomeUnitId($"dept-{id}");
            units.Add(new(unit, HomeUnitKind.Department, name));
            staff.Add(Person($"{id}-director", unit, Role.HallOfficeDirector, Hall, 1976));
            staff.Add(Person($"{id}-a", unit, Role.HallWindowStaff, Hall, 1988));
            staff.Add(Person($"{id}-b", unit, Role.HallWindowStaff, Hall, 1991));
            posts.Add(new(new PostId($"hall-{id}"), Hall, name["沙坡头区".Length..] + "窗口", new StaffId($"{id}-a"), new StaffId($"{id}-b")));
        }

        foreach (var (code, name, villages) in Townships)
        {
            var township = new HomeUnitId($"township-{code}");
            var police = new HomeUnitId($"police-{code}");
            units.Add(new(township, HomeUnitKind.Township, name + "人民政府"));
            units.Add(new(police, HomeUnitKind.PoliceStation, name.TrimEnd('镇', '乡') + "派出所", township));
            bodies.Add(new(Centre(code), ServiceBodyKind.TownshipCentre, name + "民生服务中心", Hall, township));
            staff.Add(Person($"{code}-director", township, Role.TownshipCentreDirector, Centre(code), 1979));
            staff.Add(Person($"{code}-a", township, Role.TownshipWindowStaff, Centre(code), 1989));
            staff.Add(Person($"{code}-b", township, Role.TownshipWindowStaff, Centre(code), 1993));
            staff.Add(Person($"{code}-police", police, Role.TownshipWindowStaff, Centre(code), 1987));
            posts.Add(new(new PostId($"post-{code}"), Centre(code), "综合窗口", new StaffId($"{code}-a"), new StaffId($"{code}-b")));
            for (var i = 0; i < villages.Length; i++)
            {
                var committee = new HomeUnitId($"committee-{code}-{i}");
                units.Add(new(committee, HomeUnitKind.VillageCommittee, villages[i] + "村（居）民委员会", township));
                bodies.Add(new(Village(code, i), ServiceBodyKind.VillageCentre, villages[i] + "便民服务中心", Centre(code), committee));
                staff.Add(Person($"{code}-agent-{i}", committee, Role.VillageAgent, Village(code, i), 1980, grid: true));
            }
        }

        return new ServiceNetwork(bodies, units, staff, posts, asOf);
    }
}
