using System.Diagnostics;

namespace Assessments.Load.Measurement;

/// <summary>Conversions between <see cref="Stopwatch"/> timestamps and the microseconds the histograms hold.</summary>
public static class Clock
{
    private static readonly double TicksPerMicrosecond = Stopwatch.Frequency / 1_000_000.0;

    public static long Now => Stopwatch.GetTimestamp();

    public static long Microseconds(long fromTimestamp, long toTimestamp) =>
        (long)((toTimestamp - fromTimestamp) / TicksPerMicrosecond);

    public static long TicksFromNanoseconds(long nanoseconds) =>
        (long)(nanoseconds * (Stopwatch.Frequency / 1_000_000_000.0));

    public static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    public static TimeSpan Elapsed(long fromTimestamp, long toTimestamp) =>
        Stopwatch.GetElapsedTime(fromTimestamp, toTimestamp);
}
