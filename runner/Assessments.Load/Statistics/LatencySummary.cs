using HdrHistogram;

namespace Assessments.Load.Statistics;

/// <summary>Turns a microsecond histogram into millisecond statistics. Pure: no clock, no I/O.</summary>
public static class LatencySummary
{
    public static LatencyStatistics From(HistogramBase histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        if (histogram.TotalCount == 0)
        {
            return LatencyStatistics.Empty;
        }

        return new LatencyStatistics(
            histogram.TotalCount,
            Min: Milliseconds(MinValue(histogram)),
            Mean: Round(histogram.GetMean() / 1000.0),
            Max: Milliseconds(histogram.GetMaxValue()),
            StdDev: Round(histogram.GetStdDeviation() / 1000.0),
            P50: Percentile(histogram, 50),
            P75: Percentile(histogram, 75),
            P90: Percentile(histogram, 90),
            P95: Percentile(histogram, 95),
            P99: Percentile(histogram, 99),
            P999: Percentile(histogram, 99.9));
    }

    public static double Percentile(HistogramBase histogram, double percentile) =>
        histogram.TotalCount == 0 ? 0 : Milliseconds(histogram.GetValueAtPercentile(percentile));

    // HdrHistogram.NET has no min accessor; the first recorded bucket holds it.
    private static long MinValue(HistogramBase histogram)
    {
        foreach (var bucket in histogram.RecordedValues())
        {
            return histogram.LowestEquivalentValue(bucket.ValueIteratedTo);
        }

        return 0;
    }

    private static double Milliseconds(long microseconds) => Round(microseconds / 1000.0);

    private static double Round(double milliseconds) => Math.Round(milliseconds, 3);
}
