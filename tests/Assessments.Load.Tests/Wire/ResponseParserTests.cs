using System.Text;
using Assessments.Load.Dispatch.Wire;

namespace Assessments.Load.Tests.Wire;

public sealed class ResponseParserTests
{
    [Fact]
    public void A_content_length_body_is_read_to_its_length_and_the_connection_kept()
    {
        var (parser, body, consumed) = Parse("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello");

        Assert.True(parser.Completed);
        Assert.Equal(200, parser.StatusCode);
        Assert.Equal("text/plain", parser.ContentType);
        Assert.True(parser.KeepAlive);
        Assert.Equal("hello", body.Text);
        Assert.Equal(consumed.Total, consumed.Consumed);
    }

    [Fact]
    public void A_chunked_body_is_joined_and_extensions_and_trailers_skipped()
    {
        var (parser, body, _) = Parse("HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n3;x=y\r\nabc\r\nA\r\n0123456789\r\n0\r\nTrailer: 1\r\n\r\n");

        Assert.True(parser.Completed);
        Assert.Equal(201, parser.StatusCode);
        Assert.Equal("abc0123456789", body.Text);
    }

    [Fact]
    public void A_response_split_at_every_byte_parses_the_same()
    {
        var bytes = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n");
        var parser = new ResponseParser();
        var body = new Sink();
        parser.Begin(headRequest: false);
        var buffered = new List<byte>();
        foreach (var b in bytes)
        {
            // As the connection does: unconsumed bytes stay and more are appended.
            buffered.Add(b);
            var used = parser.Feed(buffered.ToArray(), body);
            buffered.RemoveRange(0, used);
        }

        Assert.True(parser.Completed);
        Assert.Equal("ok", body.Text);
        Assert.Empty(buffered);
    }

    [Fact]
    public void A_body_without_length_runs_to_the_close_and_the_connection_is_not_kept()
    {
        var (parser, body, _) = Parse("HTTP/1.1 200 OK\r\n\r\npartial");

        Assert.False(parser.Completed);
        Assert.True(parser.EndsAtClose);
        parser.EndOfStream();
        Assert.True(parser.Completed);
        Assert.False(parser.KeepAlive);
        Assert.Equal("partial", body.Text);
    }

    [Theory]
    [InlineData("HTTP/1.1 204 No Content\r\nContent-Length: 10\r\n\r\n", false)]
    [InlineData("HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\n", false)]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n", true)]
    public void Responses_that_cannot_have_a_body_end_at_their_headers(string response, bool head)
    {
        var (parser, body, _) = Parse(response, head);

        Assert.True(parser.Completed);
        Assert.Equal(0, body.Count);
    }

    [Fact]
    public void An_interim_response_is_skipped_for_the_final_one()
    {
        var (parser, body, _) = Parse("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");

        Assert.True(parser.Completed);
        Assert.Equal(200, parser.StatusCode);
        Assert.Equal("ok", body.Text);
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n", false)]
    [InlineData("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n", false)]
    [InlineData("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 0\r\n\r\n", true)]
    [InlineData("HTTP/1.1 200 OK\r\nConnection: keep-alive, Upgrade\r\nContent-Length: 0\r\n\r\n", true)]
    public void Keep_alive_follows_the_version_and_the_connection_header(string response, bool keepAlive)
    {
        var (parser, _, _) = Parse(response);

        Assert.True(parser.Completed);
        Assert.Equal(keepAlive, parser.KeepAlive);
    }

    [Fact]
    public void Bytes_after_the_response_are_left_unconsumed()
    {
        var (parser, _, consumed) = Parse("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokEXTRA");

        Assert.True(parser.Completed);
        Assert.Equal(consumed.Total - 5, consumed.Consumed);
    }

    [Theory]
    [InlineData("SSH-2.0-OpenSSH\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: ten\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nno colon here\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")]
    public void Bytes_that_are_not_an_http_response_are_rejected(string response)
    {
        var exception = Assert.Throws<HttpRequestException>(() => Parse(response));

        Assert.Equal(HttpRequestError.InvalidResponse, exception.HttpRequestError);
    }

    private static (ResponseParser Parser, Sink Body, (int Consumed, int Total) Consumed) Parse(string response, bool head = false)
    {
        var parser = new ResponseParser();
        var body = new Sink();
        parser.Begin(head);
        var bytes = Encoding.ASCII.GetBytes(response);
        var consumed = parser.Feed(bytes, body);
        return (parser, body, (consumed, bytes.Length));
    }

    private sealed class Sink : IBodySink
    {
        private readonly List<byte> _bytes = [];

        public int Count => _bytes.Count;

        public string Text => Encoding.ASCII.GetString(_bytes.ToArray());

        public void Append(ReadOnlySpan<byte> bytes) => _bytes.AddRange(bytes.ToArray());
    }
}
