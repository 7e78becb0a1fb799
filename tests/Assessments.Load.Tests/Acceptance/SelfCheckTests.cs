using System.Diagnostics;
using Assessments.Load.Checks;
using Assessments.Load.Model;
using Assessments.Load.Tests.Support;

namespace Assessments.Load.Tests.Acceptance;

[Collection(KestrelCollection.Name)]
public sealed class SelfCheckTests(KestrelFixture fixture)
{
    [Fact]
    public async Task A_saturated_generator_makes_the_run_invalid()
    {
        // given a body check that costs the generator 3 ms of CPU per response: at 1000 req/s that
        // is three cores of work on a machine with two, so the generator cannot keep its schedule
        var expensiveCheck = ResponseCheck.SuccessStatus with { Body = _ => BurnCpu(TimeSpan.FromMilliseconds(3)) };
        var plan = Plans.Open(fixture.Server.Url("/ok"), 1000, TimeSpan.FromSeconds(1.5))
            .WithStep(new Step("expensive", HttpRequestTemplate.Get(fixture.Server.Url("/ok"))) { Check = expensiveCheck });

        var result = await LoadRunner.RunAsync(plan, CancellationToken.None);

        Assert.False(result.Valid);
        Assert.Contains("generator", result.InvalidReason);
        Assert.True(result.Generator.DispatchLag.P99 > 1, $"dispatch lag p99 {result.Generator.DispatchLag.P99} ms");
    }

    [Fact]
    public async Task A_generator_with_headroom_is_valid_at_the_same_rate()
    {
        var plan = Plans.Open(fixture.Server.Url("/ok"), 1000, TimeSpan.FromSeconds(1.5));

        var result = await LoadRunner.RunAsync(plan, CancellationToken.None);

        Assert.True(result.Valid, result.InvalidReason);
        Assert.Empty(result.InvalidReasons);
    }

    private static bool BurnCpu(TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var spins = 0L;
        while (clock.Elapsed < duration)
        {
            spins++;
        }

        return spins > 0;
    }
}
