using Microsoft.Extensions.Hosting;

namespace GovStaff.Sample.Host;

/// <summary>
/// The host's lifetime is the run's: <see cref="SampleHostRun.Stopping"/> (Ctrl+C or SIGTERM in a process, see
/// Program.cs) stops the application. It replaces the console lifetime, which would handle the same signals a second
/// way — and for a command it would only stop the background services while the command itself carried on.
/// </summary>
internal sealed class RunLifetime(SampleHostRun run, IHostApplicationLifetime lifetime) : IHostLifetime, IDisposable
{
    private CancellationTokenRegistration _registration;

    public Task WaitForStartAsync(CancellationToken cancellationToken)
    {
        _registration = run.Stopping.Register(lifetime.StopApplication);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _registration.Dispose();
}
