using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Assessments.Load.Checks;
using Assessments.Load.Model;
using Assessments.Load.Tests.Support;

namespace Assessments.Load.Tests.Acceptance;

/// <summary>
/// The HttpClient path (HTTPS targets, platforms without the wire client) measured the same way:
/// on this machine every other test goes over the wire, so these force HttpClient.
/// </summary>
[Collection(KestrelCollection.Name)]
public sealed class HttpClientPathTests(KestrelFixture fixture)
{
    [Fact]
    public async Task Responses_are_counted_and_checked_through_HttpClient()
    {
        var url = fixture.Server.Url("/json");
        var shape = new JsonShape(new Dictionary<string, JsonValueKind> { ["id"] = JsonValueKind.Number });
        var plan = Plans.Open(url, 50, TimeSpan.FromSeconds(1))
            .WithStep(new Step("json", HttpRequestTemplate.Get(url)) { Check = ResponseCheck.SuccessStatus.WithJsonShape(shape) }) with
        {
            UseWireClient = false,
        };

        var result = await LoadRunner.RunAsync(plan, CancellationToken.None);

        Assert.True(result.Errors == 0, string.Join(", ", result.ErrorKinds));
        Assert.InRange(result.Requests, 49, 51);
        Assert.Equal(result.Requests, result.Checks.Passed);
        Assert.Equal(result.Requests, result.StatusCodes["200"]);
    }

    [Fact]
    public async Task Timeouts_refusals_and_long_bodies_keep_their_kinds_through_HttpClient()
    {
        var slow = Plans.Open(fixture.Server.Url("/delay/3000"), 10, TimeSpan.FromSeconds(1)) with
        {
            RequestTimeout = TimeSpan.FromMilliseconds(300),
            PreOpenConnections = false,
            UseWireClient = false,
        };
        var refused = Plans.Open(new Uri($"http://127.0.0.1:{FreePort()}/"), 20, TimeSpan.FromSeconds(1)) with { UseWireClient = false };
        var big = Plans.Open(fixture.Server.Url("/big"), 20, TimeSpan.FromSeconds(1)) with { MaxResponseBodyBytes = 1000, UseWireClient = false };

        var timedOut = await LoadRunner.RunAsync(slow, CancellationToken.None);
        var notListening = await LoadRunner.RunAsync(refused, CancellationToken.None);
        var tooLong = await LoadRunner.RunAsync(big, CancellationToken.None);

        Assert.Equal(timedOut.Requests, timedOut.ErrorKinds["timeout"]);
        Assert.True(notListening.ErrorKinds["refused"] >= 19, string.Join(", ", notListening.ErrorKinds));
        Assert.Equal(tooLong.Requests, tooLong.ErrorKinds["body_too_large"]);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
