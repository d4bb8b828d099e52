using System.Text.Json;
using GovStaff.Policy;
using GovStaff.Policy.Appraisal;
using GovStaff.Policy.Calendars;
using GovStaff.Policy.Hosting;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Regulation;
using GovStaff.Policy.Serialization;

namespace GovStaff.Sample.Host.Replay;

/// <summary>
/// What a self-contained scenario declares instead of the host's configuration: policy versions (as under
/// <c>GovStaffPolicy:Versions</c>), the calendar (built-in layers, holiday-cn years inline or in files beside the
/// scenario, closures) and the appraisal methods of its appraising bodies (Art. 19, 27). Every problem names its field.
/// </summary>
internal static class ScenarioSettings
{
    private static readonly JsonSerializerOptions Strict = new(GovStaffJson.Options)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
    };

    public static PolicyVersionSet Versions(JsonElement element, string file, Func<string, int> lineOf)
    {
        List<PolicyVersionSettings> settings;
        try
        {
            settings = element.Deserialize<List<PolicyVersionSettings>>(Strict) ?? throw new JsonException("versions is null.");
        }
        catch (JsonException e)
        {
            throw new ScenarioException(file, lineOf("$.versions" + e.Path?.TrimStart('$')), "versions" + e.Path?.TrimStart('$'), Short(e.Message));
        }

        if (settings.Count == 0)
        {
            throw new ScenarioException(file, lineOf("$.versions"), "versions", "declares no version; leave it out to use the host's.");
        }

        var built = GovStaffPolicyComponents.TryBuild(new GovStaffPolicyOptions { Versions = settings }, Path.GetDirectoryName(Path.GetFullPath(file))!, out var errors);
        if (built is null)
        {
            // The builder names configuration keys (GovStaffPolicy:Versions:0:EffectiveFrom); the file's field is versions[0].effectiveFrom.
            var first = errors[0];
            var match = System.Text.RegularExpressions.Regex.Match(first, @"^GovStaffPolicy:Versions:(\d+)(?::(\w+))?");
            var field = match.Success ? $"versions[{match.Groups[1].Value}]" + (match.Groups[2].Success ? "." + JsonNamingPolicy.CamelCase.ConvertName(match.Groups[2].Value) : string.Empty) : "versions";
            throw new ScenarioException(file, lineOf("$." + field.Split('.')[0]), field, first[(match.Success ? match.Length : 0)..].TrimStart(':', ' '));
        }

        return built.Versions;
    }

    internal sealed record CalendarSpec
    {
        public string? Name { get; init; }

        public required IReadOnlyList<LayerSpec> Layers { get; init; }

        public bool AllowFallback { get; init; }

        public int FallbackYears { get; init; } = 10;
    }

    internal sealed record LayerSpec
    {
        public required string Name { get; init; }

        public CalendarLayerKind Kind { get; init; } = CalendarLayerKind.Regional;

        public bool BuiltIn { get; init; }

        public IReadOnlyList<JsonElement>? Years { get; init; }

        public IReadOnlyList<string>? Files { get; init; }
    }

    public static WorkCalendar Calendar(JsonElement element, string file, Func<string, int> lineOf)
    {
        CalendarSpec spec;
        try
        {
            spec = element.Deserialize<CalendarSpec>(Strict) ?? throw new JsonException("calendar is null.");
        }
        catch (JsonException e)
        {
            throw new ScenarioException(file, lineOf("$.calendar" + e.Path?.TrimStart('$')), "calendar" + e.Path?.TrimStart('$'), Short(e.Message));
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        var layers = new List<CalendarLayer>();
        for (var i = 0; i < spec.Layers.Count; i++)
        {
            var l = spec.Layers[i];
            var field = $"calendar.layers[{i}]";
            int Line() => lineOf($"$.calendar.layers[{i}]");
            var layer = !l.BuiltIn ? new CalendarLayer(l.Name, l.Kind, [])
                : l.Name.ToLowerInvariant() switch
                {
                    "national" => BuiltInCalendars.NationalLayer with { Kind = l.Kind },
                    "ningxia" => BuiltInCalendars.NingxiaLayer with { Kind = l.Kind },
                    _ => throw new ScenarioException(file, Line(), field + ".name", $"there is no built-in data named '{l.Name}'; built-in layers are 'national' and 'ningxia'."),
                };
            try
            {
                for (var y = 0; y < (l.Years?.Count ?? 0); y++)
                {
                    layer = layer.WithYears([HolidayDataReader.ReadHolidayCnJson(l.Years![y].GetRawText(), $"{field}.years[{y}]")]);
                }

                for (var f = 0; f < (l.Files?.Count ?? 0); f++)
                {
                    var path = Path.GetFullPath(Path.Combine(folder, l.Files![f]));
                    layer = layer.WithYears(HolidayDataReader.ReadFile(path));
                }
            }
            catch (CalendarDataException e)
            {
                throw new ScenarioException(file, Line(), field, e.Message);
            }
            catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException)
            {
                throw new ScenarioException(file, Line(), field, e.Message);
            }

            layers.Add(layer);
        }

        try
        {
            return WorkCalendar.Create(spec.Name ?? string.Join("+", layers.Select(x => x.Name)), layers, spec.AllowFallback, spec.FallbackYears);
        }
        catch (ArgumentException e)
        {
            throw new ScenarioException(file, lineOf("$.calendar"), "calendar", e.Message.Split(" (Parameter '", 2)[0]);
        }
    }

    internal sealed record MethodSpec
    {
        public string? Body { get; init; }

        public string? Unit { get; init; }

        public bool ForDirectors { get; init; }

        public required string Name { get; init; }

        public required IReadOnlyList<IndicatorSpec> Indicators { get; init; }
    }

    internal sealed record IndicatorSpec
    {
        public required string Code { get; init; }

        public required string Zh { get; init; }

        public required string En { get; init; }

        public required Dimension Dimension { get; init; }

        public required decimal Weight { get; init; }
    }

    public static AppraisalSchemes Methods(JsonElement element, ServiceNetwork network, string file, Func<string, int> lineOf)
    {
        List<MethodSpec> specs;
        try
        {
            specs = element.Deserialize<List<MethodSpec>>(Strict) ?? throw new JsonException("appraisalMethods is null.");
        }
        catch (JsonException e)
        {
            throw new ScenarioException(file, lineOf("$.appraisalMethods" + e.Path?.TrimStart('$')), "appraisalMethods" + e.Path?.TrimStart('$'), Short(e.Message));
        }

        var schemes = AppraisalSchemes.Default;
        for (var i = 0; i < specs.Count; i++)
        {
            var m = specs[i];
            var field = $"appraisalMethods[{i}]";
            var line = lineOf("$." + field);
            Party body;
            if (m.Body is { } b && m.Unit is null && network.TryGetBody(new ServiceBodyId(b), out var found) && found.Kind == ServiceBodyKind.ServiceHall)
            {
                body = Party.Of(found.Id);
            }
            else if (m.Unit is { } u && m.Body is null && network.TryGetHomeUnit(new HomeUnitId(u), out var unit) && unit.Kind == HomeUnitKind.Township)
            {
                body = Party.Of(unit.Id);
            }
            else
            {
                throw new ScenarioException(file, line, field, "names its appraising body as {\"body\": <the service hall>} or {\"unit\": <a township>} (Art. 27: 政务服务中心、各乡镇).");
            }

            try
            {
                schemes = schemes.With(network, body, new IndicatorSet(m.Name, m.Indicators.Select(x => new Indicator(x.Code, new LocalizedText(x.Zh, x.En), x.Dimension, x.Weight)).ToArray()), m.ForDirectors);
            }
            catch (ArgumentException e)
            {
                throw new ScenarioException(file, line, field, e.Message.Split(" (Parameter '", 2)[0]);
            }
        }

        return schemes;
    }

    private static string Short(string message) => message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0];
}
