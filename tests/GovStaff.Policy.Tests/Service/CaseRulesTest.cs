using GovStaff.Policy.Calendars;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Regulation;
using GovStaff.Policy.Service;
using GovStaff.Policy.Tests.Support;
using NodaTime;
using static GovStaff.Policy.Tests.Support.TestDistrict;

namespace GovStaff.Policy.Tests.Service;

public class CaseRulesTest
{
    private static readonly ServiceNetwork Net = Network();
    private static readonly CaseRules Cases = new(Engine(new(2022, 12, 1)), WorkCalendar.National);
    private static readonly Actor Window = Actor.For("周敏", BinheCentre);

    private static ServiceCase Accepted(LocalDate on, int promised = 5, int statutory = 20, string id = "C1") =>
        Cases.Accept(new ServiceCase(id, BinheCentre, new StaffId("W-BH1"), "城乡居民养老保险登记", ServiceChannel.OnSite, on, statutory, promised), Net, Window).Entity;

    [Fact]
    public void Art12_5_PromisedLimitAboveTheStatutoryLimit_IsRefused()
    {
        var r = Cases.Accept(new ServiceCase("C1", BinheCentre, new StaffId("W-BH1"), "事项", ServiceChannel.Online, new(2022, 10, 10), 20, 25), Net, Window);
        Assert.Equal(Outcome.Refused, r.Decision.Outcome);
        var f = r.Decision.Findings.Single(x => x.Code == "art12-5.promised-exceeds-statutory");
        Assert.Equal([new Citation(12, 5), new Citation(LegalSource.AdministrativeLicensingLaw, 42)], f.Citations);
        Snap.Match(r.Decision);
    }

    [Fact]
    public void DefaultStatutoryLimit_Is20WorkingDays_FromTheLicensingLaw()
    {
        Assert.Equal(20, Cases.DefaultStatutoryLimit(new(2022, 10, 10)));
    }

    [Fact]
    public void DeadlineCrossingNationalDay_CountsTheAdjustedWeekend()
    {
        // Accepted Wed 28 Sep 2022: 29, 30 Sep, then Sat 8 and Sun 9 Oct (adjusted working days), Mon 10 Oct.
        var c = Accepted(new(2022, 9, 28));
        var status = Cases.Status(c, new(2022, 10, 9));
        Assert.Equal(new LocalDate(2022, 10, 10), status.PromisedDue);
        Assert.Equal(4, status.UsedWorkingDays);
        Assert.Equal(CaseLevel.EarlyWarning, status.Level);
        Assert.Equal(CaseLevel.Overdue, Cases.Status(c, new(2022, 10, 11)).Level);
    }

    [Fact]
    public void ClockSuspendedOverAWeekend_OnlyTheWorkingDayIsNotCounted()
    {
        // Accepted Mon 10 Oct 2022, promised 5: due Mon 17 Oct. Suspended Fri 14 (testing), resumed Mon 17: Fri is not counted.
        var c = Accepted(new(2022, 10, 10));
        Assert.Equal(new LocalDate(2022, 10, 17), Cases.Status(c, new(2022, 10, 11)).PromisedDue);
        var suspended = Cases.Suspend(c, SuspensionKind.Testing, "样品送检", new(2022, 10, 14), Window);
        Assert.Equal(CaseState.Suspended, suspended.Entity.State);
        Assert.Contains(new Citation(LegalSource.AdministrativeLicensingLaw, 45), suspended.Decision.Citations);
        Assert.Null(Cases.Status(suspended.Entity, new(2022, 10, 15)).PromisedDue);
        Assert.Equal(CaseLevel.Suspended, Cases.Status(suspended.Entity, new(2022, 10, 15)).Level);
        var resumed = Cases.Resume(suspended.Entity, new(2022, 10, 17), Window).Entity;
        Assert.Equal(new LocalDate(2022, 10, 18), Cases.Status(resumed, new(2022, 10, 17)).PromisedDue);
        Assert.Equal(4, Cases.Status(resumed, new(2022, 10, 17)).UsedWorkingDays); // 11, 12, 13, 17
    }

    [Fact]
    public void Extension_OnceWithApprovalAndTheReasonTold_ASecondIsRefused()
    {
        var c = Accepted(new(2022, 10, 10));
        // 《行政许可法》第四十二条: the head of the licensing body approves — here the township whose staff accepted it.
        var extended = Cases.Extend(c, Net, Actor.For("镇长", Binhe), "需现场核查", new(2022, 10, 14));
        Assert.Equal(Outcome.Permitted, extended.Decision.Outcome);
        Assert.Equal(10, extended.Entity.ExtensionDays);
        Assert.Equal(new LocalDate(2022, 10, 31), Cases.Status(extended.Entity, new(2022, 10, 14)).PromisedDue);
        var second = Cases.Extend(extended.Entity, Net, Actor.For("镇长", Binhe), "再次延期", new(2022, 10, 20));
        Assert.Equal(Outcome.Refused, second.Decision.Outcome);
        Assert.True(second.Decision.Has("licensing42.second-extension"));
        Assert.Equal(Outcome.Refused, Cases.Extend(c, Net, Actor.For("文昌", WenchangCentre), "x", new(2022, 10, 14)).Decision.Outcome);
    }

    // 《行政许可法》第四十二条 gives the extension to the licensing body's head; at the hall that is the department whose
    // item it is, through its approval-office director (Art. 8(2)). The service centre, a service body, has no such power.
    [Fact]
    public void Licensing42_AtTheHall_TheDepartmentApprovesTheExtension_TheServiceCentreIsRefused()
    {
        var c = Cases.Accept(new ServiceCase("C-HR", Hall, new StaffId("W-HR1"), "社会保障卡补办", ServiceChannel.OnSite, new(2022, 10, 10), 20, 5), Net, Actor.For("张伟", Hall)).Entity;
        var byHall = Cases.Extend(c, Net, Actor.For("政务服务中心", Hall), "需现场核查", new(2022, 10, 14));
        Assert.Equal(Outcome.Refused, byHall.Decision.Outcome);
        var unauthorised = byHall.Decision.Findings.Single(f => f.Code == "case.unauthorised");
        Assert.Equal(new Citation(LegalSource.AdministrativeLicensingLaw, 42), unauthorised.Citation);
        Assert.Contains("unit:hrss", unauthorised.Message.En);
        Assert.Equal(Outcome.Refused, Cases.Extend(c, Net, Actor.For("李红梅", MarketRegulation), "x", new(2022, 10, 14)).Decision.Outcome);
        var byDepartment = Cases.Extend(c, Net, Actor.For("王建国", HumanResources), "需现场核查", new(2022, 10, 14));
        Assert.Equal(Outcome.Permitted, byDepartment.Decision.Outcome);
        Assert.Contains(new Citation(8, 2), byDepartment.Decision.Citations);
    }

    // 督办 (Art. 21 with Art. 8(1)) goes to the director responsible for the accepting staff member: at the hall, their
    // own department's approval-office director — not whichever director the hall lists first.
    [Fact]
    public void Art21_AnOverdueHallCase_IsSupervisedByTheAcceptingStaffsOwnDepartmentDirector()
    {
        // The hall lists 王建国 (人社) first; a market-regulation window's case goes to 李红梅, that department's director.
        var net = Network([Person("W-SAMR1", "赵敏", new(1994, 3, 3), MarketRegulation, Role.HallWindowStaff, Hall)]);
        var c = Cases.Accept(new ServiceCase("C-SAMR", Hall, new StaffId("W-SAMR1"), "食品经营许可", ServiceChannel.OnSite, new(2022, 10, 10), 20, 5), net, Actor.For("赵敏", Hall)).Entity;
        var tracked = Cases.Track(c, net, new(2022, 10, 18));
        Assert.Equal("D-SAMR", tracked.Event!.Data["director"]);
        Assert.Contains("李红梅", tracked.Decision.Findings.Single(f => f.Code == "art21.overdue").Message.Zh);
    }

    [Fact]
    public void ARefusedAcceptance_LeavesACaseThatCannotBeCompletedOrExtended()
    {
        var refused = Cases.Accept(new ServiceCase("C9", BinheCentre, new StaffId("W-BH1"), "事项", ServiceChannel.Online, new(2022, 10, 10), 20, 25), Net, Window);
        Assert.Equal(Outcome.Refused, refused.Decision.Outcome);
        Assert.Equal(CaseState.Draft, refused.Entity.State);
        Assert.Equal(Outcome.Refused, Cases.Complete(refused.Entity, "准予", new(2022, 10, 11), Window).Decision.Outcome);
        Assert.Equal(Outcome.Refused, Cases.Extend(refused.Entity, Net, Actor.For("镇长", Binhe), "x", new(2022, 10, 11)).Decision.Outcome);
        Assert.Null(Cases.Track(refused.Entity, Net, new(2022, 11, 30)).Event);
    }

    [Fact]
    public void Art21_OverdueCase_IsSupervisedByTheDirector_Once()
    {
        var c = Accepted(new(2022, 10, 10));
        var tracked = Cases.Track(c, Net, new(2022, 10, 18));
        Assert.Equal(Outcome.Warning, tracked.Decision.Outcome);
        Assert.True(tracked.Decision.Has("art21.overdue"));
        Assert.Equal("case.supervise", tracked.Event!.Kind);
        Assert.Equal("D-BH", tracked.Event.Data["director"]);
        Assert.True(tracked.Entity.UnderSupervision);
        Assert.Null(Cases.Track(tracked.Entity, Net, new(2022, 10, 19)).Event); // not escalated twice
        Snap.Match(tracked.Decision);
    }

    [Fact]
    public void Art21_OnTrackAndEarlyWarning()
    {
        var c = Accepted(new(2022, 10, 10), promised: 20);
        Assert.Equal(CaseLevel.OnTrack, Cases.Status(c, new(2022, 10, 12)).Level);
        Assert.Equal(Outcome.Permitted, Cases.Track(c, Net, new(2022, 10, 12)).Decision.Outcome);
        // 16 of 20 used (80 %) on 1 Nov 2022.
        Assert.Equal(CaseLevel.EarlyWarning, Cases.Status(c, new(2022, 11, 1)).Level);
    }

    [Fact]
    public void CompletionAndFeedback_ClosingWithoutFeedbackIsRefused()
    {
        var c = Accepted(new(2022, 10, 10));
        var done = Cases.Complete(c, "准予登记", new(2022, 10, 14), Window);
        Assert.Equal(Outcome.Permitted, done.Decision.Outcome);
        Assert.Equal(CaseLevel.CompletedOnTime, Cases.Status(done.Entity, new(2022, 10, 20)).Level);
        var noFeedback = Cases.Close(done.Entity, null, new(2022, 10, 14), Window);
        Assert.Equal(Outcome.Refused, noFeedback.Decision.Outcome);
        Assert.Equal(new Citation(10, 2), noFeedback.Decision.Citations.Single());
        Assert.Equal(CaseState.Closed, Cases.Close(done.Entity, new LocalDate(2022, 10, 15), new(2022, 10, 15), Window).Entity.State);
    }

    [Fact]
    public void CompletedLate_IsAWarning()
    {
        var done = Cases.Complete(Accepted(new(2022, 10, 10)), "准予", new(2022, 10, 18), Window);
        Assert.Equal(Outcome.Warning, done.Decision.Outcome);
        Assert.Equal(CaseLevel.CompletedLate, Cases.Status(done.Entity, new(2022, 10, 20)).Level);
    }

    [Fact]
    public void ADeadlineRunningIntoAYearWithoutData_IsRefusedByDefault_AndWarnedWithTheFallback()
    {
        var open = new PolicyVersionSet([new PolicyVersion("open", new("测试", "Test"), new LocalDate(2021, 1, 1))]);
        var c = new ServiceCase("C1", BinheCentre, new StaffId("W-BH1"), "事项", ServiceChannel.OnSite, new(2026, 12, 21), 20, 10);
        var strict = new CaseRules(new PolicyEngine(open, ClockAt(new(2026, 12, 21))), WorkCalendar.National);
        Assert.Throws<DateOutsideCalendarException>(() => strict.Accept(c, Net, Window));
        var lenient = new CaseRules(new PolicyEngine(open, ClockAt(new(2026, 12, 21))), WorkCalendar.National.WithFallback(true, 2));
        var accepted = lenient.Accept(c, Net, Window);
        Assert.Equal(Outcome.Warning, accepted.Decision.Outcome);
        Assert.True(accepted.Decision.Has(CalendarFindings.AssumedDayCode));
        Assert.True(lenient.Track(accepted.Entity, Net, new(2027, 1, 5)).Decision.Has(CalendarFindings.AssumedDayCode));
    }

    [Fact]
    public void Art13_VillageAgentsAcceptCasesUnderTheTimeLimit()
    {
        var r = Cases.Accept(new ServiceCase("C9", ShaliuVillage, new StaffId("V-SL"), "代办低保申请", ServiceChannel.OnSite, new(2022, 10, 10), 20, 10), Net, Actor.For("田军", ShaliuVillage));
        Assert.Equal(Outcome.Permitted, r.Decision.Outcome);
        Assert.True(r.Decision.Has("art13.agent-case"));
    }
}
