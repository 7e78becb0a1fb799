using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Assessments.Load.Tests.Support;

/// <summary>
/// A bare TCP server on 127.0.0.1 that answers HTTP/1.1 the way awkward real services do: closing
/// after every response, dropping idle keep-alive connections, resetting mid-response. Kestrel is
/// too well-behaved to show how the wire client copes with those.
/// </summary>
public sealed class RawHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<RawExchange, Task<bool>> _answer;
    private readonly Task _accepting;
    private long _connections;
    private long _requests;

    /// <param name="answer">Writes the response to one request; returns whether to keep the connection.</param>
    /// <param name="idleClose">Drops a connection that waits this long for its next request (not its first).</param>
    public RawHttpServer(Func<RawExchange, Task<bool>> answer, TimeSpan? idleClose = null)
    {
        _answer = answer;
        IdleClose = idleClose;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public long Connections => Interlocked.Read(ref _connections);

    public long Requests => Interlocked.Read(ref _requests);

    private TimeSpan? IdleClose { get; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            _ = ServeAsync(socket);
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using var _ = socket;
        var pending = new List<byte>();
        var buffer = new byte[8192];
        try
        {
            for (var index = 0; ; index++)
            {
                int end;
                while ((end = IndexOfHeadEnd(pending)) < 0)
                {
                    using var idle = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                    if (IdleClose is { } wait && pending.Count == 0 && index > 0)
                    {
                        idle.CancelAfter(wait);
                    }

                    var read = await socket.ReceiveAsync(buffer, idle.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    pending.AddRange(buffer.AsSpan(0, read));
                }

                var head = Encoding.ASCII.GetString(pending.GetRange(0, end).ToArray());
                var length = ContentLength(head);
                while (pending.Count < end + 4 + length)
                {
                    var read = await socket.ReceiveAsync(buffer, _stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    pending.AddRange(buffer.AsSpan(0, read));
                }

                var body = pending.GetRange(end + 4, length).ToArray();
                pending.RemoveRange(0, end + 4 + length);
                Interlocked.Increment(ref _requests);
                if (!await _answer(new RawExchange(socket, head, body, index)))
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or IOException)
        {
            // An idle connection timed out, the client went away or the test is over.
        }
    }

    private static int IndexOfHeadEnd(List<byte> bytes) =>
        bytes.ToArray().AsSpan().IndexOf("\r\n\r\n"u8);

    private static int ContentLength(string head)
    {
        foreach (var line in head.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                return int.Parse(line["Content-Length:".Length..].Trim());
            }
        }

        return 0;
    }
}

/// <summary>One request as the raw server read it, its place on its connection, and the socket to answer on.</summary>
public sealed record RawExchange(Socket Socket, string Head, byte[] Body, int Index)
{
    public async Task SendAsync(string response) =>
        await Socket.SendAsync(Encoding.ASCII.GetBytes(response), SocketFlags.None);
}
