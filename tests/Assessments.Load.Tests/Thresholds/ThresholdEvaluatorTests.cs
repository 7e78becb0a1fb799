using Assessments.Load.Measurement;
using Assessments.Load.Thresholds;
using Assessments.Domain.Thresholds;

namespace Assessments.Load.Tests.Thresholds;

public sealed class ThresholdEvaluatorTests
{
    // 100 requests at 1..100 ms, 3 of them failed, 10 seconds measured.
    private static ThresholdMetrics Metrics()
    {
        var response = Histograms.Create();
        for (var ms = 1; ms <= 100; ms++)
        {
            response.RecordValue(ms * 1000);
        }

        return new ThresholdMetrics(response, Histograms.Create(), 100, 3, TimeSpan.FromSeconds(10), 95, 5,
            new Dictionary<string, long> { ["2xx"] = 97, ["5xx"] = 3 });
    }

    [Theory]
    [InlineData("p(99) < 100ms", true)]
    [InlineData("p(99) < 99ms", false)]
    [InlineData("med <= 51ms", true)]
    [InlineData("med < 49ms", false)]
    [InlineData("avg > 50ms", true)]
    [InlineData("max < 100ms", false)]
    [InlineData("rps == 10", true)]
    [InlineData("rate(failed) < 1%", false)]
    [InlineData("rate(failed) < 5%", true)]
    [InlineData("rate(checks) >= 95%", true)]
    [InlineData("count(5xx) == 3", true)]
    [InlineData("count > 100", false)]
    public void Judges_the_metric_against_the_limit(string expression, bool passes)
    {
        var result = ThresholdEvaluator.Evaluate(new ThresholdSpec(expression), _ => Metrics());

        Assert.Equal(passes, result.Passed);
        Assert.NotNull(result.Actual);
    }

    [Fact]
    public void A_latency_threshold_with_no_samples_fails_and_says_so()
    {
        var result = ThresholdEvaluator.Evaluate(new ThresholdSpec("service.p(99) < 1s"), _ => Metrics());

        Assert.False(result.Passed);
        Assert.Null(result.Actual);
        Assert.Equal("No samples to judge.", result.Detail);
    }
}
