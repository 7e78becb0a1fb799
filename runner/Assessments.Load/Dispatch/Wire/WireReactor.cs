using System.Collections.Concurrent;
using System.Diagnostics;

namespace Assessments.Load.Dispatch.Wire;

/// <summary>
/// One thread that waits on every connection at once and reads whatever is ready, then runs the code
/// waiting for each response right there. This is wrk's design: no wake-up of another thread per
/// response, and readiness handled in batches when the load is high. Every few milliseconds it also
/// times out requests past their deadline and ends those whose run was stopped.
/// </summary>
internal sealed class WireReactor : IDisposable
{
    private const int MaxEvents = 256;
    private const int WaitMilliseconds = 5;
    private static readonly long SweepEvery = Stopwatch.Frequency * 5 / 1000;

    private readonly int _epoll = Epoll.Create();
    private readonly ConcurrentDictionary<long, WireConnection> _connections = new();
    private const long SignalId = 0;

    private readonly Thread _thread;
    private readonly ReactorSignal _signal = new();
    private long _nextId;
    private long _probeDue;
    private long _probeInterval;
    private volatile bool _stopping;

    public WireReactor()
    {
        Epoll.Register(_epoll, _signal.Fd, Epoll.In, SignalId);
        _thread = new Thread(Loop) { IsBackground = true, Name = "load-reactor" };
        _thread.Start();
    }

    /// <summary>Told how late the reactor got to a probe: due timestamp, handled timestamp.</summary>
    public Action<long, long>? ProbeObserved { get; set; }

    /// <summary>
    /// Asks the reactor to note when it gets round to this: responses wait for the reactor the same
    /// way, so a reactor busy with expensive checks shows as delay here, not as the service's latency.
    /// </summary>
    public void Probe(long dueTimestamp, long intervalTicks)
    {
        // The oldest probe not yet handled stays; the ones after it are counted when it is handled.
        _probeInterval = intervalTicks;
        if (Interlocked.CompareExchange(ref _probeDue, dueTimestamp, 0) == 0)
        {
            _signal.Raise();
        }
    }

    public long Add(WireConnection connection, int fd, uint events)
    {
        var id = Interlocked.Increment(ref _nextId);
        _connections[id] = connection;
        Epoll.Register(_epoll, fd, events, id);
        return id;
    }

    public void Change(int fd, uint events, long id) => Epoll.Change(_epoll, fd, events, id);

    public void Remove(int fd, long id)
    {
        Epoll.Unregister(_epoll, fd);
        _connections.TryRemove(id, out _);
    }

    public void Dispose()
    {
        _stopping = true;
        _thread.Join();
        foreach (var connection in _connections.Values)
        {
            connection.Abort();
        }

        Epoll.Close(_epoll);
        _signal.Dispose();
    }

    private void ProbeHandled()
    {
        _signal.Clear();
        var due = Interlocked.Exchange(ref _probeDue, 0);
        var now = Stopwatch.GetTimestamp();
        var interval = Math.Max(1, Volatile.Read(ref _probeInterval));

        // Every probe that fell due while the reactor was busy waited until now, like the responses did.
        for (var probe = due; due != 0 && probe <= now; probe += interval)
        {
            ProbeObserved?.Invoke(probe, now);
        }
    }

    private void Loop()
    {
        var events = new Epoll.Event[MaxEvents];
        var lastSweep = Stopwatch.GetTimestamp();
        while (!_stopping)
        {
            var ready = Epoll.Wait(_epoll, events, WaitMilliseconds);
            for (var i = 0; i < ready; i++)
            {
                if (events[i].Data == SignalId)
                {
                    ProbeHandled();
                }
                else if (_connections.TryGetValue(events[i].Data, out var connection))
                {
                    connection.OnReady(events[i].Events);
                }
            }

            var now = Stopwatch.GetTimestamp();
            if (now - lastSweep >= SweepEvery)
            {
                lastSweep = now;
                foreach (var connection in _connections.Values)
                {
                    connection.Sweep(now);
                }
            }
        }
    }
}
