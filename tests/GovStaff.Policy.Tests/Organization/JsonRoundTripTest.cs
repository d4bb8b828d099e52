using GovStaff.Policy.Organization;
using GovStaff.Policy.Regulation;
using GovStaff.Policy.Serialization;
using GovStaff.Policy.Staffing;
using GovStaff.Policy.Tests.Support;
using NodaTime;
using System.Text.Json;
using static GovStaff.Policy.Tests.Support.TestDistrict;

namespace GovStaff.Policy.Tests.Organization;

public class JsonRoundTripTest
{
    private static T RoundTrip<T>(T value)
    {
        var json = GovStaffJson.Serialize(value);
        return GovStaffJson.Deserialize<T>(json);
    }

    [Fact]
    public void EveryEntity_RoundTrips()
    {
        foreach (var body in Bodies)
        {
            Assert.Equal(body, RoundTrip(body));
        }

        foreach (var unit in Units)
        {
            Assert.Equal(unit, RoundTrip(unit));
        }

        foreach (var staff in Staff)
        {
            Assert.Equal(staff, RoundTrip(staff));
        }

        foreach (var post in Posts)
        {
            Assert.Equal(post, RoundTrip(post));
        }

        var withId = Staff[0] with { ResidentId = new ResidentIdNumber(ValidId()) };
        Assert.Equal(withId, RoundTrip(withId));
    }

    [Fact]
    public void Network_RoundTrips()
    {
        var network = Network();
        var back = RoundTrip(network);
        Assert.Equal(network.Staff, back.Staff);
        Assert.Equal(network.Bodies, back.Bodies);
        Assert.Equal(network.HomeUnits, back.HomeUnits);
        Assert.Equal(network.Posts, back.Posts);
        Assert.Equal(network.AsOf, back.AsOf);
    }

    [Fact]
    public void Decision_RoundTripsAndKeepsChineseReadable()
    {
        var decision = new StaffingRules(Engine()).VetNomination(
            new Nomination(new StaffId("W-BH1"), BinheCentre, Role.TownshipWindowStaff, AsOf), Network());
        var json = GovStaffJson.Serialize(decision);
        Assert.Contains("第四条", json);
        Assert.Contains("\"outcome\":\"permitted\"", json);
        Assert.Equal(decision, GovStaffJson.Deserialize<Decision>(json));
    }

    [Fact]
    public void Nomination_RoundTrips()
    {
        var n = new Nomination(new StaffId("W-BH1"), BinheCentre, Role.TownshipWindowStaff, AsOf, AsOf.PlusDays(7));
        Assert.Equal(n, RoundTrip(n));
    }

    [Fact]
    public void PolicyVersion_RoundTrips()
    {
        var v = new PolicyVersion("v2", new LocalizedText("标题", "Title"), new LocalDate(2024, 1, 1), null, PolicyOptions.Default with { AgeLimitYears = 40 });
        Assert.Equal(v, RoundTrip(v));
    }

    [Fact]
    public void Citation_ReadsStringsToo()
    {
        Assert.Equal(new Citation(12, 5), GovStaffJson.Deserialize<Citation>("\"第十二条第（五）项\""));
        Assert.Equal(new Citation(12, 5), GovStaffJson.Deserialize<Citation>("\"Art. 12(5)\""));
        Assert.Throws<JsonException>(() => GovStaffJson.Deserialize<Citation>("\"Art. 99\""));
        Assert.Throws<JsonException>(() => GovStaffJson.Deserialize<Citation>("{\"zh\":\"第四条\",\"en\":\"Art. 5\"}"));
    }

    [Fact]
    public void InvalidJson_FailsWithTheReason()
    {
        var e = Assert.Throws<JsonException>(() => GovStaffJson.Deserialize<StaffMember>(
            """{"id":"has space","name":"张三","birthDate":"1990-01-01","homeUnitId":"binhe","role":"townshipWindowStaff"}"""));
        Assert.Contains("white space", e.Message);
        var unknown = Assert.Throws<JsonException>(() => GovStaffJson.Deserialize<HomeUnit>(
            """{"id":"x","kind":"township","name":"某镇","colour":"red"}"""));
        Assert.Contains("colour", unknown.Message);
        Assert.ThrowsAny<Exception>(() => GovStaffJson.Deserialize<StaffMember>(
            """{"id":"x","name":"","birthDate":"1990-01-01","homeUnitId":"binhe","role":"townshipWindowStaff"}"""));
    }

    private static string ValidId()
    {
        // 640502 (沙坡头区) + 19750301 + 001 + check digit, computed here so the test data is a valid number.
        const string body = "64050219750301001";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }
}
