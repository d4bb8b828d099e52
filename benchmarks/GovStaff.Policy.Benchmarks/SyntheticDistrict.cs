using GovStaff.Policy.Organization;
using NodaTime;

namespace GovStaff.Policy.Benchmarks;

/// <summary>A generated district of any size: one hall, townships with a centre each, window staff in A/B pairs.</summary>
internal static class SyntheticDistrict
{
    public static ServiceNetwork Build(int staffPerCentre, int townships, LocalDate asOf)
    {
        var hall = new ServiceBodyId("hall");
        var bodies = new List<ServiceBody> { new(hall, ServiceBodyKind.ServiceHall, "大厅") };
        var units = new List<HomeUnit>();
        var staff = new List<StaffMember>();
        var posts = new List<Post>();
        for (var t = 0; t < townships; t++)
        {
            var township = new HomeUnitId($"t{t}");
            var centre = new ServiceBodyId($"c{t}");
            units.Add(new HomeUnit(township, HomeUnitKind.Township, $"镇{t}"));
            bodies.Add(new ServiceBody(centre, ServiceBodyKind.TownshipCentre, $"中心{t}", hall, township));
            for (var i = 0; i < staffPerCentre; i++)
            {
                var id = new StaffId($"s{t}-{i}");
                staff.Add(new StaffMember(id, $"人员{t}-{i}", new LocalDate(1980 + (i % 20), 1 + (i % 12), 1 + (i % 28)), township, Role.TownshipWindowStaff, centre, true, true));
                if (i % 2 == 1)
                {
                    posts.Add(new Post(new PostId($"p{t}-{i}"), centre, "窗口", new StaffId($"s{t}-{i - 1}"), id));
                }
            }
        }

        return new ServiceNetwork(bodies, units, staff, posts, asOf);
    }
}
