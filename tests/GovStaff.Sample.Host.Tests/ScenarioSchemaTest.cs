using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using GovStaff.Policy.Hosting;
using GovStaff.Policy.Regulation;
using GovStaff.Sample.Host.Replay;
using GovStaff.Policy.Tests.Support;
using Json.Schema;
using NodaTime;

namespace GovStaff.Sample.Host.Tests;

/// <summary>
/// docs/scenario.schema.json and the scenario types cannot drift: the schema is generated from the action records (each
/// <c>[JsonDerivedType]</c>, its properties, <c>required</c> where the record says so) and must equal the committed
/// file; every shipped example validates against it with JsonSchema.Net 8.0.5. To regenerate after changing an action,
/// run the tests with GOVSTAFF_UPDATE_SCHEMA=1 and review the diff.
/// </summary>
public sealed class ScenarioSchemaTest
{
    private static readonly string SchemaPath = Path.Combine(Repo.Root, "docs", "scenario.schema.json");

    private static readonly Lazy<JsonSchema> Validator = new(() => JsonSchema.FromText(File.ReadAllText(SchemaPath)));

    public static TheoryData<string> Examples() =>
        [.. Directory.EnumerateFiles(Path.Combine(Repo.Root, "samples", "GovStaff.Sample.Host", "scenarios"), "*.json").Order(StringComparer.Ordinal).Select(f => Path.GetFileName(f))];

    [Fact]
    public void TheCommittedSchema_IsTheOneTheActionRecordsDescribe()
    {
        var committed = File.ReadAllText(SchemaPath);
        var generated = ScenarioSchema.Generate(JsonNode.Parse(committed)!["properties"]!["network"]!.DeepClone());
        if (Environment.GetEnvironmentVariable("GOVSTAFF_UPDATE_SCHEMA") == "1")
        {
            File.WriteAllText(SchemaPath, generated);
            committed = generated;
        }

        Assert.Equal(generated, committed);
    }

    [Fact]
    public void TheSchemaAndTheTypes_NameTheSameActionsAndFields()
    {
        var schema = JsonNode.Parse(File.ReadAllText(SchemaPath))!;
        var defs = schema["$defs"]!.AsObject();
        var inSchema = defs.Where(d => d.Key.StartsWith("action.", StringComparison.Ordinal))
            .ToDictionary(d => d.Value!["properties"]!["type"]!["const"]!.GetValue<string>(), d => d.Value!);
        Assert.Equal(ActionTypes.Names.Values.Order(StringComparer.Ordinal), inSchema.Keys.Order(StringComparer.Ordinal));
        foreach (var (type, name) in ActionTypes.Names)
        {
            var fields = ScenarioSchema.Fields(type).Select(p => ScenarioSchema.Name(p)).Prepend("type").Order(StringComparer.Ordinal);
            Assert.Equal(fields, inSchema[name]["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
            var required = ScenarioSchema.Fields(type).Where(ScenarioSchema.IsRequired).Select(ScenarioSchema.Name).Prepend("type").Order(StringComparer.Ordinal);
            Assert.Equal(required, inSchema[name]["required"]!.AsArray().Select(r => r!.GetValue<string>()).Order(StringComparer.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void EveryShippedExample_IsValidAgainstTheSchema(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo.Root, "samples", "GovStaff.Sample.Host", "scenarios", file)));
        var result = Validator.Value.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}")));
    }

    [Theory]
    [InlineData("\"typo\": 1")]                                  // a field the action does not have
    [InlineData("\"promisedLimit\": \"five\"")]                   // a wrong type
    public void TheSchema_RefusesWhatTheReaderRefuses(string extra)
    {
        var text = File.ReadAllText(Path.Combine(Repo.Root, "samples", "GovStaff.Sample.Host", "scenarios", "chapter4-service.json"));
        const string Anchor = "\"id\": \"C3\",";
        Assert.Contains(Anchor, text);
        using var doc = JsonDocument.Parse(text.Replace(Anchor, Anchor + " " + extra + ",", StringComparison.Ordinal).Replace("\"promisedLimit\": 25, ", string.Empty, StringComparison.Ordinal));
        Assert.False(Validator.Value.Evaluate(doc.RootElement).IsValid);
    }
}

/// <summary>Generates docs/scenario.schema.json from the scenario records.</summary>
internal static class ScenarioSchema
{
    public static string Generate(JsonNode network)
    {
        var defs = new JsonObject
        {
            ["actor"] = Object(typeof(ActorSpec), null),
            ["expect"] = Object(typeof(Expectation), null),
        };
        defs["actor"]!["description"] = "A person acting for a service body (body) or a home unit (unit): exactly one of the two.";
        defs["expect"]!["description"] = "What the decision must show for replay --check: outcome, citations (either form), finding codes, texts that must or must not appear.";
        foreach (var (type, name) in ActionTypes.Names.OrderBy(n => n.Value, StringComparer.Ordinal))
        {
            defs["action." + name] = Object(type, name);
        }

        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = "https://govstaff-policy.example/scenario.schema.json",
            ["title"] = "GovStaff.Policy scenario",
            ["description"] = "A district and a dated list of actions, replayed by `GovStaff.Sample.Host replay` (docs/scenarios.md). Generated from the scenario records by ScenarioSchemaTest; do not edit by hand.",
            ["type"] = "object",
            ["required"] = new JsonArray("network", "actions"),
            ["properties"] = new JsonObject
            {
                ["$schema"] = new JsonObject { ["type"] = "string" },
                ["name"] = new JsonObject { ["type"] = "string" },
                ["policyVersion"] = new JsonObject { ["type"] = "string", ["minLength"] = 1, ["description"] = "Judge every action by this policy version instead of the one in force on each action's date." },
                ["versions"] = new JsonObject { ["type"] = "array", ["minItems"] = 1, ["items"] = Object(typeof(PolicyVersionSettings), null), ["description"] = "The policy versions the scenario is judged under, instead of the host's (as GovStaffPolicy:Versions)." },
                ["calendar"] = Object(typeof(ScenarioSettings.CalendarSpec), null),
                ["appraisalMethods"] = new JsonObject { ["type"] = "array", ["items"] = Object(typeof(ScenarioSettings.MethodSpec), null), ["description"] = "Indicator sets per appraising body: the service hall or a township (Art. 19, 27)." },
                ["network"] = network,
                ["actions"] = new JsonObject
                {
                    ["type"] = "array",
                    ["items"] = new JsonObject { ["oneOf"] = new JsonArray([.. ActionTypes.Names.Values.Order(StringComparer.Ordinal).Select(n => (JsonNode)new JsonObject { ["$ref"] = "#/$defs/action." + n })]) },
                },
            },
            ["additionalProperties"] = false,
            ["$defs"] = defs,
        };
        root["properties"]!["calendar"]!["description"] = "The calendar the scenario is judged on, instead of the host's: built-in layers, holiday-cn years inline or in files beside the scenario.";
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).ReplaceLineEndings("\n") + "\n";
    }

    /// <summary>The JSON fields of a record, base type's first, in declaration order.</summary>
    public static IEnumerable<PropertyInfo> Fields(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is null && p.SetMethod is not null && p.Name != "EqualityContract")
            .OrderBy(p => Depth(p.DeclaringType!)).ThenBy(p => p.MetadataToken);

    public static bool IsRequired(PropertyInfo p) => p.GetCustomAttribute<RequiredMemberAttribute>() is not null;

    public static string Name(PropertyInfo p) => JsonNamingPolicy.CamelCase.ConvertName(p.Name);

    private static int Depth(Type t)
    {
        var depth = 0;
        for (var b = t.BaseType; b is not null; b = b.BaseType)
        {
            depth++;
        }

        return depth;
    }

    private static JsonObject Object(Type type, string? discriminator)
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        if (discriminator is not null)
        {
            properties["type"] = new JsonObject { ["const"] = discriminator };
            required.Add("type");
        }

        foreach (var p in Fields(type))
        {
            properties[Name(p)] = Value(p.PropertyType);
            if (IsRequired(p))
            {
                required.Add(Name(p));
            }
        }

        var o = new JsonObject { ["type"] = "object" };
        if (required.Count > 0)
        {
            o["required"] = required;
        }

        o["properties"] = properties;
        o["additionalProperties"] = false;
        return o;
    }

    private static JsonObject Value(Type t)
    {
        t = Nullable.GetUnderlyingType(t) ?? t;
        if (t == typeof(string))
        {
            return new JsonObject { ["type"] = "string", ["minLength"] = 1 };
        }

        if (t == typeof(int))
        {
            return new JsonObject { ["type"] = "integer" };
        }

        if (t == typeof(decimal))
        {
            return new JsonObject { ["type"] = "number" };
        }

        if (t == typeof(bool))
        {
            return new JsonObject { ["type"] = "boolean" };
        }

        if (t == typeof(LocalDate))
        {
            return new JsonObject { ["type"] = "string", ["pattern"] = @"^\d{4}-\d{2}-\d{2}$" };
        }

        if (t == typeof(LocalTime))
        {
            return new JsonObject { ["type"] = "string", ["pattern"] = @"^\d{2}:\d{2}(:\d{2})?$" };
        }

        if (t == typeof(LocalDateTime))
        {
            return new JsonObject { ["type"] = "string", ["pattern"] = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$" };
        }

        if (t == typeof(JsonElement))
        {
            return new JsonObject { ["type"] = "object" };
        }

        if (t.IsEnum)
        {
            return new JsonObject { ["enum"] = new JsonArray([.. Enum.GetNames(t).Select(n => (JsonNode)JsonNamingPolicy.CamelCase.ConvertName(n)!)]) };
        }

        if (t == typeof(ActorSpec))
        {
            return new JsonObject { ["$ref"] = "#/$defs/actor" };
        }

        if (t == typeof(Expectation))
        {
            return new JsonObject { ["$ref"] = "#/$defs/expect" };
        }

        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
        {
            return new JsonObject { ["type"] = "object", ["additionalProperties"] = Value(t.GetGenericArguments()[1]) };
        }

        if (t.IsGenericType && t.GetGenericTypeDefinition() is var g && (g == typeof(IReadOnlyList<>) || g == typeof(List<>)))
        {
            return new JsonObject { ["type"] = "array", ["items"] = Value(t.GetGenericArguments()[0]) };
        }

        return Object(t, null);
    }
}
