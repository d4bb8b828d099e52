using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace GovStaff.Policy.Hosting.Tests.Notifications;

/// <summary>A webhook receiver on 127.0.0.1 for the tests: records each request; can be stopped (an outage) and started again on the same port.</summary>
public sealed class LoopbackHttpServer : IDisposable
{
    private HttpListener? _listener;
    private Task? _loop;

    public LoopbackHttpServer()
    {
        Port = GovStaff.Policy.Testing.LoopbackPort.Free();
    }

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}/hook?key=robot-key");

    public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

    /// <summary>How long the receiver takes to answer each request (requests are served concurrently).</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// Runs as each request is answered, before the answer: a test moves its fake clock here (an endpoint that takes
    /// time, without waiting for it), or holds a delivery to act at a known point of it. Requests are served concurrently.
    /// </summary>
    public Action<Received>? OnRequest { get; set; }

    public ConcurrentQueue<Received> Requests { get; } = new();

    public void Start()
    {
        _listener = new HttpListener();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        var listener = _listener;
        _loop = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                HttpListenerContext ctx;
                try
                {
                    ctx = await listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                _ = Task.Run(async () =>
                {
                    using var reader = new StreamReader(ctx.Request.InputStream, Encoding.UTF8);
                    var body = await reader.ReadToEndAsync();
                    var headers = ctx.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => ctx.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
                    if (Delay > TimeSpan.Zero)
                    {
                        await Task.Delay(Delay);
                    }

                    var received = new Received(ctx.Request.Url!.ToString(), body, ctx.Request.Headers["X-GovStaff-Signature"]) { Headers = headers };
                    OnRequest?.Invoke(received);

                    Requests.Enqueue(received);
                    try
                    {
                        ctx.Response.StatusCode = (int)Status;
                        ctx.Response.Close();
                    }
                    catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                    {
                        // Stopped meanwhile.
                    }
                });
            }
        });
    }

    public void Stop()
    {
        _listener?.Stop();
        _listener?.Close();
        _listener = null;
        _loop?.Wait(TimeSpan.FromSeconds(5));
    }

    public void Dispose() => Stop();

    public sealed record Received(string Url, string Body, string? Signature)
    {
        public required IReadOnlyDictionary<string, string> Headers { get; init; }
    }
}
