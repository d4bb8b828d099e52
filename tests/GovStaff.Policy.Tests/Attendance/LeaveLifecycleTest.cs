using CsCheck;
using GovStaff.Policy.Attendance;
using GovStaff.Policy.Calendars;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Regulation;
using GovStaff.Policy.Tests.Support;
using NodaTime;
using static GovStaff.Policy.Tests.Support.TestDistrict;

namespace GovStaff.Policy.Tests.Attendance;

public class LeaveLifecycleTest
{
    // The 综合窗口 post at 滨河镇民生服务中心: A = W-BH1, B = W-BH2. The centre manages their daily work (Art. 16).
    private static readonly StaffId A = new("W-BH1");
    private static readonly StaffId B = new("W-BH2");
    private static readonly Actor Centre = Actor.For("马志强", BinheCentre);
    private static readonly ServiceNetwork Net = Network();
    private static readonly LeaveLifecycle Leave = new(Engine(), WorkCalendar.National);

    private static LeaveRequest Filed(string id, StaffId who, LocalDate from, LocalDate to, LocalDate? requestedOn = null) =>
        Leave.Request(new LeaveRequest(id, who, from, to, "事假", requestedOn ?? from.PlusDays(-3)), Net, Actor.For(who.Value, BinheCentre)).Entity;

    private static LeaveRequest Approved(string id, StaffId who, LocalDate from, LocalDate to, params LeaveRequest[] others) =>
        Leave.Approve(Filed(id, who, from, to), Net, others, Centre, from.PlusDays(-2)).Entity;

    [Fact]
    public void Art12_2_RequestInAdvance_ApprovedByTheTownshipCentre()
    {
        var filed = Leave.Request(new LeaveRequest("L1", A, new(2022, 10, 17), new(2022, 10, 18), "事假", new(2022, 10, 12)), Net, Actor.For("周敏", BinheCentre));
        Assert.True(filed.Applied);
        var approved = Leave.Approve(filed.Entity, Net, [], Centre, new(2022, 10, 13));
        Assert.Equal(Outcome.Permitted, approved.Decision.Outcome);
        Assert.Equal(LeaveState.Approved, approved.Entity.State);
        Assert.Equal("leave.approve", approved.Event!.Kind);
        Assert.Equal(Centre, approved.Event.Actor);
        Assert.Contains(new Citation(16), approved.Event.Citations);   // the managing body
        Assert.Contains(new Citation(12, 6), approved.Event.Citations); // B covers
        // The event carries the leave's dates and the states it moved between, neither overwriting the other.
        Assert.Equal(("2022-10-17", "2022-10-18"), (approved.Event.Data["from"], approved.Event.Data["to"]));
        Assert.Equal(("Requested", "Approved"), (approved.Event.Data["fromState"], approved.Event.Data["toState"]));
        Snap.Match(approved.Decision);
    }

    [Fact]
    public void Art16_UnauthorisedApprover_IsRefusedAndNothingChanges()
    {
        var filed = Filed("L1", A, new(2022, 10, 17), new(2022, 10, 18));
        var result = Leave.Approve(filed, Net, [], Actor.For("某人", Hall), new(2022, 10, 13));
        Assert.Equal(Outcome.Refused, result.Decision.Outcome);
        Assert.True(result.Decision.Has("leave.unauthorised"));
        Assert.Equal(new Citation(16), result.Decision.Findings.Single(f => f.Code == "leave.unauthorised").Citation);
        Assert.Same(filed, result.Entity);
        Assert.Null(result.Event);
    }

    [Fact]
    public void Art12_6_BOnLeaveWhileAAsks_IsRefusedListingTheUncoveredWorkingDays()
    {
        var bAway = Approved("LB", B, new(2022, 10, 12), new(2022, 10, 21));
        var result = Leave.Approve(Filed("LA", A, new(2022, 10, 14), new(2022, 10, 18)), Net, [bAway], Centre, new(2022, 10, 11));
        Assert.Equal(Outcome.Refused, result.Decision.Outcome);
        var uncovered = result.Decision.Findings.Single(f => f.Code == "art12-6.uncovered");
        Assert.Equal(new Citation(12, 6), uncovered.Citation);
        // Fri 14, Mon 17, Tue 18 are working days; the weekend 15–16 is not.
        Assert.Contains("2022-10-14, 2022-10-17, 2022-10-18", uncovered.Message.En);
        Assert.DoesNotContain("2022-10-15", uncovered.Message.En);
        Snap.Match(result.Decision);
    }

    [Fact]
    public void Art12_6_LeaveSpanningNationalDay_OnlyTheAdjustedSaturdayIsUncovered()
    {
        // B is away 5–8 October 2022: 5–7 are holidays, 8 (Saturday) is an adjusted working day.
        var bAway = Approved("LB", B, new(2022, 10, 5), new(2022, 10, 8));
        var request = Filed("LA", A, new(2022, 9, 30), new(2022, 10, 9));
        Assert.Equal([new LocalDate(2022, 10, 8)], Leave.UncoveredDays(request, B, [bAway]));
        Assert.Equal(Outcome.Refused, Leave.Approve(request, Net, [bAway], Centre, new(2022, 9, 26)).Decision.Outcome);

        var bHolidayOnly = Approved("LB2", B, new(2022, 10, 3), new(2022, 10, 7));
        Assert.Equal(Outcome.Permitted, Leave.Approve(request, Net, [bHolidayOnly], Centre, new(2022, 9, 26)).Decision.Outcome);
    }

    [Fact]
    public void Art12_6_SymmetricWhenBAsksWhileAIsAway()
    {
        var aAway = Approved("LA", A, new(2022, 10, 10), new(2022, 10, 11));
        var result = Leave.Approve(Filed("LB", B, new(2022, 10, 11), new(2022, 10, 12)), Net, [aAway], Centre, new(2022, 10, 8));
        Assert.Equal(Outcome.Refused, result.Decision.Outcome);
        Assert.Contains("2022-10-11", result.Decision.Findings.Single(f => f.Code == "art12-6.uncovered").Message.En);
    }

    [Fact]
    public void Art12_6_APartnerWhoseLeaveWasRejected_DoesNotBlock()
    {
        var rejected = Leave.Reject(Filed("LB", B, new(2022, 10, 10), new(2022, 10, 11)), Net, Centre, new(2022, 10, 8), "人手不足").Entity;
        Assert.Equal(LeaveState.Rejected, rejected.State);
        Assert.Equal(Outcome.Permitted, Leave.Approve(Filed("LA", A, new(2022, 10, 10), new(2022, 10, 11)), Net, [rejected], Centre, new(2022, 10, 8)).Decision.Outcome);
    }

    [Fact]
    public void Art12_2_RequestAfterTheStart_IsAWarning_一般AdmitsExceptions()
    {
        // 请假手续一般在事前履行: "generally" in advance, so a late request is flagged, not refused, with or without a reason.
        var noReason = Leave.Request(new LeaveRequest("L", A, new(2022, 10, 10), new(2022, 10, 10), "病假", new(2022, 10, 10)), Net, Centre);
        Assert.Equal(Outcome.Warning, noReason.Decision.Outcome);
        Assert.True(noReason.Applied);
        var late = noReason.Decision.Findings.Single(f => f.Code == "art12-2.not-in-advance");
        Assert.Equal(Severity.Warning, late.Severity);
        Assert.Equal(new Citation(12, 2), late.Citation);
        var withReason = Leave.Request(new LeaveRequest("L", A, new(2022, 10, 10), new(2022, 10, 10), "病假", new(2022, 10, 10), "突发疾病"), Net, Centre);
        Assert.Equal(Outcome.Warning, withReason.Decision.Outcome);
        Assert.True(withReason.Applied);
        Assert.True(withReason.Decision.Has("art12-2.not-in-advance"));
    }

    [Fact]
    public void Art12_2_RefusingALateRequestWithoutAReason_IsAnOption_AndTheRefusedRequestCanNeverBeApproved()
    {
        var strict = new LeaveLifecycle(Engine(options: PolicyOptions.Default with { RefuseLateLeaveWithoutReason = true }), WorkCalendar.National);
        var refused = strict.Request(new LeaveRequest("L", A, new(2022, 10, 10), new(2022, 10, 10), "病假", new(2022, 10, 10)), Net, Centre);
        Assert.Equal(Outcome.Refused, refused.Decision.Outcome);
        Assert.False(refused.Applied);
        Assert.Equal(LeaveState.Draft, refused.Entity.State);
        // A refused decision never acts: the draft cannot be approved, started or reported back.
        var approve = strict.Approve(refused.Entity, Net, [], Centre, new(2022, 10, 10));
        Assert.Equal(Outcome.Refused, approve.Decision.Outcome);
        Assert.Equal("leave.transition-not-allowed", approve.Decision.Findings.Single().Code);
        Assert.Equal(LeaveState.Draft, approve.Entity.State);
        Assert.False(refused.Entity.IsAway);
    }

    // Art. 13: village agents follow 12(3)(4)(5)(7)(9) only — no finding on leave timing or reporting back.
    [Fact]
    public void Art13_AVillageAgentsLateLeave_IsRecordedWithoutAnyArt12_2Finding()
    {
        var agent = new StaffId("V-SL");
        var committee = Actor.For("村委会", Shaliu);
        var r = Leave.Request(new LeaveRequest("LV", agent, new(2022, 10, 10), new(2022, 10, 11), "事假", new(2022, 10, 11)), Net, committee);
        Assert.True(r.Applied);
        Assert.Equal(Outcome.Permitted, r.Decision.Outcome);
        Assert.DoesNotContain(r.Decision.Citations, c => c.IsWithin(new Citation(12)));
        Assert.Equal(new Citation(13), r.Decision.Findings.Single().Citation);
        var approved = Leave.Approve(r.Entity, Net, [], committee, new(2022, 10, 11));
        Assert.Equal(Outcome.Permitted, approved.Decision.Outcome);
        var started = Leave.Start(approved.Entity, new(2022, 10, 11)).Entity;
        var back = Leave.Return(started, new(2022, 10, 20)).Entity;
        var reported = Leave.ReportBack(back, Net, new(2022, 10, 28), committee);
        Assert.Equal(Outcome.Permitted, reported.Decision.Outcome); // late by the window staff's rule; not bound
        Assert.DoesNotContain(reported.Decision.Citations, c => c.IsWithin(new Citation(12)));
        Assert.Equal(Outcome.Permitted, Leave.CheckReportBack(started, Net, new(2022, 11, 30)).Outcome);
    }

    [Fact]
    public void TriggerOutOfOrder_IsARefusalWithCitations_NotAnException()
    {
        var filed = Filed("L", A, new(2022, 10, 17), new(2022, 10, 18));
        var start = Leave.Start(filed, new(2022, 10, 17));
        Assert.Equal(Outcome.Refused, start.Decision.Outcome);
        Assert.True(start.Decision.Has("leave.transition-not-allowed"));
        Assert.Equal(new Citation(12, 2), start.Decision.Citations.Single());
        Assert.Contains("possible: Approve, Reject", start.Decision.Findings[0].Message.En);
        Assert.Same(filed, start.Entity);
    }

    [Fact]
    public void FullLifecycle_ReportBackOnTime_AndLate()
    {
        var approved = Approved("L", A, new(2022, 10, 17), new(2022, 10, 18));
        var started = Leave.Start(approved, new(2022, 10, 17)).Entity;
        var returned = Leave.Return(started, new(2022, 10, 19)).Entity;
        Assert.Equal(LeaveState.Returned, returned.State);
        // Due: 1 working day after the last day (Tue 18) = Wed 19.
        var onTime = Leave.ReportBack(returned, Net, new(2022, 10, 19), Actor.For("周敏", BinheCentre));
        Assert.Equal(Outcome.Permitted, onTime.Decision.Outcome);
        Assert.Equal(LeaveState.Closed, onTime.Entity.State);
        var late = Leave.ReportBack(returned, Net, new(2022, 10, 21), Actor.For("周敏", BinheCentre));
        Assert.Equal(Outcome.Warning, late.Decision.Outcome);
        Assert.Equal(LeaveState.Closed, late.Entity.State);
    }

    [Fact]
    public void CheckReportBack_OverdueAfterTheConfiguredWorkingDays()
    {
        var started = Leave.Start(Approved("L", A, new(2022, 9, 29), new(2022, 9, 30)), new(2022, 9, 29)).Entity;
        // Leave ends Fri 30 Sep; the next working day is the adjusted Saturday 8 Oct.
        Assert.Equal(Outcome.Permitted, Leave.CheckReportBack(started, Net, new(2022, 10, 8)).Outcome);
        Assert.Equal(Outcome.Warning, Leave.CheckReportBack(started, Net, new(2022, 10, 9)).Outcome);
    }

    [Fact]
    public void AbsurdLeave_IsBadInput()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LeaveRequest("L", A, new(2022, 1, 1), new(2049, 5, 19), "x", new(2021, 12, 1)));
        Assert.Throws<ArgumentException>(() => new LeaveRequest("L", A, new(2022, 1, 2), new(2022, 1, 1), "x", new(2021, 12, 1)));
        Assert.Throws<ArgumentException>(() => new LeaveRequest("L", A, new(2022, 1, 1), new(2022, 1, 1), " ", new(2021, 12, 1)));
    }

    [Fact]
    public void Property_NoSequenceOfApprovalsLeavesThePostEmptyOnAWorkingDay()
    {
        var start = new LocalDate(2022, 9, 1);
        var gen = Gen.Select(Gen.Bool, Gen.Int[0, 60], Gen.Int[0, 9]).Array[1, 12];
        gen.Sample(requests =>
        {
            var book = new List<LeaveRequest>();
            var i = 0;
            foreach (var (isA, offset, length) in requests)
            {
                var from = start.PlusDays(offset);
                var filed = Filed($"L{i++}", isA ? A : B, from, from.PlusDays(length));
                var result = Leave.Approve(filed, Net, book, Centre, from.PlusDays(-1));
                book.Add(result.Entity);
            }

            for (var d = start; d <= start.PlusDays(70); d = d.PlusDays(1))
            {
                if (WorkCalendar.National.IsWorkingDay(d) &&
                    book.Any(l => l.Staff == A && l.IsAway && l.Covers(d)) &&
                    book.Any(l => l.Staff == B && l.IsAway && l.Covers(d)))
                {
                    return false;
                }
            }

            return true;
        }, iter: 200);
    }
}
