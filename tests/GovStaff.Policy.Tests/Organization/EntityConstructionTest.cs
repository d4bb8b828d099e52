using GovStaff.Policy.Organization;
using GovStaff.Policy.Tests.Support;
using NodaTime;
using static GovStaff.Policy.Tests.Support.TestDistrict;

namespace GovStaff.Policy.Tests.Organization;

public class EntityConstructionTest
{
    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("has space")]
    public void Ids_RejectBlankOrSpacedValues(string raw)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => new StaffId(raw));
        Assert.Contains("StaffId", e.Message);
    }

    [Fact]
    public void StaffMember_EmptyName_NamesTheField()
    {
        var e = Assert.Throws<ArgumentException>(() => Person("X", " ", new(1990, 1, 1), Binhe, Role.TownshipWindowStaff));
        Assert.Equal("Name", e.ParamName);
    }

    [Fact]
    public void StaffMember_WithExpression_RunsTheSameChecks()
    {
        var p = Person("X", "张三", new(1990, 1, 1), Binhe, Role.TownshipWindowStaff);
        var e = Assert.Throws<ArgumentException>(() => p with { Name = "" });
        Assert.Equal("Name", e.ParamName);
    }

    [Fact]
    public void StaffMember_UndefinedRole_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Person("X", "张三", new(1990, 1, 1), Binhe, (Role)42));
    }

    [Fact]
    public void StaffMember_BirthDateBefore1900_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Person("X", "张三", new(1899, 12, 31), Binhe, Role.TownshipWindowStaff));
    }

    [Fact]
    public void Network_BirthDateInTheFuture_CannotBeBuilt()
    {
        var baby = Person("FUT", "未来", AsOf.PlusDays(1), Binhe, Role.TownshipWindowStaff, BinheCentre);
        var e = Assert.Throws<ServiceNetworkValidationException>(() => Network([baby]));
        Assert.Contains(e.Errors, m => m.Contains("'FUT'") && m.Contains("BirthDate") && m.Contains("future"));
    }

    [Fact]
    public void Network_VillageAgentAtTownshipCentre_CannotBeBuilt()
    {
        var agent = Person("VA", "代办员", new(1988, 1, 1), Shaliu, Role.VillageAgent, BinheCentre, gridWorker: true);
        var e = Assert.Throws<ServiceNetworkValidationException>(() => Network([agent]));
        Assert.Contains(e.Errors, m => m.Contains("'VA'") && m.Contains("VillageAgent") && m.Contains("TownshipCentre"));
    }

    [Fact]
    public void Network_ListsEveryProblemAtOnce()
    {
        var unknownUnit = Person("U1", "甲", new(1988, 1, 1), new HomeUnitId("nowhere"), Role.TownshipWindowStaff, BinheCentre);
        var unknownBody = Person("U2", "乙", new(1988, 1, 1), Binhe, Role.TownshipWindowStaff, new ServiceBodyId("nowhere"));
        var duplicate = Staff[0];
        var e = Assert.Throws<ServiceNetworkValidationException>(() => Network([unknownUnit, unknownBody, duplicate]));
        Assert.Equal(3, e.Errors.Count);
        Assert.Contains(e.Errors, m => m.Contains("HomeUnitId 'nowhere'"));
        Assert.Contains(e.Errors, m => m.Contains("StationedAt 'nowhere'"));
        Assert.Contains(e.Errors, m => m.Contains("'D-HR' appears more than once"));

        // The same problems, structured: the record, its id and the field, for an importer to name the cell.
        Assert.Equal(
            [(NetworkRecordKind.StaffMember, "D-HR", "Id"), (NetworkRecordKind.StaffMember, "U1", nameof(StaffMember.HomeUnitId)), (NetworkRecordKind.StaffMember, "U2", nameof(StaffMember.StationedAt))],
            e.Problems.Select(p => (p.Record, p.Id!, p.Field!)).Order());
        Assert.Equal(e.Errors, e.Problems.Select(p => p.Message));
    }

    [Fact]
    public void NetworkProblems_NameTheFieldOfEachKindOfRecord()
    {
        var post = new Post(new PostId("x"), Hall, "窗口", new StaffId("W-HR1"), new StaffId("W-BH1"));
        var village = new ServiceBody(new ServiceBodyId("v2"), ServiceBodyKind.VillageCentre, "某村", Hall, Shaliu);
        var secondHall = new ServiceBody(new ServiceBodyId("hall-2"), ServiceBodyKind.ServiceHall, "第二大厅");
        var e = Assert.Throws<ServiceNetworkValidationException>(() => new ServiceNetwork([.. Bodies, village, secondHall], Units, Staff, [.. Posts, post], AsOf));
        Assert.Contains(e.Problems, p => p is { Record: NetworkRecordKind.Post, Id: "x", Field: nameof(Post.BHolder) });
        Assert.Contains(e.Problems, p => p is { Record: NetworkRecordKind.ServiceBody, Id: "v2", Field: nameof(ServiceBody.ParentId) });
        Assert.Contains(e.Problems, p => p is { Record: NetworkRecordKind.ServiceBody, Id: "hall-2", Field: nameof(ServiceBody.Kind) } && p.Message.Contains("one service hall", StringComparison.Ordinal));
    }

    [Fact]
    public void Post_SameHolderTwice_IsRejectedCitingArt12Item6()
    {
        var e = Assert.Throws<ArgumentException>(() => new Post(new PostId("p"), Hall, "窗口", new StaffId("A"), new StaffId("A")));
        Assert.Contains("Art. 12(6)", e.Message);
    }

    [Fact]
    public void Post_HolderNotAtTheBody_IsRejected()
    {
        var post = new Post(new PostId("x"), Hall, "窗口", new StaffId("W-HR1"), new StaffId("W-BH1"));
        var e = Assert.Throws<ServiceNetworkValidationException>(() => new ServiceNetwork(Bodies, Units, Staff, [.. Posts, post], AsOf));
        Assert.Contains(e.Errors, m => m.Contains("BHolder 'W-BH1' is not stationed at 'hall'"));
    }

    [Fact]
    public void ServiceBody_VillageCentreUnderTheHall_IsRejected()
    {
        var bad = new ServiceBody(new ServiceBodyId("v2"), ServiceBodyKind.VillageCentre, "某村", Hall, Shaliu);
        var e = Assert.Throws<ServiceNetworkValidationException>(() => new ServiceNetwork([.. Bodies, bad], Units, Staff, Posts, AsOf));
        Assert.Contains(e.Errors, m => m.Contains("'v2'") && m.Contains("parent must be a TownshipCentre"));
    }

    [Fact]
    public void ServiceBody_HallWithParent_IsRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new ServiceBody(new ServiceBodyId("h"), ServiceBodyKind.ServiceHall, "大厅", Hall));
        Assert.Equal("parentId", e.ParamName);
    }

    [Fact]
    public void HomeUnit_PoliceStationWithoutTownship_IsRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new HomeUnit(new HomeUnitId("p"), HomeUnitKind.PoliceStation, "某派出所"));
        Assert.Equal("townshipId", e.ParamName);
    }

    [Fact]
    public void Network_Lookups()
    {
        var network = Network();
        Assert.Equal("滨河镇民生服务中心", network.TownshipCentreOf(Binhe)!.Name);
        Assert.Equal(Binhe, network.TownshipOf(network.GetBody(ShaliuVillage)));
        Assert.Single(network.PostsOf(new StaffId("W-BH2")));
        Assert.Equal(new StaffId("W-BH1"), network.PostsOf(new StaffId("W-BH2"))[0].PartnerOf(new StaffId("W-BH2")));
        var e = Assert.Throws<KeyNotFoundException>(() => network.GetStaff(new StaffId("nobody")));
        Assert.Contains("nobody", e.Message);
    }

    [Theory]
    [InlineData("11010519491231002X", true)]
    [InlineData("110105194912310021", false)]
    [InlineData("11010519491331002X", false)]
    [InlineData("1101051949123100", false)]
    [InlineData("11010519491231002A", false)]
    public void ResidentIdNumber_ChecksLengthDateAndCheckDigit(string raw, bool valid)
    {
        Assert.Equal(valid, ResidentIdNumber.Validate(raw) is null);
        if (!valid)
        {
            var e = Assert.Throws<ArgumentException>(() => new ResidentIdNumber(raw));
            Assert.DoesNotContain(raw, e.Message); // the number itself never goes into a message
        }
    }

    [Fact]
    public void ResidentIdNumber_IsMaskedWhenPrinted()
    {
        var id = new ResidentIdNumber("11010519491231002x");
        Assert.Equal("1101**********002X", id.ToString());
        Assert.Equal(new LocalDate(1949, 12, 31), id.BirthDate);
    }

    [Fact]
    public void StaffMember_ResidentIdMustMatchBirthDate()
    {
        var e = Assert.Throws<ArgumentException>(() => new StaffMember(
            new StaffId("X"), "张三", new LocalDate(1950, 1, 1), Binhe, Role.TownshipWindowStaff, residentId: new ResidentIdNumber("11010519491231002X")));
        Assert.Equal("residentId", e.ParamName);
    }
}
