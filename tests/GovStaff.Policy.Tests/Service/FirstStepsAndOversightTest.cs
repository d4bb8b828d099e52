using GovStaff.Policy.Appraisal;
using GovStaff.Policy.Attendance;
using GovStaff.Policy.Calendars;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Regulation;
using GovStaff.Policy.Reporting;
using GovStaff.Policy.Service;
using GovStaff.Policy.Staffing;
using GovStaff.Policy.Tests.Appraisal;
using NodaTime;
using static GovStaff.Policy.Tests.Support.TestDistrict;

namespace GovStaff.Policy.Tests.Service;

/// <summary>
/// The steps a client used to word and cite itself, now the library's: each first step (a sign-in, an inquiry, an
/// application, an appointment request), each act of oversight (publishing, reporting, a deadline check that found
/// nothing) and each refusal that follows from the record (no appraiser for someone not stationed, no sanction for
/// someone off the post, no leaving on an admonition, no handling of a good review) is a decision citing its article.
/// </summary>
public class FirstStepsAndOversightTest
{
    private static readonly LocalDate Day = new(2022, 10, 10); // a Monday, a working day

    private static Instant At(LocalDate day, int hour, int minute) => day.At(new LocalTime(hour, minute)).InZoneStrictly(OfficeHours.ChinaZone).ToInstant();

    [Fact]
    public void Art12_1_ASignInAndASignOut_AreRecordedDecisionsCitingTheirItem()
    {
        var rules = new AttendanceRules(Engine(Day), ServiceSchedule.Default);
        var signIn = rules.Record(new AttendanceRecord(new StaffId("W-BH1"), At(Day, 8, 55), AttendanceRecordKind.SignIn));
        Assert.Equal((Outcome.Permitted, "attendance.sign-in"), (signIn.Outcome, signIn.Action));
        Assert.Equal([new Citation(12, 1)], signIn.Citations);
        Assert.Contains("2022-10-10 08:55签到已记录", signIn.Findings[0].Message.Zh, StringComparison.Ordinal);
        Assert.Equal("attendance.sign-out", rules.Record(new AttendanceRecord(new StaffId("W-BH1"), At(Day, 17, 35), AttendanceRecordKind.SignOut)).Action);
    }

    [Fact]
    public void Art12_3_4_7_TheFirstStepsOfService_CiteTheirItems_AndNameTheDeadlines()
    {
        var engine = Engine(Day);
        var inquiry = new FirstContactRules(engine).Receive(new Inquiry("Q1", BinheCentre, new StaffId("W-BH1"), Day, "营业执照办理"));
        Assert.Equal(("art12-3.first-contact", new Citation(12, 3)), (inquiry.Findings[0].Code, inquiry.Citations.Single()));
        Assert.Contains("W-BH1为首问责任人", inquiry.Findings[0].Message.Zh, StringComparison.Ordinal);

        // Five working days from Mon 10 Oct 2022: 11–14 and 17 October (Art. 12(4), the default of docs/options.md).
        var application = new OneTimeNotificationRules(engine, WorkCalendar.National).Receive(new Application("AP1", BinheCentre, new StaffId("W-BH1"), "个体工商户登记", Day));
        Assert.Equal(new Citation(12, 4), application.Citations.Single());
        Assert.Contains("应于2022-10-17前一次性告知", application.Findings[0].Message.Zh, StringComparison.Ordinal);

        var rules = new AppointmentRules(engine, ServiceSchedule.Default);
        var appointment = new Appointment("AP-1", BinheCentre, AppointmentChannel.Phone, At(Day, 10, 0), "社保转移");
        var request = rules.Request(appointment);
        Assert.Equal(new Citation(12, 7), request.Citations.Single());
        var due = rules.ReplyDue(appointment).InZone(OfficeHours.ChinaZone).LocalDateTime;
        Assert.Contains($"应于{due:yyyy-MM-dd HH:mm}前答复", request.Findings[0].Message.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void Arts20_21_PublishingReportingAndANothingDueCheck_AreDecisionsCitingTheirArticles()
    {
        var oversight = new OversightRules(Engine(new(2022, 11, 1)));
        var published = oversight.Publish([], Network(), new DateInterval(new(2022, 10, 1), new(2022, 10, 31)), new(2022, 11, 1));
        Assert.Equal((0, 0), (published.Published.Count, published.Withheld));
        Assert.Equal(("disclosure.publish", new Citation(20)), (published.Decision.Action, published.Decision.Citations.Single()));
        Assert.Equal("period:2022-10-01/2022-10-31", published.Decision.Subject);

        var nothing = oversight.NothingDue(new(2022, 10, 31));
        Assert.Equal(("art21.nothing-due", new Citation(21), Outcome.Permitted), (nothing.Findings[0].Code, nothing.Citations.Single(), nothing.Outcome));
    }

    [Theory]
    [InlineData(Role.HallWindowStaff, 23)]
    [InlineData(Role.TownshipWindowStaff, 24)]
    [InlineData(Role.VillageAgent, 25)]
    public void Arts23To25_SomeoneNotStationed_HasNoAppraiser_AndScoringIsRefusedNotThrown(Role role, int article)
    {
        var idle = Person("X-IDLE", "某某", new(1990, 1, 1), role == Role.VillageAgent ? Shaliu : Binhe, role, gridWorker: true);
        var network = Network([idle]);
        var appraisal = new StaffAppraisal("A-IDLE", idle.Id, AppraisalPeriod.Quarter(2022, 3));
        var r = new AppraisalLifecycle(Engine(new(2022, 10, 10))).Score(appraisal, network, AppraisalLifecycleTest.Scores(80), Actor.For("镇政府", Binhe), new(2022, 10, 10));
        Assert.Equal(Outcome.Refused, r.Decision.Outcome);
        Assert.True(r.Decision.Has("appraisal.not-stationed"));
        Assert.Equal(new Citation(article), r.Decision.Citations.Single());
        Assert.Same(appraisal, r.Entity); // a refused decision changes nothing
        Assert.Null(r.Event);
    }

    [Fact]
    public void Art29_SomeoneNoLongerOnThePost_IsNotSanctioned_AndAnAdmonitionEndsNoStationing()
    {
        // W-BH1 failed 2022Q3 while stationed, then left the post.
        var lifecycle = new AppraisalLifecycle(Engine(new(2022, 10, 10)));
        var township = Actor.For("镇政府", Binhe);
        var scored = lifecycle.Score(new StaffAppraisal("A-Q3", new StaffId("W-BH1"), AppraisalPeriod.Quarter(2022, 3)), Network(), AppraisalLifecycleTest.Scores(50), township, new(2022, 10, 10)).Entity;
        var failed = lifecycle.Grade(scored, Network(), township, new(2022, 10, 10)).Entity;
        Assert.Equal(Grade.Fail, failed.Grade);
        var sanctions = new SanctionLifecycle(Engine(new(2022, 10, 12)), WorkCalendar.National);
        var admonished = sanctions.Apply(Network().GetStaff(new StaffId("W-BH1")), [failed], Network(), Actor.For("政务服务中心", Hall), new(2022, 10, 12), "S-1");
        Assert.NotNull(admonished.Admonition);

        var offPost = Network().GetStaff(new StaffId("W-BH1")) with { StationedAt = null };
        var refused = sanctions.Apply(offPost, [failed], Network(), Actor.For("政务服务中心", Hall), new(2022, 10, 12), "S-2");
        Assert.Equal(Outcome.Refused, refused.Decision.Outcome);
        Assert.True(refused.Decision.Has("art29.not-stationed"));
        Assert.Equal((null, null, null), (refused.Admonition, refused.Recall, refused.Event));

        var stationing = new Stationing("ST-1", new Nomination(new StaffId("W-BH1"), BinheCentre, Role.TownshipWindowStaff, new(2020, 1, 2)));
        var leave = sanctions.RefuseLeavingOn(admonished.Admonition!, stationing, new(2022, 10, 13));
        Assert.Equal(Outcome.Refused, leave.Outcome);
        Assert.Equal(("art29.admonition-keeps-post", new Citation(29)), (leave.Findings[0].Code, leave.Citations.Single()));
    }

    [Fact]
    public void Art20_HandlingAGoodReview_IsRefused_CitingTheNationalPracticeAndTheArticle()
    {
        var rating = new Rating("R1", RatingLevel.VerySatisfied, RatingChannel.PerVisit, BinheCentre, At(Day, 10, 0), new StaffId("W-BH1"));
        var d = new RatingRules(Engine(Day), ServiceSchedule.Default).RefuseHandling(rating, "contact", Day);
        Assert.Equal(("rectification.contact", Outcome.Refused), (d.Action, d.Outcome));
        Assert.Equal([new Citation(20), new Citation(LegalSource.RatingSystemOpinion)], d.Citations);
    }
}
