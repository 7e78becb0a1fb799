using System.Diagnostics;

namespace Assessments.Load.Dispatch;

/// <summary>
/// Waits for a timestamp more precisely than timers allow (they wake about a millisecond late):
/// sleeps in short native sleeps while the target is far, then yields for the last few microseconds.
/// </summary>
public static class PreciseWait
{
    // nanosleep overshoots by the kernel's timer slack (50 µs by default) plus wake-up latency.
    private static readonly long Margin = Stopwatch.Frequency * 80 / 1_000_000;
    private static readonly long MaxNap = Stopwatch.Frequency / 1_000;
    private static readonly double NanosecondsPerTick = 1e9 / Stopwatch.Frequency;

    /// <returns>false when cancelled before the target.</returns>
    public static bool Until(long timestamp, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return false;
            }

            var remaining = timestamp - Stopwatch.GetTimestamp();
            if (remaining <= 0)
            {
                return true;
            }

            if (remaining > Margin)
            {
                Nap(Math.Min(remaining - Margin, MaxNap));
            }
            else
            {
                Thread.Yield();
            }
        }
    }

    private static void Nap(long ticks)
    {
        if (NativeSleep.Available)
        {
            NativeSleep.Sleep((long)(ticks * NanosecondsPerTick));
        }
        else
        {
            Thread.Sleep(1);
        }
    }
}
