using GovStaff.Policy.Appraisal;
using GovStaff.Policy.Attendance;
using GovStaff.Policy.Calendars;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Serialization;
using GovStaff.Policy.Staffing;
using NodaTime;
using static GovStaff.Policy.Tests.Support.TestDistrict;

namespace GovStaff.Policy.Tests.Lifecycles;

/// <summary>Every lifecycle entity and event, mid-lifecycle, survives a JSON round trip: stores keep them as JSON.</summary>
public class LifecycleJsonTest
{
    private static T RoundTrip<T>(T value) => GovStaffJson.Deserialize<T>(GovStaffJson.Serialize(value));

    [Fact]
    public void LeaveRequest_AndItsEvent_RoundTrip()
    {
        var leave = new LeaveLifecycle(Engine(), WorkCalendar.National);
        var filed = leave.Request(new LeaveRequest("L1", new StaffId("W-BH1"), new(2022, 10, 17), new(2022, 10, 18), "事假", new(2022, 10, 12)), Network(), Actor.For("周敏", BinheCentre)).Entity;
        var approved = leave.Approve(filed, Network(), [], Actor.For("马志强", BinheCentre), new(2022, 10, 13));
        var started = leave.Start(approved.Entity, new(2022, 10, 17)).Entity;
        Assert.Equal(started, RoundTrip(started));
        Assert.Equal(LeaveState.OnLeave, RoundTrip(started).State);
        Assert.Equal(approved.Event, RoundTrip(approved.Event));
        Assert.Equal(approved.Decision, RoundTrip(approved.Decision));
    }

    [Fact]
    public void TransferRequest_RoundTrips()
    {
        var transfers = new TransferLifecycle(Engine(), WorkCalendar.National);
        var t = transfers.Request(new TransferRequest("T1", new StaffId("W-BH1"), TransferKind.Rotation, new(2020, 1, 6), new(2022, 10, 10), "轮岗"), Network(), Actor.For("镇", Binhe)).Entity;
        t = transfers.Review(t, Network(), Actor.For("中心", Hall), new(2022, 10, 11)).Entity;
        t = transfers.Approve(t, Network(), Actor.For("中心", Hall), new(2022, 10, 12)).Entity;
        Assert.Equal(t, RoundTrip(t));
        Assert.Equal(Actor.For("中心", Hall), RoundTrip(t).DecidedBy);
    }

    [Fact]
    public void Stationing_RoundTrips()
    {
        var s = new Stationing("S1", new Nomination(new StaffId("W-BH1"), BinheCentre, Role.TownshipWindowStaff, AsOf));
        var vetted = new StationingLifecycle(Engine()).Vet(s, Network(), Actor.For("中心", Hall), AsOf).Entity;
        Assert.Equal(vetted, RoundTrip(vetted));
    }

    [Fact]
    public void Appraisal_Admonition_AndRecall_RoundTrip()
    {
        var lifecycle = new AppraisalLifecycle(Engine(new(2023, 1, 5)));
        var scores = IndicatorSet.WindowStaffDefault.Indicators.ToDictionary(i => i.Code, _ => 50m);
        var township = Actor.For("镇", Binhe);
        var graded = lifecycle.Grade(lifecycle.Score(new StaffAppraisal("A1", new StaffId("W-BH1"), AppraisalPeriod.Quarter(2022, 4)), Network(), scores, township, new(2023, 1, 5)).Entity, Network(), township, new(2023, 1, 5)).Entity;
        Assert.Equal(graded, RoundTrip(graded));
        Assert.Contains("\"period\":\"2022Q4\"", GovStaffJson.Serialize(graded));

        var previous = graded with { };
        var q3 = lifecycle.Grade(lifecycle.Score(new StaffAppraisal("A0", new StaffId("W-BH1"), AppraisalPeriod.Quarter(2022, 3)), Network(), scores, township, new(2023, 1, 5)).Entity, Network(), township, new(2023, 1, 5)).Entity;
        var sanctions = new SanctionLifecycle(Engine(new(2023, 1, 6)), WorkCalendar.National);
        var recall = sanctions.Apply(Network().GetStaff(new StaffId("W-BH1")), [q3, previous], Network(), Actor.For("中心", Hall), new(2023, 1, 6), "R1").Recall!;
        Assert.Equal(recall, RoundTrip(recall));
        var admonition = sanctions.Apply(Network().GetStaff(new StaffId("W-BH1")), [previous], Network(), Actor.For("中心", Hall), new(2023, 1, 6), "AD1").Admonition!;
        Assert.Equal(admonition, RoundTrip(admonition));
    }
}
