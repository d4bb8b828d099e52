using System.Text.Json;
using System.Text.Json.Serialization;

namespace GovStaff.Policy.Organization;

/// <summary>
/// Stores a <see cref="ResidentIdNumber"/> in full (it is the record); public output masks it through
/// <see cref="ResidentIdNumber.Masked"/>.
/// </summary>
internal sealed class ResidentIdNumberJsonConverter : JsonConverter<ResidentIdNumber>
{
    /// <inheritdoc />
    public override ResidentIdNumber Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var raw = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        var error = ResidentIdNumber.Validate(raw);
        return error is null ? new ResidentIdNumber(raw!) : throw new JsonException(error);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ResidentIdNumber value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
