using System.Collections.Concurrent;
using System.Net;

namespace Assessments.Load.Dispatch.Wire;

/// <summary>
/// The idle connections to one endpoint. The transport's slots bound how many exchanges run at once,
/// so the pool never holds more connections than there are slots; a closed connection is skipped
/// and a new one opened in its place.
/// </summary>
internal sealed class WirePool(IPEndPoint endpoint, WireReactor reactor)
{
    private readonly ConcurrentStack<WireConnection> _idle = new();
    private long _opened;
    private long _open;

    public long Opened => Interlocked.Read(ref _opened);

    public long Open => Interlocked.Read(ref _open);

    public WireConnection Rent()
    {
        while (_idle.TryPop(out var connection))
        {
            if (!connection.IsClosed)
            {
                return connection;
            }
        }

        return OpenNew();
    }

    /// <summary>A connection not yet connected; it connects as it sends its first request.</summary>
    public WireConnection OpenNew()
    {
        Interlocked.Increment(ref _opened);
        Interlocked.Increment(ref _open);
        return new WireConnection(endpoint, reactor, this);
    }

    public void Return(WireConnection connection)
    {
        if (!connection.IsClosed)
        {
            _idle.Push(connection);
        }
    }

    public void Closed() => Interlocked.Decrement(ref _open);
}
