using Assessments.Load.Measurement;
using Assessments.Load.Scheduling;

namespace Assessments.Load.Dispatch;

/// <summary>
/// Closed model: each copy starts its next iteration when the last one ends. This is what wrk and
/// most "virtual user" tools do, and why they under-report stalls: a stalled copy sends nothing, so
/// the stall is one slow sample per copy instead of every request that should have been sent.
/// </summary>
public sealed class ClosedModelDriver(IterationRunner runner, RunRecorder recorder)
{
    private static readonly TimeSpan IdlePoll = TimeSpan.FromMilliseconds(20);

    public async Task RunAsync(ClosedSegment segment, long segmentStart, CancellationToken cancellationToken)
    {
        var remaining = segment.Iterations ?? long.MaxValue;
        var end = segment.Duration is { } duration ? segmentStart + Clock.Ticks(duration) : long.MaxValue;

        async Task CopyAsync(int index)
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var now = Clock.Now;
                if (now >= end)
                {
                    return;
                }

                var active = segment.CopiesAt(Clock.Elapsed(segmentStart, now));
                if (index >= active)
                {
                    // A copy above both the current and the final count will not be needed again.
                    if (index >= segment.EndCopies)
                    {
                        return;
                    }

                    await Idle(cancellationToken);
                    continue;
                }

                if (Interlocked.Decrement(ref remaining) < 0)
                {
                    return;
                }

                recorder.ClosedIterationStarted();
                try
                {
                    await runner.RunAsync(now, cancellationToken);
                }
                finally
                {
                    recorder.IterationEnded();
                }
            }
        }

        var copies = Enumerable.Range(0, segment.MaxCopies).Select(index => Task.Run(() => CopyAsync(index), CancellationToken.None));
        await Task.WhenAll(copies);
    }

    private static async Task Idle(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(IdlePoll, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The loop checks the token and ends.
        }
    }
}
