using GovStaff.Policy.Organization;
using GovStaff.Policy.Regulation;
using GovStaff.Policy.Staffing;
using GovStaff.Policy.Tests.Support;
using static GovStaff.Policy.Tests.Support.TestDistrict;

namespace GovStaff.Policy.Tests.Staffing;

public class Article2ScopeTest
{
    private readonly StaffingRules _rules = new(Engine());

    [Theory]
    [InlineData(Role.HallOfficeDirector)]
    [InlineData(Role.HallWindowStaff)]
    [InlineData(Role.TownshipCentreDirector)]
    [InlineData(Role.TownshipWindowStaff)]
    [InlineData(Role.VillageAgent)]
    public void Art2_FiveRoles_AreInScope(Role role)
    {
        var d = _rules.CheckScope(Person("P", "张三", new(1990, 1, 1), Binhe, role), AsOf);
        Assert.Equal(Outcome.Permitted, d.Outcome);
        Assert.Equal([new Citation(2)], d.Citations);
    }

    [Fact]
    public void Art2_OtherRole_IsOutOfScope_AsAFindingNotACrash()
    {
        var clerk = Person("CLERK", "赵六", new(1990, 1, 1), HumanResources, Role.Other);
        var d = _rules.CheckScope(clerk, AsOf);
        Assert.Equal(Outcome.Refused, d.Outcome);
        Assert.True(d.Has("art2.out-of-scope"));
        Snap.Match(d);
    }

    [Fact]
    public void Art2_NominatingAVillageAgentToATownshipCentre_IsRefused()
    {
        var network = Network([Person("VA", "代办员", new(1988, 1, 1), Shaliu, Role.VillageAgent, gridWorker: true)]);
        var d = _rules.VetNomination(new Nomination(new StaffId("VA"), BinheCentre, Role.VillageAgent, AsOf), network);
        Assert.Equal(Outcome.Refused, d.Outcome);
        Assert.True(d.Has("art2.tier-mismatch"));
    }
}
