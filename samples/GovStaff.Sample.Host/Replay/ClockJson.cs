using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace GovStaff.Sample.Host.Replay;

/// <summary>A time of day as a person writes it in a scenario: <c>09:05</c> (or <c>09:05:30</c>).</summary>
internal sealed class ClockTimeJsonConverter : JsonConverter<LocalTime>
{
    private static readonly LocalTimePattern Short = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    public override LocalTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        var result = text is null ? null : Short.Parse(text) is { Success: true } s ? s : LocalTimePattern.ExtendedIso.Parse(text);
        return result is { Success: true } ok ? ok.Value : throw new JsonException($"'{text}' is not a time of day; write HH:mm, e.g. 09:05.");
    }

    public override void Write(Utf8JsonWriter writer, LocalTime value, JsonSerializerOptions options) => writer.WriteStringValue(Short.Format(value));
}

/// <summary>A date and time as a person writes it in a scenario: <c>2022-10-15T10:00</c> (seconds optional).</summary>
internal sealed class ClockDateTimeJsonConverter : JsonConverter<LocalDateTime>
{
    private static readonly LocalDateTimePattern Short = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");

    public override LocalDateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        var result = text is null ? null : Short.Parse(text) is { Success: true } s ? s : LocalDateTimePattern.ExtendedIso.Parse(text);
        return result is { Success: true } ok ? ok.Value : throw new JsonException($"'{text}' is not a date and time; write yyyy-MM-ddTHH:mm, e.g. 2022-10-15T10:00.");
    }

    public override void Write(Utf8JsonWriter writer, LocalDateTime value, JsonSerializerOptions options) => writer.WriteStringValue(Short.Format(value));
}
