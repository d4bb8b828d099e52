using GovStaff.Policy.Appraisal;
using GovStaff.Policy.Calendars;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Regulation;
using GovStaff.Policy.Staffing;
using GovStaff.Policy.Tests.Support;
using NodaTime;
using static GovStaff.Policy.Tests.Support.TestDistrict;

namespace GovStaff.Policy.Tests.Appraisal;

public class AppraisalLifecycleTest
{
    private static readonly StaffMember Officer = Person("POL-1", "李警官", new(1988, 3, 3), BinhePolice, Role.TownshipWindowStaff, BinheCentre);
    private static readonly ServiceNetwork Net = Network([Officer]);
    private static readonly AppraisalLifecycle Appraisals = new(Engine(new(2023, 1, 5)));
    private static readonly AppraisalPeriod Q4 = AppraisalPeriod.Quarter(2022, 4);
    private static readonly LocalDate GradingDay = new(2023, 1, 5);

    internal static Dictionary<string, decimal> Scores(decimal each, bool director = false) =>
        (director ? IndicatorSet.DirectorDefault : IndicatorSet.WindowStaffDefault).Indicators.ToDictionary(i => i.Code, _ => each);

    private static StaffAppraisal Open(string staff, LocalDate? stationedOn = null) => new($"A-{staff}", new StaffId(staff), Q4, stationedOn);

    [Fact]
    public void Art24_TownshipStaff_AreAppraisedByTheirTownship()
    {
        var scored = Appraisals.Score(Open("W-BH1"), Net, Scores(85), Actor.For("镇政府", Binhe), GradingDay);
        Assert.Equal(Outcome.Permitted, scored.Decision.Outcome);
        var graded = Appraisals.Grade(scored.Entity, Net, Actor.For("镇政府", Binhe), GradingDay);
        Assert.Equal(Grade.Pass, graded.Entity.Grade);
        Assert.Equal(85m, graded.Entity.Total);
        Assert.Equal(AppraisalState.Graded, graded.Entity.State);
        Assert.Equal("Pass", graded.Event!.Data["grade"]);
        Snap.Match(graded.Decision);
    }

    [Fact]
    public void Art24_TheCentreItselfMayNotAppraiseTownshipStaff()
    {
        var r = Appraisals.Score(Open("W-BH1"), Net, Scores(85), Actor.For("马志强", BinheCentre), GradingDay);
        Assert.Equal(Outcome.Refused, r.Decision.Outcome);
        Assert.Equal(new Citation(24), r.Decision.Findings.Single(f => f.Code == "appraisal.unauthorised").Citation);
        Assert.Equal(AppraisalState.Open, r.Entity.State);
    }

    [Fact]
    public void Art24_PoliceStaff_NeedBothSignaturesBeforeGrading()
    {
        var scored = Appraisals.Score(Open("POL-1"), Net, Scores(92), Actor.For("所长", BinhePolice), GradingDay).Entity;
        var early = Appraisals.Grade(scored, Net, Actor.For("所长", BinhePolice), GradingDay);
        Assert.Equal(Outcome.Refused, early.Decision.Outcome);
        Assert.Contains("unit:binhe", early.Decision.Findings.Single(f => f.Code == "art24.awaiting-signature").Message.En);

        var cosigned = Appraisals.CoSign(scored, Net, Actor.For("镇政府", Binhe), GradingDay);
        Assert.Equal(Outcome.Permitted, cosigned.Decision.Outcome);
        Assert.Equal(2, cosigned.Entity.SignedBy.Count);
        Assert.Equal(Outcome.Refused, Appraisals.CoSign(cosigned.Entity, Net, Actor.For("镇政府", Binhe), GradingDay).Decision.Outcome); // no double signature

        var graded = Appraisals.Grade(cosigned.Entity, Net, Actor.For("镇政府", Binhe), GradingDay);
        Assert.Equal(Grade.Excellent, graded.Entity.Grade);
    }

    // W-HR1 is hall staff, appraised for 2022Q3 (ends 2022-09-30). Stationed 2022-03-30, six months end on the
    // period's last day: "半年以上" includes it (以上 includes the number, 《民法典》第一千二百五十九条); the "more
    // than" reading does not.
    [Theory]
    [InlineData("2022-03-29", true, "hall")]
    [InlineData("2022-03-29", false, "hall")]
    [InlineData("2022-03-30", true, "hall")]
    [InlineData("2022-03-30", false, "hrss")]
    [InlineData("2022-04-01", true, "hrss")]
    public void Art23_HallStaff_TheServiceCentreAppraisesAfterHalfAYear_OtherwiseTheHomeUnit(string stationed, bool inclusive, string appraiser)
    {
        var day = new LocalDate(2022, 10, 10);
        var lifecycle = new AppraisalLifecycle(Engine(day, PolicyOptions.Default with { HallAppraisalTenureInclusive = inclusive }));
        var on = NodaTime.Text.LocalDatePattern.Iso.Parse(stationed).Value;
        var actor = appraiser == "hall" ? Actor.For("中心", Hall) : Actor.For("人社局", HumanResources);
        var other = appraiser == "hall" ? Actor.For("人社局", HumanResources) : Actor.For("中心", Hall);
        var appraisal = new StaffAppraisal("A-Q3", new StaffId("W-HR1"), AppraisalPeriod.Quarter(2022, 3), on);
        Assert.Equal(Outcome.Permitted, lifecycle.Score(appraisal, Net, Scores(80), actor, day).Decision.Outcome);
        var wrong = lifecycle.Score(appraisal, Net, Scores(80), other, day);
        Assert.Equal(Outcome.Refused, wrong.Decision.Outcome);
        // Art. 23 names the centre for half a year or more; for the rest it is silent, and the option rests on Art. 15.
        Assert.Equal(new Citation(appraiser == "hall" ? 23 : 15), wrong.Decision.Findings.Single(f => f.Code == "appraisal.unauthorised").Citation);
    }

    [Fact]
    public void Art23_HomeUnitAppraisal_SaysWhy()
    {
        var r = Appraisals.Score(Open("W-HR1", new(2022, 11, 1)), Net, Scores(80), Actor.For("人社局", HumanResources), GradingDay);
        Assert.Contains("less than 6 months", r.Decision.Findings.Single(f => f.Code == "appraisal.appraiser").Message.En);
    }

    [Fact]
    public void Art25_VillageAgents_AreAppraisedByTheirTownship()
    {
        Assert.Equal(Outcome.Permitted, Appraisals.Score(Open("V-SL"), Net, Scores(70), Actor.For("镇政府", Binhe), GradingDay).Decision.Outcome);
        Assert.Equal(Outcome.Refused, Appraisals.Score(Open("V-SL"), Net, Scores(70), Actor.For("村委会", Shaliu), GradingDay).Decision.Outcome);
    }

    [Theory]
    [InlineData(90, Grade.Excellent)]
    [InlineData(89.99, Grade.Pass)]
    [InlineData(60, Grade.Pass)]
    [InlineData(59.99, Grade.Fail)]
    public void Art26_GradesFollowTheThresholds(decimal each, Grade expected)
    {
        var scored = Appraisals.Score(Open("W-BH1"), Net, Scores(each), Actor.For("镇政府", Binhe), GradingDay).Entity;
        Assert.Equal(expected, Appraisals.Grade(scored, Net, Actor.For("镇政府", Binhe), GradingDay).Entity.Grade);
    }

    [Fact]
    public void Art26_ScoresMustCoverTheIndicatorSet()
    {
        var missing = Scores(80);
        missing.Remove("attendance");
        var e = Assert.Throws<ArgumentException>(() => Appraisals.Score(Open("W-BH1"), Net, missing, Actor.For("镇政府", Binhe), GradingDay));
        Assert.Contains("attendance", e.Message);
        var tooHigh = Scores(80);
        tooHigh["cases"] = 101;
        Assert.Throws<ArgumentOutOfRangeException>(() => Appraisals.Score(Open("W-BH1"), Net, tooHigh, Actor.For("镇政府", Binhe), GradingDay));
    }

    [Fact]
    public void Art26_IndicatorSetsMustCoverAllFiveDimensions()
    {
        var e = Assert.Throws<ArgumentException>(() => new IndicatorSet("x", [new Indicator("cases", new("办件", "cases"), Dimension.Performance, 1)]));
        Assert.Contains("Art. 26", e.Message);
    }

    // An appraising body's own set: one indicator per dimension, the performance one weighing 6 of 10.
    private static IndicatorSet FiveIndicators(string name, string performance) => new(name,
    [
        new("integrity", new("德", "integrity"), Dimension.Integrity, 1),
        new("ability", new("能", "ability"), Dimension.Ability, 1),
        new("attendance", new("勤", "attendance"), Dimension.Diligence, 1),
        new(performance, new("绩", performance), Dimension.Performance, 6),
        new("probity", new("廉", "probity"), Dimension.Probity, 1),
    ]);

    [Fact]
    public void Art19_ATownshipsOwnIndicatorSet_IsUsed()
    {
        var binheSet = FiveIndicators("binhe-2022", "satisfaction");
        var lifecycle = new AppraisalLifecycle(Engine(GradingDay), AppraisalSchemes.Default.With(Net, Party.Of(Binhe), binheSet));
        var scores = new Dictionary<string, decimal> { ["integrity"] = 100, ["ability"] = 100, ["attendance"] = 100, ["satisfaction"] = 50, ["probity"] = 100 };
        var scored = lifecycle.Score(Open("W-BH1"), Net, scores, Actor.For("镇政府", Binhe), GradingDay).Entity;
        Assert.Equal("binhe-2022", scored.IndicatorSet);
        var graded = lifecycle.Grade(scored, Net, Actor.For("镇政府", Binhe), GradingDay).Entity;
        Assert.Equal(70m, graded.Total); // (4 × 100 + 6 × 50) / 10
    }

    // Art. 27: 政务服务中心、各乡镇要制定切实可行的考核办法 — the service centre sets its own method as the townships do.
    [Fact]
    public void Art27_TheHallsOwnIndicatorSet_IsUsedForHallStaff()
    {
        var hallSet = FiveIndicators("hall-2022", "cases");
        var lifecycle = new AppraisalLifecycle(Engine(GradingDay), AppraisalSchemes.Default.With(Net, Party.Of(Hall), hallSet));
        var scores = new Dictionary<string, decimal> { ["integrity"] = 100, ["ability"] = 100, ["attendance"] = 100, ["cases"] = 50, ["probity"] = 100 };
        var hallAppraisal = new StaffAppraisal("A-HR1", new StaffId("W-HR1"), Q4, new LocalDate(2021, 3, 1));
        var scored = lifecycle.Score(hallAppraisal, Net, scores, Actor.For("政务服务中心", Hall), GradingDay);
        Assert.Equal(Outcome.Permitted, scored.Decision.Outcome);
        Assert.Equal("hall-2022", scored.Entity.IndicatorSet);
        // A township's staff stay on the township's (here the default) set.
        Assert.Equal("window-staff-default", lifecycle.Score(Open("W-BH1"), Net, Scores(80), Actor.For("镇政府", Binhe), GradingDay).Entity.IndicatorSet);
    }

    // The monitor runs this every day: no day of the year throws, and only the quarter's last working days warn.
    [Fact]
    public void Art26_TheQuarterEndCheck_OnEveryDayOfAYear_NeverThrows_AndWarnsOnlyInTheLastFiveWorkingDays()
    {
        var lifecycle = new AppraisalLifecycle(Engine());
        var warned = new List<LocalDate>();
        for (var day = new LocalDate(2022, 1, 1); day.Year == 2022; day = day.PlusDays(1))
        {
            var d = lifecycle.CheckQuarterEnd(day, WorkCalendar.National);
            if (d.Outcome == Outcome.Warning)
            {
                warned.Add(day);
            }
            else
            {
                Assert.True(d.Has("art26.quarter-end-not-due"));
            }
        }

        Assert.Equal(20, warned.Count); // five working days in each of four quarters
        Assert.All(warned, d => Assert.True(WorkCalendar.National.IsWorkingDay(d)));
        Assert.Contains(new LocalDate(2022, 12, 30), warned);
        Assert.DoesNotContain(new LocalDate(2022, 12, 22), warned);
    }

    // Art. 27: the service centre and each township set the appraisal method; no other body's set is accepted.
    [Fact]
    public void Art27_OnlyTheHallOrATownshipMayHaveAnAppraisalMethod()
    {
        var set = new IndicatorSet("x", IndicatorSet.WindowStaffDefault.Indicators);
        Assert.Throws<ArgumentException>(() => AppraisalSchemes.Default.With(Net, Party.Of(BinhePolice), set));
        Assert.Throws<ArgumentException>(() => AppraisalSchemes.Default.With(Net, Party.Of(BinheCentre), set));
        Assert.Throws<ArgumentException>(() => AppraisalSchemes.Default.With(Net, Party.Of(HumanResources), set));
        Assert.False(AppraisalSchemes.Default.With(Net, Party.Of(Binhe), set).For(Role.TownshipWindowStaff, [Party.Of(Binhe)]) == IndicatorSet.WindowStaffDefault);
    }

    // Art. 23 gives the service centre hall staff stationed half a year or more; who appraises the others is this
    // library's documented assumption (an option), and the decision says so.
    [Theory]
    [InlineData(false, "unit:hrss")]
    [InlineData(true, "body:hall")]
    public void Art23_HallStaffUnderHalfAYear_AppraiserIsADocumentedAssumption(bool centreAppraises, string appraiser)
    {
        var lifecycle = new AppraisalLifecycle(Engine(GradingDay, PolicyOptions.Default with { ServiceCentreAppraisesNewHallStaff = centreAppraises }));
        var recent = new StaffAppraisal("A-HR1", new StaffId("W-HR1"), Q4, new LocalDate(2022, 9, 1));
        var wrong = appraiser == "unit:hrss" ? Actor.For("政务服务中心", Hall) : Actor.For("人社局", HumanResources);
        var refused = lifecycle.Score(recent, Net, Scores(80), wrong, GradingDay);
        Assert.Equal(Outcome.Refused, refused.Decision.Outcome);
        var who = refused.Decision.Findings.Single(f => f.Code == "appraisal.appraiser");
        Assert.Contains("ServiceCentreAppraisesNewHallStaff", who.Message.En);
        Assert.Contains("does not say who appraises them", who.Message.En);
        Assert.Contains(appraiser, refused.Decision.Findings.Single(f => f.Code == "appraisal.unauthorised").Message.En);
    }

    [Fact]
    public void Art23_HalfAYearIsCompleteAtTheEndOfTheCorrespondingDay()
    {
        // Stationed 2022-06-30: the half year runs 2022-07-01 … 2022-12-30 (民法典 第二百零一、二百零二条), complete by Q4's end.
        var half = new StaffAppraisal("A-HR1", new StaffId("W-HR1"), Q4, new LocalDate(2022, 6, 30));
        Assert.Equal(Outcome.Permitted, Appraisals.Score(half, Net, Scores(80), Actor.For("政务服务中心", Hall), GradingDay).Decision.Outcome);
        var shortOfIt = new StaffAppraisal("A-HR1", new StaffId("W-HR1"), Q4, new LocalDate(2022, 7, 1)); // complete on 2023-01-01
        Assert.Equal(Outcome.Refused, Appraisals.Score(shortOfIt, Net, Scores(80), Actor.For("政务服务中心", Hall), GradingDay).Decision.Outcome);
    }

    [Fact]
    public void Art23_AMissingStationingDateAtTheHall_IsAFinding_NotASilentFallback()
    {
        var unknown = new StaffAppraisal("A-HR1", new StaffId("W-HR1"), Q4);
        foreach (var actor in new[] { Actor.For("政务服务中心", Hall), Actor.For("人社局", HumanResources) })
        {
            var r = Appraisals.Score(unknown, Net, Scores(80), actor, GradingDay);
            Assert.Equal(Outcome.Refused, r.Decision.Outcome);
            Assert.Equal(Severity.Violation, r.Decision.Findings.Single(f => f.Code == "art23.stationing-date-missing").Severity);
        }
    }

    [Fact]
    public void Art28_ExcellentStaffMayBeCommended_OthersNot()
    {
        var excellent = Appraisals.Grade(Appraisals.Score(Open("W-BH1"), Net, Scores(95), Actor.For("镇政府", Binhe), GradingDay).Entity, Net, Actor.For("镇政府", Binhe), GradingDay).Entity;
        var commended = Appraisals.Commend(excellent, Net, Actor.For("镇政府", Binhe), GradingDay, "季度优秀窗口工作人员");
        Assert.True(commended.Applied);
        Assert.Equal("appraisal.commend", commended.Event!.Kind);
        var pass = Appraisals.Grade(Appraisals.Score(Open("W-BH2"), Net, Scores(75), Actor.For("镇政府", Binhe), GradingDay).Entity, Net, Actor.For("镇政府", Binhe), GradingDay).Entity;
        Assert.Equal(Outcome.Refused, Appraisals.Commend(pass, Net, Actor.For("镇政府", Binhe), GradingDay, "x").Decision.Outcome);
    }

    [Fact]
    public void Periods_ParseFormatAndChain()
    {
        Assert.Equal("2022Q4", Q4.ToString());
        Assert.Equal(Q4, AppraisalPeriod.Parse("2022q4"));
        Assert.Equal(AppraisalPeriod.Quarter(2023, 1), Q4.Next);
        Assert.Equal(Q4, AppraisalPeriod.Quarter(2023, 1).Previous);
        Assert.Equal(new LocalDate(2022, 12, 31), Q4.End);
        Assert.Equal(AppraisalPeriod.Annual(2022), AppraisalPeriod.Parse("2022"));
        Assert.Throws<FormatException>(() => AppraisalPeriod.Parse("2022Q5"));
    }
}

public class SanctionLifecycleTest
{
    private static readonly ServiceNetwork Net = Network();
    private static readonly StaffMember Window = Net.GetStaff(new StaffId("W-BH1"));
    private static readonly Actor ServiceAuthority = Actor.For("政务服务中心", Hall);

    private static StaffAppraisal Graded(AppraisalPeriod period, decimal each)
    {
        var lifecycle = new AppraisalLifecycle(Engine(period.End.PlusDays(5)));
        var township = Actor.For("镇政府", Binhe);
        var scored = lifecycle.Score(new StaffAppraisal($"A-{period}", Window.Id, period), Net, AppraisalLifecycleTest.Scores(each), township, period.End.PlusDays(5)).Entity;
        return lifecycle.Grade(scored, Net, township, period.End.PlusDays(5)).Entity;
    }

    private static SanctionOutcome Apply(LocalDate on, PolicyOptions? options, params StaffAppraisal[] history) =>
        new SanctionLifecycle(Engine(on, options), WorkCalendar.National).Apply(Window, history, Net, ServiceAuthority, on, "S-1");

    [Fact]
    public void Art29_OneFailedQuarter_IsAnAdmonitionWithARectificationDeadline()
    {
        var r = Apply(new(2022, 10, 10), null, Graded(AppraisalPeriod.Quarter(2022, 2), 80), Graded(AppraisalPeriod.Quarter(2022, 3), 50));
        Assert.NotNull(r.Admonition);
        Assert.Null(r.Recall);
        Assert.Equal(new LocalDate(2022, 11, 9), r.Admonition!.RectifyBy);
        Assert.Equal("sanction.admonition", r.Event!.Kind);
        Snap.Match(r.Decision);
    }

    [Fact]
    public void Art29_TwoConsecutiveFailedQuarters_ReturnThePerson()
    {
        var r = Apply(new(2022, 10, 10), null, Graded(AppraisalPeriod.Quarter(2022, 2), 50), Graded(AppraisalPeriod.Quarter(2022, 3), 50));
        Assert.NotNull(r.Recall);
        Assert.Equal([AppraisalPeriod.Quarter(2022, 2), AppraisalPeriod.Quarter(2022, 3)], r.Recall!.FailedPeriods);
        Assert.Equal(RecallState.Returned, r.Recall.State);
        Assert.Equal("sanction.recall", r.Event!.Kind);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void Art29_Q4ThenNextQ1_AreConsecutive_BothSettings(bool acrossYears, bool recalled)
    {
        var r = Apply(new(2023, 4, 10), PolicyOptions.Default with { ConsecutiveAcrossYears = acrossYears },
            Graded(AppraisalPeriod.Quarter(2022, 4), 55), Graded(AppraisalPeriod.Quarter(2023, 1), 58));
        Assert.Equal(recalled, r.Recall is not null);
        Assert.Equal(!recalled, r.Admonition is not null);
    }

    [Fact]
    public void Art29_FailuresWithAPassBetween_AreNotConsecutive()
    {
        var r = Apply(new(2022, 10, 10), null, Graded(AppraisalPeriod.Quarter(2022, 1), 50), Graded(AppraisalPeriod.Quarter(2022, 2), 70), Graded(AppraisalPeriod.Quarter(2022, 3), 50));
        Assert.NotNull(r.Admonition);
    }

    // After a recall the person's chain of failed quarters ends: a new stationing starts counting again (Art. 29).
    [Fact]
    public void Art29_AfterARecall_TheChainStartsAgainWithTheNextStationing()
    {
        var first = new LocalDate(2021, 3, 1);
        var second = new LocalDate(2022, 7, 1);
        var q1 = GradedFrom(AppraisalPeriod.Quarter(2022, 1), 50, first);
        var q2 = GradedFrom(AppraisalPeriod.Quarter(2022, 2), 50, first); // recalled after this quarter
        var q3 = GradedFrom(AppraisalPeriod.Quarter(2022, 3), 50, second); // stationed again, fails once
        var r = Apply(new(2022, 10, 10), null, q1, q2, q3);
        Assert.Null(r.Recall);
        Assert.NotNull(r.Admonition);
        Assert.Equal(AppraisalPeriod.Quarter(2022, 3), r.Admonition!.FailedPeriod);
        // Within one stationing the same history recalls.
        var same = Apply(new(2022, 10, 10), null, GradedFrom(AppraisalPeriod.Quarter(2022, 2), 50, second), q3);
        Assert.NotNull(same.Recall);
    }

    private static StaffAppraisal GradedFrom(AppraisalPeriod period, decimal each, LocalDate stationedOn)
    {
        var lifecycle = new AppraisalLifecycle(Engine(period.End.PlusDays(5)));
        var township = Actor.For("镇政府", Binhe);
        var scored = lifecycle.Score(new StaffAppraisal($"A-{period}", Window.Id, period, stationedOn), Net, AppraisalLifecycleTest.Scores(each), township, period.End.PlusDays(5)).Entity;
        return lifecycle.Grade(scored, Net, township, period.End.PlusDays(5)).Entity;
    }

    [Fact]
    public void Art29_OnlyTheServiceAuthoritySanctions()
    {
        var r = new SanctionLifecycle(Engine(), WorkCalendar.National).Apply(Window, [Graded(AppraisalPeriod.Quarter(2022, 3), 50)], Net, Actor.For("镇政府", Binhe), new(2022, 10, 10), "S-1");
        Assert.Equal(Outcome.Refused, r.Decision.Outcome);
        Assert.Null(r.Admonition);
        Assert.Null(r.Event);
    }

    [Fact]
    public void Art29_TwoGradedAppraisalsOfOneQuarter_AreRefusedByName()
    {
        var q3 = AppraisalPeriod.Quarter(2022, 3);
        var e = Assert.Throws<ArgumentException>(() => Apply(new(2022, 10, 10), null, Graded(q3, 50), Graded(q3, 80)));
        Assert.Equal("history", e.ParamName);
        Assert.Contains("two graded appraisals for 2022Q3", e.Message);
    }

    [Fact]
    public void Art29_PassingQuarter_NoSanction()
    {
        var r = Apply(new(2022, 10, 10), null, Graded(AppraisalPeriod.Quarter(2022, 3), 75));
        Assert.Equal(Outcome.Permitted, r.Decision.Outcome);
        Assert.Null(r.Event);
    }

    [Fact]
    public void Art29_MissingTheRectificationDeadline_IsAWarning()
    {
        var sanctions = new SanctionLifecycle(Engine(new(2022, 12, 1)), WorkCalendar.National);
        var admonition = Apply(new(2022, 10, 10), null, Graded(AppraisalPeriod.Quarter(2022, 3), 50)).Admonition!;
        Assert.Equal(Outcome.Permitted, sanctions.CheckRectification(admonition, new(2022, 11, 9)).Outcome);
        Assert.Equal(Outcome.Warning, sanctions.CheckRectification(admonition, new(2022, 11, 10)).Outcome);
        Assert.Equal(Outcome.Warning, sanctions.Rectify(admonition, new(2022, 11, 10)).Decision.Outcome);
        var onTime = sanctions.Rectify(admonition, new(2022, 11, 9));
        Assert.Equal(Outcome.Permitted, onTime.Decision.Outcome);
        Assert.Equal(Outcome.Permitted, sanctions.CheckRectification(onTime.Entity, new(2022, 12, 1)).Outcome);
    }

    [Fact]
    public void Art29_TheReplacementTakesThePostOnlyAfterTheServiceAuthorityApproves()
    {
        var sanctions = new SanctionLifecycle(Engine(new(2022, 10, 20)), WorkCalendar.National);
        var recall = Apply(new(2022, 10, 10), null, Graded(AppraisalPeriod.Quarter(2022, 2), 50), Graded(AppraisalPeriod.Quarter(2022, 3), 50)).Recall!;
        var replacement = Person("NEW", "接替者", new(1994, 4, 4), Binhe, Role.Other);
        var net = Network([replacement]);
        var nominated = sanctions.NominateReplacement(recall, new(replacement.Id, BinheCentre, Role.TownshipWindowStaff, new(2022, 10, 12)), net, Actor.For("镇政府", Binhe));
        Assert.Equal(RecallState.ReplacementNominated, nominated.Entity.State);

        var tooEarly = sanctions.TakePost(nominated.Entity, Actor.For("镇政府", Binhe), new(2022, 10, 14));
        Assert.Equal(Outcome.Refused, tooEarly.Decision.Outcome);
        Assert.Equal(new Citation(29), tooEarly.Decision.Citations.Single());

        Assert.Equal(Outcome.Refused, sanctions.ApproveReplacement(nominated.Entity, net, Actor.For("镇政府", Binhe), new(2022, 10, 14)).Decision.Outcome);
        var approved = sanctions.ApproveReplacement(nominated.Entity, net, ServiceAuthority, new(2022, 10, 14));
        Assert.Equal(RecallState.ReplacementApproved, approved.Entity.State);
        var onPost = sanctions.TakePost(approved.Entity, Actor.For("马志强", BinheCentre), new(2022, 10, 17));
        Assert.Equal(RecallState.OnPost, onPost.Entity.State);
    }

    [Fact]
    public void Art29_AReplacementWhoFailsArt4_IsRefused()
    {
        var sanctions = new SanctionLifecycle(Engine(), WorkCalendar.National);
        var recall = Apply(new(2022, 10, 10), null, Graded(AppraisalPeriod.Quarter(2022, 2), 50), Graded(AppraisalPeriod.Quarter(2022, 3), 50)).Recall!;
        var old = Person("OLD", "老同志", new(1960, 1, 1), Binhe, Role.Other);
        var r = sanctions.NominateReplacement(recall, new(old.Id, BinheCentre, Role.TownshipWindowStaff, new(2022, 10, 12)), Network([old]), Actor.For("镇政府", Binhe));
        Assert.Equal(Outcome.Refused, r.Decision.Outcome);
        Assert.True(r.Decision.Has("art4.age-limit"));
    }
}
