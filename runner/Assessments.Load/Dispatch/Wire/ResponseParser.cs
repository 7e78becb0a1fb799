using System.Buffers.Text;
using System.Text;

namespace Assessments.Load.Dispatch.Wire;

/// <summary>
/// Reads one HTTP/1.1 response at a time from bytes as they arrive: the status line and the headers
/// the engine needs (status, Content-Type, framing, keep-alive), then the body framed by
/// Content-Length, chunked encoding or the end of the connection. Interim 1xx responses are skipped.
/// Pure logic over spans, so every framing rule is tested without a socket.
/// </summary>
public sealed class ResponseParser
{
    private const int MaxHeaderBytes = 64 * 1024;

    private Phase _phase;
    private long _remaining;
    private bool _noBody;
    private byte[]? _lastContentType;
    private string? _lastContentTypeText;

    private enum Phase
    {
        Headers,
        FixedBody,
        ChunkSize,
        ChunkData,
        ChunkDataEnd,
        Trailers,
        UntilClose,
        Done,
    }

    public int StatusCode { get; private set; }

    public string? ContentType { get; private set; }

    /// <summary>Whether the server keeps the connection open after this response.</summary>
    public bool KeepAlive { get; private set; }

    public bool Completed => _phase == Phase.Done;

    /// <summary>The body runs until the server closes the connection (no length, not chunked).</summary>
    public bool EndsAtClose => _phase == Phase.UntilClose;

    /// <summary>Starts a new response; a HEAD request's response has headers only.</summary>
    public void Begin(bool headRequest)
    {
        _phase = Phase.Headers;
        _noBody = headRequest;
        _remaining = 0;
        StatusCode = 0;
        ContentType = null;
        KeepAlive = true;
    }

    /// <summary>
    /// Consumes what it can of <paramref name="data"/>, handing body bytes to <paramref name="body"/>.
    /// Returns how many bytes it consumed; fewer than given means it needs more to go on (a partial
    /// line), or the response is complete.
    /// </summary>
    /// <exception cref="HttpRequestException">The bytes are not an HTTP/1.x response.</exception>
    public int Feed(ReadOnlySpan<byte> data, IBodySink body)
    {
        var consumed = 0;
        while (_phase != Phase.Done && consumed < data.Length)
        {
            var rest = data[consumed..];
            var used = _phase switch
            {
                Phase.Headers => ParseHead(rest),
                Phase.FixedBody => TakeBody(rest, body, Phase.Done),
                Phase.ChunkSize => ParseChunkSize(rest),
                Phase.ChunkData => TakeBody(rest, body, Phase.ChunkDataEnd),
                Phase.ChunkDataEnd => ExpectLineEnd(rest),
                Phase.Trailers => SkipTrailers(rest),
                Phase.UntilClose => TakeAll(rest, body),
                _ => 0,
            };
            if (used == 0)
            {
                break;
            }

            consumed += used;
        }

        return consumed;
    }

    /// <summary>The connection ended: completes a response that runs until the close.</summary>
    public void EndOfStream()
    {
        if (_phase == Phase.UntilClose)
        {
            _phase = Phase.Done;
        }
    }

    private int ParseHead(ReadOnlySpan<byte> data)
    {
        var end = data.IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            if (data.Length > MaxHeaderBytes)
            {
                throw Invalid("response headers are longer than 64 KB");
            }

            return 0;
        }

        var head = data[..end];
        var lineEnd = head.IndexOf("\r\n"u8);
        var statusLine = lineEnd < 0 ? head : head[..lineEnd];
        var http10 = ParseStatusLine(statusLine);
        KeepAlive = !http10;
        long? length = null;
        var chunked = false;
        var rest = lineEnd < 0 ? ReadOnlySpan<byte>.Empty : head[(lineEnd + 2)..];
        while (!rest.IsEmpty)
        {
            var next = rest.IndexOf("\r\n"u8);
            var line = next < 0 ? rest : rest[..next];
            rest = next < 0 ? ReadOnlySpan<byte>.Empty : rest[(next + 2)..];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                throw Invalid("a header line has no name");
            }

            var name = line[..colon];
            var value = line[(colon + 1)..].Trim((byte)' ').Trim((byte)'\t');
            if (Ascii.EqualsIgnoreCase(name, "content-length"u8))
            {
                length = Utf8Parser.TryParse(value, out long parsed, out var read) && read == value.Length && parsed >= 0
                    ? parsed
                    : throw Invalid("Content-Length is not a number");
            }
            else if (Ascii.EqualsIgnoreCase(name, "transfer-encoding"u8))
            {
                chunked = EndsWithToken(value, "chunked"u8);
            }
            else if (Ascii.EqualsIgnoreCase(name, "connection"u8))
            {
                KeepAlive = ContainsToken(value, "close"u8) ? false : KeepAlive || ContainsToken(value, "keep-alive"u8);
            }
            else if (Ascii.EqualsIgnoreCase(name, "content-type"u8))
            {
                ContentType = ContentTypeText(value);
            }
        }

        if (StatusCode is >= 100 and < 200 && StatusCode != 101)
        {
            // An interim response (100 Continue, 103 Early Hints): the real one follows.
            Begin(_noBody);
            return end + 4;
        }

        _phase = (_noBody || StatusCode is 204 or 304 or 101) ? Phase.Done
            : chunked ? Phase.ChunkSize
            : length is { } known ? (known == 0 ? Phase.Done : Phase.FixedBody)
            : Phase.UntilClose;
        _remaining = length ?? 0;
        if (_phase == Phase.UntilClose)
        {
            KeepAlive = false;
        }

        return end + 4;
    }

    /// <returns>Whether the response is HTTP/1.0.</returns>
    private bool ParseStatusLine(ReadOnlySpan<byte> line)
    {
        if (line.Length < 12 || !line.StartsWith("HTTP/1."u8) || line[8] != (byte)' '
            || !Utf8Parser.TryParse(line.Slice(9, 3), out int status, out var read) || read != 3)
        {
            throw Invalid("the status line is not HTTP/1.x");
        }

        StatusCode = status;
        return line[7] == (byte)'0';
    }

    private int TakeBody(ReadOnlySpan<byte> data, IBodySink body, Phase after)
    {
        var take = (int)Math.Min(_remaining, data.Length);
        body.Append(data[..take]);
        _remaining -= take;
        if (_remaining == 0)
        {
            _phase = after;
        }

        return take;
    }

    private static int TakeAll(ReadOnlySpan<byte> data, IBodySink body)
    {
        body.Append(data);
        return data.Length;
    }

    private int ParseChunkSize(ReadOnlySpan<byte> data)
    {
        var end = data.IndexOf("\r\n"u8);
        if (end < 0)
        {
            return data.Length > 1024 ? throw Invalid("a chunk size line is too long") : 0;
        }

        var line = data[..end];
        var extension = line.IndexOf((byte)';');
        var digits = (extension < 0 ? line : line[..extension]).Trim((byte)' ');
        if (!Utf8Parser.TryParse(digits, out long size, out var read, 'x') || read != digits.Length || size < 0)
        {
            throw Invalid("a chunk size is not hexadecimal");
        }

        _remaining = size;
        _phase = size == 0 ? Phase.Trailers : Phase.ChunkData;
        return end + 2;
    }

    private int ExpectLineEnd(ReadOnlySpan<byte> data)
    {
        if (data.Length < 2)
        {
            return 0;
        }

        if (!data.StartsWith("\r\n"u8))
        {
            throw Invalid("a chunk does not end with CRLF");
        }

        _phase = Phase.ChunkSize;
        return 2;
    }

    private int SkipTrailers(ReadOnlySpan<byte> data)
    {
        var end = data.IndexOf("\r\n"u8);
        if (end < 0)
        {
            return 0;
        }

        if (end == 0)
        {
            _phase = Phase.Done;
        }

        return end + 2;
    }

    // Most responses of a run carry the same Content-Type, so the string is made once, not per response.
    private string ContentTypeText(ReadOnlySpan<byte> value)
    {
        if (_lastContentType is not null && value.SequenceEqual(_lastContentType))
        {
            return _lastContentTypeText!;
        }

        _lastContentType = value.ToArray();
        _lastContentTypeText = Encoding.Latin1.GetString(value);
        return _lastContentTypeText;
    }

    private static bool ContainsToken(ReadOnlySpan<byte> value, ReadOnlySpan<byte> token)
    {
        foreach (var range in value.Split((byte)','))
        {
            if (Ascii.EqualsIgnoreCase(value[range].Trim((byte)' '), token))
            {
                return true;
            }
        }

        return false;
    }

    // Chunked must be the last transfer coding for the length to be framed by chunks.
    private static bool EndsWithToken(ReadOnlySpan<byte> value, ReadOnlySpan<byte> token)
    {
        var comma = value.LastIndexOf((byte)',');
        return Ascii.EqualsIgnoreCase((comma < 0 ? value : value[(comma + 1)..]).Trim((byte)' '), token);
    }

    private static HttpRequestException Invalid(string reason) =>
        new(HttpRequestError.InvalidResponse, $"Invalid HTTP response: {reason}.");
}

/// <summary>Where a response's body bytes go: counted, and kept when a check needs them.</summary>
public interface IBodySink
{
    void Append(ReadOnlySpan<byte> bytes);
}
