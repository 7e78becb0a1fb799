using Assessments.Load.Thresholds;
using Assessments.Domain.Thresholds;

namespace Assessments.Load.Tests.Thresholds;

public sealed class DelayRobustnessTests
{
    private static ThresholdMargin Judge(string expression, double actual, double delayMs, double shortfall = 0)
    {
        var parsed = ThresholdParser.Parse(expression);
        var result = new ThresholdResult(expression, null, parsed.Comparison.Holds(actual, parsed.Limit), actual, parsed.Limit, parsed.Unit, false, false, null);
        return DelayRobustness.Judge(result, parsed, delayMs, shortfall);
    }

    [Fact]
    public void A_latency_that_passes_while_the_generator_lagged_is_judged_with_its_room_to_spare()
    {
        var margin = Judge("p(99) < 34ms", 12, delayMs: 8);

        Assert.True(margin.Passed);
        Assert.True(margin.Certain);
        Assert.Equal(22, margin.Margin, 3);
        Assert.Contains("22 ms to spare", margin.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_latency_that_fails_even_after_subtracting_the_delay_is_judged_as_failed()
    {
        var margin = Judge("p(99) < 34ms", 296, delayMs: 20);

        Assert.False(margin.Passed);
        Assert.True(margin.Certain);
        Assert.Equal(242, margin.Margin, 3);
        Assert.Contains("even after taking off", margin.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_latency_failure_the_delay_could_explain_could_flip_and_is_not_judged()
    {
        var margin = Judge("p(99) < 34ms", 40, delayMs: 10);

        Assert.False(margin.Passed);
        Assert.False(margin.Certain);
        Assert.Equal(0, margin.Margin);
        Assert.Equal(30, margin.Low);
        Assert.Contains("could flip", margin.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Throughput_short_of_its_limit_could_flip_when_the_generator_started_too_few_requests()
    {
        Assert.False(Judge("rps >= 95", 93, delayMs: 1, shortfall: 0.05).Certain);
        Assert.True(Judge("rps >= 95", 99, delayMs: 1, shortfall: 0.05).Certain);
        Assert.True(Judge("rps >= 95", 50, delayMs: 1, shortfall: 0.05).Certain);
    }

    [Fact]
    public void An_error_rate_is_untouched_by_a_delay_but_unknown_when_the_service_got_less_load_than_planned()
    {
        Assert.True(Judge("rate(failed) < 1%", 0.002, delayMs: 30).Certain);
        Assert.False(Judge("rate(failed) < 1%", 0.002, delayMs: 1, shortfall: 0.2).Certain);
    }

    [Fact]
    public void A_response_time_limit_is_judged_against_the_runners_own_delay()
    {
        Assert.True(DelayRobustness.JudgeMaxMs(2600, 2000, 100).Certain);
        Assert.False(DelayRobustness.JudgeMaxMs(2050, 2000, 100).Certain);
        Assert.True(DelayRobustness.JudgeMaxMs(150, 2000, 100).Certain);
    }

    [Fact]
    public void Without_any_delay_every_measured_verdict_is_certain()
    {
        Assert.True(Judge("p(99) < 34ms", 34.5, delayMs: 0).Certain);
        Assert.True(Judge("max < 100ms", 99.9, delayMs: 0).Certain);
    }
}
