using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Assessments.Load.Checks;
using Assessments.Load.Model;
using Assessments.Load.Output;
using Assessments.Load.Tests.Support;

namespace Assessments.Load.Tests.Acceptance;

[Collection(KestrelCollection.Name)]
public sealed class ErrorKindTests(KestrelFixture fixture)
{
    [Fact]
    public async Task Nothing_listening_is_counted_as_refused()
    {
        var plan = Plans.Open(new Uri($"http://127.0.0.1:{FreePort()}/"), 20, TimeSpan.FromSeconds(1));

        var result = await LoadRunner.RunAsync(plan, CancellationToken.None);

        Assert.Equal(result.Requests, result.Errors);
        Assert.True(result.ErrorKinds["refused"] >= 19, string.Join(", ", result.ErrorKinds));
    }

    [Fact]
    public async Task A_slow_response_past_the_request_timeout_is_a_timeout()
    {
        var plan = Plans.Open(fixture.Server.Url("/delay/3000"), 10, TimeSpan.FromSeconds(1)) with
        {
            RequestTimeout = TimeSpan.FromMilliseconds(300),
            PreOpenConnections = false,
        };

        var result = await LoadRunner.RunAsync(plan, CancellationToken.None);

        Assert.Equal(result.Requests, result.ErrorKinds["timeout"]);
        Assert.InRange(result.Latency.P50, 290, 1000);
    }

    [Fact]
    public async Task A_body_that_breaks_the_schema_check_fails_the_check()
    {
        var result = await RunWithJsonShape(("id", JsonValueKind.Number), ("price", JsonValueKind.Number));

        Assert.Equal(result.Requests, result.ErrorKinds["check_failed"]);
        Assert.Equal(0, result.Checks.PassRate);
    }

    [Fact]
    public async Task A_body_that_matches_the_schema_check_passes_it()
    {
        var result = await RunWithJsonShape(("id", JsonValueKind.Number), ("name", JsonValueKind.String));

        Assert.Equal(0, result.Errors);
        Assert.Equal(1, result.Checks.PassRate);
        Assert.Equal(result.Requests, result.Checks.Passed);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_body_too_large()
    {
        var plan = Plans.Open(fixture.Server.Url("/big"), 20, TimeSpan.FromSeconds(1)) with { MaxResponseBodyBytes = 1000 };

        var result = await LoadRunner.RunAsync(plan, CancellationToken.None);

        Assert.Equal(result.Requests, result.ErrorKinds["body_too_large"]);
    }

    [Fact]
    public async Task A_target_off_loopback_is_refused_before_any_request()
    {
        var plan = Plans.Open(new Uri("http://192.0.2.1/"), 10, TimeSpan.FromSeconds(1));

        await Assert.ThrowsAsync<ArgumentException>(() => LoadRunner.RunAsync(plan, CancellationToken.None));
    }

    private async Task<LoadResult> RunWithJsonShape(params (string Name, JsonValueKind Kind)[] properties)
    {
        var shape = new JsonShape(properties.ToDictionary(p => p.Name, p => p.Kind));
        var url = fixture.Server.Url("/json");
        var plan = Plans.Open(url, 20, TimeSpan.FromSeconds(1))
            .WithStep(new Step("json", HttpRequestTemplate.Get(url)) { Check = ResponseCheck.SuccessStatus.WithJsonShape(shape) });
        return await LoadRunner.RunAsync(plan, CancellationToken.None);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
