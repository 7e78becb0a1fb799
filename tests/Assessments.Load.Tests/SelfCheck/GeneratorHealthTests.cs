using Assessments.Load.SelfCheck;
using Assessments.Load.Statistics;

namespace Assessments.Load.Tests.SelfCheck;

public sealed class GeneratorHealthTests
{
    private static LatencyStatistics Lag(double p99) => LatencyStatistics.Empty with { Count = 1000, P99 = p99 };

    private static GeneratorReport Report(double lagP99 = 0.2, double poolP99 = 1, double cpu = 0.5, long scheduled = 10_000, long started = 10_000) =>
        new("open", 1000, 1000, 0, scheduled, started, Lag(lagP99), 1, Lag(poolP99), 5, cpu, 100, 100);

    [Fact]
    public void A_generator_that_kept_its_schedule_has_no_problems() =>
        Assert.Empty(GeneratorHealth.Problems(Report(), new SelfCheckLimits()));

    [Theory]
    [InlineData(1.5, 1, 0.5, 10_000, "dispatch lag")]
    [InlineData(0.2, 40, 0.5, 10_000, "waited")]
    [InlineData(0.2, 1, 0.99, 10_000, "CPUs")]
    [InlineData(0.2, 1, 0.5, 9_800, "fell behind")]
    public void Each_limit_that_is_exceeded_is_named(double lag, double pool, double cpu, long started, string reason)
    {
        var problems = GeneratorHealth.Problems(Report(lag, pool, cpu, started: started), new SelfCheckLimits());

        Assert.Contains(problems, p => p.Contains(reason));
    }

    [Fact]
    public void One_request_either_side_of_the_window_edge_is_not_a_shortfall() =>
        Assert.Empty(GeneratorHealth.Problems(Report(scheduled: 50, started: 49), new SelfCheckLimits()));
}
