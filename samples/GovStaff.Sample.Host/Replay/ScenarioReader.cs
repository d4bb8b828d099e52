using System.Text;
using System.Text.Json;
using GovStaff.Policy;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Serialization;
using NodaTime;

namespace GovStaff.Sample.Host.Replay;

/// <summary>A scenario file is malformed; the message names the file, the line and the field.</summary>
internal sealed class ScenarioException(string file, long line, string field, string problem)
    : Exception($"{file}, line {line}, field '{field}': {problem}");

/// <summary>
/// Reads a scenario, checking everything before anything runs: JSON syntax and types, the network, every action's
/// fields and ids, and that the dates never go backwards. Every error names the file, the line and the field.
/// </summary>
internal static class ScenarioReader
{
    private const int MaxLeaveDays = 366;

    public static readonly string[] Types =
    [
        "nominate", "checkDirectors", "requestLeave", "approveLeave", "rejectLeave", "startLeave", "returnFromLeave", "reportBack",
        "requestTransfer", "reviewTransfer", "approveTransfer", "rejectTransfer", "executeTransfer", "reportTransfer",
        "acceptCase", "completeCase", "closeCase", "trackCase", "rate", "complain", "investigateComplaint", "feedBackComplaint",
    ];

    /// <param name="path">The file.</param>
    /// <param name="knownVersions">The configured policy versions a pinned <c>policyVersion</c> must name; null to skip the check.</param>
    public static Scenario Read(string path, IReadOnlyCollection<string>? knownVersions = null)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioException(path, 0, "file", "cannot be read: " + e.Message);
        }

        return Parse(text, path, knownVersions);
    }

    public static Scenario Parse(string text, string file, IReadOnlyCollection<string>? knownVersions = null)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = false });
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

            var name = root.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : Path.GetFileNameWithoutExtension(file);
            string? pinned = null;
            if (root.TryGetProperty("policyVersion", out var v))
            {
                pinned = v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString())
                    ? v.GetString()!.Trim()
                    : throw new ScenarioException(file, lines.GetValueOrDefault("$.policyVersion", 1), "policyVersion", "must be the id of a configured policy version, as a string.");
                if (knownVersions is not null && !knownVersions.Contains(pinned))
                {
                    throw new ScenarioException(file, lines.GetValueOrDefault("$.policyVersion", 1), "policyVersion",
                        $"unknown policy version '{pinned}'; configured: {string.Join(", ", knownVersions)}.");
                }
            }

            if (!root.TryGetProperty("network", out var networkElement))
            {
                throw new ScenarioException(file, 1, "network", "is missing.");
            }

            ServiceNetwork network;
            try
            {
                network = networkElement.Deserialize<ServiceNetwork>(GovStaffJson.Options)!;
            }
            catch (JsonException e)
            {
                throw new ScenarioException(file, lines.GetValueOrDefault("$.network" + (e.Path?.TrimStart('$') ?? string.Empty), lines.GetValueOrDefault("$.network")),
                    "network" + (e.Path?.TrimStart('$') ?? string.Empty), Short(e.Message));
            }
            catch (ArgumentException e)
            {
                throw new ScenarioException(file, lines.GetValueOrDefault("$.network"), "network", Short(e.Message));
            }

            if (!root.TryGetProperty("actions", out var actionsElement) || actionsElement.ValueKind != JsonValueKind.Array)
            {
                throw new ScenarioException(file, 1, "actions", "must be an array of actions.");
            }

            var actions = new List<ScenarioAction>();
            var actionLines = new List<int>();
            var known = new Dictionary<string, string>(); // id → the action type that created it
            LocalDate? previous = null;
            var index = 0;
            foreach (var element in actionsElement.EnumerateArray())
            {
                var at = $"$.actions[{index}]";
                var line = lines.GetValueOrDefault(at);
                ScenarioAction action;
                try
                {
                    action = element.Deserialize<ScenarioAction>(GovStaffJson.Options)!;
                }
                catch (JsonException e)
                {
                    var field = $"actions[{index}]{e.Path?.TrimStart('$')}";
                    throw new ScenarioException(file, lines.GetValueOrDefault(at + e.Path?.TrimStart('$'), line), field, Short(e.Message));
                }

                try
                {
                    Check(action, index, line, file, network, known, previous);
                }
                catch (ArgumentException e)
                {
                    // An id the library refuses to build (blank, spaced): still the file's fault, so name where.
                    throw new ScenarioException(file, line, $"actions[{index}]", Short(e.Message.Split(" (Parameter '", 2)[0]));
                }

                previous = action.At;
                actions.Add(action);
                actionLines.Add(line);
                index++;
            }

            return new Scenario(name, network, actions, actionLines)
            {
                Fingerprint = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..16],
                PolicyVersion = pinned,
            };
        }
    }

    private static void Check(ScenarioAction a, int index, int line, string file, ServiceNetwork network, Dictionary<string, string> known, LocalDate? previous)
    {
        string F(string field) => $"actions[{index}].{field}";
        void Fail(string field, string problem) => throw new ScenarioException(file, line, F(field), problem);
        string Need(string? value, string field) => string.IsNullOrWhiteSpace(value) ? throw new ScenarioException(file, line, F(field), $"is required for '{a.Type}'.") : value;

        // An optional text given as blank is a mistake, not an absence.
        foreach (var (value, field) in new[] { (a.Id, "id"), (a.Staff, "staff"), (a.Body, "body"), (a.Reason, "reason"), (a.LateReason, "lateReason"),
            (a.Kind, "kind"), (a.ExceptionalReason, "exceptionalReason"), (a.Item, "item"), (a.Channel, "channel"), (a.Result, "result"),
            (a.Level, "level"), (a.Summary, "summary"), (a.About, "about") })
        {
            if (value is not null && string.IsNullOrWhiteSpace(value))
            {
                Fail(field, "must not be blank when given.");
            }
        }

        if (!Types.Contains(a.Type))
        {
            Fail("type", $"unknown action '{a.Type}'; known: {string.Join(", ", Types)}.");
        }

        if (previous is { } p && a.At < p)
        {
            Fail("at", $"{a.At:yyyy-MM-dd} is before the previous action ({p:yyyy-MM-dd}); actions must be in date order.");
        }

        void Staff(string? id, string field)
        {
            if (!network.TryGetStaff(new StaffId(Need(id, field)), out _))
            {
                Fail(field, $"no staff member has id '{id}' in the network.");
            }
        }

        void Body(string? id, string field)
        {
            if (!network.TryGetBody(new ServiceBodyId(Need(id, field)), out _))
            {
                Fail(field, $"no service body has id '{id}' in the network.");
            }
        }

        void Actor()
        {
            if (a.Actor is null || string.IsNullOrWhiteSpace(a.Actor.Person) || (a.Actor.Body is null) == (a.Actor.Unit is null))
            {
                Fail("actor", "is required: {\"person\": …, \"body\": …} or {\"person\": …, \"unit\": …}.");
            }

            if (a.Actor!.Body is { } b && !network.TryGetBody(new ServiceBodyId(Need(b, "actor.body")), out _))
            {
                Fail("actor.body", $"no service body has id '{b}'.");
            }

            if (a.Actor.Unit is { } u && !network.TryGetHomeUnit(new HomeUnitId(Need(u, "actor.unit")), out _))
            {
                Fail("actor.unit", $"no home unit has id '{u}'.");
            }
        }

        void Creates(string prefix)
        {
            var id = Need(a.Id, "id");
            if (!Identifiers.TryValidate(id, out var problem))
            {
                Fail("id", problem); // the entity would refuse it when the action is replayed
            }

            if (!known.TryAdd(prefix + id, a.Type))
            {
                Fail("id", $"'{id}' is already used by an earlier {known[prefix + id]}.");
            }
        }

        void Refers(string prefix, string creator)
        {
            var id = Need(a.Id, "id");
            if (!known.ContainsKey(prefix + id))
            {
                Fail("id", $"no earlier {creator} has id '{id}'.");
            }
        }

        switch (a.Type)
        {
            case "nominate":
                Staff(a.Staff, "staff");
                Body(a.Body, "body");
                if (a.Role is null)
                {
                    Fail("role", "is required for 'nominate'.");
                }

                break;
            case "requestLeave":
                Creates("leave:");
                Staff(a.Staff, "staff");
                Need(a.Reason, "reason");
                Actor();
                if (a.From is not { } from || a.To is not { } to)
                {
                    Fail(a.From is null ? "from" : "to", "is required for 'requestLeave'.");
                    return;
                }

                if (to < from)
                {
                    Fail("to", $"{to:yyyy-MM-dd} is before from ({from:yyyy-MM-dd}).");
                }

                if (Period.DaysBetween(from, to) + 1 > MaxLeaveDays)
                {
                    Fail("to", $"a leave of {Period.DaysBetween(from, to) + 1} days is not plausible (at most {MaxLeaveDays}).");
                }

                break;
            case "approveLeave" or "rejectLeave" or "startLeave" or "returnFromLeave" or "reportBack":
                Refers("leave:", "requestLeave");
                if (a.Type is "approveLeave" or "rejectLeave" or "reportBack")
                {
                    Actor();
                }

                break;
            case "requestTransfer":
                Creates("transfer:");
                Staff(a.Staff, "staff");
                Need(a.Reason, "reason");
                Actor();
                if (a.Kind is not ("rotation" or "policeAdjustment"))
                {
                    Fail("kind", "must be 'rotation' or 'policeAdjustment'.");
                }

                if (a.StationedOn is null)
                {
                    Fail("stationedOn", "is required for 'requestTransfer'.");
                }

                break;
            case "reviewTransfer" or "approveTransfer" or "rejectTransfer" or "executeTransfer" or "reportTransfer":
                Refers("transfer:", "requestTransfer");
                Actor();
                break;
            case "acceptCase":
                Creates("case:");
                Body(a.Body, "body");
                Staff(a.Staff, "staff");
                Need(a.Item, "item");
                Actor();
                if (a.PromisedLimit is not (> 0 and <= 365))
                {
                    Fail("promisedLimit", "must be 1–365 working days.");
                }

                if (a.StatutoryLimit is { } s && s is <= 0 or > 365)
                {
                    Fail("statutoryLimit", "must be 1–365 working days.");
                }

                if (a.Channel is not (null or "online" or "onSite"))
                {
                    Fail("channel", "must be 'online' or 'onSite'.");
                }

                break;
            case "completeCase" or "closeCase" or "trackCase":
                Refers("case:", "acceptCase");
                if (a.Type != "trackCase")
                {
                    Actor();
                }

                if (a.Type == "completeCase")
                {
                    Need(a.Result, "result");
                }

                break;
            case "rate":
                Creates("rating:");
                Body(a.Body, "body");
                if (a.Staff is not null)
                {
                    Staff(a.Staff, "staff");
                }

                if (!Enum.TryParse<GovStaff.Policy.Service.RatingLevel>(a.Level, ignoreCase: true, out _) || int.TryParse(a.Level, out _))
                {
                    Fail("level", "must be veryDissatisfied, dissatisfied, basicallySatisfied, satisfied or verySatisfied.");
                }

                break;
            case "complain":
                Creates("complaint:");
                Body(a.Body, "body");
                Need(a.Summary, "summary");
                if (a.About is not null)
                {
                    Staff(a.About, "about");
                }

                Actor();
                break;
            case "investigateComplaint" or "feedBackComplaint":
                Refers("complaint:", "complain");
                Actor();
                break;
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
