using GovStaff.Policy.Appraisal;
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
    // The record holds the stationing dates: W-BH1 since 2020-10-12, the officer since 2020-01-06.
    private static readonly StaffMember Officer = Person("POL-1", "李警官", new(1988, 3, 3), BinhePolice, Role.TownshipWindowStaff, BinheCentre) with { StationedOn = new LocalDate(2020, 1, 6) };
    private static readonly ServiceNetwork Net = StationedSince(Network([Officer]), "W-BH1", new(2020, 10, 12));
    private static readonly TransferLifecycle Transfers = new(Engine(), WorkCalendar.National);
    private static readonly TransferLifecycle StrictTransfers = new(Engine(options: PolicyOptions.Default with { RefuseRotationWithinStabilityPeriodWithoutReason = true }), WorkCalendar.National);

    internal static ServiceNetwork StationedSince(ServiceNetwork net, string staff, LocalDate on) =>
        net.WithStaff(net.GetStaff(new StaffId(staff)) with { StationedOn = on });
    private static readonly Actor Township = Actor.For("滨河镇", Binhe);
    private static readonly Actor Station = Actor.For("所长", BinhePolice);
    private static readonly Actor Centre = Actor.For("马志强", BinheCentre);
    private static readonly Actor ServiceCentre = Actor.For("政务服务中心", Hall);

    // W-BH1 was stationed at 滨河镇民生服务中心 on 2020-10-12. 《民法典》第二百零一、二百零二条: the two years run from
    // 2020-10-13 to the anniversary 2022-10-12, which is inside them; from 2022-10-13 a rotation needs no exception.
    private static TransferRequest Rotation(LocalDate on, string? exceptional = null) =>
        new("T1", new StaffId("W-BH1"), TransferKind.Rotation, new LocalDate(2020, 10, 12), on, "轮岗", exceptional);

    // 原则上 opens the bar: by default a request inside the two years without a reason goes to the approver flagged.
    [Fact]
    public void Art4_DayBeforeTheTwoYearMark_WithoutAReason_GoesToTheApproverFlagged_NotRefused()
    {
        var r = Transfers.Request(Rotation(new(2022, 10, 11)), Net, Township);
        Assert.Equal(Outcome.RequiresApproval, r.Decision.Outcome);
        var bar = r.Decision.Findings.Single(f => f.Code == "art4.stability-no-reason");
        Assert.Equal(Severity.ApprovalRequired, bar.Severity);
        Assert.Contains("2022-10-12", bar.Message.En);
        Assert.Equal(TransferState.Requested, r.Entity.State);
        Snap.Match(r.Decision);
        // Approved all the same, the approval carries a warning that no reason was stated.
        var approved = Transfers.Approve(Transfers.Review(r.Entity, Net, ServiceCentre, new(2022, 10, 11)).Entity, Net, ServiceCentre, new(2022, 10, 11));
        Assert.Equal(Outcome.Warning, approved.Decision.Outcome);
        Assert.True(approved.Decision.Has("art4.stability-no-reason"));
    }

    [Fact]
    public void Art4_DayBeforeTheTwoYearMark_IsRefusedWithoutAReason_UnderTheDistrictsStrictOption()
    {
        var r = StrictTransfers.Request(Rotation(new(2022, 10, 11)), Net, Township);
        Assert.Equal(Outcome.Refused, r.Decision.Outcome);
        Assert.Equal(Severity.Violation, r.Decision.Findings.Single(f => f.Code == "art4.stability").Severity);
        Assert.Null(r.Event);
    }

    [Fact]
    public void Art4_OnTheAnniversary_IsStillInsideTheTwoYears()
    {
        var r = StrictTransfers.Request(Rotation(new(2022, 10, 12)), Net, Township);
        Assert.Equal(Outcome.Refused, r.Decision.Outcome);
        var stability = r.Decision.Findings.Single(f => f.Code == "art4.stability");
        Assert.Equal([new Citation(4), new Citation(LegalSource.CivilCode, 201), new Citation(LegalSource.CivilCode, 202)], stability.Citations);
        Assert.Contains("至2022-10-12（含）", stability.Message.Zh);
        Assert.Equal(TransferState.Draft, r.Entity.State);
        Assert.True(Transfers.Request(Rotation(new(2022, 10, 12)), Net, Township).Decision.Has("art4.stability-no-reason"));
    }

    // The record decides: Art. 4's two years run from the stationing date on record, not from a date the request types.
    [Fact]
    public void Art4_ARequestTypingAnEarlierStationingDate_IsRefused_NamingBothDates()
    {
        var typed = new TransferRequest("T1", new StaffId("W-BH1"), TransferKind.Rotation, new LocalDate(2019, 1, 1), new LocalDate(2021, 6, 1), "轮岗");
        var r = StrictTransfers.Request(typed, Net, Township);
        Assert.Equal(Outcome.Refused, r.Decision.Outcome);
        var f = r.Decision.Findings.Single(x => x.Code == "transfer.stationing-date-contradicts-record");
        Assert.Contains("2019-01-01", f.Message.Zh);
        Assert.Contains("2020-10-12", f.Message.Zh);
        Assert.Equal(new Citation(4), f.Citation);
        Assert.Equal(TransferState.Draft, r.Entity.State);
    }

    [Fact]
    public void Art4_WithoutADateOnRecord_TheStatedDateIsUsed_WithAWarningToVerifyIt()
    {
        var r = Transfers.Request(new TransferRequest("T1", new StaffId("W-BH2"), TransferKind.Rotation, new LocalDate(2019, 1, 1), new LocalDate(2022, 10, 10), "轮岗"), Net, Township);
        Assert.Equal(Outcome.Warning, r.Decision.Outcome);
        Assert.True(r.Decision.Has("transfer.stationing-date-not-on-record"));
        Assert.Equal(BinheCentre, r.Entity.From);
    }

    [Fact]
    public void Art4_SomeoneNotStationed_HasNothingToBeMovedFrom()
    {
        var net = Network([Person("X", "待选", new(1995, 1, 1), Binhe, Role.Other)]);
        var r = Transfers.Request(new TransferRequest("T1", new StaffId("X"), TransferKind.Rotation, AsOf, AsOf.PlusDays(1), "轮岗"), net, Township);
        Assert.Equal(Outcome.Refused, r.Decision.Outcome);
        Assert.True(r.Decision.Has("transfer.not-stationed"));
    }

    // Art. 4 binds the staff nominated to the hall and the township centres; village agents serve concurrently (Art. 6).
    [Fact]
    public void Art6_AVillageCommitteeReplacingItsAgentWithinTwoYears_IsPermitted_CitingArt6And17()
    {
        var net = StationedSince(Network(), "V-SL", new(2022, 6, 1));
        var r = StrictTransfers.Request(new TransferRequest("T8", new StaffId("V-SL"), TransferKind.Rotation, new LocalDate(2022, 6, 1), new LocalDate(2022, 10, 10), "村委会换届，更换代办员"), net, Actor.For("村委会", Shaliu));
        Assert.Equal(Outcome.Permitted, r.Decision.Outcome);
        Assert.False(r.Decision.Has("art4.stability"));
        Assert.Equal([new Citation(6), new Citation(17)], r.Decision.Findings.Single(f => f.Code == "art6.agent-replacement").Citations);
        // The township centre above and the village committee manage agents (Art. 17): they approve, not the hall alone.
        var (approvers, basis) = TransferLifecycle.Approvers(r.Entity, net);
        Assert.Equal(new Citation(17), basis);
        Assert.Contains(Party.Of(BinheCentre), approvers);
        // A district that binds agents too says so by option.
        var bound = new TransferLifecycle(Engine(options: PolicyOptions.Default with { ApplyArticle4ToVillageAgents = true, RefuseRotationWithinStabilityPeriodWithoutReason = true }), WorkCalendar.National)
            .Request(new TransferRequest("T8", new StaffId("V-SL"), TransferKind.Rotation, new LocalDate(2022, 6, 1), new LocalDate(2022, 10, 10), "换届"), net, Actor.For("村委会", Shaliu));
        Assert.Equal(Outcome.Refused, bound.Decision.Outcome);
    }

    [Fact]
    public void Art4_OnTheAnniversary_WithAnExceptionalReason_NeedsApproval()
    {
        var r = Transfers.Request(Rotation(new(2022, 10, 12), "家庭特殊困难"), Net, Township);
        Assert.Equal(Outcome.RequiresApproval, r.Decision.Outcome);
        Assert.True(r.Decision.Has("art4.stability-exception"));
    }

    [Fact]
    public void Art4_TheDayAfterTheAnniversary_IsPermitted()
    {
        var r = Transfers.Request(Rotation(new(2022, 10, 13)), Net, Township);
        Assert.Equal(Outcome.Permitted, r.Decision.Outcome);
        Assert.Equal(TransferState.Requested, r.Entity.State);
    }

    [Fact]
    public void Art4_StationedOn29February_TheTwoYearsEndOn28February()
    {
        // 《民法典》第二百零二条: with no corresponding day, the period ends on the month's last day.
        var net = StationedSince(Net, "W-BH2", new(2020, 2, 29));
        var request = new TransferRequest("T9", new StaffId("W-BH2"), TransferKind.Rotation, new LocalDate(2020, 2, 29), new LocalDate(2022, 2, 28), "轮岗");
        Assert.Equal(Outcome.Refused, StrictTransfers.Request(request, net, Township).Decision.Outcome);
        var dayAfter = new TransferRequest("T9", new StaffId("W-BH2"), TransferKind.Rotation, new LocalDate(2020, 2, 29), new LocalDate(2022, 3, 1), "轮岗");
        Assert.Equal(Outcome.Permitted, StrictTransfers.Request(dayAfter, net, Township).Decision.Outcome);
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

    // Art. 7 governs a police station's adjustments; Art. 4's two years address townships and departments. One option
    // (ApplyArticle4ToPoliceStaff) binds police staff to Art. 4 for nomination and adjustment alike.
    [Theory]
    [InlineData(false, Outcome.RequiresApproval, false)]
    [InlineData(true, Outcome.Refused, true)]
    public void Art7_AnAdjustmentWithinTwoYears_IsNotBarredByArt4_UnlessTheOptionSaysSo(bool applyArticle4, Outcome expected, bool stabilityCited)
    {
        var transfers = new TransferLifecycle(Engine(options: PolicyOptions.Default with { ApplyArticle4ToPoliceStaff = applyArticle4, RefuseRotationWithinStabilityPeriodWithoutReason = true }), WorkCalendar.National);
        var recent = new TransferRequest("T3", Officer.Id, TransferKind.PoliceAdjustment, new LocalDate(2022, 3, 1), new LocalDate(2022, 10, 10), "工作需要");
        var r = transfers.Request(recent, Net.WithStaff(Officer with { StationedOn = new LocalDate(2022, 3, 1) }), Station);
        Assert.Equal(expected, r.Decision.Outcome);
        Assert.Equal(stabilityCited, r.Decision.Has("art4.stability"));
        Assert.True(r.Decision.Has("art7.prior-approval"));
    }

    [Fact]
    public void Art7_PoliceStaffAreMovedByAnAdjustment_NotARotation()
    {
        var r = Transfers.Request(new TransferRequest("T4", Officer.Id, TransferKind.Rotation, new LocalDate(2020, 1, 6), new LocalDate(2022, 10, 10), "轮岗"), Net, Station);
        Assert.Equal(Outcome.Refused, r.Decision.Outcome);
        Assert.True(r.Decision.Has("art7.police-rotation"));
    }

    // A refused request acts on nothing: it stays a draft, and no later step can review, approve or carry it out.
    [Fact]
    public void Art7_AnAdjustmentRefusedAsNotPolice_CanNeverBeReviewedApprovedOrExecuted()
    {
        var notPolice = new TransferRequest("T5", new StaffId("W-BH1"), TransferKind.PoliceAdjustment, new LocalDate(2020, 10, 12), new LocalDate(2022, 10, 10), "工作需要");
        var r = Transfers.Request(notPolice, Net, Township);
        Assert.Equal(Outcome.Refused, r.Decision.Outcome);
        Assert.True(r.Decision.Has("art7.not-police"));
        Assert.Equal(TransferState.Draft, r.Entity.State);
        var review = Transfers.Review(r.Entity, Net, Centre, new(2022, 10, 11));
        Assert.Equal(Outcome.Refused, review.Decision.Outcome);
        Assert.Equal("transfer.transition-not-allowed", review.Decision.Findings.Single().Code);
        Assert.Equal(Outcome.Refused, Transfers.Approve(r.Entity, Net, Centre, new(2022, 10, 12)).Decision.Outcome);
        Assert.Equal(Outcome.Refused, Transfers.Execute(r.Entity, Net, Township, new(2022, 10, 13)).Decision.Outcome);
        Assert.Equal(TransferState.Draft, Transfers.Execute(r.Entity, Net, Township, new(2022, 10, 13)).Entity.State);
    }

    [Fact]
    public void AFiledRequest_CannotBeFiledTwice()
    {
        var filed = Transfers.Request(Rotation(new(2022, 10, 13)), Net, Township).Entity;
        var again = Transfers.Request(filed, Net, Township);
        Assert.Equal(Outcome.Refused, again.Decision.Outcome);
        Assert.Equal("transfer.transition-not-allowed", again.Decision.Findings.Single().Code);
    }

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
        Assert.Contains("T2", overdue.Findings.Single(f => f.Code == "art7.unreported").Message.Zh);
        Assert.Contains("POL-1", overdue.Findings.Single(f => f.Code == "art7.unreported").Message.En);
        Assert.Equal(Outcome.Warning, Transfers.Report(t, Net, Station, new(2022, 10, 24)).Decision.Outcome);
    }

    // Art. 7's duty to report the adjusted person is the police station's, not a township's rotation.
    [Fact]
    public void Art7_ARotationHasNoReportDuty_NeverAnUnreportedWarning()
    {
        var t = Transfers.Request(Rotation(new(2022, 10, 13)), Net, Township).Entity;
        t = Transfers.Approve(Transfers.Review(t, Net, ServiceCentre, new(2022, 10, 13)).Entity, Net, ServiceCentre, new(2022, 10, 14)).Entity;
        t = Transfers.Execute(t, Net, Township, new(2022, 10, 14)).Entity;
        var check = Transfers.CheckUnreported(t, new(2022, 12, 30));
        Assert.Equal(Outcome.Permitted, check.Outcome);
        Assert.True(check.Has("art7.report-not-required"));
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
        var left = Lifecycle.Leave(stationed.Entity, net, Actor.For("镇政府", Binhe), AsOf.PlusDays(400), LeavingGround.OutsideTheMeasures(OutsideGround.Resignation, "滨河镇人〔2023〕7号"));
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
        incumbent = Lifecycle.Nominate(incumbent, net, Actor.For("镇政府", Binhe)).Entity;
        incumbent = Lifecycle.Vet(incumbent, net, Actor.For("政务服务中心", Hall), AsOf).Entity;
        incumbent = Lifecycle.Station(incumbent, net, Actor.For("马志强", BinheCentre), AsOf).Entity;
        Assert.Equal(StationingState.Stationed, incumbent.State);
        var leaving = Lifecycle.Leave(incumbent, net, Actor.For("镇政府", Binhe), AsOf.PlusDays(30), LeavingGround.OutsideTheMeasures(OutsideGround.Retirement, "滨河镇人〔2022〕31号"));
        Assert.Equal(Outcome.Warning, leaving.Decision.Outcome);
        Assert.True(leaving.Decision.Has("art3.director-leaves"));
    }
}

/// <summary>
/// A stationing ends only on a ground (Art. 4, 7, 29, or one outside the measures): a home unit — a police station
/// included — cannot end it on its own.
/// </summary>
public class StationingGroundTest
{
    private static readonly StaffMember Officer = Person("POL-1", "李警官", new(1988, 3, 3), BinhePolice, Role.Other);
    private static readonly ServiceNetwork Net = Network([Officer]);
    private static readonly StationingLifecycle Lifecycle = new(Engine());
    private static readonly TransferLifecycle Transfers = new(Engine(), WorkCalendar.National);
    private static readonly Actor Station = Actor.For("所长", BinhePolice);
    private static readonly Actor Centre = Actor.For("马志强", BinheCentre);

    private static Stationing Stationed()
    {
        var s = Lifecycle.Nominate(new Stationing("S-POL", new Nomination(Officer.Id, BinheCentre, Role.TownshipWindowStaff, AsOf)), Net, Station).Entity;
        s = Lifecycle.Vet(s, Net, Centre, AsOf).Entity;
        return Lifecycle.Station(s, Net, Centre, AsOf).Entity;
    }

    // The network after the stationing: the officer at the centre since AsOf, as the record holds it.
    private static readonly ServiceNetwork NetStationed = Net.WithStaff(StationingLifecycle.ApplyTo(Stationed(), Officer));

    private static TransferRequest Adjustment() => Transfers.Request(
        new TransferRequest("T2", Officer.Id, TransferKind.PoliceAdjustment, AsOf, AsOf.PlusDays(30), "工作需要"), NetStationed, Station).Entity;

    private static TransferRequest Executed(TransferRequest t, LocalDate on)
    {
        t = Transfers.Review(t, NetStationed, Centre, on).Entity;
        t = Transfers.Approve(t, NetStationed, Centre, on).Entity;
        return Transfers.Execute(t, NetStationed, Station, on).Entity;
    }

    // The record decides: an executed transfer ends only the stationing it moved the person from.
    [Fact]
    public void Art7_AStaleTransferThatEndedAnEarlierStationing_DoesNotEndALaterOne()
    {
        var old = Executed(Adjustment(), AsOf.PlusDays(33));
        Assert.Equal(TransferState.Executed, old.State);
        // Stationed again at the same centre later: the old adjustment predates this stationing.
        var later = AsOf.PlusDays(200);
        var again = Lifecycle.Nominate(new Stationing("S-POL-2", new Nomination(Officer.Id, BinheCentre, Role.TownshipWindowStaff, later)), Net, Station).Entity;
        again = Lifecycle.Station(Lifecycle.Vet(again, Net, Centre, later).Entity, Net, Centre, later).Entity;
        var r = Lifecycle.Leave(again, Net, Station, later.PlusDays(10), LeavingGround.ByTransfer(old));
        Assert.Equal(Outcome.Refused, r.Decision.Outcome);
        var f = r.Decision.Findings.Single(x => x.Code == "stationing.ground-stale-transfer");
        Assert.Equal(new Citation(7), f.Citation);
        Assert.Same(again, r.Entity);
        // Stationed later at another body: the adjustment moved the officer from the centre, not from there.
        var elsewhere = Lifecycle.Nominate(new Stationing("S-POL-3", new Nomination(Officer.Id, Hall, Role.HallWindowStaff, later)), Net, Station).Entity;
        elsewhere = Lifecycle.Station(Lifecycle.Vet(elsewhere, Net, Actor.For("中心", Hall), later).Entity, Net, Actor.For("中心", Hall), later).Entity;
        Assert.True(Lifecycle.Leave(elsewhere, Net, Station, later.PlusDays(10), LeavingGround.ByTransfer(old)).Decision.Has("stationing.ground-other-stationing"));
    }

    [Fact]
    public void Art7_APoliceStationEndingAStationingOnItsOwn_IsRefused_AndNothingChanges()
    {
        var stationed = Stationed();
        Assert.Equal(StationingState.Stationed, stationed.State);
        var r = Lifecycle.Leave(stationed, Net, Station, AsOf.PlusDays(31), LeavingGround.ByTransfer(Adjustment()));
        Assert.Equal(Outcome.Refused, r.Decision.Outcome);
        var finding = r.Decision.Findings.Single(f => f.Code == "art7.private-recall");
        Assert.Equal(new Citation(7), finding.Citation);
        Assert.Contains("不得私自、随意调回人员", finding.Message.Zh);
        Assert.Same(stationed, r.Entity);
        Assert.Null(r.Event);
    }

    [Fact]
    public void Art7_AfterApprovalAndExecution_TheStationingEnds_WithTheAdjustmentAsItsGround()
    {
        var t = Adjustment();
        t = Transfers.Review(t, NetStationed, Centre, AsOf.PlusDays(31)).Entity;
        t = Transfers.Approve(t, NetStationed, Centre, AsOf.PlusDays(32)).Entity;
        t = Transfers.Execute(t, NetStationed, Station, AsOf.PlusDays(33)).Entity;
        var r = Lifecycle.Leave(Stationed(), Net, Station, AsOf.PlusDays(33), LeavingGround.ByTransfer(t));
        Assert.Equal(Outcome.Permitted, r.Decision.Outcome);
        Assert.Equal(StationingState.Left, r.Entity.State);
        Assert.Equal(LeavingReason.Transferred, r.Entity.LeftBecause);
        Assert.Equal("T2", r.Entity.LeftOnGround);
        Assert.Equal("T2", r.Event!.Data["reference"]);
    }

    [Fact]
    public void Art4_ATownshipEndingAStationingOnAnUnapprovedRotation_IsRefusedUnderArt4()
    {
        var person = Person("NEW", "新人", new(1995, 5, 5), Binhe, Role.Other);
        var net = Network([person]);
        var s = Lifecycle.Nominate(new Stationing("S1", new Nomination(person.Id, BinheCentre, Role.TownshipWindowStaff, AsOf)), net, Actor.For("镇政府", Binhe)).Entity;
        s = Lifecycle.Station(Lifecycle.Vet(s, net, Centre, AsOf).Entity, net, Centre, AsOf).Entity;
        net = net.WithStaff(StationingLifecycle.ApplyTo(s, person));
        var rotation = new TransferLifecycle(Engine(), WorkCalendar.National).Request(
            new TransferRequest("T1", person.Id, TransferKind.Rotation, AsOf, AsOf.PlusDays(400), "轮岗"), net, Actor.For("镇政府", Binhe)).Entity;
        Assert.Equal(TransferState.Requested, rotation.State); // filed within the two years, not yet approved
        var r = Lifecycle.Leave(s, net, Actor.For("镇政府", Binhe), AsOf.PlusDays(400), LeavingGround.ByTransfer(rotation));
        Assert.Equal(Outcome.Refused, r.Decision.Outcome);
        Assert.Equal(new Citation(4), r.Decision.Findings.Single(f => f.Code == "art4.unapproved-rotation").Citation);
    }

    // Art. 4's bar does not hold village agents (Art. 6): the committee's filed replacement ends the agent's stationing.
    [Fact]
    public void Art6_AVillageCommitteeReplacingItsAgent_EndsTheStationing_WithoutArt4sTwoYears()
    {
        var agent = Person("VA2", "罗平", new(1980, 1, 1), Shaliu, Role.Other, gridWorker: true);
        var net = Network([agent]);
        var committee = Actor.For("沙溜村委会", Shaliu);
        var village = Actor.For("沙溜村便民服务中心", ShaliuVillage);
        var s = Lifecycle.Nominate(new Stationing("S-VA", new Nomination(agent.Id, ShaliuVillage, Role.VillageAgent, AsOf)), net, committee).Entity;
        s = Lifecycle.Station(Lifecycle.Vet(s, net, village, AsOf).Entity, net, village, AsOf).Entity;
        Assert.Equal(StationingState.Stationed, s.State);
        net = net.WithStaff(StationingLifecycle.ApplyTo(s, agent));
        var strict = new TransferLifecycle(Engine(options: PolicyOptions.Default with { RefuseRotationWithinStabilityPeriodWithoutReason = true }), WorkCalendar.National);
        var replacement = strict.Request(new TransferRequest("T-VA", agent.Id, TransferKind.Rotation, AsOf, AsOf.PlusDays(60), "村委会换届"), net, committee);
        Assert.Equal(Outcome.Permitted, replacement.Decision.Outcome);
        var r = Lifecycle.Leave(s, net, committee, AsOf.PlusDays(60), LeavingGround.ByTransfer(replacement.Entity));
        Assert.Equal(Outcome.Permitted, r.Decision.Outcome);
        Assert.Equal([new Citation(6), new Citation(17)], r.Decision.Findings.Single(f => f.Code == "art6.agent-replaced").Citations);
        Assert.False(r.Decision.Has("art4.unapproved-rotation"));
        Assert.Equal(StationingState.Left, r.Entity.State);
    }

    // Evidence that ends a stationing under Art. 29 is made only by the lifecycle that decides it.
    [Fact]
    public void Art29_ARecallCannotBeBuiltByACaller_OnlySanctionLifecycleIssuesOne()
    {
        Assert.Empty(typeof(Recall).GetConstructors(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance));
    }

    [Fact]
    public void Art29_ARecallFromAnEarlierStationing_DoesNotEndALaterOne()
    {
        var old = new Recall("R0", Officer.Id, BinheCentre, Role.TownshipWindowStaff, BinhePolice, [AppraisalPeriod.Quarter(2021, 3), AppraisalPeriod.Quarter(2021, 4)], new(2022, 1, 5), new(2021, 3, 1));
        var r = Lifecycle.Leave(Stationed(), Net, Actor.For("政务服务中心", Hall), AsOf.PlusDays(90), LeavingGround.ByRecall(old));
        Assert.Equal(Outcome.Refused, r.Decision.Outcome);
        Assert.Equal(new Citation(29), r.Decision.Findings.Single(f => f.Code == "art29.recall-other-stationing").Citation);
    }

    [Fact]
    public void Art29_ARecallOfThisPerson_EndsTheStationing_ARecallOfAnotherDoesNot()
    {
        var mine = new Recall("R1", Officer.Id, BinheCentre, Role.TownshipWindowStaff, BinhePolice, [AppraisalPeriod.Quarter(2022, 3), AppraisalPeriod.Quarter(2022, 4)], AsOf.PlusDays(90));
        var ok = Lifecycle.Leave(Stationed(), Net, Actor.For("政务服务中心", Hall), AsOf.PlusDays(90), LeavingGround.ByRecall(mine));
        Assert.Equal(Outcome.Permitted, ok.Decision.Outcome);
        Assert.Equal(LeavingReason.Returned, ok.Entity.LeftBecause);
        var someoneElse = new Recall("R2", new StaffId("W-BH1"), BinheCentre, Role.TownshipWindowStaff, Binhe, mine.FailedPeriods, AsOf.PlusDays(90));
        var refused = Lifecycle.Leave(Stationed(), Net, Actor.For("政务服务中心", Hall), AsOf.PlusDays(90), LeavingGround.ByRecall(someoneElse));
        Assert.Equal(Outcome.Refused, refused.Decision.Outcome);
        Assert.True(refused.Decision.Has("art29.recall-other-person"));
    }

    [Fact]
    public void AGroundOutsideTheMeasures_IsRecordedWithItsDocument()
    {
        var r = Lifecycle.Leave(Stationed(), Net, Station, AsOf.PlusDays(10), LeavingGround.OutsideTheMeasures(OutsideGround.Retirement, "中公人〔2022〕88号"));
        Assert.Equal(Outcome.Permitted, r.Decision.Outcome);
        Assert.Equal(LeavingReason.Other, r.Entity.LeftBecause);
        Assert.Equal("中公人〔2022〕88号", r.Entity.LeftOnGround);
        Assert.Contains("退休", r.Decision.Findings.Single(f => f.Code == "stationing.ground-outside-measures").Message.Zh);
        Assert.Throws<ArgumentException>(() => LeavingGround.OutsideTheMeasures(OutsideGround.Retirement, " "));
    }
}
