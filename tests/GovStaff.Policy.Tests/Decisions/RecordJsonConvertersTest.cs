using System.Text.Json;
using CsCheck;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Plugins;
using GovStaff.Policy.Regulation;
using GovStaff.Policy.Serialization;
using NodaTime;

namespace GovStaff.Policy.Tests.Decisions;

/// <summary>
/// The record writers and the ISO date writers must produce, byte for byte, what the serializer and NodaTime write
/// on their own (<see cref="GovStaffJson.Reference"/>), compact and indented, for generated records and values; and what
/// they write must read back to an equal record.
/// </summary>
public class RecordJsonConvertersTest
{
    private static readonly JsonSerializerOptions Reference = Frozen(GovStaffJson.Reference());
    private static readonly JsonSerializerOptions ReferenceIndented = Frozen(GovStaffJson.Reference(writeIndented: true));

    private static readonly Gen<Instant> AnyInstant =
        Gen.Select(Gen.Long[Instant.FromUtc(1, 1, 1, 0, 0).ToUnixTimeTicks(), Instant.FromUtc(9999, 12, 31, 23, 59).ToUnixTimeTicks()], Gen.Int[0, 3], (ticks, shape) =>
        {
            var instant = Instant.FromUnixTimeTicks(ticks);
            // Whole seconds, whole milliseconds and full precision all occur in practice.
            return shape switch
            {
                0 => Instant.FromUnixTimeSeconds(instant.ToUnixTimeSeconds()),
                1 => Instant.FromUnixTimeMilliseconds(instant.ToUnixTimeMilliseconds()),
                _ => instant,
            };
        });

    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.String[Gen.Char.AlphaNumeric, 1, 30],
        Gen.Const("乡镇民生服务中心工作人员由所属乡镇考核。"),
        Gen.Const("引号\"、反斜杠\\、换行\n与<标签>&"),
        Gen.String[Gen.Char[(char)0x4E00, (char)0x9FA5], 1, 20]);

    private static readonly Gen<Citation> AnyCitation = Gen.Int[1, RegulationCatalogue.ArticleCount].Select(a => new Citation(a));

    private static readonly Gen<Finding> AnyFinding =
        Gen.Select(Gen.Enum<Severity>(), AnyCitation.Array[1, 3], Text, Text, Gen.Bool, (severity, citations, zh, en, hasSubject) =>
            new Finding("prop." + severity.ToString().ToLowerInvariant(), severity, citations, new LocalizedText(zh, en), hasSubject ? "staff:" + en.Length : null));

    private static readonly Gen<Decision> AnyDecision =
        Gen.Select(AnyFinding.Array[1, 6], AnyInstant, Gen.Bool, Text, (findings, at, hasSubject, version) =>
            new Decision("prop.check", hasSubject ? "staff:S1" : null, findings, version, at));

    private static readonly Gen<DomainEvent> AnyEvent =
        Gen.Select(AnyDecision, Gen.Int[0, 2], Gen.Date[new DateTime(1950, 1, 1), new DateTime(2100, 12, 31)], Text.Array[0, 4], (d, actor, date, data) =>
            new DomainEvent("prop.event", "case:C1",
                actor switch { 0 => null, 1 => Actor.For("某人", new ServiceBodyId("binhe-centre")), _ => Actor.For("某人", new HomeUnitId("binhe")) },
                d.EvaluatedAt, LocalDate.FromDateTime(date), d.Citations, d.PolicyVersion, d.Findings[0].Message,
                data.Select((v, i) => (Key: $"k{i}", Value: v)).ToDictionary(x => x.Key, x => x.Value)));

    [Fact]
    public void Decisions_AreWrittenExactlyAsTheSerializerWouldWriteThem() =>
        AnyDecision.Sample(d => Same(d));

    [Fact]
    public void Events_AndTheirNotifications_AreWrittenExactlyAsTheSerializerWouldWriteThem() =>
        AnyEvent.Sample(e => Same(e) && Same(Notification.From(e)) && Same(Notification.From(e) with { MessageId = Guid.NewGuid() }));

    [Fact]
    public void InstantsAndDates_AreWrittenExactlyAsNodaTimeWritesThem()
    {
        AnyInstant.Sample(i => Same(i));
        Gen.Date[new DateTime(1, 1, 1), new DateTime(9999, 12, 31)].Sample(d => Same(LocalDate.FromDateTime(d)));
        // Outside the four-digit years the writers hand over to NodaTime.
        Assert.True(Same(Instant.FromUtc(-5, 3, 1, 12, 0)));
        Assert.True(Same(new LocalDate(-5, 3, 1)));
    }

    private static bool Same<T>(T value)
    {
        var written = JsonSerializer.Serialize(value, GovStaffJson.Options);
        var expected = JsonSerializer.Serialize(value, Reference);
        Assert.Equal(expected, written);
        Assert.Equal(JsonSerializer.Serialize(value, ReferenceIndented), JsonSerializer.Serialize(value, GovStaffJson.Indented));
        Assert.Equal(value, JsonSerializer.Deserialize<T>(written, GovStaffJson.Options));
        return true;
    }

    private static JsonSerializerOptions Frozen(JsonSerializerOptions options)
    {
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
