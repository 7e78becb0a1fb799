using System.Net;
using System.Net.Sockets;
using Assessments.Load.Dispatch.Wire;
using Assessments.Load.Model;

namespace Assessments.Load.Dispatch;

/// <summary>
/// The run's connections: the engine's own wire client for plain HTTP on Linux, a
/// <see cref="SocketsHttpHandler"/> for the rest and for the init and clean hooks, both capped at the
/// plan's connection count, and one slot per connection so that a request waits in our queue (where
/// the wait is measured) rather than inside a client (where it is not).
/// </summary>
public sealed class HttpTransport : IDisposable
{
    private readonly long _timeoutTicks;
    private long _connectionsOpened;

    public HttpTransport(int connections, TimeSpan requestTimeout)
        : this(connections, requestTimeout, useWire: true)
    {
    }

    internal HttpTransport(int connections, TimeSpan requestTimeout, bool useWire)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(connections, 1);
        Connections = connections;
        _timeoutTicks = Measurement.Clock.Ticks(requestTimeout);
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
        Wire = useWire && WireTransport.IsSupported ? new WireTransport() : null;
    }

    public HttpClient Client { get; }

    /// <summary>The wire client, where the platform has one; see <see cref="WireTransport.CanSend"/>.</summary>
    public WireTransport? Wire { get; }

    public SemaphoreSlim Slots { get; }

    public int Connections { get; }

    public long ConnectionsOpened => Interlocked.Read(ref _connectionsOpened) + (Wire?.ConnectionsOpened ?? 0);

    public bool SendsOverWire(Uri target) => Wire is not null && WireTransport.CanSend(target);

    /// <summary>
    /// Whether this step's requests go over the wire client. A rotating request does not: its wire form
    /// is written once for one URI, while HttpClient builds each message from the next URI in turn.
    /// </summary>
    public bool SendsOverWire(HttpRequestTemplate request) => request.Rotation.Count == 0 && SendsOverWire(request.Uri);

    /// <summary>The wire form of a step's request, or null when it goes through HttpClient.</summary>
    public WireRequest? WireFormOf(HttpRequestTemplate request) =>
        SendsOverWire(request) ? WireRequest.From(request) : null;

    /// <summary>Sends one request and reads its whole response, through whichever client serves it.</summary>
    public ValueTask<ReceivedResponse> ExchangeAsync(
        HttpRequestTemplate request, WireRequest? wireForm, bool keepBody, int bodyLimit, long sentTimestamp, CancellationToken cancellationToken) =>
        wireForm is not null && Wire is not null
            ? Wire.ExchangeAsync(wireForm, keepBody, bodyLimit, sentTimestamp + _timeoutTicks, cancellationToken)
            : new ValueTask<ReceivedResponse>(SendWithClientAsync(request, keepBody, bodyLimit, cancellationToken));

    public void Dispose()
    {
        Wire?.Dispose();
        Client.Dispose();
        Slots.Dispose();
    }

    private async Task<ReceivedResponse> SendWithClientAsync(HttpRequestTemplate template, bool keepBody, int bodyLimit, CancellationToken cancellationToken)
    {
        using var request = template.ToMessage();
        using var response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return await BodyReader.ReadAsync(response, keepBody, bodyLimit, cancellationToken);
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
