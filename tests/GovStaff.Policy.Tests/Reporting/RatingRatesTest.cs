using GovStaff.Policy.Regulation;
using GovStaff.Policy.Appraisal;
using GovStaff.Policy.Attendance;
using GovStaff.Policy.Calendars;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Reporting;
using GovStaff.Policy.Service;
using GovStaff.Policy.Tests.Service;
using NodaTime;
using static GovStaff.Policy.Tests.Support.TestDistrict;

namespace GovStaff.Policy.Tests.Reporting;

public class RatingRatesTest
{
    [Fact]
    public void Art20_PerStaffRates_FeedTheSatisfactionIndicator()
    {
        var rules = new RatingRules(Engine(new(2022, 12, 1)), ServiceSchedule.Default);
        var w = new StaffId("W-BH1");
        var ratings = new[]
        {
            new Rating("R1", RatingLevel.VerySatisfied, RatingChannel.PerVisit, BinheCentre, RatingRulesTest.Beijing(10, 10), w),
            new Rating("R2", RatingLevel.BasicallySatisfied, RatingChannel.PerVisit, BinheCentre, RatingRulesTest.Beijing(10, 11), w),
            new Rating("R3", RatingLevel.Dissatisfied, RatingChannel.PerVisit, BinheCentre, RatingRulesTest.Beijing(10, 12), w, reason: "慢"),
            new Rating("R4", RatingLevel.VeryDissatisfied, RatingChannel.PerVisit, BinheCentre, RatingRulesTest.Beijing(10, 13), w, reason: "差"),
            new Rating("R5", RatingLevel.Satisfied, RatingChannel.PerVisit, BinheCentre, RatingRulesTest.Beijing(10, 13), new StaffId("W-BH2")),
        };
        var r3 = rules.Rectify(rules.Record(ratings[2]).Rectification!, "改进", new(2022, 10, 20), Actor.For("中心", BinheCentre)).Entity; // on time
        var r4 = rules.Record(ratings[3]).Rectification!; // never rectified
        var rates = RatingRates.ForStaff(w, new DateInterval(new(2022, 10, 1), new(2022, 12, 31)), ratings, [r3, r4], services: 8, r => rules.Dues(r).RectificationDue);
        Assert.Equal((4, 2, 2, 1), (rates.Ratings, rates.Good, rates.Bad, rates.RectifiedOnTime));
        Assert.Equal(0.5m, rates.GoodRate);
        Assert.Equal(0.5m, rates.UnratedRate);
        Assert.Equal(0.5m, rates.RectifiedOnTimeRate);
        Assert.Equal(45m, rates.SatisfactionScore(PolicyOptions.Default)); // 50 − 5 for the review not rectified on time
    }

    [Fact]
    public void NobodyRated_ScoresFull()
    {
        Assert.Equal(100m, new RatingRates(0, 0, 0, 3, 0).SatisfactionScore(PolicyOptions.Default));
        Assert.Equal(1m, new RatingRates(0, 0, 0, 3, 0).UnratedRate);
    }

    [Fact]
    public void Art12_8_ExtendedService_IsRecordedOnlyPastClosingOnAWorkingDay()
    {
        var rules = new ExtendedHoursRules(Engine(), ServiceSchedule.Default);
        var w = new StaffId("W-BH1");
        Instant At(int d, int h, int m) => new LocalDateTime(2022, 10, d, h, m).InZoneStrictly(OfficeHours.ChinaZone).ToInstant();
        Assert.Equal(Outcome.Permitted, rules.Record(new ExtendedService(w, new(2022, 10, 10), At(10, 18, 5))).Outcome);
        Assert.Equal(Outcome.Refused, rules.Record(new ExtendedService(w, new(2022, 10, 10), At(10, 17, 0))).Outcome);
        Assert.Equal(Outcome.Refused, rules.Record(new ExtendedService(w, new(2022, 10, 3), At(3, 18, 0))).Outcome);
    }

    [Fact]
    public void Art18_TrainingsInAPeriod_AreCounted()
    {
        var w = new StaffId("W-BH1");
        var trainings = new[] { new TrainingRecord(w, new(2022, 10, 12), TrainingOrganiser.ServiceCentre, "a"), new TrainingRecord(w, new(2022, 7, 1), TrainingOrganiser.Township, "b") };
        Assert.Equal(1, ConductAndTrainingRules.Trainings(trainings, w, AppraisalPeriod.Quarter(2022, 4).Days));
    }
}
