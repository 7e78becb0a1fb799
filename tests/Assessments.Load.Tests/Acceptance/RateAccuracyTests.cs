using Assessments.Load.Model;
using Assessments.Load.Tests.Support;
using HdrHistogram;

namespace Assessments.Load.Tests.Acceptance;

[Collection(KestrelCollection.Name)]
public sealed class RateAccuracyTests(KestrelFixture fixture)
{
    [Fact]
    public async Task An_open_model_run_starts_requests_within_one_percent_of_the_target_rate()
    {
        var hlog = Path.Combine(Path.GetTempPath(), $"load-{Guid.NewGuid():N}.hlog");
        var plan = Plans.Open(fixture.Server.Url("/ok"), 1000, TimeSpan.FromSeconds(3), warmup: TimeSpan.FromSeconds(1)) with
        {
            HistogramLogPath = hlog,
        };

        var result = await LoadRunner.RunAsync(plan, CancellationToken.None);

        Assert.True(result.Valid, result.InvalidReason);
        Assert.InRange(result.Generator.Scheduled, 2999, 3001);
        Assert.True(Math.Abs(result.Generator.RateError!.Value) <= 0.01, $"rate error {result.Generator.RateError:P2}");
        Assert.InRange(result.Requests, 2970, 3030);
        Assert.InRange(result.Rps, 990, 1010);
        Assert.Contains(result.Timeline, p => p.Warmup);

        // and the interval histograms can be read back by HdrHistogram's own reader
        await using var file = File.OpenRead(hlog);
        var intervals = new HistogramLogReader(file).ReadHistograms().ToList();
        Assert.True(intervals.Count >= 4, $"{intervals.Count} intervals");
        Assert.InRange(intervals.Sum(h => h.TotalCount), 3900, 4100);
        File.Delete(hlog);
    }

    [Fact]
    public async Task Poisson_arrivals_keep_the_average_rate()
    {
        var plan = Plans.Open(fixture.Server.Url("/ok"), 500, TimeSpan.FromSeconds(2));
        plan = plan with { Scenarios = [plan.Scenarios[0] with { Arrivals = ArrivalPattern.Poisson, Seed = 42 }] };

        var result = await LoadRunner.RunAsync(plan, CancellationToken.None);

        Assert.True(result.Valid, result.InvalidReason);
        Assert.InRange(result.Requests, 900, 1100);
    }

    [Fact]
    public async Task IterationsForConstant_runs_exactly_that_many_iterations()
    {
        var plan = Plans.Single(fixture.Server.Url("/ok"), Simulation.IterationsForConstant(4, 250));

        var result = await LoadRunner.RunAsync(plan, CancellationToken.None);

        Assert.Equal("closed", result.Model);
        Assert.Equal(250, result.Requests);
    }
}
