using System.Text;
using System.Text.Json;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Serialization;
using NodaTime;

namespace GovStaff.Sample.Host.Replay;

/// <summary>A scenario file is malformed; the message names the file, the line and the field.</summary>
internal sealed class ScenarioException(string file, long line, string field, string problem)
    : Exception($"{file}, line {line}, field '{(string.IsNullOrEmpty(field) ? "$" : field)}': {problem.ReplaceLineEndings(" ")}");

/// <summary>
/// Reads a scenario, checking everything before anything runs: JSON syntax and types, the network, every action's
/// fields and ids, and that the dates never go backwards. Every error names the file, the line and the field.
/// </summary>
internal static class ScenarioReader
{
    /// <summary>The action types, in the order the schema lists them.</summary>
    public static IReadOnlyCollection<string> Types => ActionTypes.Names.Values.ToArray();

    // The library's JSON conventions (camelCase, enums by name, NodaTime ISO), strict for input a person wrote: a field
    // the action does not have is an error, null is refused where the field is not optional, and "type" may stand
    // anywhere in the object.
    private static readonly JsonSerializerOptions ActionJson = Strict();

    private static JsonSerializerOptions Strict()
    {
        var options = new JsonSerializerOptions(GovStaffJson.Options)
        {
            AllowOutOfOrderMetadataProperties = true,
            UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            AllowDuplicateProperties = false,
        };

        // Times as people write them (09:05, 2022-10-15T10:00), ahead of the library's ISO converters.
        options.Converters.Insert(0, new ClockTimeJsonConverter());
        options.Converters.Insert(0, new ClockDateTimeJsonConverter());
        return options;
    }

    /// <summary>The largest scenario file read.</summary>
    public const long MaxBytes = 32L << 20;

    /// <summary>The most actions a scenario may hold (a replay is one transaction).</summary>
    public const int MaxActions = 100_000;

    /// <summary>The most staff a scenario's network may hold, as a roster's sheet (<see cref="Roster.WorkbookPackage.MaxRecords"/>).</summary>
    public const int MaxStaff = Roster.WorkbookPackage.MaxRecords;

    /// <param name="path">The file.</param>
    /// <param name="knownVersions">The configured policy versions a pinned <c>policyVersion</c> must name; null to skip the check.</param>
    public static Scenario Read(string path, IReadOnlyCollection<string>? knownVersions = null)
    {
        // A FIFO would wait for a writer and a device never ends: only a regular file is read, and only up to the limit.
        if (FileKind.NotRegular(path, followLinks: true) is { } kind)
        {
            throw new ScenarioException(path, 0, "file", $"is {kind}, not a scenario file; give the .json file itself.");
        }

        byte[] bytes;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxBytes)
            {
                throw new ScenarioException(path, 0, "file", $"holds {length:N0} bytes, past a scenario's limit of {MaxBytes >> 20} MiB; split it.");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ScenarioException(path, 0, "file", "cannot be read: " + e.Message);
        }

        return Parse(bytes, path, knownVersions);
    }

    public static Scenario Parse(string text, string file, IReadOnlyCollection<string>? knownVersions = null) =>
        Parse(Encoding.UTF8.GetBytes(text), file, knownVersions);

    public static Scenario Parse(byte[] bytes, string file, IReadOnlyCollection<string>? knownVersions = null)
    {
        var invalid = InvalidUtf8At(bytes);
        if (invalid >= 0)
        {
            throw new ScenarioException(file, LineOf(bytes, invalid), "file", $"is not valid UTF-8 (byte offset {invalid}); save it as UTF-8.");
        }

        CheckStrings(bytes, file);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = false, AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            throw new ScenarioException(file, (e.LineNumber ?? 0) + 1, e.Path is { Length: > 0 } p ? p : "$", "malformed JSON: " + Short(e.Message));
        }

        using (doc)
        {
            var lines = ElementLines(bytes);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ScenarioException(file, 1, "$", "a scenario is a JSON object with name, network and actions.");
            }

            int LineOf(string path) => lines.GetValueOrDefault(path, 1);
            foreach (var property in root.EnumerateObject())
            {
                if (property.Name is not ("$schema" or "name" or "policyVersion" or "versions" or "calendar" or "appraisalMethods" or "network" or "actions"))
                {
                    throw new ScenarioException(file, LineOf("$." + property.Name), property.Name.Length == 0 ? "\"\"" : property.Name,
                        "is not a scenario field; the fields are name, policyVersion, versions, calendar, appraisalMethods, network and actions.");
                }
            }

            var name = root.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : Path.GetFileNameWithoutExtension(file);
            var declared = root.TryGetProperty("versions", out var versionsElement) ? ScenarioSettings.Versions(versionsElement, file, LineOf) : null;
            var calendar = root.TryGetProperty("calendar", out var calendarElement) ? ScenarioSettings.Calendar(calendarElement, file, LineOf) : null;
            var known = declared is not null ? declared.Versions.Select(v => v.Id).ToArray() : knownVersions;
            string? pinned = null;
            if (root.TryGetProperty("policyVersion", out var v))
            {
                pinned = v.ValueKind == JsonValueKind.String && v.GetString() is { } id && !string.IsNullOrWhiteSpace(id)
                    ? id.Trim()
                    : throw new ScenarioException(file, LineOf("$.policyVersion"), "policyVersion", "must be the id of a configured policy version, as a string.");
                if (known is not null && !known.Contains(pinned))
                {
                    throw new ScenarioException(file, LineOf("$.policyVersion"), "policyVersion",
                        $"unknown policy version '{pinned}'; configured: {string.Join(", ", known)}.");
                }
            }

            if (!root.TryGetProperty("network", out var networkElement) || networkElement.ValueKind != JsonValueKind.Object)
            {
                throw new ScenarioException(file, LineOf("$.network"), "network", "is missing or not an object.");
            }

            if (networkElement.TryGetProperty("staff", out var staffElement) && staffElement.ValueKind == JsonValueKind.Array && staffElement.GetArrayLength() > MaxStaff)
            {
                throw new ScenarioException(file, LineOf("$.network.staff"), "network.staff", $"holds {staffElement.GetArrayLength():N0} people, past a scenario's limit of {MaxStaff:N0}.");
            }

            // Counted before any action is read, so a file past the limit is refused up front, not after minutes.
            if (root.TryGetProperty("actions", out var counted) && counted.ValueKind == JsonValueKind.Array && counted.GetArrayLength() > MaxActions)
            {
                throw new ScenarioException(file, LineOf("$.actions"), "actions", $"holds {counted.GetArrayLength():N0} actions, past a scenario's limit of {MaxActions:N0}; split it.");
            }

            ServiceNetwork network;
            try
            {
                network = networkElement.Deserialize<ServiceNetwork>(GovStaffJson.Options)
                    ?? throw new ScenarioException(file, LineOf("$.network"), "network", "is null.");
            }
            catch (JsonException e)
            {
                throw new ScenarioException(file, lines.GetValueOrDefault("$.network" + (e.Path?.TrimStart('$') ?? string.Empty), LineOf("$.network")),
                    "network" + (e.Path?.TrimStart('$') ?? string.Empty), Short(e.Message));
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or NotSupportedException or FormatException or KeyNotFoundException)
            {
                throw new ScenarioException(file, LineOf("$.network"), "network", Short(e.Message.Split(" (Parameter '", 2)[0]));
            }

            var schemes = root.TryGetProperty("appraisalMethods", out var methodsElement) ? ScenarioSettings.Methods(methodsElement, network, file, LineOf) : null;

            if (!root.TryGetProperty("actions", out var actionsElement) || actionsElement.ValueKind != JsonValueKind.Array)
            {
                throw new ScenarioException(file, LineOf("$.actions"), "actions", "must be an array of actions.");
            }

            var actions = new List<ScenarioAction>();
            var actionLines = new List<int>();
            var check = new CheckContext(file, network);
            LocalDate? previous = null;
            var index = 0;
            foreach (var element in actionsElement.EnumerateArray())
            {
                var at = $"$.actions[{index}]";
                var line = LineOf(at);
                if (element.ValueKind != JsonValueKind.Object)
                {
                    throw new ScenarioException(file, line, $"actions[{index}]", "must be an object with a type and its fields.");
                }

                if (!element.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
                {
                    throw new ScenarioException(file, line, $"actions[{index}].type", $"is required: one of {string.Join(", ", Types)}.");
                }

                if (!Types.Contains(type.GetString()))
                {
                    throw new ScenarioException(file, LineOf(at + ".type"), $"actions[{index}].type", $"unknown action '{type.GetString()}'; known: {string.Join(", ", Types)}.");
                }

                ScenarioAction action;
                try
                {
                    action = element.Deserialize<ScenarioAction>(ActionJson)
                        ?? throw new ScenarioException(file, line, $"actions[{index}]", "is null.");
                }
                catch (JsonException e)
                {
                    var field = $"actions[{index}]{e.Path?.TrimStart('$')}";
                    throw new ScenarioException(file, lines.GetValueOrDefault(at + e.Path?.TrimStart('$'), line), field, Short(e.Message));
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException or NotSupportedException or FormatException)
                {
                    throw new ScenarioException(file, line, $"actions[{index}]", Short(e.Message.Split(" (Parameter '", 2)[0]));
                }

                check.Index = index;
                check.Line = line;
                check.Action = action;
                CheckEnums(action, check);
                if (action.At.Year is < 1900 or > 9998)
                {
                    check.Fail("at", $"{action.At:yyyy-MM-dd} is not a plausible date.");
                }

                if (previous is { } p && action.At < p)
                {
                    check.Fail("at", $"{action.At:yyyy-MM-dd} is before the previous action ({p:yyyy-MM-dd}); actions must be in date order.");
                }

                try
                {
                    action.Check(check);
                    CheckExpectation(action.Expect, check);
                }
                catch (ArgumentException e)
                {
                    // A value the library refuses to build: still the file's fault, so name where.
                    throw new ScenarioException(file, line, $"actions[{index}]", Short(e.Message.Split(" (Parameter '", 2)[0]));
                }

                previous = action.At;
                actions.Add(action);
                actionLines.Add(line);
                index++;
            }

            return new Scenario(name, network, actions, actionLines)
            {
                File = file,
                Fingerprint = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..16],
                PolicyVersion = pinned,
                Versions = declared,
                Calendar = calendar,
                Schemes = schemes,
            };
        }
    }

    /// <summary>
    /// Refuses, before anything runs, an action that counts working days on a date beyond the calendar's data (a
    /// nomination in 2045 needs no calendar and is not refused). Naming the action's line and field.
    /// </summary>
    public static void CheckCalendar(Scenario scenario, GovStaff.Policy.Calendars.WorkCalendar calendar)
    {
        if (calendar.AllowsFallback)
        {
            return;
        }

        for (var i = 0; i < scenario.Actions.Count; i++)
        {
            foreach (var (date, field) in scenario.Actions[i].CalendarDates())
            {
                if (!calendar.Contains(date))
                {
                    throw new ScenarioException(scenario.File, scenario.ActionLines[i], $"actions[{i}].{field}",
                        $"{date:yyyy-MM-dd} is outside the calendar's data ({calendar.FirstKnown:yyyy-MM-dd}–{calendar.LastKnown:yyyy-MM-dd}), and this action counts working days; declare the year under \"calendar\" or configure it.");
                }
            }
        }
    }

    // An enum field holds one defined value: System.Text.Json reads "satisfied,dissatisfied" as a combination of two.
    private static void CheckEnums(ScenarioAction action, CheckContext c)
    {
        foreach (var p in action.GetType().GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance))
        {
            var type = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
            if (type.IsEnum && p.GetValue(action) is { } value && !Enum.IsDefined(type, value))
            {
                c.Fail(JsonNamingPolicy.CamelCase.ConvertName(p.Name),
                    $"must be one of {string.Join(", ", Enum.GetNames(type).Select(JsonNamingPolicy.CamelCase.ConvertName))}; write one value.");
            }
        }
    }

    private static readonly string[] Outcomes = ["permitted", "warning", "requiresApproval", "refused"];

    private static void CheckExpectation(Expectation? expect, CheckContext c)
    {
        if (expect is null)
        {
            return;
        }

        if (expect.Outcome is { } o && !Outcomes.Contains(o))
        {
            c.Fail("expect.outcome", $"'{o}' is not an outcome; use {string.Join(", ", Outcomes)}.");
        }

        for (var i = 0; i < (expect.Cites?.Count ?? 0); i++)
        {
            if (!GovStaff.Policy.Regulation.Citation.TryParse(expect.Cites![i], out _))
            {
                c.Fail($"expect.cites[{i}]", $"'{expect.Cites[i]}' is not a citation; write 第十二条第（六）项 or Art. 12(6).");
            }
        }

        foreach (var (list, field) in new[] { (expect.Codes, "codes"), (expect.Messages, "messages"), (expect.NotMessages, "notMessages") })
        {
            for (var i = 0; i < (list?.Count ?? 0); i++)
            {
                c.Text(list![i], $"expect.{field}[{i}]", 500);
            }
        }
    }

    // The offset of the first byte that is not valid UTF-8, or -1.
    private static int InvalidUtf8At(byte[] bytes)
    {
        var status = System.Text.Unicode.Utf8.ToUtf16(bytes, new char[bytes.Length], out var read, out _, replaceInvalidSequences: false);
        return status == System.Buffers.OperationStatus.Done ? -1 : read;
    }

    private static int LineOf(byte[] bytes, int offset)
    {
        var line = 1;
        for (var i = 0; i < offset && i < bytes.Length; i++)
        {
            line += bytes[i] == (byte)'\n' ? 1 : 0;
        }

        return line;
    }

    /// <summary>
    /// A lone UTF-16 surrogate escape ("\ud800" without its pair) is valid JSON syntax but no string: every string and
    /// property name is read once here, before the parser (whose duplicate-key check reads names) or anything else does.
    /// </summary>
    private static void CheckStrings(byte[] bytes, string file)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        string? property = null;
        while (true)
        {
            try
            {
                if (!reader.Read())
                {
                    return;
                }
            }
            catch (JsonException)
            {
                return; // malformed JSON: the parser below says where
            }

            if (reader.TokenType is not (JsonTokenType.PropertyName or JsonTokenType.String))
            {
                continue;
            }

            try
            {
                var text = reader.GetString();
                property = reader.TokenType == JsonTokenType.PropertyName ? text : property;
            }
            catch (InvalidOperationException)
            {
                var line = 1 + bytes.AsSpan(0, (int)reader.TokenStartIndex).Count((byte)'\n');
                throw new ScenarioException(file, line, reader.TokenType == JsonTokenType.PropertyName || property is null ? "property name" : property,
                    "holds a lone UTF-16 surrogate escape (\\uD800–\\uDFFF without its pair); write the character itself or the whole pair.");
            }
        }
    }

    /// <summary>The line each element starts on, by JSON path ($.actions[3], $.network.staff[2] …).</summary>
    private static Dictionary<string, int> ElementLines(byte[] bytes)
    {
        var lines = new Dictionary<string, int>();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var path = new List<string>();
        var indexes = new List<int>();
        string? property = null;
        var line = 1;
        long scanned = 0;
        int LineAt(long offset)
        {
            for (; scanned < offset; scanned++)
            {
                if (bytes[scanned] == (byte)'\n')
                {
                    line++;
                }
            }

            return line;
        }

        while (reader.Read())
        {
            var here = LineAt(reader.TokenStartIndex);
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    property = reader.GetString();
                    lines.TryAdd("$" + string.Concat(path) + "." + property, here);
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    var segment = property is not null ? "." + property : indexes.Count > 0 && indexes[^1] >= 0 ? $"[{indexes[^1]}]" : string.Empty;
                    if (indexes.Count > 0 && indexes[^1] >= 0 && property is null)
                    {
                        indexes[^1]++;
                        segment = $"[{indexes[^1] - 1}]";
                    }

                    path.Add(segment);
                    lines.TryAdd("$" + string.Concat(path), here);
                    indexes.Add(reader.TokenType == JsonTokenType.StartArray ? 0 : -1);
                    property = null;
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    path.RemoveAt(path.Count - 1);
                    indexes.RemoveAt(indexes.Count - 1);
                    property = null;
                    break;
                default:
                    if (property is null && indexes.Count > 0 && indexes[^1] >= 0)
                    {
                        indexes[^1]++;
                    }

                    property = null;
                    break;
            }
        }

        return lines;
    }

    private static string Short(string message) => message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0];
}
