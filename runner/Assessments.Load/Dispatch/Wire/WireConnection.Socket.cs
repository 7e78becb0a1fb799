using System.Net.Sockets;

namespace Assessments.Load.Dispatch.Wire;

/// <summary>
/// The socket half of a connection: connecting, writing the request and reading the response as the
/// reactor reports readiness. Every method here runs with the gate held.
/// </summary>
internal sealed partial class WireConnection
{
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
}
