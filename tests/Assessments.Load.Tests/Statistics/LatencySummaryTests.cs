using Assessments.Load.Measurement;
using Assessments.Load.Statistics;

namespace Assessments.Load.Tests.Statistics;

public sealed class LatencySummaryTests
{
    [Fact]
    public void Summarises_microseconds_as_milliseconds()
    {
        var histogram = Histograms.Create();
        for (var i = 1; i <= 1000; i++)
        {
            histogram.RecordValue(i * 100);
        }

        var summary = LatencySummary.From(histogram);

        Assert.Equal(1000, summary.Count);
        Assert.Equal(0.1, summary.Min, 3);
        Assert.Equal(100, summary.Max, 0);
        Assert.Equal(50, summary.P50, 0);
        Assert.Equal(99, summary.P99, 0);
        Assert.Equal(99.9, summary.P999, 0);
        Assert.InRange(summary.Mean, 50, 50.1);
        Assert.InRange(summary.StdDev, 28, 30);
    }

    [Fact]
    public void An_empty_histogram_gives_zeros()
    {
        Assert.Equal(LatencyStatistics.Empty, LatencySummary.From(Histograms.Create()));
    }

    [Fact]
    public void Values_beyond_an_hour_are_clamped_not_thrown()
    {
        Assert.Equal(Histograms.HighestMicroseconds, Histograms.Clamp(long.MaxValue));
        Assert.Equal(1, Histograms.Clamp(-5));
    }
}
