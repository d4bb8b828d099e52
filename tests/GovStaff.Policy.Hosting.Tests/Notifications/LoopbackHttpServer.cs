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

    public ConcurrentQueue<(string Url, string Body, string? Signature)> Requests { get; } = new();

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

                using var reader = new StreamReader(ctx.Request.InputStream, Encoding.UTF8);
                Requests.Enqueue((ctx.Request.Url!.ToString(), await reader.ReadToEndAsync(), ctx.Request.Headers["X-GovStaff-Signature"]));
                ctx.Response.StatusCode = (int)Status;
                ctx.Response.Close();
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
}
