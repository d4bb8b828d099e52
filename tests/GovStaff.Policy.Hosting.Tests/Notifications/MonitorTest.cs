using GovStaff.Policy.Attendance;
using GovStaff.Policy.Calendars;
using GovStaff.Policy.Decisions;
using GovStaff.Policy.Hosting.Tests.Storage;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Plugins;
using GovStaff.Policy.Serialization;
using GovStaff.Policy.Service;
using GovStaff.Policy.Staffing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;
using NodaTime.Testing;

namespace GovStaff.Policy.Hosting.Tests.Notifications;

[Collection(PostgresGroup.Name)]
public sealed class MonitorTest(PostgresServer postgres) : IDisposable
{
    private readonly LoopbackHttpServer _server = new();

    public void Dispose() => _server.Dispose();

    private static FakeClock At(int month, int day) =>
        new(new LocalDateTime(2022, month, day, 10, 0).InZoneStrictly(OfficeHours.ChinaZone).ToInstant());

    private IHost Host(IClock clock, Action<GovStaffPolicyBuilder> storage, string name)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GovStaffPolicy:Outbox:ImmediateRetries"] = "0",
            ["GovStaffPolicy:Outbox:HostName"] = name,
        });
        builder.Services.AddLogging();
        var policy = builder.Services.AddGovStaffPolicy(builder.Configuration).UseClock(clock).AddWebhookNotifications(o => o.Url = _server.Url);
        storage(policy);
        return builder.Build();
    }

    [Fact]
    public async Task MonitorsOnACalendarWithoutDataForToday_AreRefusedAtStart_NamingTheCalendarAndTheMissingYears()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GovStaffPolicy:Calendar:Layers:0:Name"] = "national",
            ["GovStaffPolicy:Calendar:Layers:0:Kind"] = "National",
            ["GovStaffPolicy:Calendar:Layers:0:BuiltIn"] = "true",
            ["GovStaffPolicy:Calendar:Layers:1:Name"] = "ningxia",
            ["GovStaffPolicy:Calendar:Layers:1:Kind"] = "Regional",
            ["GovStaffPolicy:Calendar:Layers:1:BuiltIn"] = "true",
        });
        builder.Services.AddLogging();
        var today = new FakeClock(new LocalDateTime(2026, 6, 1, 10, 0).InZoneStrictly(OfficeHours.ChinaZone).ToInstant());
        builder.Services.AddGovStaffPolicy(builder.Configuration).UseClock(today).UseInMemoryStorage();
        using var host = builder.Build();
        var e = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => host.StartAsync());
        var message = Assert.Single(e.Failures);
        Assert.Contains("the calendar 'national+ningxia' has no data for 2023, 2024, 2025, 2026", message);
        Assert.Contains("AllowFallback", message);

        // The same calendar with the monitors off starts: nothing counts on it unasked.
        var off = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        off.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(builder.Configuration.AsEnumerable()) { ["GovStaffPolicy:Monitors:Enabled"] = "false" });
        off.Services.AddLogging();
        off.Services.AddGovStaffPolicy(off.Configuration).UseClock(today).UseInMemoryStorage();
        using var started = off.Build();
        await started.StartAsync();
        await started.StopAsync();
    }

    private static ServiceNetwork District()
    {
        var hall = new ServiceBodyId("hall");
        var centre = new ServiceBodyId("binhe-centre");
        var binhe = new HomeUnitId("binhe");
        var police = new HomeUnitId("binhe-police");
        return new ServiceNetwork(
            [new(hall, ServiceBodyKind.ServiceHall, "大厅"), new(centre, ServiceBodyKind.TownshipCentre, "滨河镇民生服务中心", hall, binhe)],
            [new(binhe, HomeUnitKind.Township, "滨河镇"), new(police, HomeUnitKind.PoliceStation, "滨河派出所", binhe)],
            [
                new(new StaffId("D-BH"), "马志强", new LocalDate(1980, 1, 20), binhe, Role.TownshipCentreDirector, centre, true, true),
                new(new StaffId("W-BH1"), "周敏", new LocalDate(1991, 7, 7), binhe, Role.TownshipWindowStaff, centre, true, true),
                new(new StaffId("POL-1"), "李警官", new LocalDate(1988, 3, 3), police, Role.TownshipWindowStaff, centre, true, true),
            ],
            [],
            new LocalDate(2022, 10, 1));
    }

    private static async Task SeedAsync(IPolicyStore store, IClock clock)
    {
        var engine = new PolicyEngine(Regulation.PolicyVersionSet.Default, clock);
        var network = District();
        var centre = Actor.For("马志强", new ServiceBodyId("binhe-centre"));
        var cases = new CaseRules(engine, WorkCalendar.National);
        ServiceCase Case(string id, LocalDate on, int promised) =>
            cases.Accept(new ServiceCase(id, new ServiceBodyId("binhe-centre"), new StaffId("W-BH1"), "事项" + id, ServiceChannel.OnSite, on, 20, promised), network, centre).Entity;
        var leaveRules = new LeaveLifecycle(engine, WorkCalendar.National);
        var leave = leaveRules.Request(new LeaveRequest("L1", new StaffId("W-BH1"), new(2022, 10, 13), new(2022, 10, 14), "事假", new(2022, 10, 11)), network, centre).Entity;
        leave = leaveRules.Start(leaveRules.Approve(leave, network, [], centre, new(2022, 10, 12)).Entity, new(2022, 10, 13)).Entity;
        var transfers = new TransferLifecycle(engine, WorkCalendar.National);
        var station = Actor.For("所长", new HomeUnitId("binhe-police"));
        var t = transfers.Request(new TransferRequest("T1", new StaffId("POL-1"), TransferKind.PoliceAdjustment, new(2020, 1, 6), new(2022, 10, 3), "工作需要"), network, station).Entity;
        t = transfers.Review(t, network, centre, new(2022, 10, 8)).Entity;
        t = transfers.Execute(transfers.Approve(t, network, centre, new(2022, 10, 9)).Entity, network, station, new(2022, 10, 10)).Entity;

        await store.CommitAsync(new WriteBatch
        {
            Documents =
            [
                new(DocumentKinds.Network, DocumentKinds.DistrictId, GovStaffJson.Serialize(network), 0),
                new(DocumentKinds.Case, "C1", GovStaffJson.Serialize(Case("C1", new(2022, 10, 10), 5)), 0),  // overdue since 17 Oct
                new(DocumentKinds.Case, "C2", GovStaffJson.Serialize(Case("C2", new(2022, 10, 12), 5)), 0),  // 4 of 5 used: early warning
                new(DocumentKinds.Case, "C3", GovStaffJson.Serialize(Case("C3", new(2022, 10, 17), 20)), 0), // on track
                new(DocumentKinds.Leave, "L1", GovStaffJson.Serialize(leave), 0),                              // report back was due 17 Oct
                new(DocumentKinds.Transfer, "T1", GovStaffJson.Serialize(t), 0),                               // report was due 17 Oct
            ],
        });
    }

    [Fact]
    public async Task AHostWithoutAStoreOrADistrict_SaysSo_InsteadOfCheckingNothingSilently()
    {
        var logs = new CapturingLoggerProvider();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.Services.AddLogging().AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs);
        builder.Services.AddGovStaffPolicy(builder.Configuration).UseClock(At(10, 18)).UseInMemoryStorage();
        using (var host = builder.Build())
        {
            await host.Services.GetRequiredService<PolicyMonitors>().RunOnceAsync(); // an empty store: no network
        }

        Assert.Contains(logs.Lines, l => l.Contains("the store holds no district network", StringComparison.Ordinal));

        var bare = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        bare.Services.AddLogging().AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs);
        bare.Services.AddGovStaffPolicy(bare.Configuration).UseClock(At(10, 18));
        using (var host = bare.Build())
        {
            await host.StartAsync();
            // ExecuteAsync runs in the background: wait for the dispatcher's, which ends at once without a store.
            await host.Services.GetRequiredService<OutboxDispatcher>().ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));
            await host.StopAsync();
        }

        Assert.True(logs.Lines.Any(l => l.StartsWith("No store is registered", StringComparison.Ordinal)), string.Join("\n", logs.Lines));
    }

    [Fact]
    public async Task EachRound_SaysWhatEachMonitorLookedAt_AndAfterTheMeasuresPeriod_ThatNoVersionIsInForce()
    {
        var logs = new CapturingLoggerProvider();
        var clock = At(10, 18);
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.Services.AddLogging().AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs);
        builder.Services.AddGovStaffPolicy(builder.Configuration).UseClock(clock).UseInMemoryStorage();
        using var host = builder.Build();
        await SeedAsync(host.Services.GetRequiredService<IPolicyStore>(), clock);
        var monitors = host.Services.GetRequiredService<PolicyMonitors>();

        await monitors.RunOnceAsync();
        var cases = (await host.Services.GetRequiredService<IPolicyStore>().LoadAllAsync(DocumentKinds.Case)).Count;
        Assert.Contains(logs.Lines, l => l.StartsWith($"Monitor deadlines: looked at {cases} stored case records; ", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.StartsWith("Monitor quarter-end: looked at the quarter 2022Q4 on 2022-10-18; ", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.StartsWith("No version of the measures", StringComparison.Ordinal));

        // The built-in trial version ends on 2023-12-31 (Art. 31): a host still running in 2026 judges under nothing.
        clock.Reset(Instant.FromUtc(2026, 12, 7, 2, 0));
        await monitors.RunOnceAsync();
        Assert.Contains(logs.Lines, l => l.StartsWith("No version of the measures is in force on 2026-12-07 (configured: shapotou-2021-trial 2021-01-01–2023-12-31)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EveryMonitor_OnEveryDayOfAYear_RunsWithoutAnError()
    {
        // A property over the calendar: working days, weekends, holidays, 调休 days, quarter ends and the days before
        // anything was filed. The quarter-end reminder used to throw on ordinary days.
        var clock = At(10, 18);
        using var host = Host(clock, p => p.UseInMemoryStorage(), "host-a");
        await SeedAsync(host.Services.GetRequiredService<IPolicyStore>(), clock);
        var monitors = host.Services.GetRequiredService<PolicyMonitors>();
        var failures = new List<string>();
        for (var day = new LocalDate(2022, 1, 1); day.Year == 2022; day = day.PlusDays(1))
        {
            clock.Reset(day.At(new LocalTime(10, 0)).InZoneStrictly(OfficeHours.ChinaZone).ToInstant());
            await monitors.RunOnceAsync();
            failures.AddRange(monitors.LastRuns.Where(r => r.Errors > 0).Select(r => $"{day}: {r.Monitor} {r.Errors} errors"));
        }

        Assert.Empty(failures);
        Assert.Equal(["deadlines", "quarter-end", "report-back", "unreported-adjustments"], monitors.LastRuns.Select(r => r.Monitor));
    }

    [Fact]
    public async Task AnItemThatFails_IsSkipped_AndTheOtherItemsAndMonitorsStillRun_EachMonitorReportingItsRun()
    {
        var clock = At(10, 18);
        using var host = Host(clock, p => p.UseInMemoryStorage(), "host-a");
        var store = host.Services.GetRequiredService<IPolicyStore>();
        await SeedAsync(store, clock);
        // A malformed stored case, listed before the good ones, and a leave dated where no calendar has data.
        var broken = GovStaffJson.Serialize(new LeaveRequest("L9", new StaffId("W-BH1"), new(2099, 1, 5), new(2099, 1, 6), "事假", new(2099, 1, 1)))
            .Replace("\"state\":\"draft\"", "\"state\":\"onLeave\"", StringComparison.Ordinal);
        await store.CommitAsync(new WriteBatch
        {
            Documents = [new(DocumentKinds.Case, "A-broken", "{ \"not\": \"a case\" }", 0), new(DocumentKinds.Leave, "L9", broken, 0)],
        });

        var monitors = host.Services.GetRequiredService<PolicyMonitors>();
        // The same figures as a metric, on this host's meter (other tests' hosts measure on meters of their own).
        var factory = host.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        var measured = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
        using var listener = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == PolicyMonitors.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var monitor = tags.ToArray().Single(t => t.Key == "monitor").Value;
            measured.AddOrUpdate($"{instrument.Name}|{monitor}", value, (_, sum) => instrument.Name.EndsWith("last_run", StringComparison.Ordinal) ? value : sum + value);
        });
        listener.Start();

        var raised = await monitors.RunOnceAsync();
        Assert.Equal(4, raised); // the overdue and early-warning cases, the leave and the adjustment: as without the broken records
        listener.RecordObservableInstruments();
        Assert.Equal(2, measured["govstaff.monitor.warnings|deadlines"]);
        Assert.Equal(1, measured["govstaff.monitor.errors|deadlines"]);
        Assert.Equal(1, measured["govstaff.monitor.errors|report-back"]);
        Assert.Equal(1, measured["govstaff.monitor.warnings|unreported-adjustments"]);
        Assert.Equal(0, measured["govstaff.monitor.errors|unreported-adjustments"]);
        Assert.Equal(clock.GetCurrentInstant().ToUnixTimeSeconds(), measured["govstaff.monitor.last_run|quarter-end"]);
        var runs = monitors.LastRuns.ToDictionary(r => r.Monitor);
        Assert.Equal(["deadlines", "quarter-end", "report-back", "unreported-adjustments"], runs.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(1, runs["deadlines"].Errors);
        Assert.Equal(2, runs["deadlines"].Findings);
        Assert.Equal(1, runs["report-back"].Errors);
        Assert.Equal(1, runs["report-back"].Findings);
        Assert.Equal(1, runs["unreported-adjustments"].Findings);
        Assert.Equal(0, runs["unreported-adjustments"].Errors);
    }

    [Fact]
    public async Task TwoHostsOnOnePostgreSql_RaiseAndNotifyEachWarningExactlyOnce()
    {
        var connection = await postgres.CreateDatabaseAsync();
        var clock = At(10, 18);
        using var a = Host(clock, p => p.UsePostgreSqlStorage(connection), "host-a");
        using var b = Host(clock, p => p.UsePostgreSqlStorage(connection), "host-b");
        var store = a.Services.GetRequiredService<IPolicyStore>();
        await store.InitializeAsync();
        await b.Services.GetRequiredService<IPolicyStore>().InitializeAsync();
        await SeedAsync(store, clock);
        _server.Start();

        var monitorsA = a.Services.GetRequiredService<PolicyMonitors>();
        var monitorsB = b.Services.GetRequiredService<PolicyMonitors>();
        var raised = await Task.WhenAll(monitorsA.RunOnceAsync(), monitorsB.RunOnceAsync(), monitorsA.RunOnceAsync(), monitorsB.RunOnceAsync());
        Assert.Equal(4, raised.Sum());

        var events = (await store.ReadAuditAsync(0, 1000)).Where(e => e.Kind.StartsWith("event:", StringComparison.Ordinal)).ToArray();
        Assert.Equal(4, events.Length);
        Assert.Equal(4, events.Select(e => e.IdempotencyKey).Distinct().Count());
        Assert.Contains(events, e => e.Kind == "event:case.supervise" && e.Subject == "case:C1");
        Assert.Contains(events, e => e.Kind == "event:warning.art21.early-warning" && e.Subject == "case:C2");
        Assert.Contains(events, e => e.Kind == "event:warning.art12-2.report-back-overdue");
        Assert.Contains(events, e => e.Kind == "event:warning.art7.unreported");
        Assert.True(GovStaffJson.Deserialize<ServiceCase>((await store.LoadAsync(DocumentKinds.Case, "C1"))!.Json).UnderSupervision);

        var delivered = await Task.WhenAll(
            a.Services.GetRequiredService<OutboxDispatcher>().RunOnceAsync(),
            b.Services.GetRequiredService<OutboxDispatcher>().RunOnceAsync());
        Assert.Equal(4, delivered.Sum());
        Assert.Equal(4, _server.Requests.Count);
        Assert.Equal(0, await a.Services.GetRequiredService<OutboxDispatcher>().RunOnceAsync());
    }

    [Fact]
    public async Task TwoHostsOnOnePostgreSql_EveryMonitorWithSomethingDue_EachWarningStoredOnceAndNotifiedOnce()
    {
        var connection = await postgres.CreateDatabaseAsync();
        // 27 December 2022: the quarter's last five working days, and the October items all overdue.
        var clock = At(12, 27);
        using var a = Host(clock, p => p.UsePostgreSqlStorage(connection), "host-a");
        using var b = Host(clock, p => p.UsePostgreSqlStorage(connection), "host-b");
        var store = a.Services.GetRequiredService<IPolicyStore>();
        await Task.WhenAll(store.InitializeAsync(), b.Services.GetRequiredService<IPolicyStore>().InitializeAsync());
        await SeedAsync(store, clock);
        _server.Start();

        var monitorsA = a.Services.GetRequiredService<PolicyMonitors>();
        var monitorsB = b.Services.GetRequiredService<PolicyMonitors>();
        await Task.WhenAll(Enumerable.Range(0, 3).SelectMany(_ => new[] { monitorsA.RunOnceAsync(), monitorsB.RunOnceAsync() }));

        var events = (await store.ReadAuditAsync(0, 1000)).Where(e => e.Kind.StartsWith("event:", StringComparison.Ordinal)).ToArray();
        var byMonitor = events.GroupBy(e => e.Kind).ToDictionary(g => g.Key, g => g.Select(e => e.Subject).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(["case:C1", "case:C2", "case:C3"], byMonitor["event:case.supervise"]);             // deadlines (Art. 21)
        Assert.Equal(["leave:L1"], byMonitor["event:warning.art12-2.report-back-overdue"]);            // report back (Art. 12(2))
        Assert.Equal(["transfer:T1"], byMonitor["event:warning.art7.unreported"]);                     // adjustments (Art. 7)
        Assert.Equal(["quarter:2022Q4"], byMonitor["event:warning.art26.quarter-end"]);          // quarter end (Art. 26)
        Assert.Equal(6, events.Length);

        await Task.WhenAll(DrainAsync(a), DrainAsync(b));
        var received = _server.Requests.ToArray();
        Assert.Equal(6, received.Length);
        Assert.Equal(6, received.Select(r => r.Headers["X-GovStaff-Message-Id"]).Distinct().Count());
        Assert.Equal(6, (await store.ReadOutboxAsync(OutboxState.Delivered)).Count);

        async Task DrainAsync(IHost host)
        {
            var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();
            while ((await store.ReadOutboxAsync(OutboxState.Pending)).Count > 0)
            {
                await dispatcher.RunOnceAsync();
            }
        }
    }

    [Fact]
    public async Task QuarterEndReminder_IsRaisedOncePerQuarter()
    {
        var clock = At(12, 27); // four working days before 2022Q4 ends on Friday 30 December
        using var host = Host(clock, p => p.UseInMemoryStorage(), "solo");
        var monitors = host.Services.GetRequiredService<PolicyMonitors>();
        Assert.Equal(1, await monitors.RunOnceAsync());
        clock.Advance(Duration.FromDays(1));
        Assert.Equal(0, await monitors.RunOnceAsync());
        var reminder = Assert.Single(await host.Services.GetRequiredService<IPolicyStore>().ReadAuditAsync(0, 10), e => e.Kind.StartsWith("event:", StringComparison.Ordinal));
        Assert.Equal("quarter:2022Q4", reminder.Subject);

        var early = new FakeClock(new LocalDateTime(2022, 11, 15, 10, 0).InZoneStrictly(OfficeHours.ChinaZone).ToInstant());
        using var other = Host(early, p => p.UseInMemoryStorage(), "solo2");
        Assert.Equal(0, await other.Services.GetRequiredService<PolicyMonitors>().RunOnceAsync());
    }
}
