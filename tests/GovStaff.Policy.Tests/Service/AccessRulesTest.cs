using GovStaff.Policy.Calendars;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Regulation;
using GovStaff.Policy.Service;
using GovStaff.Policy.Tests.Support;
using NodaTime;
using static GovStaff.Policy.Tests.Support.TestDistrict;

namespace GovStaff.Policy.Tests.Service;

public class OneTimeNotificationTest
{
    private static readonly OneTimeNotificationRules Rules = new(Engine(new(2022, 11, 1)), WorkCalendar.National);
    private static readonly Actor Window = Actor.For("周敏", BinheCentre);

    // Received Mon 10 Oct 2022; the five working days are 11, 12, 13, 14 and 17 October.
    private static readonly Application Received = new("AP1", BinheCentre, new StaffId("W-BH1"), "个体工商户登记", new(2022, 10, 10));

    [Fact]
    public void Art12_4_AllMissingMaterialsOnce_OnTheFifthWorkingDay_IsInTime()
    {
        Assert.Equal(new LocalDate(2022, 10, 17), Rules.NotificationDue(Received));
        var r = Rules.NotifyMissing(Received, ["营业场所证明", "身份证复印件"], new(2022, 10, 17), Window);
        Assert.Equal(Outcome.Permitted, r.Decision.Outcome);
        Assert.Equal(["营业场所证明", "身份证复印件"], r.Entity.MissingMaterials);
    }

    [Fact]
    public void Art12_4_ASecondRequestForMaterials_IsRefused()
    {
        var notified = Rules.NotifyMissing(Received, ["营业场所证明"], new(2022, 10, 11), Window).Entity;
        var again = Rules.NotifyMissing(notified, ["租赁合同"], new(2022, 10, 12), Window);
        Assert.Equal(Outcome.Refused, again.Decision.Outcome);
        Assert.True(again.Decision.Has("art12-4.second-request"));
        Assert.Same(notified, again.Entity);
        Snap.Match(again.Decision);
    }

    [Fact]
    public void Licensing32_SixthWorkingDayWithoutNotification_CountsAsAcceptedFromReceipt()
    {
        var (onFifth, notYet) = Rules.CheckDeemedAcceptance(Received, new(2022, 10, 17));
        Assert.Null(notYet);
        Assert.Equal(Outcome.Permitted, onFifth.Outcome);
        var (onSixth, deemed) = Rules.CheckDeemedAcceptance(Received, new(2022, 10, 18));
        Assert.Equal(new LocalDate(2022, 10, 10), deemed);
        Assert.Equal(Outcome.Warning, onSixth.Outcome);
        Assert.Equal(new Citation(LegalSource.AdministrativeLicensingLaw, 32), onSixth.Findings[0].Citation);
        var late = Rules.NotifyMissing(Received, ["营业场所证明"], new(2022, 10, 18), Window);
        Assert.Equal(Outcome.Refused, late.Decision.Outcome);
        Assert.True(late.Decision.Has("licensing32.notified-late"));
    }

    [Fact]
    public void AnEmptyListOfMaterials_IsBadInput()
    {
        Assert.Throws<ArgumentException>(() => Rules.NotifyMissing(Received, [], new(2022, 10, 11), Window));
    }
}

public class FirstContactTest
{
    private static readonly FirstContactRules Rules = new(Engine());
    private static readonly Inquiry Asked = new("Q1", BinheCentre, new StaffId("W-BH1"), AsOf, "宅基地审批");

    [Fact]
    public void Art12_3_ReferralNamingTheDepartmentAndPhone_IsPermitted()
    {
        var d = Rules.Refer(Asked, new StaffId("W-BH1"), "不属本中心职责", "沙坡头区自然资源局", "0955-7012345", AsOf);
        Assert.Equal(Outcome.Permitted, d.Outcome);
    }

    [Theory]
    [InlineData("原因", "区自然资源局", "", "art12-3.referral-without-phone")]
    [InlineData("原因", "", "0955-7012345", "art12-3.referral-without-department")]
    [InlineData("", "区自然资源局", "0955-7012345", "art12-3.referral-without-reason")]
    [InlineData("原因", "区自然资源局", "问门口", "art12-3.referral-without-phone")]
    public void Art12_3_ReferralWithoutTheDepartmentOrPhone_IsRefused(string reason, string department, string phone, string code)
    {
        var d = Rules.Refer(Asked, new StaffId("W-BH1"), reason, department, phone, AsOf);
        Assert.Equal(Outcome.Refused, d.Outcome);
        Assert.True(d.Has(code));
    }

    [Fact]
    public void Art12_3_SomeoneOtherThanTheFirstContact_CannotPassItOn()
    {
        var d = Rules.Refer(Asked, new StaffId("W-BH2"), "不属职责", "区自然资源局", "0955-7012345", AsOf);
        Assert.True(d.Has("art12-3.not-first-contact"));
    }
}

public class AppointmentTest
{
    private static readonly AppointmentRules Rules = new(Engine(), ServiceSchedule.Default);

    private static Instant Beijing(int m, int d, int h, int min) => new LocalDateTime(2022, m, d, h, min).InZoneStrictly(OfficeHours.ChinaZone).ToInstant();

    // Asked Friday 30 Sep 2022 at 16:00; the next working day is the adjusted Saturday 8 Oct, closing 17:30.
    private static readonly Appointment Asked = new("AP1", BinheCentre, AppointmentChannel.Phone, Beijing(9, 30, 16, 0), "社保卡补办");

    [Fact]
    public void Art12_7_AnswerDue_ByCloseOfBusinessOnTheNextWorkingDay()
    {
        Assert.Equal(Beijing(10, 8, 17, 30), Rules.ReplyDue(Asked));
        Assert.Equal(Outcome.Permitted, Rules.CheckUnanswered(Asked, Beijing(10, 8, 17, 0)).Outcome);
        Assert.Equal(Outcome.Warning, Rules.CheckUnanswered(Asked, Beijing(10, 8, 17, 31)).Outcome);
    }

    [Fact]
    public void Art12_7_AcceptedWithASlotInOfficeHoursAndAllMaterials()
    {
        var d = Rules.Accept(Asked, Beijing(10, 8, 9, 30), Beijing(10, 10, 10, 0), ["身份证", "一寸照片"]);
        Assert.Equal(Outcome.Permitted, d.Outcome);
    }

    [Theory]
    [InlineData(10, 15, 10, 0)]  // a Saturday
    [InlineData(10, 10, 12, 30)] // midday break
    [InlineData(10, 10, 18, 0)]  // after closing
    public void Art12_7_SetsNoHoursForAnAppointment_OutsideOfficeHoursIsANotice(int m, int d, int h, int min)
    {
        var decision = Rules.Accept(Asked, Beijing(10, 8, 9, 30), Beijing(m, d, h, min), ["身份证"]);
        Assert.Equal(Outcome.Permitted, decision.Outcome);
        Assert.Equal(Severity.Notice, decision.Findings.Single(f => f.Code == "art12-7.slot-outside-hours").Severity);
    }

    [Fact]
    public void Art12_7_AnAgreedTimeAlreadyPast_IsRefused()
    {
        var decision = Rules.Accept(Asked, Beijing(10, 8, 9, 30), Beijing(10, 8, 9, 0), ["身份证"]);
        Assert.Equal(Outcome.Refused, decision.Outcome);
        Assert.True(decision.Has("art12-7.slot-passed"));
    }

    [Fact]
    public void Art12_7_AcceptanceWithoutTheMaterials_AndRefusalWithoutAReason_AreRefused()
    {
        Assert.True(Rules.Accept(Asked, Beijing(10, 8, 9, 30), Beijing(10, 10, 10, 0), []).Has("art12-7.materials-missing"));
        Assert.Equal(Outcome.Refused, Rules.Refuse(Asked, Beijing(10, 8, 9, 30), " ").Outcome);
        Assert.Equal(Outcome.Permitted, Rules.Refuse(Asked, Beijing(10, 8, 9, 30), "该事项须本人到场").Outcome);
        Assert.Equal(Outcome.Warning, Rules.Refuse(Asked, Beijing(10, 9, 9, 30), "该事项须本人到场").Outcome); // answered late
    }
}

public class DoorToDoorTest
{
    private static readonly DoorToDoorRules Rules = new(Engine());

    [Theory]
    [InlineData(DoorToDoorReason.Elderly)]
    [InlineData(DoorToDoorReason.Weak)]
    [InlineData(DoorToDoorReason.Ill)]
    [InlineData(DoorToDoorReason.Disabled)]
    public void Art12_9_TheFourReasons_FreeOfCharge_ArePermitted(DoorToDoorReason reason)
    {
        Assert.Equal(Outcome.Permitted, Rules.Judge(Staff.Single(s => s.Id.Value == "W-BH1"), reason, 0, AsOf, "visit:1").Outcome);
    }

    [Fact]
    public void Art12_9_AnotherDescribedReason_IsEligible_等LeavesTheListOpen_AFeeIsRefused()
    {
        var window = Staff.Single(s => s.Id.Value == "W-BH1");
        var undescribed = Rules.Judge(window, DoorToDoorReason.Other, 0, AsOf, "visit:1");
        Assert.Equal(Outcome.Refused, undescribed.Outcome);
        Assert.True(undescribed.Has("art12-9.other-reason-undescribed"));
        var described = Rules.Judge(window, DoorToDoorReason.Other, 0, AsOf, "visit:1", "孕晚期行动不便");
        Assert.Equal(Outcome.Permitted, described.Outcome);
        Assert.Contains("孕晚期行动不便", described.Findings.Single(f => f.Code == "art12-9.eligible-other").Message.Zh);
        var fee = Rules.Judge(window, DoorToDoorReason.Elderly, 20, AsOf, "visit:1");
        Assert.Equal(Outcome.Refused, fee.Outcome);
        Assert.True(fee.Has("art12-9.fee-charged"));
    }

    [Fact]
    public void Art11_VillageAgentsProvideItToo()
    {
        var d = Rules.Judge(Staff.Single(s => s.Id.Value == "V-SL"), DoorToDoorReason.Disabled, 0, AsOf, "visit:2");
        Assert.Equal(Outcome.Permitted, d.Outcome);
        Assert.Contains(new Citation(11, 2), d.Citations);
    }
}
