using GovStaff.Policy.Plugins;
using Microsoft.Extensions.Hosting;

namespace GovStaff.Policy.Hosting;

/// <summary>Creates or migrates the registered store's schema when the host starts; a failure stops the host.</summary>
internal sealed class StoreInitializer(IServiceProvider services) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (services.GetService(typeof(IPolicyStore)) is IPolicyStore store)
        {
            try
            {
                await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new InvalidOperationException($"The store {store.GetType().Name} could not be initialised: {e.Message}", e);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
