using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks.Sources;

namespace Assessments.Load.Dispatch.Wire;

/// <summary>
/// One keep-alive HTTP/1.1 connection driven by the reactor. The sender writes the request from its
/// own thread (the dispatcher's, in the open model); the reactor reads the response and completes the
/// exchange on its thread, so the code after the await (recording, the next request of a closed-model
/// copy) runs there with no thread hop. A lock guards the hand-over between the two threads.
/// </summary>
internal sealed partial class WireConnection : IValueTaskSource<ReceivedResponse>
{
    private const int InitialBuffer = 16 * 1024;
    private const int MaxBuffer = 128 * 1024;

    private readonly Lock _gate = new();
    private readonly Socket _socket;
    private readonly IPEndPoint _endpoint;
    private readonly WireReactor _reactor;
    private readonly WirePool _pool;
    private readonly ResponseParser _parser = new();
    private readonly ResponseBody _body = new();
    private ManualResetValueTaskSourceCore<ReceivedResponse> _completion;
    private byte[] _buffer = new byte[InitialBuffer];
    private int _filled;
    private State _state;
    private long _id;
    private volatile bool _pending;
    private byte[] _request = [];
    private int _written;
    private long _deadline;
    private CancellationToken _cancellation;
    private bool _received;
    private int _responses;
    private volatile bool _closed;

    public WireConnection(IPEndPoint endpoint, WireReactor reactor, WirePool pool)
    {
        _endpoint = endpoint;
        _reactor = reactor;
        _pool = pool;
        _socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, Blocking = false };
    }

    private enum State
    {
        New,
        Connecting,
        Idle,
        Writing,
        Reading,
        Closed,
    }

    public bool IsClosed => _closed;

    private int Fd => (int)_socket.Handle;

    public ValueTask<ReceivedResponse> SendAsync(WireRequest request, bool keepBody, int limit, long deadline, CancellationToken cancellationToken)
    {
        Exception? failure;
        short version;
        lock (_gate)
        {
            if (_state == State.Closed)
            {
                return ValueTask.FromException<ReceivedResponse>(new StaleConnectionException(new ObjectDisposedException(nameof(WireConnection))));
            }

            _completion.Reset();
            version = _completion.Version;
            _pending = true;
            _request = request.Bytes;
            _written = 0;
            _deadline = deadline;
            _cancellation = cancellationToken;
            _body.Begin(keepBody, limit);
            _received = false;
            _filled = 0;
            _parser.Begin(request.IsHead);
            try
            {
                failure = _state switch
                {
                    State.New => ConnectLocked(),
                    State.Connecting => null,
                    _ => WriteLocked(),
                };
            }
            catch (Exception exception)
            {
                failure = exception;
            }

            if (failure is not null)
            {
                FailLocked();
            }
        }

        if (failure is not null)
        {
            _completion.SetException(failure);
        }

        return new ValueTask<ReceivedResponse>(this, version);
    }

    /// <summary>Called on the reactor thread with the readiness epoll reported.</summary>
    public void OnReady(uint events)
    {
        Exception? failure = null;
        ReceivedResponse? response = null;
        lock (_gate)
        {
            try
            {
                Advance(events, ref failure, ref response);
            }
            catch (Exception exception)
            {
                failure = exception;
            }

            if (failure is not null)
            {
                FailLocked();
            }
        }

        Complete(failure, response);
    }

    /// <summary>Called by the reactor every few milliseconds: a request past its deadline times out.</summary>
    public void Sweep(long now)
    {
        // An idle connection is one the real-time dispatcher may take at any moment: the reactor must
        // not hold its lock (and be preempted holding it) for nothing. A busy lock is swept next time.
        if (!_pending || !_gate.TryEnter())
        {
            return;
        }

        Exception? failure = null;
        try
        {
            if (!_pending || _state == State.Closed)
            {
                return;
            }

            if (_cancellation.IsCancellationRequested)
            {
                failure = new OperationCanceledException(_cancellation);
            }
            else if (now >= _deadline)
            {
                failure = new TimeoutException("The request took longer than the plan's request timeout.");
            }
            else
            {
                return;
            }

            FailLocked();
        }
        finally
        {
            _gate.Exit();
        }

        Complete(failure, null);
    }

    /// <summary>Ends the connection when the run's transport goes away; an exchange still waiting fails.</summary>
    public void Abort()
    {
        bool pending;
        lock (_gate)
        {
            pending = _pending && _state != State.Closed;
            FailLocked();
        }

        if (pending)
        {
            Complete(new OperationCanceledException("The load run ended before the response arrived."), null);
        }
    }

    public ReceivedResponse GetResult(short token)
    {
        try
        {
            return _completion.GetResult(token);
        }
        finally
        {
            // Only once the caller has its result may the connection serve another exchange.
            _pool.Return(this);
        }
    }

    public ValueTaskSourceStatus GetStatus(short token) => _completion.GetStatus(token);

    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _completion.OnCompleted(continuation, state, token, flags);

    // Called outside the lock: the caller's continuation runs inline and may use this connection again.
    private void Complete(Exception? failure, ReceivedResponse? response)
    {
        if (failure is not null)
        {
            _completion.SetException(failure);
        }
        else if (response is { } done)
        {
            _completion.SetResult(done);
        }
    }

    private void FailLocked()
    {
        _pending = false;
        CloseLocked();
    }

    private void CloseLocked()
    {
        if (_state == State.Closed)
        {
            return;
        }

        var registered = _state != State.New;
        _state = State.Closed;
        _closed = true;
        if (registered)
        {
            _reactor.Remove(Fd, _id);
        }

        _socket.Dispose();
        _pool.Closed();
        _body.Release();
    }
}
