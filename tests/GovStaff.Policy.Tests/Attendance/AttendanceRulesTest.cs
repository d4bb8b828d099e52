using GovStaff.Policy.Attendance;
using GovStaff.Policy.Calendars;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Regulation;
using GovStaff.Policy.Tests.Support;
using NodaTime;
using NodaTime.Testing;
using static GovStaff.Policy.Tests.Support.TestDistrict;

namespace GovStaff.Policy.Tests.Attendance;

public class AttendanceRulesTest
{
    // Winter office hours from 1 October: 09:00–12:00, 14:00–17:30 (OfficeHours.Default).
    private static readonly StaffMember Window = Staff.Single(s => s.Id.Value == "W-BH1");
    private static readonly StaffMember Agent = Staff.Single(s => s.Id.Value == "V-SL");

    private static AttendanceRules Rules(LocalDateTime? now = null, PolicyOptions? options = null)
    {
        var clock = new FakeClock((now ?? new LocalDateTime(2022, 10, 31, 20, 0)).InZoneStrictly(OfficeHours.ChinaZone).ToInstant());
        var versions = options is null ? PolicyVersionSet.Default : new PolicyVersionSet([new PolicyVersion("custom", new("测试", "Test"), new LocalDate(2021, 1, 1), null, options)]);
        return new AttendanceRules(new PolicyEngine(versions, clock), ServiceSchedule.Default);
    }

    private static AttendanceRecord In(int y, int m, int d, int h, int min, StaffMember? who = null) =>
        new((who ?? Window).Id, new LocalDateTime(y, m, d, h, min).InZoneStrictly(OfficeHours.ChinaZone).ToInstant(), AttendanceRecordKind.SignIn);

    private static AttendanceRecord Out(int y, int m, int d, int h, int min, StaffMember? who = null) =>
        new((who ?? Window).Id, new LocalDateTime(y, m, d, h, min).InZoneStrictly(OfficeHours.ChinaZone).ToInstant(), AttendanceRecordKind.SignOut);

    [Fact]
    public void Art12_1_OnTime()
    {
        var day = Rules().EvaluateDay(Window, new(2022, 10, 10), [In(2022, 10, 10, 8, 55), Out(2022, 10, 10, 17, 31)]);
        Assert.Equal(AttendanceStatus.OnTime, day.Status);
        Assert.Equal(Outcome.Permitted, day.Decision.Outcome);
        Assert.Equal("shapotou-2021-trial", day.Decision.PolicyVersion);
    }

    [Fact]
    public void Art12_2_LateByNMinutes_FromOpening()
    {
        var day = Rules().EvaluateDay(Window, new(2022, 10, 10), [In(2022, 10, 10, 9, 7), Out(2022, 10, 10, 17, 30)]);
        Assert.Equal(AttendanceStatus.Late, day.Status);
        Assert.Equal(7, day.LateMinutes);
        Assert.Equal(new Citation(12, 2), day.Decision.Findings.Single(f => f.Code == "art12-2.late").Citation);
        Assert.Equal(Outcome.Warning, day.Decision.Outcome);
    }

    [Theory]
    [InlineData(0, AttendanceStatus.Late, 4)]
    [InlineData(5, AttendanceStatus.OnTime, 0)]
    public void Art12_1_GraceMinutes_BothSettings(int grace, AttendanceStatus expected, int lateMinutes)
    {
        var day = Rules(options: PolicyOptions.Default with { AttendanceGraceMinutes = grace })
            .EvaluateDay(Window, new(2022, 10, 10), [In(2022, 10, 10, 9, 4), Out(2022, 10, 10, 17, 30)]);
        Assert.Equal(expected, day.Status);
        Assert.Equal(lateMinutes, day.LateMinutes);
    }

    [Fact]
    public void Art12_2_LeftEarly_AndBoth()
    {
        var early = Rules().EvaluateDay(Window, new(2022, 10, 10), [In(2022, 10, 10, 8, 59), Out(2022, 10, 10, 17, 0)]);
        Assert.Equal(AttendanceStatus.LeftEarly, early.Status);
        Assert.Equal(30, early.EarlyLeaveMinutes);
        var both = Rules().EvaluateDay(Window, new(2022, 10, 10), [In(2022, 10, 10, 9, 20), Out(2022, 10, 10, 16, 30)]);
        Assert.Equal(AttendanceStatus.LateAndLeftEarly, both.Status);
        Assert.Equal((20, 60), (both.LateMinutes, both.EarlyLeaveMinutes));
    }

    [Fact]
    public void Art12_2_NoSignInOnAWorkingDay_IsAbsent()
    {
        var day = Rules().EvaluateDay(Window, new(2022, 10, 10), []);
        Assert.Equal(AttendanceStatus.Absent, day.Status);
        Assert.Equal(Outcome.Refused, day.Decision.Outcome);
        Snap.Match(day);
    }

    [Fact]
    public void AdjustedSaturday_IsAWorkingDay_AbsenceCounts()
    {
        // 2022-10-08 (Saturday) is an adjusted working day for 国庆节.
        var day = Rules().EvaluateDay(Window, new(2022, 10, 8), []);
        Assert.Equal(AttendanceStatus.Absent, day.Status);
    }

    [Fact]
    public void PublicHoliday_SignIn_IsExtraWorkNotAnAnomaly()
    {
        var day = Rules().EvaluateDay(Window, new(2022, 10, 3), [In(2022, 10, 3, 9, 30), Out(2022, 10, 3, 12, 0)]);
        Assert.Equal(AttendanceStatus.RestDay, day.Status);
        Assert.True(day.ExtraWork);
        Assert.Equal(Outcome.Permitted, day.Decision.Outcome);
        Assert.Contains("国庆节", day.Decision.Findings[0].Message.Zh);
    }

    [Fact]
    public void MissingSignOut_AndMissingSignIn()
    {
        Assert.Equal(AttendanceStatus.MissingSignOut, Rules().EvaluateDay(Window, new(2022, 10, 10), [In(2022, 10, 10, 8, 50)]).Status);
        Assert.Equal(AttendanceStatus.MissingSignIn, Rules().EvaluateDay(Window, new(2022, 10, 10), [Out(2022, 10, 10, 17, 40)]).Status);
    }

    [Fact]
    public void Today_BeforeClosing_IsInProgress_NotAbsent()
    {
        var rules = Rules(new LocalDateTime(2022, 10, 10, 11, 0));
        Assert.Equal(AttendanceStatus.InProgress, rules.EvaluateDay(Window, new(2022, 10, 10), []).Status);
        Assert.Equal(AttendanceStatus.InProgress, rules.EvaluateDay(Window, new(2022, 10, 10), [In(2022, 10, 10, 8, 50)]).Status);
        Assert.Throws<ArgumentException>(() => rules.EvaluateDay(Window, new(2022, 10, 11), []));
    }

    [Fact]
    public void Art12_8_SignOutAfterClosingForAServiceInProgress_IsExtendedService()
    {
        var ended = new LocalDateTime(2022, 10, 10, 18, 10).InZoneStrictly(OfficeHours.ChinaZone).ToInstant();
        var day = Rules().EvaluateDay(Window, new(2022, 10, 10), [In(2022, 10, 10, 8, 55), Out(2022, 10, 10, 18, 15)],
            extended: [new ExtendedService(Window.Id, new(2022, 10, 10), ended, "case-1")]);
        Assert.Equal(AttendanceStatus.OnTime, day.Status);
        Assert.Equal(40, day.ExtendedServiceMinutes);
        Assert.Equal(new Citation(12, 8), day.Decision.Findings.Single(f => f.Code == "art12-8.extended-service").Citation);
    }

    [Fact]
    public void StayingLateWithoutAService_IsJustOnTime()
    {
        var day = Rules().EvaluateDay(Window, new(2022, 10, 10), [In(2022, 10, 10, 8, 55), Out(2022, 10, 10, 19, 0)]);
        Assert.Equal(AttendanceStatus.OnTime, day.Status);
        Assert.Equal(0, day.ExtendedServiceMinutes);
    }

    [Fact]
    public void MalformedRecords_AreFindings_NeverDroppedNeverACrash()
    {
        var future = new AttendanceRecord(Window.Id, new LocalDateTime(2022, 10, 10, 23, 0).InZoneStrictly(OfficeHours.ChinaZone).ToInstant(), AttendanceRecordKind.SignOut);
        var rules = Rules(new LocalDateTime(2022, 10, 10, 20, 0));
        var day = rules.EvaluateDay(Window, new(2022, 10, 10),
            [In(2022, 10, 10, 9, 0), In(2022, 10, 10, 9, 30), Out(2022, 10, 10, 8, 0), future]);
        var codes = day.Decision.Findings.Select(f => f.Code).ToArray();
        Assert.Contains("art12-1.record-in-future", codes);
        Assert.Contains("art12-1.duplicate-sign-in", codes);
        Assert.Contains("art12-1.sign-out-before-sign-in", codes);
        Assert.Equal(AttendanceStatus.MissingSignOut, day.Status);
        Snap.Match(day);
    }

    [Fact]
    public void ApprovedLeave_OverAWeekend()
    {
        // Leave Fri 14 Oct – Mon 17 Oct 2022: two working days on leave, the weekend stays a rest day.
        var leave = new LeavePeriod(Window.Id, new(2022, 10, 14), new(2022, 10, 17));
        var summary = Rules().Summarize(Window, new DateInterval(new(2022, 10, 14), new(2022, 10, 17)), [], [leave]);
        Assert.Equal(
            [AttendanceStatus.OnLeave, AttendanceStatus.RestDay, AttendanceStatus.RestDay, AttendanceStatus.OnLeave],
            summary.Days.Select(d => d.Status));
        Assert.Equal(2, summary.WorkingDays);
        Assert.Equal(2, summary.LeaveDays);
        Assert.Equal(0, summary.Absences);
        Assert.Equal(1.0, summary.AttendanceRate);
    }

    [Fact]
    public void Summary_AddsUpAWeek()
    {
        // Mon 10 – Fri 14 Oct 2022: on time, late 10, absent, left early 15, missing sign-out.
        var records = new[]
        {
            In(2022, 10, 10, 8, 58), Out(2022, 10, 10, 17, 35),
            In(2022, 10, 11, 9, 10), Out(2022, 10, 11, 17, 30),
            In(2022, 10, 13, 8, 50), Out(2022, 10, 13, 17, 15),
            In(2022, 10, 14, 8, 50),
            In(2022, 10, 12, 8, 0, Agent), // another person's record is ignored
        };
        var s = Rules().Summarize(Window, new DateInterval(new(2022, 10, 10), new(2022, 10, 16)), records);
        Assert.Equal(5, s.WorkingDays);
        Assert.Equal(4, s.DaysPresent);
        Assert.Equal(1, s.OnTimeDays);
        Assert.Equal((1, 10), (s.LateCount, s.LateMinutes));
        Assert.Equal((1, 15), (s.EarlyLeaveCount, s.EarlyLeaveMinutes));
        Assert.Equal(1, s.Absences);
        Assert.Equal(1, s.MissingSignOuts);
        Assert.Equal(0.8, s.AttendanceRate, 3);
        Assert.Equal(0.2, s.PunctualityRate, 3);
    }

    [Fact]
    public void Art13_VillageAgents_AreNotBoundByAttendance()
    {
        var day = Rules().EvaluateDay(Agent, new(2022, 10, 10), []);
        Assert.Equal(AttendanceStatus.NotBound, day.Status);
        Assert.Equal(new Citation(13), day.Decision.Citations.Single());
    }

    [Fact]
    public void AssumedCalendarDay_CarriesAWarning()
    {
        var clock = new FakeClock(Instant.FromUtc(2027, 6, 1, 12, 0));
        var versions = new PolicyVersionSet([new PolicyVersion("open", new("测试", "Test"), new LocalDate(2021, 1, 1))]);
        var rules = new AttendanceRules(new PolicyEngine(versions, clock), new ServiceSchedule(WorkCalendar.National.WithFallback(true), OfficeHours.Default));
        var day = rules.EvaluateDay(Window, new(2027, 3, 1), [In(2027, 3, 1, 9, 0), Out(2027, 3, 1, 17, 30)]);
        Assert.Equal(AttendanceStatus.OnTime, day.Status);
        Assert.True(day.Decision.Has("calendar.assumed-day"));
        Assert.Equal(Outcome.Warning, day.Decision.Outcome);
    }
}
