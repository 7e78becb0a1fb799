using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Assessments.Load.Dispatch.Wire;

/// <summary>
/// The engine's own HTTP/1.1 client for plain-HTTP targets on Linux: pre-built request bytes,
/// keep-alive connections read by one reactor thread, and nothing allocated per request on the
/// common path. HttpClient costs several times as much CPU per request, which on a small machine
/// is what limited the generator rather than the service.
/// </summary>
public sealed class WireTransport : IDisposable
{
    private readonly WireReactor _reactor = new();
    private readonly ConcurrentDictionary<DnsEndPoint, WirePool> _pools = new();

    /// <summary>epoll is Linux's, and the event layout is declared for x86-64.</summary>
    public static bool IsSupported => OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture == Architecture.X64;

    public static bool CanSend(Uri target) => IsSupported && target.Scheme == Uri.UriSchemeHttp;

    public long ConnectionsOpened => _pools.Values.Sum(p => p.Opened);

    /// <summary>Sends the request and reads its response; a connection the server had closed while idle is replaced once, by a new one.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<ReceivedResponse> ExchangeAsync(WireRequest request, bool keepBody, int bodyLimit, long deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pool = Pool(request.Endpoint);
        try
        {
            return await pool.Rent().SendAsync(request, keepBody, bodyLimit, deadline, cancellationToken);
        }
        catch (StaleConnectionException)
        {
            // Not another idle one: it may have been dropped just the same.
            return await pool.OpenNew().SendAsync(request, keepBody, bodyLimit, deadline, cancellationToken);
        }
    }

    /// <summary>Told how late the reactor handled a probe (due, handled): see <see cref="ThreadPoolProbe"/>.</summary>
    public Action<long, long>? ProbeObserved
    {
        get => _reactor.ProbeObserved;
        set => _reactor.ProbeObserved = value;
    }

    public void Probe(long dueTimestamp, long intervalTicks) => _reactor.Probe(dueTimestamp, intervalTicks);

    public void Dispose() => _reactor.Dispose();

    private WirePool Pool(DnsEndPoint endpoint) =>
        _pools.TryGetValue(endpoint, out var pool) ? pool : _pools.GetOrAdd(endpoint, e => new WirePool(Resolve(e), _reactor));

    // Resolved once per target, before the clock matters (the connection warmer sends first).
    // IPv4 first: services in containers listen on 0.0.0.0 far more often than on [::].
    private static IPEndPoint Resolve(DnsEndPoint endpoint)
    {
        if (IPAddress.TryParse(endpoint.Host, out var literal))
        {
            return new IPEndPoint(literal, endpoint.Port);
        }

        var addresses = Dns.GetHostAddresses(endpoint.Host);
        var chosen = addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.FirstOrDefault()
            ?? throw new SocketException((int)SocketError.HostNotFound);
        return new IPEndPoint(chosen, endpoint.Port);
    }
}
