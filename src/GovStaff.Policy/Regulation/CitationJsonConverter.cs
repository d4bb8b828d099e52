using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GovStaff.Policy.Regulation;

/// <summary>
/// Writes a <see cref="Citation"/> as <c>{"zh":"第十二条第（五）项","en":"Art. 12(5)"}</c> so stored decisions show an
/// official the Chinese form; reads that object or a plain string in either form.
/// </summary>
internal sealed class CitationJsonConverter : JsonConverter<Citation>
{
    private static readonly JsonEncodedText Zh = JsonEncodedText.Encode("zh");
    private static readonly JsonEncodedText En = JsonEncodedText.Encode("en");

    /// <inheritdoc />
    public override Citation Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return Parse(reader.GetString());
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A citation is a string such as \"Art. 12(5)\" or an object {\"zh\", \"en\"}.");
        }

        string? zh = null, en = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "zh": zh = reader.GetString(); break;
                case "en": en = reader.GetString(); break;
                default: throw new JsonException($"Unknown citation field '{name}'; expected \"zh\" and \"en\".");
            }
        }

        var citation = Parse(en ?? zh);
        if (zh is not null && en is not null && Parse(zh) != citation)
        {
            throw new JsonException($"The citation's zh '{zh}' and en '{en}' disagree.");
        }

        return citation;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Citation value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (ReferenceEquals(writer.Options.Encoder, JavaScriptEncoder.UnsafeRelaxedJsonEscaping))
        {
            // The library's own encoder: every recorded finding cites, so each provision's texts are encoded once.
            var (zh, en) = value.Rendered.Json;
            writer.WriteString(Zh, zh);
            writer.WriteString(En, en);
        }
        else
        {
            writer.WriteString(Zh, value.ToChinese());
            writer.WriteString(En, value.ToEnglish());
        }

        writer.WriteEndObject();
    }

    private static Citation Parse(string? text) =>
        Citation.TryParse(text, out var c) ? c : throw new JsonException($"'{text}' is not a citation of an existing article or item.");
}
