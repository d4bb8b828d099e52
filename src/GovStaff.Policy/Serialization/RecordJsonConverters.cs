using System.Text.Json;
using System.Text.Json.Serialization;
using GovStaff.Policy.Decisions;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Plugins;
using GovStaff.Policy.Regulation;
using NodaTime;

namespace GovStaff.Policy.Serialization;

/// <summary>
/// Writers for the three records every recorded action stores — its <see cref="Decision"/>, its
/// <see cref="DomainEvent"/> and its <see cref="Notification"/> — straight to the <see cref="Utf8JsonWriter"/>.
/// </summary>
/// <remarks>
/// <para>
/// The serializer's object converter costs more than the rules on these records (RecordSerializationBenchmarks), and
/// its source-generated fast path is not open to options with custom converters and an encoder, which these need.
/// The writers produce what the serializer writes on its own — same names, same order, nulls left out — and every
/// value that has a converter (instants, dates, enums, ids, citations) is written by the converter the options hold
/// for its type. <c>RecordJsonConvertersTest</c> compares the two byte for byte over generated records.
/// </para>
/// <para>Reading is left to the serializer: the converters hand it to the same options without themselves.</para>
/// </remarks>
internal static class RecordJsonConverters
{
    /// <summary>Adds the three writers to <paramref name="options"/>; <paramref name="plain"/> (the same without them) reads.</summary>
    public static void AddTo(JsonSerializerOptions options, JsonSerializerOptions plain)
    {
        var values = new Values();
        options.Converters.Insert(0, new DecisionConverter(plain, values));
        options.Converters.Insert(0, new DomainEventConverter(plain, values));
        options.Converters.Insert(0, new NotificationConverter(plain, values));
    }

    private static void WriteText(Utf8JsonWriter writer, JsonEncodedText name, LocalizedText text)
    {
        writer.WriteStartObject(name);
        writer.WriteString(N.Zh, text.Zh);
        writer.WriteString(N.En, text.En);
        writer.WriteEndObject();
    }

    // Property names encoded once, as the serializer does for its own metadata.
    private static class N
    {
        public static readonly JsonEncodedText Action = JsonEncodedText.Encode("action");
        public static readonly JsonEncodedText ActionDate = JsonEncodedText.Encode("actionDate");
        public static readonly JsonEncodedText Actor = JsonEncodedText.Encode("actor");
        public static readonly JsonEncodedText Citations = JsonEncodedText.Encode("citations");
        public static readonly JsonEncodedText Code = JsonEncodedText.Encode("code");
        public static readonly JsonEncodedText Data = JsonEncodedText.Encode("data");
        public static readonly JsonEncodedText En = JsonEncodedText.Encode("en");
        public static readonly JsonEncodedText EvaluatedAt = JsonEncodedText.Encode("evaluatedAt");
        public static readonly JsonEncodedText Findings = JsonEncodedText.Encode("findings");
        public static readonly JsonEncodedText HomeUnit = JsonEncodedText.Encode("homeUnit");
        public static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
        public static readonly JsonEncodedText OccurredAt = JsonEncodedText.Encode("occurredAt");
        public static readonly JsonEncodedText Outcome = JsonEncodedText.Encode("outcome");
        public static readonly JsonEncodedText Person = JsonEncodedText.Encode("person");
        public static readonly JsonEncodedText PolicyVersion = JsonEncodedText.Encode("policyVersion");
        public static readonly JsonEncodedText Recipients = JsonEncodedText.Encode("recipients");
        public static readonly JsonEncodedText MessageId = JsonEncodedText.Encode("messageId");
        public static readonly JsonEncodedText ServiceBody = JsonEncodedText.Encode("serviceBody");
        public static readonly JsonEncodedText Severity = JsonEncodedText.Encode("severity");
        public static readonly JsonEncodedText Subject = JsonEncodedText.Encode("subject");
        public static readonly JsonEncodedText Zh = JsonEncodedText.Encode("zh");
        public static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");
        public static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
        public static readonly JsonEncodedText Body = JsonEncodedText.Encode("body");
    }

    /// <summary>The options' converters for the values inside the records, looked up on first use.</summary>
    private sealed class Values
    {
        private JsonConverter<Instant>? _instant;
        private JsonConverter<LocalDate>? _date;
        private JsonConverter<Citation>? _citation;
        private JsonConverter<Outcome>? _outcome;
        private JsonConverter<Severity>? _severity;
        private JsonConverter<ServiceBodyId>? _body;
        private JsonConverter<HomeUnitId>? _unit;

        public void Write(Utf8JsonWriter writer, JsonEncodedText name, Instant value, JsonSerializerOptions options) =>
            Write(writer, name, value, options, ref _instant);

        public void Write(Utf8JsonWriter writer, JsonEncodedText name, LocalDate value, JsonSerializerOptions options) =>
            Write(writer, name, value, options, ref _date);

        public void Write(Utf8JsonWriter writer, JsonEncodedText name, Outcome value, JsonSerializerOptions options) =>
            Write(writer, name, value, options, ref _outcome);

        public void Write(Utf8JsonWriter writer, JsonEncodedText name, Severity value, JsonSerializerOptions options) =>
            Write(writer, name, value, options, ref _severity);

        public void Write(Utf8JsonWriter writer, JsonEncodedText name, ServiceBodyId value, JsonSerializerOptions options) =>
            Write(writer, name, value, options, ref _body);

        public void Write(Utf8JsonWriter writer, JsonEncodedText name, HomeUnitId value, JsonSerializerOptions options) =>
            Write(writer, name, value, options, ref _unit);

        public void WriteCitations(Utf8JsonWriter writer, IReadOnlyList<Citation> citations, JsonSerializerOptions options)
        {
            var converter = _citation ??= (JsonConverter<Citation>)options.GetConverter(typeof(Citation));
            writer.WriteStartArray(N.Citations);
            for (var i = 0; i < citations.Count; i++)
            {
                converter.Write(writer, citations[i], options);
            }

            writer.WriteEndArray();
        }

        private static void Write<T>(Utf8JsonWriter writer, JsonEncodedText name, T value, JsonSerializerOptions options, ref JsonConverter<T>? converter)
        {
            writer.WritePropertyName(name);
            (converter ??= (JsonConverter<T>)options.GetConverter(typeof(T))).Write(writer, value, options);
        }
    }

    /// <summary>Reads with the options that do not hold the writers: the serializer's own reading.</summary>
    private abstract class RecordConverter<T>(JsonSerializerOptions plain) : JsonConverter<T>
    {
        public sealed override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            JsonSerializer.Deserialize<T>(ref reader, plain)!;
    }

    private sealed class DecisionConverter(JsonSerializerOptions plain, Values values) : RecordConverter<Decision>(plain)
    {
        public override void Write(Utf8JsonWriter writer, Decision value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteString(N.Action, value.Action);
            if (value.Subject is not null)
            {
                writer.WriteString(N.Subject, value.Subject);
            }

            values.Write(writer, N.Outcome, value.Outcome, options);
            writer.WriteStartArray(N.Findings);
            var findings = value.Findings;
            for (var i = 0; i < findings.Count; i++)
            {
                var f = findings[i];
                writer.WriteStartObject();
                writer.WriteString(N.Code, f.Code);
                values.Write(writer, N.Severity, f.Severity, options);
                values.WriteCitations(writer, f.Citations, options);
                WriteText(writer, N.Message, f.Message);
                if (f.Subject is not null)
                {
                    writer.WriteString(N.Subject, f.Subject);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteString(N.PolicyVersion, value.PolicyVersion);
            values.Write(writer, N.EvaluatedAt, value.EvaluatedAt, options);
            writer.WriteEndObject();
        }
    }

    private sealed class DomainEventConverter(JsonSerializerOptions plain, Values values) : RecordConverter<DomainEvent>(plain)
    {
        public override void Write(Utf8JsonWriter writer, DomainEvent value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteString(N.Kind, value.Kind);
            writer.WriteString(N.Subject, value.Subject);
            if (value.Actor is { } actor)
            {
                writer.WriteStartObject(N.Actor);
                writer.WriteString(N.Person, actor.Person);
                if (actor.ServiceBody is { } body)
                {
                    values.Write(writer, N.ServiceBody, body, options);
                }

                if (actor.HomeUnit is { } unit)
                {
                    values.Write(writer, N.HomeUnit, unit, options);
                }

                writer.WriteEndObject();
            }

            values.Write(writer, N.OccurredAt, value.OccurredAt, options);
            values.Write(writer, N.ActionDate, value.ActionDate, options);
            values.WriteCitations(writer, value.Citations, options);
            writer.WriteString(N.PolicyVersion, value.PolicyVersion);
            WriteText(writer, N.Message, value.Message);
            writer.WriteStartObject(N.Data);
            if (value.Data is EventData data)
            {
                // The library's own details: read in place rather than through an enumerator object.
                for (var i = 0; i < data.Count; i++)
                {
                    var (key, text) = data.At(i);
                    writer.WriteString(key, text);
                }
            }
            else
            {
                foreach (var (key, text) in value.Data)
                {
                    writer.WriteString(key, text);
                }
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }
    }

    private sealed class NotificationConverter(JsonSerializerOptions plain, Values values) : RecordConverter<Notification>(plain)
    {
        public override void Write(Utf8JsonWriter writer, Notification value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteString(N.Kind, value.Kind);
            writer.WriteString(N.Subject, value.Subject);
            WriteText(writer, N.Title, value.Title);
            WriteText(writer, N.Body, value.Body);
            values.Write(writer, N.OccurredAt, value.OccurredAt, options);
            writer.WriteStartArray(N.Recipients);
            foreach (var r in value.Recipients)
            {
                writer.WriteStringValue(r);
            }

            writer.WriteEndArray();
            if (value.MessageId is { } id)
            {
                writer.WriteString(N.MessageId, id);
            }

            writer.WriteEndObject();
        }
    }
}
