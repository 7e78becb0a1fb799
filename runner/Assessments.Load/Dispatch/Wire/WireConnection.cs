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
internal sealed class WireConnection : IValueTaskSource<ReceivedResponse>
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

    private void Advance(uint events, ref Exception? failure, ref ReceivedResponse? response)
    {
        switch (_state)
        {
            case State.Closed or State.New:
                return;
            case State.Connecting:
                var error = (SocketError)(int)_socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Error)!;
                if (error != SocketError.Success)
                {
                    failure = new SocketException((int)error);
                    return;
                }

                // Connected: from now on the reactor waits for the response, not for writability.
                _state = State.Idle;
                _reactor.Change(Fd, Epoll.In | Epoll.ReadHangUp, _id);
                failure = _pending ? WriteLocked() : null;
                return;
            case State.Idle:
                // Nothing was asked: the server closed an idle connection (or sent what nobody asked for).
                // Whoever takes it next finds it closed and opens another.
                if ((events & (Epoll.In | Epoll.HangUp | Epoll.Error | Epoll.ReadHangUp)) != 0)
                {
                    CloseLocked();
                }

                return;
            case State.Writing:
                if ((events & (Epoll.Out | Epoll.Error | Epoll.HangUp)) != 0)
                {
                    failure = WriteLocked();
                }

                return;
            case State.Reading:
                Read(ref failure, ref response);
                return;
        }
    }

    private void Read(ref Exception? failure, ref ReceivedResponse? response)
    {
        if (_filled == _buffer.Length)
        {
            if (_buffer.Length >= MaxBuffer)
            {
                failure = new HttpRequestException(HttpRequestError.InvalidResponse, "A response line or header block is too long.");
                return;
            }

            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = _socket.Receive(_buffer.AsSpan(_filled), SocketFlags.None, out var error);
        if (error == SocketError.WouldBlock)
        {
            return;
        }

        if (error != SocketError.Success || read == 0)
        {
            _parser.EndOfStream();
            if (error == SocketError.Success && _parser.Completed)
            {
                response = Finish();
                return;
            }

            var cause = error == SocketError.Success
                ? new HttpRequestException(HttpRequestError.ResponseEnded, "The server closed the connection before the response ended.")
                : (Exception)new SocketException((int)error);
            failure = !_received && _responses > 0 ? new StaleConnectionException(cause) : cause;
            return;
        }

        _received = true;
        _filled += read;
        var consumed = _parser.Feed(_buffer.AsSpan(0, _filled), _body);
        _filled -= consumed;
        if (_filled > 0)
        {
            _buffer.AsSpan(consumed, _filled).CopyTo(_buffer);
        }

        if (_parser.Completed)
        {
            response = Finish();
        }
    }

    private ReceivedResponse Finish()
    {
        var response = _body.Hand(_parser.StatusCode, _parser.ContentType);

        _pending = false;
        _responses++;
        _state = State.Idle;

        // Bytes beyond the response are not ours to guess about; a fresh connection is safer.
        if (!_parser.KeepAlive || _filled > 0)
        {
            CloseLocked();
        }

        return response;
    }

    private Exception? WriteLocked()
    {
        var sent = _socket.Send(_request.AsSpan(_written), SocketFlags.None, out var error);
        if (error is not (SocketError.Success or SocketError.WouldBlock))
        {
            var cause = new SocketException((int)error);
            return _responses > 0 ? new StaleConnectionException(cause) : cause;
        }

        _written += error == SocketError.Success ? sent : 0;
        var wasWriting = _state == State.Writing;
        _state = _written == _request.Length ? State.Reading : State.Writing;
        if (_state == State.Writing && !wasWriting)
        {
            _reactor.Change(Fd, Epoll.Out | Epoll.In | Epoll.ReadHangUp, _id);
        }
        else if (_state == State.Reading && wasWriting)
        {
            _reactor.Change(Fd, Epoll.In | Epoll.ReadHangUp, _id);
        }

        return null;
    }

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

    private Exception? ConnectLocked()
    {
        try
        {
            _socket.Connect(_endpoint);
            _state = State.Idle;
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.WouldBlock or SocketError.InProgress)
        {
            _state = State.Connecting;
        }

        _id = _reactor.Add(this, Fd, _state == State.Connecting ? Epoll.Out : Epoll.In | Epoll.ReadHangUp);
        return _state == State.Idle ? WriteLocked() : null;
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
