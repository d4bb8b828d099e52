using GovStaff.Policy.Organization;
using GovStaff.Policy.Regulation;
using GovStaff.Policy.Staffing;
using GovStaff.Policy.Tests.Support;
using static GovStaff.Policy.Tests.Support.TestDistrict;

namespace GovStaff.Policy.Tests.Staffing;

public class Article3DirectorsTest
{
    private readonly StaffingRules _rules = new(Engine());

    [Fact]
    public void Art3_OneDirectorPerTownshipAndDepartment_IsPermitted()
    {
        var d = _rules.CheckDirectors(Network());
        Assert.Equal(Outcome.Permitted, d.Outcome);
        Assert.Equal(4, d.Findings.Count); // two townships, two departments
        Assert.All(d.Findings, f => Assert.Equal("art3.director-designated", f.Code));
        Snap.Match(d);
    }

    [Fact]
    public void Art3_TownshipWithoutDirector_IsAViolationNamingTheTownship()
    {
        var network = new ServiceNetwork(Bodies, Units, Staff.Where(s => s.Id.Value != "D-WC").ToList(), Posts, AsOf);
        var d = _rules.CheckDirectors(network);
        Assert.Equal(Outcome.Refused, d.Outcome);
        var missing = Assert.Single(d.Findings, f => f.Severity == Severity.Violation);
        Assert.Equal("art3.director-missing", missing.Code);
        Assert.Equal("unit:wenchang", missing.Subject);
        Assert.Contains("文昌镇", missing.Message.Zh);
        Assert.Equal(new Citation(3), missing.Citation);
    }

    [Fact]
    public void Art3_TwoDirectorsInOneTownship_IsAViolation()
    {
        var second = Person("D-BH2", "第二主任", new(1981, 1, 1), Binhe, Role.TownshipCentreDirector, BinheCentre);
        var d = _rules.CheckDirectors(Network([second]));
        var two = Assert.Single(d.Findings, f => f.Severity == Severity.Violation);
        Assert.Equal("art3.director-multiple", two.Code);
        Assert.Equal("unit:binhe", two.Subject);
        Assert.Contains("D-BH", two.Message.En);
        Assert.Contains("D-BH2", two.Message.En);
    }

    [Fact]
    public void Art3_DepartmentWithoutOfficeDirector_IsAViolation()
    {
        var network = new ServiceNetwork(Bodies, Units, Staff.Where(s => s.Id.Value != "D-SAMR").ToList(), Posts, AsOf);
        var d = _rules.CheckDirectors(network);
        var missing = Assert.Single(d.Findings, f => f.Severity == Severity.Violation);
        Assert.Equal("unit:samr", missing.Subject);
        Assert.Contains("approval office director", missing.Message.En);
    }

    [Fact]
    public void Art3_NominatingASecondDirector_IsRefused()
    {
        var network = Network([Person("D-BH2", "候选主任", new(1981, 1, 1), Binhe, Role.TownshipWindowStaff)]);
        var d = _rules.VetNomination(new Nomination(new StaffId("D-BH2"), BinheCentre, Role.TownshipCentreDirector, AsOf), network);
        Assert.Equal(Outcome.Refused, d.Outcome);
        Assert.True(d.Has("art3.single-director"));
    }

    [Fact]
    public void Art3_OfficeDirectorFromATownship_IsRefused()
    {
        var network = Network([Person("X", "候选", new(1981, 1, 1), Binhe, Role.Other)]);
        var d = _rules.VetNomination(new Nomination(new StaffId("X"), Hall, Role.HallOfficeDirector, AsOf), network);
        Assert.True(d.Has("art3.office-director-department"));
        Assert.Equal(Outcome.Refused, d.Outcome);
    }
}
