using System.Text.Json;
using System.Text.Json.Serialization;

namespace GovStaff.Policy.Calendars;

/// <summary>Writes an <see cref="AppraisalPeriod"/> as <c>"2022Q4"</c>.</summary>
internal sealed class AppraisalPeriodJsonConverter : JsonConverter<AppraisalPeriod>
{
    /// <inheritdoc />
    public override AppraisalPeriod Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        try
        {
            return AppraisalPeriod.Parse(reader.GetString() ?? string.Empty);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            throw new JsonException(e.Message, e);
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, AppraisalPeriod value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
