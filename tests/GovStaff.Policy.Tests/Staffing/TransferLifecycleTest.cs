using GovStaff.Policy.Calendars;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Regulation;
using GovStaff.Policy.Staffing;
using GovStaff.Policy.Tests.Support;
using NodaTime;
using static GovStaff.Policy.Tests.Support.TestDistrict;

namespace GovStaff.Policy.Tests.Staffing;

public class TransferLifecycleTest
{
    private static readonly StaffMember Officer = Person("POL-1", "李警官", new(1988, 3, 3), BinhePolice, Role.TownshipWindowStaff, BinheCentre);
    private static readonly ServiceNetwork Net = Network([Officer]);
    private static readonly TransferLifecycle Transfers = new(Engine(), WorkCalendar.National);
    private static readonly Actor Township = Actor.For("滨河镇", Binhe);
    private static readonly Actor Station = Actor.For("所长", BinhePolice);
    private static readonly Actor Centre = Actor.For("马志强", BinheCentre);
    private static readonly Actor ServiceCentre = Actor.For("政务服务中心", Hall);

    // W-BH1 was stationed at 滨河镇民生服务中心 on 2020-10-12; the two years end on 2022-10-12.
    private static TransferRequest Rotation(LocalDate on, string? exceptional = null) =>
        new("T1", new StaffId("W-BH1"), TransferKind.Rotation, new LocalDate(2020, 10, 12), on, "轮岗", exceptional);

    [Fact]
    public void Art4_DayBeforeTheTwoYearMark_IsRefusedWithoutAnExceptionalReason()
    {
        var r = Transfers.Request(Rotation(new(2022, 10, 11)), Net, Township);
        Assert.Equal(Outcome.Refused, r.Decision.Outcome);
        Assert.Equal(Severity.Violation, r.Decision.Findings.Single(f => f.Code == "art4.stability").Severity);
        Assert.Contains("2022-10-12", r.Decision.Findings.Single(f => f.Code == "art4.stability").Message.En);
        Assert.Null(r.Event);
        Snap.Match(r.Decision);
    }

    [Fact]
    public void Art4_OnTheTwoYearMark_IsPermitted()
    {
        var r = Transfers.Request(Rotation(new(2022, 10, 12)), Net, Township);
        Assert.Equal(Outcome.Permitted, r.Decision.Outcome);
        Assert.Equal(TransferState.Requested, r.Entity.State);
    }

    [Fact]
    public void Art4_WithinTwoYears_WithAnExceptionalReason_NeedsApproval_AndTheApprovalSaysSo()
    {
        var requested = Transfers.Request(Rotation(new(2021, 6, 1), "本人重病需调离"), Net, Township);
        Assert.Equal(Outcome.RequiresApproval, requested.Decision.Outcome);
        Assert.True(requested.Applied);
        var reviewed = Transfers.Review(requested.Entity, Net, ServiceCentre, new(2021, 6, 2)).Entity;
        var approved = Transfers.Approve(reviewed, Net, ServiceCentre, new(2021, 6, 3));
        Assert.Equal(Outcome.Permitted, approved.Decision.Outcome);
        Assert.True(approved.Decision.Has("art4.stability-exception"));
        Assert.Equal(TransferState.Approved, approved.Entity.State);
    }

    private static TransferRequest Adjustment() =>
        new("T2", Officer.Id, TransferKind.PoliceAdjustment, new LocalDate(2020, 1, 6), new LocalDate(2022, 10, 10), "工作需要");

    [Fact]
    public void Art7_PoliceAdjustment_ApprovedByTheTownshipCentre_ThenExecutedAndReported()
    {
        var requested = Transfers.Request(Adjustment(), Net, Station);
        Assert.Equal(Outcome.RequiresApproval, requested.Decision.Outcome);
        Assert.True(requested.Decision.Has("art7.prior-approval"));
        var reviewed = Transfers.Review(requested.Entity, Net, Centre, new(2022, 10, 11));
        var approved = Transfers.Approve(reviewed.Entity, Net, Centre, new(2022, 10, 12));
        Assert.Equal(Outcome.Permitted, approved.Decision.Outcome);
        var executed = Transfers.Execute(approved.Entity, Net, Station, new(2022, 10, 14));
        Assert.Equal(TransferState.Executed, executed.Entity.State);
        var reported = Transfers.Report(executed.Entity, Net, Station, new(2022, 10, 17));
        Assert.Equal(TransferState.Reported, reported.Entity.State);
        Assert.Equal(Outcome.Permitted, reported.Decision.Outcome);
        Assert.Equal(new Citation(7), reported.Event!.Citations[0]);
    }

    [Fact]
    public void Art7_ExecutingWithoutApproval_IsRefused_NoPrivateRecall()
    {
        var requested = Transfers.Request(Adjustment(), Net, Station).Entity;
        var r = Transfers.Execute(requested, Net, Station, new(2022, 10, 11));
        Assert.Equal(Outcome.Refused, r.Decision.Outcome);
        Assert.Equal("transfer.transition-not-allowed", r.Decision.Findings.Single().Code);
        Assert.Equal(new Citation(7), r.Decision.Findings.Single().Citation);
        Assert.Equal(TransferState.Requested, r.Entity.State);
        Snap.Match(r.Decision);
    }

    [Fact]
    public void Art7_ThePoliceStationCannotApproveItsOwnAdjustment()
    {
        var reviewed = Transfers.Review(Transfers.Request(Adjustment(), Net, Station).Entity, Net, Centre, new(2022, 10, 11)).Entity;
        var r = Transfers.Approve(reviewed, Net, Station, new(2022, 10, 12));
        Assert.Equal(Outcome.Refused, r.Decision.Outcome);
        var unauthorised = r.Decision.Findings.Single(f => f.Code == "transfer.unauthorised");
        Assert.Equal(new Citation(7), unauthorised.Citation);
        Assert.Contains("body:hall", unauthorised.Message.En);
        Assert.Contains("body:binhe-centre", unauthorised.Message.En);
    }

    [Fact]
    public void Art7_TheServiceCentreMayApproveToo_AnotherTownshipsCentreMayNot()
    {
        var reviewed = Transfers.Review(Transfers.Request(Adjustment(), Net, Station).Entity, Net, ServiceCentre, new(2022, 10, 11)).Entity;
        Assert.Equal(Outcome.Permitted, Transfers.Approve(reviewed, Net, ServiceCentre, new(2022, 10, 12)).Decision.Outcome);
        Assert.Equal(Outcome.Refused, Transfers.Approve(reviewed, Net, Actor.For("文昌", WenchangCentre), new(2022, 10, 12)).Decision.Outcome);
    }

    [Fact]
    public void Art7_UnreportedAdjustment_BecomesAWarningAfterTheConfiguredWorkingDays()
    {
        var t = Transfers.Request(Adjustment(), Net, Station).Entity;
        t = Transfers.Review(t, Net, Centre, new(2022, 10, 11)).Entity;
        t = Transfers.Approve(t, Net, Centre, new(2022, 10, 12)).Entity;
        t = Transfers.Execute(t, Net, Station, new(2022, 10, 14)).Entity;
        // Executed Fri 14 Oct; 5 working days later is Fri 21 Oct.
        Assert.Equal(Outcome.Permitted, Transfers.CheckUnreported(t, new(2022, 10, 21)).Outcome);
        var overdue = Transfers.CheckUnreported(t, new(2022, 10, 24));
        Assert.Equal(Outcome.Warning, overdue.Outcome);
        Assert.True(overdue.Has("art7.unreported"));
        Assert.Equal(Outcome.Warning, Transfers.Report(t, Net, Station, new(2022, 10, 24)).Decision.Outcome);
    }

    [Fact]
    public void OnlyTheHomeUnitRequests()
    {
        var r = Transfers.Request(Adjustment(), Net, Centre);
        Assert.Equal(Outcome.Refused, r.Decision.Outcome);
        Assert.True(r.Decision.Has("transfer.unauthorised"));
    }
}

public class StationingLifecycleTest
{
    private static readonly StationingLifecycle Lifecycle = new(Engine());

    [Fact]
    public void Nominate_Vet_Station_Leave_ForAWindowPost()
    {
        var candidate = Person("NEW", "新人", new(1995, 5, 5), Binhe, Role.Other);
        var net = Network([candidate]);
        var s = new Stationing("S1", new Nomination(candidate.Id, BinheCentre, Role.TownshipWindowStaff, AsOf));
        var nominated = Lifecycle.Nominate(s, net, Actor.For("镇政府", Binhe));
        Assert.True(nominated.Applied);
        var vetted = Lifecycle.Vet(nominated.Entity, net, Actor.For("马志强", BinheCentre), AsOf);
        Assert.Equal(Outcome.Permitted, vetted.Decision.Outcome);
        Assert.Contains(new Citation(4), vetted.Decision.Citations);
        var stationed = Lifecycle.Station(vetted.Entity, net, Actor.For("马志强", BinheCentre), AsOf.PlusDays(3));
        Assert.Equal(StationingState.Stationed, stationed.Entity.State);
        var record = StationingLifecycle.ApplyTo(stationed.Entity, candidate);
        Assert.Equal(BinheCentre, record.StationedAt);
        Assert.Equal(Role.TownshipWindowStaff, record.Role);
        var left = Lifecycle.Leave(stationed.Entity, net, Actor.For("镇政府", Binhe), AsOf.PlusDays(400), LeavingReason.Transferred);
        Assert.Equal(StationingState.Left, left.Entity.State);
        Assert.Null(StationingLifecycle.ApplyTo(left.Entity, record).StationedAt);
    }

    [Fact]
    public void Vetting_RefusesUnderArt4_AndNothingChanges()
    {
        var candidate = Person("OLD", "老同志", new(1970, 1, 1), Binhe, Role.Other);
        var net = Network([candidate]);
        var s = Lifecycle.Nominate(new Stationing("S1", new Nomination(candidate.Id, BinheCentre, Role.TownshipWindowStaff, AsOf)), net, Actor.For("镇政府", Binhe)).Entity;
        var r = Lifecycle.Vet(s, net, Actor.For("马志强", BinheCentre), AsOf);
        Assert.Equal(Outcome.Refused, r.Decision.Outcome);
        Assert.True(r.Decision.Has("art4.age-limit"));
        Assert.Equal(StationingState.Nominated, r.Entity.State);
    }

    [Fact]
    public void Nomination_ByAnotherUnit_IsRefused()
    {
        var candidate = Person("NEW", "新人", new(1995, 5, 5), Binhe, Role.Other);
        var r = Lifecycle.Nominate(new Stationing("S1", new Nomination(candidate.Id, BinheCentre, Role.TownshipWindowStaff, AsOf)), Network([candidate]), Actor.For("文昌镇", Wenchang));
        Assert.Equal(Outcome.Refused, r.Decision.Outcome);
        Assert.Equal(new Citation(4), r.Decision.Findings.Single().Citation);
    }

    [Fact]
    public void Art3_StationingASecondDirector_IsRefused_AndADirectorLeavingIsWarned()
    {
        var candidate = Person("D2", "副手", new(1985, 1, 1), Binhe, Role.Other);
        var net = Network([candidate]);
        var s = new Stationing("S1", new Nomination(candidate.Id, BinheCentre, Role.TownshipCentreDirector, AsOf));
        var vetted = Lifecycle.Vet(Lifecycle.Nominate(s, net, Actor.For("镇政府", Binhe)).Entity, net, Actor.For("政务服务中心", Hall), AsOf);
        Assert.Equal(Outcome.Refused, vetted.Decision.Outcome);
        Assert.True(vetted.Decision.Has("art3.single-director"));

        // The incumbent D-BH goes through the lifecycle (Art. 3 does not count the nominee against themself), then leaves.
        var incumbent = new Stationing("S0", new Nomination(new StaffId("D-BH"), BinheCentre, Role.TownshipCentreDirector, AsOf));
        incumbent = Lifecycle.Vet(incumbent, net, Actor.For("政务服务中心", Hall), AsOf).Entity;
        incumbent = Lifecycle.Station(incumbent, net, Actor.For("马志强", BinheCentre), AsOf).Entity;
        Assert.Equal(StationingState.Stationed, incumbent.State);
        var leaving = Lifecycle.Leave(incumbent, net, Actor.For("镇政府", Binhe), AsOf.PlusDays(30), LeavingReason.Other);
        Assert.Equal(Outcome.Warning, leaving.Decision.Outcome);
        Assert.True(leaving.Decision.Has("art3.director-leaves"));
    }
}
