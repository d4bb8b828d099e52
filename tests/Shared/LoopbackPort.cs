using System.Net;
using System.Net.Sockets;

namespace GovStaff.Policy.Testing;

/// <summary>Free TCP ports on 127.0.0.1 for the servers the tests start (PostgreSQL, SMTP, HTTP).</summary>
internal static class LoopbackPort
{
    /// <summary>A port the system just handed out and released.</summary>
    public static int Free()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
