using GovStaff.Policy.Appraisal;
using GovStaff.Policy.Attendance;
using GovStaff.Policy.Calendars;
using GovStaff.Policy.Decisions;
using GovStaff.Policy.Hosting;
using GovStaff.Policy.Plugins;
using GovStaff.Policy.Regulation;
using GovStaff.Policy.Service;
using GovStaff.Policy.Staffing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers GovStaff.Policy with a service collection.</summary>
public static class GovStaffPolicyServiceCollectionExtensions
{
    /// <summary>
    /// Registers the policy versions, the work calendars, office hours, the <see cref="PolicyEngine"/> and the rules,
    /// bound from the <c>GovStaffPolicy</c> section and validated when the host starts (a bad setting stops the host
    /// with a message naming the key).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration root (or any configuration holding the <c>GovStaffPolicy</c> section).</param>
    /// <returns>A builder to set the clock and add plugins.</returns>
    /// <remarks>An <see cref="IClock"/> must be registered, with <see cref="GovStaffPolicyBuilder.UseClock"/> or directly.</remarks>
    public static GovStaffPolicyBuilder AddGovStaffPolicy(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(GovStaffPolicyOptions.SectionName);
        // The binder throws for some unconvertible values and silently keeps defaults for others; either way the shape
        // validator names the key, so a bad setting stops the host with a message instead of a stack trace.
        var shape = new SettingsShapeValidator(section);
        services.AddOptions<GovStaffPolicyOptions>().Configure(o => shape.Bind(o)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GovStaffPolicyOptions>>(shape));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GovStaffPolicyOptions>, GovStaffPolicyOptionsValidator>());

        services.TryAddSingleton(sp =>
        {
            // Options.Value runs the validator first, so a bad configuration surfaces as an OptionsValidationException.
            var options = sp.GetRequiredService<IOptions<GovStaffPolicyOptions>>().Value;
            var root = GovStaffPolicyOptionsValidator.ContentRoot(sp.GetService<IHostEnvironment>());
            return GovStaffPolicyComponents.TryBuild(options, root, out var errors)
                ?? throw new OptionsValidationException(GovStaffPolicyOptions.SectionName, typeof(GovStaffPolicyOptions), errors);
        });
        services.TryAddSingleton(sp => sp.GetRequiredService<GovStaffPolicyComponents>().Versions);
        services.TryAddSingleton(sp => sp.GetRequiredService<GovStaffPolicyComponents>().Calendars);
        services.TryAddSingleton(sp => sp.GetRequiredService<GovStaffPolicyComponents>().Calendars.Default);
        services.TryAddSingleton(sp => sp.GetRequiredService<GovStaffPolicyComponents>().OfficeHours);
        services.TryAddSingleton(sp => new ServiceSchedule(sp.GetRequiredService<WorkCalendar>(), sp.GetRequiredService<OfficeHours>()));
        services.TryAddSingleton(sp => new PolicyEngine(sp.GetRequiredService<PolicyVersionSet>(), RequireClock(sp)));
        services.AddHostedService<StoreInitializer>();
        services.AddOptions<OutboxDispatcherOptions>().Bind(section.GetSection("Outbox"));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotifier, LogNotifier>());
        services.TryAddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        services.TryAddSingleton(sp => new PolicyRecorder(sp.GetService<IPolicyStore>()
            ?? throw new InvalidOperationException("No store is registered: call UseSqliteStorage, UsePostgreSqlStorage or UseInMemoryStorage on AddGovStaffPolicy(...).")));
        services.AddOptions<MonitorOptions>().Bind(section.GetSection("Monitors"));
        services.TryAddSingleton<PolicyMonitors>();
        services.AddHostedService<MonitorService>();
        // Every rule service, so a host injects the one it needs; each takes the engine and the calendar or schedule.
        services.TryAddSingleton<StaffingRules>();
        services.TryAddSingleton<StationingLifecycle>();
        services.TryAddSingleton<TransferLifecycle>();
        services.TryAddSingleton<AttendanceRules>();
        services.TryAddSingleton<LeaveLifecycle>();
        services.TryAddSingleton<CaseRules>();
        services.TryAddSingleton<AppointmentRules>();
        services.TryAddSingleton<DoorToDoorRules>();
        services.TryAddSingleton<ExtendedHoursRules>();
        services.TryAddSingleton<FirstContactRules>();
        services.TryAddSingleton<GovStaff.Policy.Reporting.OversightRules>();
        services.TryAddSingleton<OneTimeNotificationRules>();
        services.TryAddSingleton<RatingRules>();
        services.TryAddSingleton<ComplaintLifecycle>();
        services.TryAddSingleton(sp => new ConductAndTrainingRules(sp.GetRequiredService<PolicyEngine>(), sp.GetRequiredService<WorkCalendar>()));
        services.TryAddSingleton(sp => new AppraisalLifecycle(sp.GetRequiredService<PolicyEngine>(), sp.GetService<AppraisalSchemes>()));
        services.TryAddSingleton<SanctionLifecycle>();
        var builder = new GovStaffPolicyBuilder(services);
        // Plugins named in configuration come from the plugins folder; a missing or broken one stops the host here.
        PluginFolder.Load(builder, section, configuration[HostDefaults.ContentRootKey] ?? AppContext.BaseDirectory);
        return builder;
    }

    /// <summary>The registered clock, or a clear error saying how to register one.</summary>
    internal static IClock RequireClock(IServiceProvider services) =>
        services.GetService<IClock>() ?? throw new InvalidOperationException(
            "GovStaff.Policy needs an IClock: call AddGovStaffPolicy(configuration).UseClock(SystemClock.Instance) in the host's composition root (or a FakeClock in tests).");
}
