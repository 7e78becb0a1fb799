using System.Net;
using System.Net.Sockets;

namespace Assessments.Load.Dispatch;

/// <summary>
/// The run's connections: one <see cref="SocketsHttpHandler"/> capped at the plan's connection count,
/// and one slot per connection so that a request waits in our queue (where the wait is measured)
/// rather than inside the handler (where it is not).
/// </summary>
public sealed class HttpTransport : IDisposable
{
    private long _connectionsOpened;

    public HttpTransport(int connections, TimeSpan requestTimeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(connections, 1);
        Connections = connections;
        Slots = new SemaphoreSlim(connections, connections);
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectTimeout = requestTimeout,
            AutomaticDecompression = DecompressionMethods.None,
            AllowAutoRedirect = false,
            UseCookies = false,

            // Environment proxies must never redirect load away from the target.
            UseProxy = false,
            ConnectCallback = ConnectAsync,
        };
        Client = new HttpClient(handler, disposeHandler: true) { Timeout = requestTimeout };
    }

    public HttpClient Client { get; }

    public SemaphoreSlim Slots { get; }

    public int Connections { get; }

    public long ConnectionsOpened => Interlocked.Read(ref _connectionsOpened);

    public void Dispose()
    {
        Client.Dispose();
        Slots.Dispose();
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
            Interlocked.Increment(ref _connectionsOpened);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
