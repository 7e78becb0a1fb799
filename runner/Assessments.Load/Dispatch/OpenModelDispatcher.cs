using Assessments.Load.Measurement;
using Assessments.Load.Model;
using Assessments.Load.Scheduling;

namespace Assessments.Load.Dispatch;

/// <summary>
/// Sends on schedule whatever the responses do. A dedicated thread waits for each intended start and
/// queues the iteration to the thread pool; the iteration's dispatch lag is measured when it begins
/// to run there, so a generator starved of CPU or threads shows up in its own metric.
/// </summary>
public sealed class OpenModelDispatcher(IterationRunner runner, RunRecorder recorder, ArrivalPattern pattern)
{
    public Task RunAsync(OpenSegment segment, long segmentStart, int seed, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Dispatch(segment, segmentStart, seed, cancellationToken);
                done.SetResult();
            }
            catch (Exception exception)
            {
                done.SetException(exception);
            }
        })
        {
            IsBackground = true,
            Name = "load-dispatcher",
        };
        thread.Start();
        return done.Task;
    }

    private void Dispatch(OpenSegment segment, long segmentStart, int seed, CancellationToken cancellationToken)
    {
        foreach (var offset in ArrivalTimes.For(segment, pattern, seed))
        {
            var intended = segmentStart + Clock.TicksFromNanoseconds(offset);
            if (!PreciseWait.Until(intended, cancellationToken))
            {
                return;
            }

            recorder.Scheduled(intended);
            new Arrival(runner, recorder, intended, cancellationToken).Execute();
        }
    }

    private sealed class Arrival(IterationRunner runner, RunRecorder recorder, long intended, CancellationToken cancellationToken)
        : IThreadPoolWorkItem
    {
        public void Execute()
        {
            recorder.IterationStarted(intended, Clock.Now);
            _ = RunAsync();
        }

        private async Task RunAsync()
        {
            try
            {
                await runner.RunAsync(intended, cancellationToken);
            }
            finally
            {
                recorder.IterationEnded();
            }
        }
    }
}
