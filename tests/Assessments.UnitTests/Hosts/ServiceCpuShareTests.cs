using Assessments.Domain.Thresholds;
using Assessments.Load.Thresholds;
using Assessments.Runner.Hosts;

namespace Assessments.UnitTests.Hosts;

public sealed class ServiceCpuShareTests
{
    private static readonly ServiceCpuShare Quiet = new("1", Service: 0.08, Others: 0.03);
    private static readonly ServiceCpuShare Busy = new("1", Service: 0.08, Others: 0.40);

    private static ThresholdMargin Judged(string expression, double actual)
    {
        var parsed = ThresholdParser.Parse(expression);
        var result = new ThresholdResult(expression, null, parsed.Comparison.Holds(actual, parsed.Limit), actual, parsed.Limit, parsed.Unit, false, false, null);
        return DelayRobustness.Judge(result, parsed, delayMs: 1, shortfall: 0);
    }

    [Fact]
    public void A_latency_that_failed_while_other_work_took_the_services_cpu_could_flip()
    {
        var margin = Busy.Reconsider(Judged("p(99) < 53ms", 660));

        Assert.False(margin.Certain);
        Assert.Equal(0, margin.Margin);
        Assert.Contains("other work used 40%", margin.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_latency_that_passed_while_other_work_took_the_services_cpu_stands_as_that_work_only_slowed_it()
    {
        var judged = Judged("p(99) < 53ms", 12);

        Assert.Same(judged, Busy.Reconsider(judged));
        Assert.True(judged.Certain);
    }

    [Fact]
    public void An_error_rate_stands_however_busy_the_cpu_as_slowness_does_not_answer_501()
    {
        var judged = Judged("rate(failed) < 1%", 1.0);

        Assert.False(judged.Passed);
        Assert.True(Busy.Reconsider(judged).Certain);
    }

    [Fact]
    public void Throughput_short_of_its_limit_on_a_busy_cpu_could_flip() =>
        Assert.False(Busy.Reconsider(Judged("rps >= 95", 60)).Certain);

    [Fact]
    public void On_a_quiet_cpu_every_verdict_is_left_as_the_generator_check_judged_it()
    {
        var failed = Judged("p(99) < 53ms", 660);

        Assert.False(Quiet.Disturbed);
        Assert.Same(failed, Quiet.Reconsider(failed));
        Assert.True(Busy.Disturbed);
    }
}
