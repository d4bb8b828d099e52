using GovStaff.Policy.Calendars;
using GovStaff.Policy.Decisions;
using GovStaff.Policy.Hosting;
using GovStaff.Policy.Regulation;
using GovStaff.Policy.Staffing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace GovStaff.Policy.Hosting.Tests;

public sealed class AddGovStaffPolicyTest : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("govstaff-hosting-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private IHost Build(Dictionary<string, string?> settings, bool withClock = true)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = _root, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        var policy = builder.Services.AddGovStaffPolicy(builder.Configuration);
        if (withClock)
        {
            policy.UseClock(new FakeClock(Instant.FromUtc(2022, 10, 10, 1, 0)));
        }

        return builder.Build();
    }

    [Fact]
    public async Task EmptyConfiguration_UsesTheTrialVersionAndTheNationalCalendar()
    {
        using var host = Build([]);
        await host.StartAsync();
        Assert.Equal("shapotou-2021-trial", host.Services.GetRequiredService<PolicyVersionSet>().Versions.Single().Id);
        Assert.Equal("national", host.Services.GetRequiredService<WorkCalendar>().Name);
        Assert.NotNull(host.Services.GetRequiredService<StaffingRules>());
        await host.StopAsync();
    }

    [Fact]
    public void EveryRuleServiceOfTheLibrary_IsRegistered_AndUsesTheConfiguredEngine()
    {
        using var host = Build([]);
        // Every public rule service of the core, found by its role suffix, so a new one cannot be forgotten here.
        var services = typeof(StaffingRules).Assembly.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsAbstract && (t.Name.EndsWith("Rules", StringComparison.Ordinal) || t.Name.EndsWith("Lifecycle", StringComparison.Ordinal)))
            .ToArray();
        Assert.Equal(17, services.Length);
        foreach (var type in services)
        {
            Assert.NotNull(host.Services.GetService(type));
            Assert.Same(host.Services.GetService(type), host.Services.GetService(type)); // one per host
        }
    }

    [Fact]
    public async Task ConfiguredCalendar_LoadsBuiltInLayersAndYearFiles()
    {
        await File.WriteAllTextAsync(Path.Combine(_root, "ningxia-2023.txt"), "year 2023\n  古尔邦节 off 2023-06-29..2023-06-30\n");
        using var host = Build(new()
        {
            ["GovStaffPolicy:Calendar:Layers:0:Name"] = "national",
            ["GovStaffPolicy:Calendar:Layers:0:Kind"] = "National",
            ["GovStaffPolicy:Calendar:Layers:0:BuiltIn"] = "true",
            ["GovStaffPolicy:Calendar:Layers:1:Name"] = "ningxia",
            ["GovStaffPolicy:Calendar:Layers:1:Kind"] = "Regional",
            ["GovStaffPolicy:Calendar:Layers:1:BuiltIn"] = "true",
            ["GovStaffPolicy:Calendar:Layers:1:Files:0"] = "ningxia-2023.txt",
        });
        await host.StartAsync();
        var calendar = host.Services.GetRequiredService<WorkCalendar>();
        Assert.Equal("national+ningxia", calendar.Name);
        Assert.Equal(DayKind.RegionalHoliday, calendar.GetStatus(new LocalDate(2023, 6, 29)).Kind);
        Assert.Equal(new LocalDate(2023, 12, 31), calendar.LastKnown);
        Assert.Contains("national", host.Services.GetRequiredService<WorkCalendarCatalog>().Names);
    }

    // A district that loads the next State Council notice into its national layer gets it counted wherever the
    // national calendar is named; the shipped data alone keeps a name of its own.
    [Fact]
    public async Task TheNationalCalendarByName_SeesTheYearFilesTheDistrictAddedToItsNationalLayer()
    {
        await File.WriteAllTextAsync(Path.Combine(_root, "national-2027.txt"), "year 2027\n  元旦 off 2027-01-01\n  春节 off 2027-02-06..2027-02-12\n");
        using var host = Build(new()
        {
            ["GovStaffPolicy:Calendar:Layers:0:Name"] = "national",
            ["GovStaffPolicy:Calendar:Layers:0:Kind"] = "National",
            ["GovStaffPolicy:Calendar:Layers:0:BuiltIn"] = "true",
            ["GovStaffPolicy:Calendar:Layers:0:Files:0"] = "national-2027.txt",
            ["GovStaffPolicy:Calendar:Layers:1:Name"] = "ningxia",
            ["GovStaffPolicy:Calendar:Layers:1:Kind"] = "Regional",
            ["GovStaffPolicy:Calendar:Layers:1:BuiltIn"] = "true",
            ["GovStaffPolicy:Calendar:AllowFallback"] = "true",
        });
        await host.StartAsync();
        var catalog = host.Services.GetRequiredService<WorkCalendarCatalog>();
        var national = catalog.Get("national");
        // 2026-12-30 (Wed) + 5 working days: 31 Dec, (1 Jan off), 4, 5, 6, 7 Jan 2027.
        Assert.Equal(new LocalDate(2027, 1, 7), national.AddWorkingDays(new LocalDate(2026, 12, 30), 5));
        Assert.False(national.GetStatus(new LocalDate(2027, 1, 1)).IsAssumed);
        Assert.Equal(DayKind.PublicHoliday, national.GetStatus(new LocalDate(2027, 2, 8)).Kind);
        // The shipped data alone does not know 2027 (assumed, with the fallback).
        Assert.True(catalog.Get(WorkCalendarCatalog.ShippedName).GetStatus(new LocalDate(2027, 1, 1)).IsAssumed);
    }

    [Fact]
    public async Task ConfiguredVersion_IsUsedInDecisions()
    {
        using var host = Build(new()
        {
            ["GovStaffPolicy:Versions:0:Id"] = "shapotou-2022",
            ["GovStaffPolicy:Versions:0:EffectiveFrom"] = "2022-01-01",
            ["GovStaffPolicy:Versions:0:Options:AgeLimitYears"] = "40",
        });
        await host.StartAsync();
        var version = host.Services.GetRequiredService<PolicyVersionSet>().Get("shapotou-2022");
        Assert.Equal(40, version.Options.AgeLimitYears);
        Assert.Null(version.EffectiveUntil);
        var engine = host.Services.GetRequiredService<PolicyEngine>();
        Assert.Equal(Instant.FromUtc(2022, 10, 10, 1, 0), engine.Clock.GetCurrentInstant());
    }

    [Theory]
    [InlineData("GovStaffPolicy:Versions:0:EffectiveFrom", "2022-13-01", "GovStaffPolicy:Versions:0:EffectiveFrom must be a date")]
    [InlineData("GovStaffPolicy:Versions:0:Options:AgeLimitYears", "0", "GovStaffPolicy:Versions:0:Options:AgeLimitYears must be between")]
    [InlineData("GovStaffPolicy:OfficeHours:Winter:AfternoonEnd", "25:00", "GovStaffPolicy:OfficeHours:Winter:AfternoonEnd must be a time")]
    [InlineData("GovStaffPolicy:Versions:0:Options:AgeLimitYears", "forty", "GovStaffPolicy:Versions:0:Options:AgeLimitYears must be a whole number; got 'forty'")]
    [InlineData("GovStaffPolicy:Versions:0:Options:AgeLimitYear", "40", "GovStaffPolicy:Versions:0:Options:AgeLimitYear is not a setting")]
    [InlineData("GovStaffPolicy:Calendar:AllowFallback", "maybe", "GovStaffPolicy:Calendar:AllowFallback must be true or false; got 'maybe'")]
    [InlineData("GovStaffPolicy:Calendar:Layers:1:Kind", "Planetary", "GovStaffPolicy:Calendar:Layers:1:Kind must be one of")]
    [InlineData("GovStaffPolicy:Calendar:Layers:0:Name", "mars", "GovStaffPolicy:Calendar:Layers:0:BuiltIn")]
    public async Task BadSetting_StopsTheHost_NamingTheKey(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["GovStaffPolicy:Versions:0:Id"] = "v",
            ["GovStaffPolicy:Versions:0:EffectiveFrom"] = "2022-01-01",
            ["GovStaffPolicy:OfficeHours:Winter:AfternoonEnd"] = "17:30",
            [key] = value,
        };
        if (key.Contains("Calendar", StringComparison.Ordinal))
        {
            settings["GovStaffPolicy:Calendar:Layers:0:BuiltIn"] = "true";
            settings["GovStaffPolicy:Calendar:Layers:0:Kind"] = "National";
        }

        using var host = Build(settings);
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(e.Failures, f => f.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task MalformedYearFile_StopsTheHost_NamingKeyFileLineAndField()
    {
        await File.WriteAllTextAsync(Path.Combine(_root, "2027.json"), "{\"year\": 2027, \"days\": [\n{\"name\": \"元旦\", \"date\": \"2027-02-30\", \"isOffDay\": true}]}");
        using var host = Build(new()
        {
            ["GovStaffPolicy:Calendar:Layers:0:Name"] = "national",
            ["GovStaffPolicy:Calendar:Layers:0:Kind"] = "National",
            ["GovStaffPolicy:Calendar:Layers:0:BuiltIn"] = "true",
            ["GovStaffPolicy:Calendar:Layers:0:Files:0"] = "2027.json",
        });
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        var failure = Assert.Single(e.Failures);
        Assert.StartsWith("GovStaffPolicy:Calendar:Layers:0:Files:0:", failure);
        Assert.Contains("2027.json, line 2, field 'days[0].date'", failure);
    }

    [Fact]
    public async Task MissingClock_IsAClearError()
    {
        using var host = Build([], withClock: false);
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());
        Assert.Contains("UseClock", e.Message);
        Assert.Contains("UseClock", Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredService<PolicyEngine>()).Message);
    }
}
