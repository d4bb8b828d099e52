using System.Globalization;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace GovStaff.Policy.Calendars;

/// <summary>
/// Reads holiday arrangements: the library's own line format (docs/calendars.md) and the holiday-cn JSON format
/// (<c>{"year": 2027, "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true}]}</c>).
/// </summary>
/// <remarks>Every error is a <see cref="CalendarDataException"/> naming the file, the line and the field.</remarks>
public static class HolidayDataReader
{
    private const int MaxRangeDays = 62;

    /// <summary>Reads a file, choosing the format by extension: <c>.json</c> is holiday-cn, anything else the line format.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="CalendarDataException">The file is malformed, or cannot be read.</exception>
    public static IReadOnlyList<HolidayYear> ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CalendarDataException(path, null, "file", "cannot be read: " + e.Message, e);
        }

        return path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            ? [ReadHolidayCnJson(text, path)]
            : ReadText(text, path);
    }

    /// <summary>Reads the library's line format.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="fileName">The name to put in error messages and <see cref="HolidayYear.Source"/>.</param>
    /// <exception cref="CalendarDataException">A line is malformed.</exception>
    public static IReadOnlyList<HolidayYear> ReadText(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var years = new List<HolidayYear>();
        int? year = null;
        var entries = new List<HolidayEntry>();
        var seen = new HashSet<LocalDate>();

        void Flush()
        {
            if (year is { } y)
            {
                years.Add(new HolidayYear(y, entries.ToArray(), fileName));
            }

            entries.Clear();
            seen.Clear();
        }

        var lineNo = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNo++;
            var hash = rawLine.IndexOf('#', StringComparison.Ordinal);
            var line = (hash >= 0 ? rawLine[..hash] : rawLine).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var tokens = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (tokens[0] == "year")
            {
                if (tokens.Length != 2 || !int.TryParse(tokens[1], NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y < 1900 || y > 2200)
                {
                    throw new CalendarDataException(fileName, lineNo, "year", $"expected 'year YYYY' (1900–2200); got '{line}'.");
                }

                Flush();
                if (years.Any(x => x.Year == y))
                {
                    throw new CalendarDataException(fileName, lineNo, "year", $"year {y} appears twice.");
                }

                year = y;
                continue;
            }

            if (year is null)
            {
                throw new CalendarDataException(fileName, lineNo, "year", "a holiday line comes before any 'year YYYY' line.");
            }

            var name = tokens[0];
            bool? off = null;
            var any = false;
            for (var i = 1; i < tokens.Length; i++)
            {
                switch (tokens[i])
                {
                    case "off": off = true; continue;
                    case "work": off = false; continue;
                }

                if (off is null)
                {
                    throw new CalendarDataException(fileName, lineNo, "kind", $"expected 'off' or 'work' after the name '{name}'; got '{tokens[i]}'.");
                }

                foreach (var date in ParseDates(tokens[i], year.Value, fileName, lineNo))
                {
                    if (!seen.Add(date))
                    {
                        throw new CalendarDataException(fileName, lineNo, "date", $"{date:yyyy-MM-dd} is listed twice in year {year}.");
                    }

                    entries.Add(new HolidayEntry(date, off.Value, name));
                    any = true;
                }
            }

            if (!any)
            {
                throw new CalendarDataException(fileName, lineNo, "date", $"'{name}' lists no dates; expected '<name> off <dates> [work <dates>]'.");
            }
        }

        Flush();
        return years;
    }

    /// <summary>Reads one year in the holiday-cn JSON format.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="fileName">The name to put in error messages.</param>
    /// <exception cref="CalendarDataException">The JSON is malformed, a field is missing or of the wrong type, or a date is invalid.</exception>
    public static HolidayYear ReadHolidayCnJson(string json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(json);
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        long Line(in Utf8JsonReader r) => 1 + bytes.AsSpan(0, (int)r.TokenStartIndex).Count((byte)'\n');
        CalendarDataException Error(in Utf8JsonReader r, string field, string problem) => new(fileName, Line(r), field, problem);

        try
        {
            int? year = null;
            var entries = new List<HolidayEntry>();
            var daysLine = 0L;
            Read(ref reader);
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw Error(reader, "$", "the file must hold one JSON object.");
            }

            while (Read(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
            {
                var property = reader.GetString();
                Read(ref reader);
                switch (property)
                {
                    case "year":
                        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var y) || y < 1900 || y > 2200)
                        {
                            throw Error(reader, "year", "must be a whole number between 1900 and 2200.");
                        }

                        year = y;
                        break;
                    case "days":
                        if (reader.TokenType != JsonTokenType.StartArray)
                        {
                            throw Error(reader, "days", "must be an array.");
                        }

                        daysLine = Line(reader);
                        var index = 0;
                        while (Read(ref reader) && reader.TokenType != JsonTokenType.EndArray)
                        {
                            entries.Add(ReadDay(ref reader, index++));
                        }

                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            if (year is null)
            {
                throw new CalendarDataException(fileName, null, "year", "is missing.");
            }

            if (daysLine == 0)
            {
                throw new CalendarDataException(fileName, null, "days", "is missing.");
            }

            var duplicate = entries.GroupBy(e => e.Date).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw new CalendarDataException(fileName, daysLine, "days", $"{duplicate.Key:yyyy-MM-dd} is listed twice.");
            }

            var outside = entries.FirstOrDefault(e => !InNoticeRange(e.Date, year.Value));
            if (outside != default)
            {
                throw new CalendarDataException(fileName, daysLine, "days.date", $"{outside.Date:yyyy-MM-dd} is outside the notice's year {year} (its December before is allowed).");
            }

            return new HolidayYear(year.Value, entries.OrderBy(e => e.Date).ToArray(), fileName);
        }
        catch (JsonException e)
        {
            throw new CalendarDataException(fileName, e.LineNumber + 1, e.Path ?? "$", "malformed JSON: " + e.Message, e);
        }

        HolidayEntry ReadDay(ref Utf8JsonReader r, int index)
        {
            var at = $"days[{index}]";
            if (r.TokenType != JsonTokenType.StartObject)
            {
                throw Error(r, at, "must be an object with name, date and isOffDay.");
            }

            string? name = null;
            LocalDate? date = null;
            bool? isOff = null;
            var start = r;
            while (Read(ref r) && r.TokenType == JsonTokenType.PropertyName)
            {
                var property = r.GetString();
                Read(ref r);
                switch (property)
                {
                    case "name":
                        name = r.TokenType == JsonTokenType.String ? r.GetString() : throw Error(r, at + ".name", "must be a string.");
                        if (string.IsNullOrWhiteSpace(name))
                        {
                            throw Error(r, at + ".name", "must not be empty.");
                        }

                        break;
                    case "date":
                        var text = r.TokenType == JsonTokenType.String ? r.GetString() : null;
                        var parsed = LocalDatePattern.Iso.Parse(text ?? string.Empty);
                        date = parsed.Success ? parsed.Value : throw Error(r, at + ".date", $"must be a date yyyy-MM-dd; got {(text is null ? "a " + r.TokenType : $"'{text}'")}.");
                        break;
                    case "isOffDay":
                        isOff = r.TokenType switch
                        {
                            JsonTokenType.True => true,
                            JsonTokenType.False => false,
                            _ => throw Error(r, at + ".isOffDay", "must be true or false."),
                        };
                        break;
                    default:
                        r.Skip();
                        break;
                }
            }

            if (name is null || date is null || isOff is null)
            {
                var missing = name is null ? "name" : date is null ? "date" : "isOffDay";
                throw Error(start, at + "." + missing, "is missing.");
            }

            return new HolidayEntry(date.Value, isOff.Value, name);
        }
    }

    private static bool Read(ref Utf8JsonReader reader) =>
        reader.Read() ? true : throw new JsonException("Unexpected end of the JSON data.");

    private static bool InNoticeRange(LocalDate date, int year) =>
        date.Year == year || (date.Year == year - 1 && date.Month == 12);

    private static IEnumerable<LocalDate> ParseDates(string token, int year, string fileName, int lineNo)
    {
        var parts = token.Split("..");
        if (parts.Length > 2)
        {
            throw new CalendarDataException(fileName, lineNo, "date", $"'{token}' is neither a date nor a range first..last.");
        }

        var first = ParseDate(parts[0], fileName, lineNo);
        var last = parts.Length == 2 ? ParseDate(parts[1], fileName, lineNo) : first;
        if (last < first || Period.DaysBetween(first, last) > MaxRangeDays)
        {
            throw new CalendarDataException(fileName, lineNo, "date", $"range '{token}' must run forwards and span at most {MaxRangeDays} days.");
        }

        for (var d = first; d <= last; d = d.PlusDays(1))
        {
            if (!InNoticeRange(d, year))
            {
                throw new CalendarDataException(fileName, lineNo, "date", $"{d:yyyy-MM-dd} is outside year {year} (its December before is allowed).");
            }

            yield return d;
        }
    }

    private static LocalDate ParseDate(string text, string fileName, int lineNo)
    {
        var result = LocalDatePattern.Iso.Parse(text);
        return result.Success
            ? result.Value
            : throw new CalendarDataException(fileName, lineNo, "date", $"'{text}' is not a date yyyy-MM-dd.");
    }
}
