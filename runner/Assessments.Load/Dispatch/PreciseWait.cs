using System.Diagnostics;

namespace Assessments.Load.Dispatch;

/// <summary>
/// Waits for a timestamp more precisely than timers allow (they wake about a millisecond late):
/// sleeps while the target is far, then yields the CPU in a tight loop for the last stretch.
/// </summary>
public static class PreciseWait
{
    // Linux wakes from a 1 ms sleep up to ~0.1 ms late; below this margin we stop sleeping.
    private static readonly long SleepMargin = Stopwatch.Frequency * 15 / 10_000;

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

            if (remaining > SleepMargin)
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
