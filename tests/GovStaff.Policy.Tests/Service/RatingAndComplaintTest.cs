using GovStaff.Policy.Appraisal;
using GovStaff.Policy.Calendars;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Regulation;
using GovStaff.Policy.Service;
using GovStaff.Policy.Tests.Support;
using NodaTime;
using static GovStaff.Policy.Tests.Support.TestDistrict;

namespace GovStaff.Policy.Tests.Service;

public class RatingRulesTest
{
    private static readonly RatingRules Rules = new(Engine(new(2022, 12, 1)), ServiceSchedule.Default);
    private static readonly Actor Centre = Actor.For("马志强", BinheCentre);

    internal static Instant Beijing(int m, int d, int h = 10) => new LocalDateTime(2022, m, d, h, 0).InZoneStrictly(OfficeHours.ChinaZone).ToInstant();

    private static Rectification Bad(bool realName = false) =>
        Rules.Record(new Rating("R1", RatingLevel.Dissatisfied, RatingChannel.PerVisit, BinheCentre, Beijing(10, 10), new StaffId("W-BH1"), "社保登记", "等候时间过长", realName)).Rectification!;

    [Fact]
    public void Art20_GoodReview_IsRecorded_ABadReviewWithoutAReason_IsRecordedWithAWarning_NeverDropped()
    {
        var good = Rules.Record(new Rating("R0", RatingLevel.VerySatisfied, RatingChannel.PerMatter, BinheCentre, Beijing(10, 10)));
        Assert.Equal(Outcome.Permitted, good.Decision.Outcome);
        Assert.Null(good.Rectification);
        Assert.Equal([new Citation(20)], good.Decision.Citations);
        var noReason = Rules.Record(new Rating("R1", RatingLevel.VeryDissatisfied, RatingChannel.PerVisit, BinheCentre, Beijing(10, 10)));
        Assert.Equal(Outcome.Warning, noReason.Decision.Outcome);
        Assert.NotNull(noReason.Event);
        Assert.NotNull(noReason.Rectification);
        // The reason is asked for by the national practice, not by Art. 20: it cites 国办发〔2019〕51号 beside Art. 20.
        var warning = noReason.Decision.Findings.Single(f => f.Code == "rating-practice.bad-review-without-reason");
        Assert.Equal([new Citation(LegalSource.RatingSystemOpinion), new Citation(20)], warning.Citations);
        Assert.Equal("《国务院办公厅关于建立政务服务“好差评”制度提高政务服务水平的意见》（国办发〔2019〕51号）", warning.Citation.ToChinese());
    }

    [Fact]
    public void Art20_BadReviewRectifiedOnWorkingDay15_IsOnTime_Day16_IsLate()
    {
        // Rated Mon 10 Oct 2022: the 15th working day after is Mon 31 Oct.
        var r = Bad();
        Assert.Equal((new LocalDate(2022, 10, 11), new LocalDate(2022, 10, 31)), Rules.Dues(r));
        Assert.Equal(Outcome.Permitted, Rules.Rectify(r, "增设取号机", new(2022, 10, 31), Centre).Decision.Outcome);
        var late = Rules.Rectify(r, "增设取号机", new(2022, 11, 1), Centre);
        Assert.Equal(Outcome.Warning, late.Decision.Outcome);
        Assert.True(late.Decision.Has("rectification.rectify-late"));
        Assert.Equal(Outcome.Warning, Rules.CheckOverdue(r, new(2022, 11, 1)).Outcome);
        Snap.Match(late.Decision);
    }

    [Fact]
    public void Art20_ContactAfterOneWorkingDay_IsLate()
    {
        var r = Bad();
        Assert.Equal(Outcome.Permitted, Rules.CheckOverdue(r, new(2022, 10, 11)).Outcome);
        Assert.True(Rules.CheckOverdue(r, new(2022, 10, 12)).Has("art20.contact-overdue"));
        Assert.Equal(Outcome.Warning, Rules.Contact(r, new(2022, 10, 12), Centre).Decision.Outcome);
    }

    [Fact]
    public void Art20_RealNameBadReview_NeedsAReturnVisitBeforeClosing()
    {
        var rectified = Rules.Rectify(Rules.Contact(Bad(realName: true), new(2022, 10, 11), Centre).Entity, "优化流程", new(2022, 10, 20), Centre).Entity;
        Assert.True(Rules.Close(rectified, new(2022, 10, 21), Centre).Decision.Has("art20.return-visit-missing"));
        var visited = Rules.ReturnVisit(rectified, new(2022, 10, 21), Centre).Entity;
        Assert.Equal(RectificationState.Closed, Rules.Close(visited, new(2022, 10, 21), Centre).Entity.State);
    }

    [Fact]
    public void Art20_AnAppealUpheldByTheServiceAuthority_AnnulsTheReview_WithItsFindingOnRecord()
    {
        var filed = Rules.Appeal(Bad(), AppealGround.Malicious, Network(), new(2022, 10, 11), Centre);
        Assert.Equal(Outcome.Permitted, filed.Decision.Outcome);
        Assert.Equal(RectificationState.Open, filed.Entity.State); // filing annuls nothing
        var r = Rules.ReviewAppeal(filed.Entity, upheld: true, "调取录像核实，评价人系恶意差评", Network(), new(2022, 10, 12), Actor.For("王科长", Hall));
        Assert.Equal(Outcome.Permitted, r.Decision.Outcome);
        Assert.True(r.Decision.Has("art20.appeal-upheld"));
        Assert.Equal(RectificationState.Annulled, r.Entity.State);
        Assert.Equal("调取录像核实，评价人系恶意差评", r.Entity.AppealFinding);
        Assert.Equal(Hall, r.Entity.AppealReviewedBy!.ServiceBody);
        Assert.Equal(Outcome.Permitted, Rules.CheckOverdue(r.Entity, new(2022, 12, 1)).Outcome);
    }

    [Fact]
    public void Art20_TheRatedStaffer_CannotUpholdTheAppealAgainstTheirOwnReview()
    {
        var filed = Rules.Appeal(Bad(), AppealGround.Malicious, Network(), new(2022, 10, 11), Centre).Entity;
        // By name or by id, acting for the rated centre or even for the hall: the rated person is not independent.
        foreach (var actor in new[] { Actor.For("周敏", BinheCentre), Actor.For("周敏", Hall), Actor.For("W-BH1", Hall) })
        {
            var r = Rules.ReviewAppeal(filed, upheld: true, "本人认为系误评", Network(), new(2022, 10, 12), actor);
            Assert.Equal(Outcome.Refused, r.Decision.Outcome);
            Assert.Equal(RectificationState.Open, r.Entity.State);
            Assert.Null(r.Entity.AppealUpheld);
        }

        Assert.True(Rules.ReviewAppeal(filed, upheld: true, "x", Network(), new(2022, 10, 12), Actor.For("周敏", Hall)).Decision.Has("art20.appeal-not-independent"));
    }

    [Fact]
    public void Art20_TheRatedCentresDirector_CannotUpholdTheAppealForTheirOwnStaffer()
    {
        var filed = Rules.Appeal(Bad(), AppealGround.Mistaken, Network(), new(2022, 10, 11), Centre).Entity;
        var r = Rules.ReviewAppeal(filed, upheld: true, "中心认定误评", Network(), new(2022, 10, 12), Centre);
        Assert.Equal(Outcome.Refused, r.Decision.Outcome);
        Assert.True(r.Decision.Has("art20.appeal-not-independent"));
        Assert.Equal(RectificationState.Open, r.Entity.State);
        // The rated person's home unit is the rated side too.
        Assert.Equal(Outcome.Refused, Rules.ReviewAppeal(filed, upheld: true, "镇认定误评", Network(), new(2022, 10, 12), Actor.For("镇长", Binhe)).Decision.Outcome);
    }

    [Fact]
    public void Art20_NoReviewWithoutAFiledAppeal_AndOnlyTheRatedSideFiles()
    {
        Assert.True(Rules.ReviewAppeal(Bad(), upheld: true, "核实", Network(), new(2022, 10, 12), Actor.For("王科长", Hall)).Decision.Has("art20.no-appeal-to-review"));
        Assert.Equal(Outcome.Refused, Rules.Appeal(Bad(), AppealGround.Mistaken, Network(), new(2022, 10, 11), Actor.For("文昌", WenchangCentre)).Decision.Outcome);
        var rejected = Rules.ReviewAppeal(Rules.Appeal(Bad(), AppealGround.Mistaken, Network(), new(2022, 10, 11), Centre).Entity, upheld: false, "评价属实", Network(), new(2022, 10, 12), Actor.For("王科长", Hall));
        Assert.True(rejected.Decision.Has("art20.appeal-rejected"));
        Assert.Equal(RectificationState.Open, rejected.Entity.State);
        Assert.False(rejected.Entity.AppealUpheld);
    }

    [Fact]
    public void Art31_ARatingAfterTheMeasuresExpire_IsRecordedWithANotice_NeverDropped()
    {
        var rules = new RatingRules(Engine(new(2024, 3, 1)), ServiceSchedule.Default);
        var at = new LocalDateTime(2024, 3, 1, 10, 0).InZoneStrictly(OfficeHours.ChinaZone).ToInstant();
        var bad = rules.Record(new Rating("R9", RatingLevel.VeryDissatisfied, RatingChannel.PerVisit, BinheCentre, at, new StaffId("W-BH1"), reason: "态度差"));
        Assert.True(bad.Decision.IsPermitted);
        Assert.Equal(PolicyEngine.NoVersion, bad.Decision.PolicyVersion);
        Assert.Contains(new Citation(31), bad.Decision.Findings.Single(f => f.Code == "art31.recorded-out-of-force").Citations);
        Assert.NotNull(bad.Event);
        Assert.NotNull(bad.Rectification); // the 好差评 handling of 51号 does not depend on the measures
        Assert.True(rules.Record(new Rating("R10", RatingLevel.Satisfied, RatingChannel.PerMatter, Hall, at)).Decision.IsPermitted);
    }
}

public class ComplaintLifecycleTest
{
    private static readonly ComplaintLifecycle Complaints = new(Engine());

    [Fact]
    public void Art22_Accepted_Investigated_FedBack()
    {
        var c = Complaints.Accept(new Complaint("K1", BinheCentre, AsOf, "窗口人员态度生硬", new StaffId("W-BH2")), Network(), Actor.For("马志强", BinheCentre));
        Assert.True(c.Applied);
        var investigating = Complaints.Investigate(c.Entity, Actor.For("马志强", BinheCentre), AsOf.PlusDays(1)).Entity;
        var closed = Complaints.FeedBack(investigating, "已批评教育当事人", AsOf.PlusDays(3), Actor.For("马志强", BinheCentre), AsOf.PlusDays(3));
        Assert.Equal(ComplaintState.FedBack, closed.Entity.State);
    }

    [Fact]
    public void Art22_AComplaintMadeAtAVillageCentre_IsRecordedAndPassedToTheTownshipCentre_WhichAcceptsIt()
    {
        var c = Complaints.Accept(new Complaint("K2", ShaliuVillage, AsOf, "代办员不在岗"), Network(), Actor.For("田军", ShaliuVillage));
        Assert.Equal(Outcome.Permitted, c.Decision.Outcome);
        var passed = c.Decision.Findings.Single(f => f.Code == "art22.passed-to-township-centre");
        Assert.Equal([new Citation(22), new Citation(17)], passed.Citations);
        Assert.Equal(ComplaintState.Accepted, c.Entity.State);
        Assert.Equal(BinheCentre, c.Entity.Body);
        Assert.Equal(ShaliuVillage, c.Entity.MadeAt);
        // The township centre, which accepted it, investigates; the village centre does not.
        Assert.True(Complaints.Investigate(c.Entity, Actor.For("马志强", BinheCentre), AsOf.PlusDays(1)).Applied);
        Assert.False(Complaints.Investigate(c.Entity, Actor.For("田军", ShaliuVillage), AsOf.PlusDays(1)).Applied);
    }

    [Fact]
    public void Art31_AComplaintAfterTheMeasuresExpire_IsRecordedWithANotice()
    {
        var c = new ComplaintLifecycle(Engine(new(2024, 5, 6))).Accept(new Complaint("K9", Hall, new(2024, 5, 6), "办事拖延"), Network(), Actor.For("中心", Hall));
        Assert.True(c.Applied);
        Assert.True(c.Decision.Has("art31.recorded-out-of-force"));
        Assert.Equal(ComplaintState.Accepted, c.Entity.State);
    }

    [Fact]
    public void Art22_ClosingWithoutFeedback_IsRefused()
    {
        var accepted = Complaints.Accept(new Complaint("K1", Hall, AsOf, "办事拖延"), Network(), Actor.For("中心", Hall)).Entity;
        var investigating = Complaints.Investigate(accepted, Actor.For("中心", Hall), AsOf).Entity;
        var r = Complaints.FeedBack(investigating, "已核实", null, Actor.For("中心", Hall), AsOf.PlusDays(2));
        Assert.Equal(Outcome.Refused, r.Decision.Outcome);
        Assert.True(r.Decision.Has("art22.no-feedback"));
        Assert.Equal(ComplaintState.Investigating, r.Entity.State);
    }

    [Fact]
    public void Art22_OnlyTheAcceptingBodyActs()
    {
        var c = Complaints.Accept(new Complaint("K3", BinheCentre, AsOf, "x"), Network(), Actor.For("马志强", BinheCentre)).Entity;
        Assert.True(Complaints.Investigate(c, Actor.For("文昌", WenchangCentre), AsOf).Decision.Has("complaint.unauthorised"));
    }
}

public class ConductAndTrainingTest
{
    private static readonly ConductAndTrainingRules Rules = new(Engine(), WorkCalendar.National);

    [Fact]
    public void Art14_Bribery_IsRecordedAgainstProbity()
    {
        var d = Rules.Record(new ConductRecord("CD1", new StaffId("W-BH1"), AsOf, ConductKind.Bribery, "投诉K9：索要好处费"));
        Assert.Equal(Outcome.Warning, d.Outcome);
        Assert.Equal(new Citation(14, 2), d.Findings[0].Citation);
        Assert.Contains("Probity", d.Findings[0].Message.En);
        var breaches = Rules.Breaches([new ConductRecord("CD1", new StaffId("W-BH1"), AsOf, ConductKind.Bribery, "x"), new ConductRecord("CD2", new StaffId("W-BH1"), AsOf, ConductKind.Attitude, "y")],
            new StaffId("W-BH1"), AppraisalPeriod.Quarter(2022, 4).Days);
        Assert.Equal(1, breaches[Dimension.Probity]);
        Assert.Equal(1, breaches[Dimension.Diligence]);
    }

    [Fact]
    public void Art18_NoTrainingForSixMonths_IsAWarning()
    {
        var staff = Staff.Single(s => s.Id.Value == "W-BH1");
        Assert.Equal(Outcome.Warning, Rules.CheckTraining(staff, [], AsOf).Outcome);
        Assert.Equal(Outcome.Permitted, Rules.CheckTraining(staff, [new TrainingRecord(staff.Id, new(2022, 5, 10), TrainingOrganiser.ServiceCentre, "好差评业务")], AsOf).Outcome);
        // 《民法典》第二百零一、二百零二条: six months after 2022-04-10 end on 2022-10-10 (AsOf), which is inside them.
        Assert.Equal(Outcome.Permitted, Rules.CheckTraining(staff, [new TrainingRecord(staff.Id, new(2022, 4, 10), TrainingOrganiser.Township, "x")], AsOf).Outcome);
        Assert.Equal(Outcome.Warning, Rules.CheckTraining(staff, [new TrainingRecord(staff.Id, new(2022, 4, 9), TrainingOrganiser.Township, "x")], AsOf).Outcome);
    }

    [Fact]
    public void Art13_AVillageAgentsTraining_DoesNotCiteArt10_WhichBindsWindowStaff()
    {
        var agent = Staff.Single(s => s.Id.Value == "V-SL");
        var d = Rules.CheckTraining(agent, [], AsOf);
        Assert.DoesNotContain(d.Citations, c => c.IsWithin(new Citation(10)));
        Assert.Contains(new Citation(9, 2), d.Citations);
        Assert.Contains(new Citation(10, 1), Rules.CheckTraining(Staff.Single(s => s.Id.Value == "W-BH1"), [], AsOf).Citations);
    }

    [Fact]
    public void Art22_AComplaintWhoseAcceptanceWasRefused_IsKept_AndCannotBeInvestigated()
    {
        var complaints = new ComplaintLifecycle(Engine());
        var refused = complaints.Accept(new Complaint("K4", BinheCentre, AsOf, "x"), Network(), Actor.For("杨丽", WenchangCentre));
        Assert.Equal(Outcome.Refused, refused.Decision.Outcome);
        Assert.Equal(ComplaintState.Received, refused.Entity.State);
        Assert.Equal(Outcome.Refused, complaints.Investigate(refused.Entity, Actor.For("杨丽", WenchangCentre), AsOf).Decision.Outcome);
    }
}
