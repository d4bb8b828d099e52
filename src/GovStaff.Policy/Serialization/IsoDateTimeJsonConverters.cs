using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;

namespace GovStaff.Policy.Serialization;

/// <summary>
/// Writes instants and dates in exactly NodaTime's ISO patterns (<c>InstantPattern.ExtendedIso</c>,
/// <c>LocalDatePattern.Iso</c>) straight into the writer; reading, and years outside 1–9999 or other calendars, go to
/// NodaTime's own converters.
/// </summary>
/// <remarks>
/// Every recorded action writes two to four of these, and NodaTime's pattern engine formats through a string builder.
/// <c>RecordJsonConvertersTest</c> compares the output with NodaTime's converters over generated values.
/// </remarks>
internal static class IsoDateTimeJsonConverters
{
    /// <summary>Puts the writers in front of the NodaTime converters already in <paramref name="options"/>.</summary>
    public static void AddTo(JsonSerializerOptions options)
    {
        var instant = (JsonConverter<Instant>)options.Converters.First(c => c.CanConvert(typeof(Instant)));
        var date = (JsonConverter<LocalDate>)options.Converters.First(c => c.CanConvert(typeof(LocalDate)));
        options.Converters.Insert(0, new InstantConverter(instant));
        options.Converters.Insert(0, new LocalDateConverter(date));
    }

    private static readonly int UnixEpochDayNumber = new DateOnly(1970, 1, 1).DayNumber;

    private static void WriteDate(Span<byte> to, int year, int month, int day)
    {
        Digits(to, 0, year, 4);
        to[4] = (byte)'-';
        Digits(to, 5, month, 2);
        to[7] = (byte)'-';
        Digits(to, 8, day, 2);
    }

    private static void Digits(Span<byte> to, int at, int value, int width)
    {
        for (var i = at + width - 1; i >= at; i--)
        {
            to[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }

    private sealed class InstantConverter(JsonConverter<Instant> noda) : JsonConverter<Instant>
    {
        public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            noda.Read(ref reader, typeToConvert, options);

        public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options)
        {
            // Days and nanoseconds since the epoch, split once: going through a zoned value computed the date per field.
            var sinceEpoch = value - NodaConstants.UnixEpoch;
            long days = sinceEpoch.Days;
            var nanoOfDay = sinceEpoch.NanosecondOfDay;
            if (nanoOfDay < 0)
            {
                days--;
                nanoOfDay += NodaConstants.NanosecondsPerDay;
            }

            var dayNumber = days + UnixEpochDayNumber;
            if (dayNumber < 0 || dayNumber > DateOnly.MaxValue.DayNumber)
            {
                noda.Write(writer, value, options);
                return;
            }

            // uuuu-MM-ddTHH:mm:ss, then .fffffffff without trailing zeros when there is a fraction, then Z.
            var (year, month, day) = DateOnly.FromDayNumber((int)dayNumber);
            var secondOfDay = (int)(nanoOfDay / NodaConstants.NanosecondsPerSecond);
            Span<byte> text = stackalloc byte[30];
            WriteDate(text, year, month, day);
            text[10] = (byte)'T';
            Digits(text, 11, secondOfDay / 3600, 2);
            text[13] = (byte)':';
            Digits(text, 14, secondOfDay / 60 % 60, 2);
            text[16] = (byte)':';
            Digits(text, 17, secondOfDay % 60, 2);
            var n = 19;
            var nanos = (int)(nanoOfDay % NodaConstants.NanosecondsPerSecond);
            if (nanos != 0)
            {
                text[n++] = (byte)'.';
                var width = 9;
                while (nanos % 10 == 0)
                {
                    nanos /= 10;
                    width--;
                }

                Digits(text, n, nanos, width);
                n += width;
            }

            text[n++] = (byte)'Z';
            writer.WriteStringValue(text[..n]);
        }
    }

    private sealed class LocalDateConverter(JsonConverter<LocalDate> noda) : JsonConverter<LocalDate>
    {
        public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            noda.Read(ref reader, typeToConvert, options);

        public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options)
        {
            if (value.Year is < 1 or > 9999 || value.Calendar != CalendarSystem.Iso)
            {
                noda.Write(writer, value, options);
                return;
            }

            Span<byte> text = stackalloc byte[10];
            WriteDate(text, value.Year, value.Month, value.Day);
            writer.WriteStringValue(text);
        }
    }
}
