using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using GovStaff.Policy.Plugins;
using NodaTime;

namespace GovStaff.Policy.Hosting;

/// <summary>Configures GovStaff.Policy after <c>AddGovStaffPolicy</c>: the clock, and the plugins that extend it.</summary>
public sealed class GovStaffPolicyBuilder
{
    internal GovStaffPolicyBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection, for plugins' own registration extensions.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Sets the clock every decision is stamped with. The library never reads the wall clock by itself: a host picks
    /// <c>SystemClock.Instance</c> in its composition root; tests pass a <c>FakeClock</c>.
    /// </summary>
    /// <param name="clock">The clock.</param>
    public GovStaffPolicyBuilder UseClock(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        Services.RemoveAll<IClock>();
        Services.AddSingleton(clock);
        return this;
    }

    /// <summary>Keeps everything in memory: for tests and quick embedding; lost when the process ends.</summary>
    public GovStaffPolicyBuilder UseInMemoryStorage()
    {
        Services.RemoveAll<IPolicyStore>();
        Services.AddSingleton<IPolicyStore, InMemoryPolicyStore>();
        return this;
    }
}
