using GovStaff.Policy.Appraisal;
using GovStaff.Policy.Attendance;
using GovStaff.Policy.Calendars;
using GovStaff.Policy.Lifecycles;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Regulation;
using GovStaff.Policy.Service;
using GovStaff.Policy.Staffing;
using NodaTime;
using static GovStaff.Policy.Tests.Support.TestDistrict;

namespace GovStaff.Policy.Tests.Organization;

/// <summary>
/// Every row of docs/authority.md, run through the lifecycle service that enforces it: each body the row names may
/// act; a body it does not name is refused with the row's article, gets no event, and the entity is returned
/// unchanged (the same instance). Bodies chosen as "wrong" are the plausible mistakes: the neighbouring township,
/// the person's own home unit where the law gives the decision to the centre, the centre where it gives it to the
/// township.
/// </summary>
public class AuthorityThroughLifecyclesTest
{
    private static readonly LocalDate Day = new(2022, 10, 10);
    private static readonly LocalDate GradingDay = new(2023, 1, 5);
    private static readonly StaffMember Officer = Person("POL-1", "李警官", new(1988, 3, 3), BinhePolice, Role.TownshipWindowStaff, BinheCentre);
    private static readonly StaffMember Candidate = Person("NEW", "新人", new(1995, 5, 5), Binhe, Role.Other);
    private static readonly ServiceNetwork Net = Network([Officer, Candidate]);

    private static readonly Actor HallActor = Actor.For("政务服务中心", Hall);
    private static readonly Actor BinheCentreActor = Actor.For("滨河镇民生服务中心", BinheCentre);
    private static readonly Actor WenchangCentreActor = Actor.For("文昌镇民生服务中心", WenchangCentre);
    private static readonly Actor BinheActor = Actor.For("滨河镇", Binhe);
    private static readonly Actor WenchangActor = Actor.For("文昌镇", Wenchang);
    private static readonly Actor StationActor = Actor.For("滨河派出所", BinhePolice);
    private static readonly Actor HrActor = Actor.For("区人社局", HumanResources);
    private static readonly Actor ShaliuActor = Actor.For("沙溜村委会", Shaliu);
    private static readonly Actor ShaliuCentreActor = Actor.For("沙溜村便民服务中心", ShaliuVillage);

    private static readonly StationingLifecycle Stationings = new(Engine());
    private static readonly TransferLifecycle Transfers = new(Engine(), WorkCalendar.National);
    private static readonly LeaveLifecycle Leave = new(Engine(), WorkCalendar.National);
    private static readonly AppraisalLifecycle Appraisals = new(Engine(GradingDay));
    private static readonly SanctionLifecycle Sanctions = new(Engine(GradingDay), WorkCalendar.National);
    private static readonly ComplaintLifecycle Complaints = new(Engine());

    /// <summary>What one attempt returned: the decision, the entity before and after, and the event.</summary>
    private sealed record Attempt(Decision Decision, object? Before, object? After, DomainEvent? Event);

    private sealed record Row(int Article, Actor[] Allowed, Actor[] Refused, Func<Actor, Attempt> Act);

    private static Attempt From<T>(T before, LifecycleResult<T> r)
        where T : class => new(r.Decision, before, r.Entity, r.Event);

    private static readonly Dictionary<string, Row> Rows = new()
    {
        ["nominate a person"] = new(4, [BinheActor], [WenchangActor, BinheCentreActor], a =>
        {
            var s = new Stationing("S1", new Nomination(Candidate.Id, BinheCentre, Role.TownshipWindowStaff, Day));
            return From(s, Stationings.Nominate(s, Net, a));
        }),
        ["vet a nomination"] = new(4, [BinheCentreActor, HallActor], [WenchangCentreActor, BinheActor], a =>
        {
            var s = Stationings.Nominate(new Stationing("S1", new Nomination(Candidate.Id, BinheCentre, Role.TownshipWindowStaff, Day)), Net, BinheActor).Entity;
            return From(s, Stationings.Vet(s, Net, a, Day));
        }),
        ["receive the person"] = new(4, [BinheCentreActor], [HallActor, BinheActor], a =>
        {
            var s = Stationings.Nominate(new Stationing("S1", new Nomination(Candidate.Id, BinheCentre, Role.TownshipWindowStaff, Day)), Net, BinheActor).Entity;
            s = Stationings.Vet(s, Net, HallActor, Day).Entity;
            return From(s, Stationings.Station(s, Net, a, Day.PlusDays(3)));
        }),
        ["end a stationing"] = new(4, [BinheActor, BinheCentreActor, HallActor], [WenchangActor, WenchangCentreActor], a =>
        {
            var s = Stationings.Nominate(new Stationing("S1", new Nomination(Candidate.Id, BinheCentre, Role.TownshipWindowStaff, Day)), Net, BinheActor).Entity;
            s = Stationings.Station(Stationings.Vet(s, Net, HallActor, Day).Entity, Net, BinheCentreActor, Day).Entity;
            return From(s, Stationings.Leave(s, Net, a, Day.PlusDays(30), LeavingGround.OutsideTheMeasures(OutsideGround.Resignation, "滨河镇人〔2022〕40号")));
        }),
        ["request a rotation"] = new(4, [BinheActor], [BinheCentreActor, HallActor], a =>
        {
            var t = Rotation();
            return From(t, Transfers.Request(t, Net, a));
        }),
        ["replace a village agent"] = new(6, [Actor.For("沙溜村委会", Shaliu)], [BinheCentreActor, HallActor], a =>
        {
            var t = new TransferRequest("T8", new StaffId("V-SL"), TransferKind.Rotation, new LocalDate(2022, 6, 1), Day, "村委会换届");
            return From(t, Transfers.Request(t, Net, a));
        }),
        ["request a police adjustment"] = new(7, [StationActor], [BinheActor, BinheCentreActor], a =>
        {
            var t = Adjustment();
            return From(t, Transfers.Request(t, Net, a));
        }),
        ["approve a police adjustment"] = new(7, [HallActor, BinheCentreActor], [StationActor, WenchangCentreActor, BinheActor], a =>
        {
            var t = Transfers.Review(Transfers.Request(Adjustment(), Net, StationActor).Entity, Net, HallActor, Day).Entity;
            return From(t, Transfers.Approve(t, Net, a, Day));
        }),
        ["refuse a police adjustment"] = new(7, [HallActor, BinheCentreActor], [StationActor, WenchangCentreActor], a =>
        {
            var t = Transfers.Review(Transfers.Request(Adjustment(), Net, StationActor).Entity, Net, HallActor, Day).Entity;
            return From(t, Transfers.Reject(t, Net, a, Day));
        }),
        ["approve a rotation"] = new(4, [BinheCentreActor, HallActor], [BinheActor, WenchangCentreActor], a =>
        {
            var t = Transfers.Review(Transfers.Request(Rotation(), Net, BinheActor).Entity, Net, HallActor, Day).Entity;
            return From(t, Transfers.Approve(t, Net, a, Day));
        }),
        ["carry out a move"] = new(7, [StationActor], [HallActor, BinheCentreActor], a =>
        {
            var t = Approved(Adjustment(), StationActor);
            return From(t, Transfers.Execute(t, Net, a, Day.PlusDays(1)));
        }),
        ["report a move"] = new(7, [StationActor], [HallActor, BinheActor], a =>
        {
            var t = Transfers.Execute(Approved(Adjustment(), StationActor), Net, StationActor, Day.PlusDays(1)).Entity;
            return From(t, Transfers.Report(t, Net, a, Day.PlusDays(2)));
        }),
        ["approve leave of hall staff"] = new(15, [HallActor], [HrActor, BinheCentreActor], a => ApproveLeave("W-HR1", Hall, a)),
        ["approve leave of township centre staff"] = new(16, [BinheCentreActor], [BinheActor, HallActor], a => ApproveLeave("W-BH1", BinheCentre, a)),
        ["approve leave of police staff at a township centre"] = new(16, [BinheCentreActor], [StationActor, HallActor], a => ApproveLeave("POL-1", BinheCentre, a)),
        ["approve leave of a village agent"] = new(17, [BinheCentreActor, ShaliuActor], [ShaliuCentreActor, WenchangCentreActor], a => ApproveLeave("V-SL", ShaliuVillage, a)),
        ["refuse leave of township centre staff"] = new(16, [BinheCentreActor], [BinheActor, HallActor], a =>
        {
            var r = Filed("W-BH1", BinheCentre);
            return From(r, Leave.Reject(r, Net, a, Day.PlusDays(1), "人手不足"));
        }),
        ["appraise hall staff stationed half a year"] = new(23, [HallActor], [HrActor, BinheCentreActor], a =>
        {
            var o = new StaffAppraisal("A1", new StaffId("W-HR1"), AppraisalPeriod.Quarter(2022, 4), new LocalDate(2021, 9, 30));
            return From(o, Appraisals.Score(o, Net, Scores(), a, GradingDay));
        }),
        ["appraise hall staff stationed less than half a year"] = new(15, [HrActor], [HallActor, MarketActor()], a =>
        {
            var o = new StaffAppraisal("A1", new StaffId("W-HR1"), AppraisalPeriod.Quarter(2022, 4), new LocalDate(2022, 9, 1));
            return From(o, Appraisals.Score(o, Net, Scores(), a, GradingDay));
        }),
        ["appraise township centre staff"] = new(24, [BinheActor], [BinheCentreActor, WenchangActor], a =>
        {
            var o = new StaffAppraisal("A1", new StaffId("W-BH1"), AppraisalPeriod.Quarter(2022, 4));
            return From(o, Appraisals.Score(o, Net, Scores(), a, GradingDay));
        }),
        ["appraise police staff (first signature)"] = new(24, [StationActor, BinheActor], [BinheCentreActor, HallActor], a =>
        {
            var o = new StaffAppraisal("A1", Officer.Id, AppraisalPeriod.Quarter(2022, 4));
            return From(o, Appraisals.Score(o, Net, Scores(), a, GradingDay));
        }),
        ["appraise police staff (second signature)"] = new(24, [BinheActor], [BinheCentreActor, WenchangActor], a =>
        {
            var o = Appraisals.Score(new StaffAppraisal("A1", Officer.Id, AppraisalPeriod.Quarter(2022, 4)), Net, Scores(), StationActor, GradingDay).Entity;
            return From(o, Appraisals.CoSign(o, Net, a, GradingDay));
        }),
        ["appraise village agents"] = new(25, [BinheActor], [ShaliuActor, BinheCentreActor], a =>
        {
            var o = new StaffAppraisal("A1", new StaffId("V-SL"), AppraisalPeriod.Quarter(2022, 4));
            return From(o, Appraisals.Score(o, Net, Scores(), a, GradingDay));
        }),
        ["commend an excellent appraisal"] = new(28, [BinheActor], [WenchangActor, BinheCentreActor], a =>
        {
            var o = Appraisals.Score(new StaffAppraisal("A1", new StaffId("W-BH1"), AppraisalPeriod.Quarter(2022, 4)), Net, Scores(95), BinheActor, GradingDay).Entity;
            o = Appraisals.Grade(o, Net, BinheActor, GradingDay).Entity;
            return From(o, Appraisals.Commend(o, Net, a, GradingDay, "季度服务之星"));
        }),
        ["admonish or return after failed quarters"] = new(29, [HallActor], [BinheActor, BinheCentreActor], a =>
        {
            var failed = Appraisals.Grade(Appraisals.Score(new StaffAppraisal("A1", new StaffId("W-BH1"), AppraisalPeriod.Quarter(2022, 4)), Net, Scores(50), BinheActor, GradingDay).Entity, Net, BinheActor, GradingDay).Entity;
            var r = Sanctions.Apply(Net.GetStaff(new StaffId("W-BH1")), [failed], Net, a, GradingDay, "S-1");
            return new(r.Decision, null, (object?)r.Admonition ?? r.Recall, r.Event);
        }),
        ["nominate the replacement"] = new(29, [BinheActor], [HallActor, WenchangActor], a =>
        {
            var recall = Recalled();
            return From(recall, Sanctions.NominateReplacement(recall, new Nomination(Candidate.Id, BinheCentre, Role.TownshipWindowStaff, GradingDay), Net, a));
        }),
        ["approve the replacement"] = new(29, [HallActor], [BinheActor, BinheCentreActor], a =>
        {
            var recall = Sanctions.NominateReplacement(Recalled(), new Nomination(Candidate.Id, BinheCentre, Role.TownshipWindowStaff, GradingDay), Net, BinheActor).Entity;
            return From(recall, Sanctions.ApproveReplacement(recall, Net, a, GradingDay));
        }),
        ["investigate a complaint"] = new(22, [BinheCentreActor], [WenchangCentreActor, HallActor], a =>
        {
            var c = Complaints.Accept(new Complaint("K1", BinheCentre, Day, "窗口人员态度生硬"), Net, BinheCentreActor).Entity;
            return From(c, Complaints.Investigate(c, a, Day.PlusDays(1)));
        }),
        ["close a complaint"] = new(22, [BinheCentreActor], [WenchangCentreActor, HallActor, BinheActor], a =>
        {
            var c = Complaints.Accept(new Complaint("K1", BinheCentre, Day, "窗口人员态度生硬"), Net, BinheCentreActor).Entity;
            c = Complaints.Investigate(c, BinheCentreActor, Day.PlusDays(1)).Entity;
            return From(c, Complaints.FeedBack(c, "已批评教育当事人", Day.PlusDays(3), a, Day.PlusDays(3)));
        }),
    };

    public static TheoryData<string> RowNames => new(Rows.Keys);

    [Theory]
    [MemberData(nameof(RowNames))]
    public void EveryBodyTheRowNames_MayAct(string row)
    {
        foreach (var actor in Rows[row].Allowed)
        {
            var attempt = Rows[row].Act(actor);
            // A police adjustment's request takes effect as "requires approval" (Art. 7): allowed, not yet approved.
            Assert.True(attempt.Decision.Outcome != Outcome.Refused, $"{row}: {actor.Body} should be allowed; got {attempt.Decision}: {string.Join(" | ", attempt.Decision.Reasons.Select(f => f.Message.En))}");
            Assert.Contains(attempt.Decision.Findings, f => f.Code.EndsWith(".authority", StringComparison.Ordinal) && f.Severity == Severity.Satisfied);
            Assert.NotNull(attempt.Event);
            Assert.Equal(actor, attempt.Event!.Actor);
        }
    }

    [Theory]
    [MemberData(nameof(RowNames))]
    public void AnyOtherBody_IsRefusedWithTheArticle_AndNothingChanges(string row)
    {
        var spec = Rows[row];
        foreach (var actor in spec.Refused)
        {
            var attempt = spec.Act(actor);
            Assert.True(attempt.Decision.Outcome == Outcome.Refused, $"{row}: {actor.Body} should be refused; got {attempt.Decision}");
            var finding = Assert.Single(attempt.Decision.Findings, f => f.Code.EndsWith(".unauthorised", StringComparison.Ordinal));
            Assert.Equal(spec.Article, finding.Citation.Article);
            Assert.Contains(actor.Body.ToString(), finding.Message.En, StringComparison.Ordinal);
            Assert.Null(attempt.Event);
            if (attempt.Before is null)
            {
                Assert.Null(attempt.After); // nothing created
            }
            else
            {
                Assert.Same(attempt.Before, attempt.After);
            }
        }
    }

    [Fact]
    public void TheTable_HasOneCaseForEveryRowOfTheDocument()
    {
        // docs/authority.md rows name their article; every article there is exercised here.
        var doc = File.ReadAllText(Path.Combine(Support.Repo.Root, "docs", "authority.md"));
        var documented = System.Text.RegularExpressions.Regex.Matches(doc, @"\| Art\. (\d+)").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        Assert.Subset(Rows.Values.Select(r => r.Article).ToHashSet(), documented);
        Assert.Subset(documented, Rows.Values.Select(r => r.Article).ToHashSet());
    }

    private static Actor MarketActor() => Actor.For("区市场监管局", MarketRegulation);

    private static Dictionary<string, decimal> Scores(decimal each = 85) => GovStaff.Policy.Tests.Appraisal.AppraisalLifecycleTest.Scores(each);

    // W-BH1 was stationed at the Binhe centre on 2020-10-12; on 2022-10-12 the two years are up.
    private static TransferRequest Rotation() =>
        new("T1", new StaffId("W-BH1"), TransferKind.Rotation, new LocalDate(2020, 10, 12), new LocalDate(2022, 10, 13), "轮岗"); // the day after the two years

    private static TransferRequest Adjustment() =>
        new("T2", Officer.Id, TransferKind.PoliceAdjustment, new LocalDate(2020, 1, 6), Day, "工作需要");

    private static TransferRequest Approved(TransferRequest request, Actor requester)
    {
        var t = Transfers.Review(Transfers.Request(request, Net, requester).Entity, Net, HallActor, Day).Entity;
        return Transfers.Approve(t, Net, HallActor, Day).Entity;
    }

    private static LeaveRequest Filed(string staff, ServiceBodyId at) =>
        Leave.Request(new LeaveRequest("L1", new StaffId(staff), new LocalDate(2022, 10, 17), new LocalDate(2022, 10, 17), "事假", Day), Net, Actor.For(staff, at)).Entity;

    private static Attempt ApproveLeave(string staff, ServiceBodyId at, Actor actor)
    {
        var r = Filed(staff, at);
        return From(r, Leave.Approve(r, Net, [], actor, Day.PlusDays(1)));
    }

    private static Recall Recalled() =>
        new("R1", new StaffId("W-BH1"), BinheCentre, Role.TownshipWindowStaff, Binhe, [AppraisalPeriod.Quarter(2022, 3), AppraisalPeriod.Quarter(2022, 4)], GradingDay);
}
