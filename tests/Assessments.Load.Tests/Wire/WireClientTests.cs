using System.Net.Sockets;
using System.Text;
using Assessments.Load.Checks;
using Assessments.Load.Dispatch.Wire;
using Assessments.Load.Model;
using Assessments.Load.Tests.Support;

namespace Assessments.Load.Tests.Wire;

/// <summary>The engine's own HTTP/1.1 client against servers that close, drop and reset connections.</summary>
public sealed class WireClientTests
{
    private const string Ok = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

    [WireFact]
    public async Task A_server_that_closes_after_every_response_costs_a_connection_each_but_no_errors()
    {
        await using var server = new RawHttpServer(async exchange =>
        {
            await exchange.SendAsync("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok");
            return false;
        });

        var result = await LoadRunner.RunAsync(Plans.Open(server.Url, 100, TimeSpan.FromSeconds(1)), CancellationToken.None);

        Assert.True(result.Errors == 0, string.Join(", ", result.ErrorKinds));
        Assert.InRange(result.Requests, 99, 101);
        Assert.True(result.Generator.ConnectionsOpened >= result.Requests, $"{result.Generator.ConnectionsOpened} connections");
    }

    [WireFact]
    public async Task Idle_connections_the_server_dropped_are_replaced_without_counting_an_error()
    {

        // given a server that drops a keep-alive connection after 5 ms without a request, and a rate
        // that leaves every connection idle longer than that between requests
        await using var server = new RawHttpServer(async exchange =>
        {
            await exchange.SendAsync(Ok);
            return true;
        }, idleClose: TimeSpan.FromMilliseconds(5));

        var result = await LoadRunner.RunAsync(Plans.Open(server.Url, 50, TimeSpan.FromSeconds(1)), CancellationToken.None);

        Assert.True(result.Errors == 0, string.Join(", ", result.ErrorKinds));
        Assert.InRange(result.Requests, 49, 51);
        Assert.True(server.Connections > 25, $"{server.Connections} connections");
    }

    [WireFact]
    public async Task A_request_that_meets_a_keep_alive_close_is_sent_again_on_a_fresh_connection()
    {
        // given a server that answers the first request on a connection and closes the connection,
        // unanswered, when the second arrives: the race a keep-alive timeout has with a new request
        await using var server = new RawHttpServer(async exchange =>
        {
            if (exchange.Index > 0)
            {
                return false;
            }

            await exchange.SendAsync(Ok);
            return true;
        });

        var result = await LoadRunner.RunAsync(Plans.Open(server.Url, 50, TimeSpan.FromSeconds(1)), CancellationToken.None);

        // then nothing is counted as failed, each retried request cost one more connection
        Assert.True(result.Errors == 0, string.Join(", ", result.ErrorKinds));
        Assert.InRange(result.Requests, 49, 51);
        Assert.True(server.Requests > result.Requests, $"{server.Requests} requests served");
    }

    [WireFact]
    public async Task A_reset_in_the_middle_of_a_response_is_a_reset()
    {
        await using var server = new RawHttpServer(async exchange =>
        {
            await exchange.SendAsync("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly part");
            exchange.Socket.LingerState = new LingerOption(true, 0);
            return false;
        });

        var result = await LoadRunner.RunAsync(Plans.Open(server.Url, 20, TimeSpan.FromSeconds(1)), CancellationToken.None);

        Assert.Equal(result.Requests, result.Errors);
        Assert.Equal(result.Requests, result.ErrorKinds["reset"]);
    }

    [WireFact]
    public async Task A_post_body_and_headers_arrive_as_written_and_a_chunked_answer_is_checked()
    {
        var seen = new List<string>();
        await using var server = new RawHttpServer(async exchange =>
        {
            lock (seen)
            {
                seen.Add(exchange.Head + "|" + Encoding.UTF8.GetString(exchange.Body));
            }

            await exchange.SendAsync("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n8\r\n{\"id\":7}\r\n0\r\n\r\n");
            return true;
        });
        var post = HttpRequestTemplate.Post(new Uri(server.Url, "orders?x=1"), Encoding.UTF8.GetBytes("{\"qty\":2}"), "application/json") with
        {
            Headers = [new("X-Test", "yes")],
        };
        var check = ResponseCheck.ForStatus(201) with { ContentType = "application/json", Body = body => body.Span.SequenceEqual("{\"id\":7}"u8) };
        var plan = Plans.Open(server.Url, 20, TimeSpan.FromSeconds(1)).WithStep(new Step("post", post) { Check = check }) with
        {
            PreOpenConnections = false,
        };

        var result = await LoadRunner.RunAsync(plan, CancellationToken.None);

        Assert.True(result.Errors == 0, string.Join(", ", result.ErrorKinds));
        Assert.Equal(result.Requests, result.Checks.Passed);
        var first = seen[0];
        Assert.StartsWith("POST /orders?x=1 HTTP/1.1\r\n", first, StringComparison.Ordinal);
        Assert.Contains($"\r\nHost: 127.0.0.1:{server.Url.Port}\r\n", first, StringComparison.Ordinal);
        Assert.Contains("\r\nX-Test: yes", first, StringComparison.Ordinal);
        Assert.Contains("\r\nContent-Type: application/json", first, StringComparison.Ordinal);
        Assert.EndsWith("|{\"qty\":2}", first, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_with_a_line_break_is_refused_before_the_run()
    {
        var template = HttpRequestTemplate.Get(new Uri("http://127.0.0.1/")) with { Headers = [new("X-Evil", "a\r\nGET /other HTTP/1.1")] };

        Assert.Throws<ArgumentException>(() => WireRequest.From(template));
    }
}
