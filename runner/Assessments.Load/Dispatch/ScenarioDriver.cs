using Assessments.Load.Measurement;
using Assessments.Load.Model;
using Assessments.Load.Scheduling;

namespace Assessments.Load.Dispatch;

/// <summary>Plays a scenario's schedule segment after segment from the run's common start.</summary>
public sealed class ScenarioDriver(Scenario scenario, LoadSchedule schedule, IterationRunner runner, RunRecorder recorder)
{
    public async Task RunAsync(long startTimestamp, CancellationToken cancellationToken)
    {
        var open = new OpenModelDispatcher(runner, recorder, scenario.Arrivals);
        var closed = new ClosedModelDriver(runner, recorder);
        var segmentStart = startTimestamp;
        for (var index = 0; index < schedule.Segments.Count && !cancellationToken.IsCancellationRequested; index++)
        {
            var segment = schedule.Segments[index];

            // The open dispatcher waits for each intended start itself; a closed segment must not start early.
            await WaitUntil(segmentStart, cancellationToken);
            switch (segment)
            {
                case OpenSegment openSegment:
                    await open.RunAsync(openSegment, segmentStart, scenario.Seed + index, cancellationToken);
                    break;
                case ClosedSegment closedSegment:
                    await closed.RunAsync(closedSegment, segmentStart, cancellationToken);
                    break;
                case PauseSegment:
                    break;
                default:
                    throw new InvalidOperationException($"Unknown schedule segment {segment.GetType().Name}.");
            }

            // Time-bound segments keep to the plan's clock; a count-bound one ends when it ends.
            segmentStart = segment.Duration is { } duration ? segmentStart + Clock.Ticks(duration) : Clock.Now;
            if (segment is PauseSegment or ClosedSegment && segment.Duration is not null)
            {
                await WaitUntil(segmentStart, cancellationToken);
            }
        }
    }

    private static async Task WaitUntil(long timestamp, CancellationToken cancellationToken)
    {
        var remaining = Clock.Elapsed(Clock.Now, timestamp);
        if (remaining > TimeSpan.FromMilliseconds(2))
        {
            try
            {
                await Task.Delay(remaining - TimeSpan.FromMilliseconds(2), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Stopping early is the caller's decision; it checks the token.
            }
        }

        // Timers run on a coarse clock and can fire before the Stopwatch reaches the target; a
        // closed copy starting even a little early would fall in the warm-up and go unmeasured.
        PreciseWait.Until(timestamp, cancellationToken);
    }
}
