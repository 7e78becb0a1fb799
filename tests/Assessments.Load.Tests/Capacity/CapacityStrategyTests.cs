using Assessments.Load.Capacity;

namespace Assessments.Load.Tests.Capacity;

public sealed class CapacityStrategyTests
{
    private static CapacityProbe Pass(int rate) => new(rate, true, true, 1, 0, null);

    private static CapacityProbe Fail(int rate) => new(rate, false, true, 500, 0, null);

    [Fact]
    public void Stepped_climbs_until_the_first_miss()
    {
        var strategy = CapacityStrategy.Stepped(100, 100, 1000);

        Assert.Equal(100, strategy.Next([]));
        Assert.Equal(200, strategy.Next([Pass(100)]));
        Assert.Null(strategy.Next([Pass(100), Fail(200)]));
        Assert.Null(strategy.Next([Pass(1000)]));
    }

    [Fact]
    public void Bisection_narrows_to_the_resolution()
    {
        var strategy = CapacityStrategy.Bisection(100, 1700, 100);
        var probes = new List<CapacityProbe>();
        var capacity = 1234;

        while (strategy.Next(probes) is { } rate)
        {
            probes.Add(rate <= capacity ? Pass(rate) : Fail(rate));
        }

        var highest = probes.Where(p => p.MetTarget).Max(p => p.Rate);
        Assert.InRange(highest, capacity - 100, capacity);
        Assert.True(probes.Count <= 7, $"{probes.Count} probes");
    }

    [Fact]
    public void An_invalid_probe_ends_the_search()
    {
        var strategy = CapacityStrategy.Stepped(100, 100, 1000);

        Assert.Null(strategy.Next([Pass(100), new CapacityProbe(200, true, false, 1, 0, "generator saturated")]));
    }
}
