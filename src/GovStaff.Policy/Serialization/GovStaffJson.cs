using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace GovStaff.Policy.Serialization;

/// <summary>
/// The JSON settings for every entity, decision and event of the library: System.Text.Json with NodaTime's ISO
/// formats, camelCase names, enums as strings, ids as plain strings and Chinese text unescaped.
/// </summary>
public static class GovStaffJson
{
    /// <summary>Shared options; indented output is available through <see cref="Indented"/>.</summary>
    public static JsonSerializerOptions Options { get; } = Frozen(writeIndented: false);

    /// <summary>The same options, indented for people (reports, snapshots).</summary>
    public static JsonSerializerOptions Indented { get; } = Frozen(writeIndented: true);

    /// <summary>Creates a fresh, writable copy of the options, to extend (add converters, change naming).</summary>
    /// <param name="writeIndented">Indent the output.</param>
    public static JsonSerializerOptions Create(bool writeIndented = false)
    {
        var options = Reference(writeIndented);
        IsoDateTimeJsonConverters.AddTo(options);
        return options;
    }

    /// <summary>
    /// The options with the serializer's and NodaTime's own converters only: what the record writers and the ISO date
    /// writers must reproduce byte for byte (their tests compare against it).
    /// </summary>
    internal static JsonSerializerOptions Reference(bool writeIndented = false)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = writeIndented,
            // Chinese text stays readable in stored JSON; the output is data, never embedded in HTML unescaped.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new StronglyTypedIdJsonConverterFactory());
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        return options;
    }

    // The shared instances also hold the record writers (RecordJsonConverters) for decisions, events and notifications.
    // Copies made by Create leave them out, so a caller who changes naming or null handling gets the serializer's own
    // output for those records too.
    private static JsonSerializerOptions Frozen(bool writeIndented)
    {
        var plain = Create(writeIndented);
        plain.MakeReadOnly(populateMissingResolver: true);
        var options = Create(writeIndented);
        RecordJsonConverters.AddTo(options, plain);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Serialises a value with <see cref="Options"/>.</summary>
    public static string Serialize<T>(T value, bool indented = false) =>
        JsonSerializer.Serialize(value, indented ? Indented : Options);

    /// <summary>Deserialises a value with <see cref="Options"/>.</summary>
    /// <exception cref="JsonException">The JSON is malformed or does not fit the type; the message names the path.</exception>
    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"The JSON holds null where a {typeof(T).Name} was expected.");
}
