using Assessments.Load.Measurement;
using Assessments.Load.Model;
using Assessments.Load.Scheduling;

namespace Assessments.Load.Dispatch;

/// <summary>
/// Sends on schedule whatever the responses do. A dedicated thread waits for each intended start and
/// begins the iteration itself, up to the request being written to a connection; responses are read
/// on the thread pool. Starting inline (rather than queueing to the pool) keeps the send on time on
/// a small machine, where a pool hop waits behind response handling; the dispatch lag is taken as
/// the iteration begins, so a dispatcher starved of CPU or blocked in sending shows in its own metric.
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
                DispatcherPriority.TryRaiseCurrentThread();
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
