using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GovStaff.Sample.Host;

/// <summary>
/// The store's preparation for a command that records without running the host's background work: the hosted services
/// that are not <see cref="BackgroundService"/>s (the store's initialiser, a plugin's own start-up) run once, when the
/// command first needs the store — at start for most, after every file is read for a replay, so a malformed scenario
/// creates no database.
/// </summary>
internal sealed class StorePreparation(IServiceProvider provider)
{
    private readonly List<IHostedService> _started = [];
    private bool _prepared;

    /// <summary>Starts the preparing services, once.</summary>
    /// <exception cref="InvalidOperationException">The store could not be opened or prepared (the message starts "The store ").</exception>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (_prepared)
        {
            return;
        }

        _prepared = true;
        // Resolved only now: building the hosted services binds their settings, which the host validates first.
        foreach (var service in provider.GetServices<IHostedService>().Where(s => s is not BackgroundService))
        {
            await service.StartAsync(cancellationToken);
            _started.Add(service);
        }
    }

    /// <summary>Stops what <see cref="PrepareAsync"/> started, in reverse order.</summary>
    public async Task StopAsync()
    {
        foreach (var service in Enumerable.Reverse(_started))
        {
            await service.StopAsync(CancellationToken.None);
        }

        _started.Clear();
    }
}
