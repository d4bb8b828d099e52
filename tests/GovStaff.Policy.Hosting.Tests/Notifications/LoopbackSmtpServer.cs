using System.Buffers;
using System.Collections.Concurrent;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace GovStaff.Policy.Hosting.Tests.Notifications;

/// <summary>A real SMTP server on 127.0.0.1 for the tests (SmtpServer): keeps every mail it receives; can be stopped (an outage) and started again.</summary>
public sealed class LoopbackSmtpServer : IDisposable
{
    private CancellationTokenSource? _running;

    public int Port { get; } = GovStaff.Policy.Testing.LoopbackPort.Free();

    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    public void Start()
    {
        var provider = new SmtpServer.ComponentModel.ServiceProvider();
        provider.Add(new Capture(Received));
        _running = new CancellationTokenSource();
        _ = new SmtpServer.SmtpServer(new SmtpServerOptionsBuilder().ServerName("localhost").Port(Port).Build(), provider).StartAsync(_running.Token);
        Thread.Sleep(200); // the listener binds asynchronously
    }

    public void Stop()
    {
        _running?.Cancel();
        _running?.Dispose();
        _running = null;
        Thread.Sleep(200);
    }

    /// <summary>Waits (a bound for the test only) until a mail has arrived: the server hands it over asynchronously.</summary>
    public async Task WaitForMailAsync(TimeSpan bound)
    {
        var deadline = DateTime.UtcNow + bound;
        while (Received.IsEmpty && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }

    public void Dispose() => Stop();

    private sealed class Capture(ConcurrentQueue<MimeMessage> received) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            received.Enqueue(MimeMessage.Load(stream, cancellationToken));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
