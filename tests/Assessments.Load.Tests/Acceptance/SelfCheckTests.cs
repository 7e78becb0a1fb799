using System.Security.Cryptography;
using Assessments.Load.Checks;
using Assessments.Load.Model;
using Assessments.Load.Output;
using Assessments.Load.Tests.Support;

namespace Assessments.Load.Tests.Acceptance;

[Collection(KestrelCollection.Name)]
public sealed class SelfCheckTests(KestrelFixture fixture)
{
    [Fact]
    public async Task A_saturated_generator_makes_the_run_invalid()
    {
        // given a body check that hashes 32 MB per response (tens of ms of CPU): at 1000 req/s that
        // is tens of cores of work on a machine with two, so the generator cannot keep up
        var expensiveCheck = ResponseCheck.SuccessStatus with { Body = _ => BurnCpu(32) };
        var plan = Plans.Open(fixture.Server.Url("/ok"), 1000, TimeSpan.FromSeconds(1))
            .WithStep(new Step("expensive", HttpRequestTemplate.Get(fixture.Server.Url("/ok"))) { Check = expensiveCheck });

        var result = await LoadRunner.RunAsync(plan, CancellationToken.None);

        // let the checks still queued finish before the next test measures anything
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.False(result.Valid, LoadResultWriter.ToJson(result with { Timeline = [] }));
        Assert.Contains("generator", result.InvalidReason);
        Assert.Contains("generator saturated", result.InvalidReason);
    }

    [Fact]
    public async Task A_generator_with_headroom_is_valid_at_the_same_rate()
    {
        var plan = Plans.Open(fixture.Server.Url("/ok"), 1000, TimeSpan.FromSeconds(1.5), warmup: TimeSpan.FromSeconds(0.5));

        var result = await LoadRunner.RunAsync(plan, CancellationToken.None);

        Assert.True(result.Valid, result.InvalidReason);
        Assert.Empty(result.InvalidReasons);
    }

    private static readonly byte[] Block = new byte[1024 * 1024];

    // A fixed amount of CPU work, not of wall time, so contention cannot make it cheaper.
    private static bool BurnCpu(int megabytes)
    {
        var digest = 0;
        for (var i = 0; i < megabytes; i++)
        {
            digest ^= SHA256.HashData(Block)[0];
        }

        return digest >= 0;
    }
}
