using System.Net;
using System.Text;
using Assessments.Upstream;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Assessments.UnitTests.Faults;

/// <summary>
/// The stub's data plane over real HTTP on loopback: an effect is applied when the call arrives, so a
/// caller that gives up (or is killed) while the answer is delayed has still been charged. That is what
/// lets the queue challenge's kill -9 tell a service that retries with an Idempotency-Key from one that
/// pays twice.
/// </summary>
public sealed class StubEffectsOnReceiptTests
{
    [Fact]
    public async Task A_caller_that_hangs_up_during_the_latency_has_been_charged_and_its_keyed_retry_is_not_charged_again()
    {
        var state = new UpstreamState(UpstreamSettings.Parse("""{ "resources": "prices", "effects": "payments", "latencyMs": 1500, "seed": 1 }"""));
        await using var stub = await StartAsync(state);
        using var impatient = new HttpClient { BaseAddress = stub.Address, Timeout = TimeSpan.FromMilliseconds(200) };

        await Assert.ThrowsAnyAsync<TaskCanceledException>(() => impatient.SendAsync(Payment("order-1", "key-1")));
        await WaitForAsync(() => state.Stats().Effects.ContainsKey("order-1"));
        var afterHangUp = state.Stats().Effects["order-1"];

        using var patient = new HttpClient { BaseAddress = stub.Address, Timeout = TimeSpan.FromSeconds(10) };
        var retry = await patient.SendAsync(Payment("order-1", "key-1"));

        Assert.Equal((1, 1), (afterHangUp.Attempts, afterHangUp.Applied));
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(1, state.Stats().Effects["order-1"].Applied);
    }

    private static HttpRequestMessage Payment(string reference, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/payments")
        {
            Content = new StringContent($$"""{ "reference": "{{reference}}" }""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(20);
        }
    }

    private static async Task<RunningStub> StartAsync(UpstreamState state)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapDataPlane(state);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningStub(app, new Uri(address));
    }

    private sealed class RunningStub(WebApplication app, Uri address) : IAsyncDisposable
    {
        public Uri Address { get; } = address;

        public ValueTask DisposeAsync() => app.DisposeAsync();
    }
}
