using HdrHistogram;

namespace Assessments.Load.Measurement;

/// <summary>
/// One shape for every latency histogram: microseconds from 1 µs to one hour at three significant
/// digits (0.1% error), so any two can be added and the memory per histogram is fixed (about 190 KB)
/// however long the run.
/// </summary>
public static class Histograms
{
    public const long HighestMicroseconds = 3_600_000_000;

    public const int SignificantDigits = 3;

    public static HistogramBase Create() => new LongHistogram(HighestMicroseconds, SignificantDigits);

    public static HistogramBase CreateConcurrent() => new LongConcurrentHistogram(1, HighestMicroseconds, SignificantDigits);

    public static Recorder CreateRecorder() =>
        new(1, HighestMicroseconds, SignificantDigits, (id, low, high, digits) => new LongHistogram(id, low, high, digits));

    /// <summary>Values past the top are clamped rather than thrown: a one-hour response is already a failure.</summary>
    public static long Clamp(long microseconds) => Math.Clamp(microseconds, 1, HighestMicroseconds);
}
