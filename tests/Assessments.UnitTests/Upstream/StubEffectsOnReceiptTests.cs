using System.Net;
using System.Text;
using Assessments.Upstream;

namespace Assessments.UnitTests.Upstream;

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
        // given a stub whose answers take far longer than the caller will wait
        var state = new UpstreamState(UpstreamSettings.Parse("""{ "resources": "prices", "effects": "payments", "latencyMs": 600000, "seed": 1 }"""));
        await using var stub = await StartAsync(state);
        using var impatient = new HttpClient { BaseAddress = stub.Address, Timeout = Timeout.InfiniteTimeSpan };
        using var hangUp = new CancellationTokenSource();

        // when the caller hangs up once the stub has received its call (not after a fixed time, which on
        // a cold, busy process can pass before the request has even arrived)
        var call = impatient.SendAsync(Payment("order-1", "key-1"), hangUp.Token);
        Assert.True(await ReceivedAsync(state, "order-1", call), "the stub never received the call");
        await hangUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        var afterHangUp = state.Stats().Effects["order-1"];

        // and retries with the same key once the stub answers promptly again
        state.ChangeFaults(new FaultChange(LatencyMs: 0, JitterMs: null, Outage: null, FailFirst: null, FailKeys: null));
        using var patient = new HttpClient { BaseAddress = stub.Address, Timeout = TimeSpan.FromSeconds(30) };
        var retry = await patient.SendAsync(Payment("order-1", "key-1"));

        // then the hung-up call was charged once, and the keyed retry was not charged again
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

    /// <summary>
    /// Waits until the stub has applied the effect, which it does on receipt; false when the call ended
    /// first (it would then have been answered, not hung up on) or after a minute without it.
    /// </summary>
    private static async Task<bool> ReceivedAsync(UpstreamState state, string reference, Task call)
    {
        using var minute = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (!state.Stats().Effects.ContainsKey(reference))
        {
            if (call.IsCompleted || minute.IsCancellationRequested)
            {
                return false;
            }

            await Task.Delay(10, CancellationToken.None);
        }

        return true;
    }

    private static Task<LoopbackApp> StartAsync(UpstreamState state) => LoopbackApp.StartAsync(app => app.MapDataPlane(state));
}
