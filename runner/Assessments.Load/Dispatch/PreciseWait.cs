using System.Diagnostics;

namespace Assessments.Load.Dispatch;

/// <summary>
/// Waits for a timestamp more precisely than timers allow (they wake about a millisecond late):
/// native sleeps straight to the target (with the timer slack lowered by <see cref="DispatcherPriority"/>).
/// It never spins or yields: on a core shared with the response threads, a yield hands the CPU to
/// them for a whole time slice and the next send goes out milliseconds late.
/// </summary>
public static class PreciseWait
{
    // Without nanosleep, Thread.Sleep(1) wakes up to ~0.5 ms late, so stop sleeping that far out.
    private static readonly long FallbackMargin = Stopwatch.Frequency * 15 / 10_000;
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

            if (NativeSleep.Available)
            {
                NativeSleep.Sleep((long)(Math.Min(remaining, MaxNap) * NanosecondsPerTick));
            }
            else if (remaining > FallbackMargin)
            {
                Thread.Sleep(1);
            }
            else
            {
                Thread.Yield();
            }
        }
    }
}
