using System.Collections.Concurrent;
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
            Arrival.Start(runner, recorder, intended, cancellationToken);
        }
    }

    // Pooled, like the iteration's own state machines: an arrival per request would be garbage per
    // request, and a collection suspends the dispatcher for as long as it takes.
    private sealed class Arrival
    {
        private static readonly ConcurrentQueue<Arrival> Free = new();
        private readonly Action _ended;
        private RunRecorder _recorder = null!;
        private ValueTask _iteration;

        private Arrival() => _ended = Ended;

        public static void Start(IterationRunner runner, RunRecorder recorder, long intended, CancellationToken cancellationToken)
        {
            recorder.IterationStarted(intended, Clock.Now);
            var iteration = runner.RunAsync(intended, cancellationToken);
            var arrival = Free.TryDequeue(out var free) ? free : new Arrival();
            arrival._recorder = recorder;
            arrival._iteration = iteration;
            if (iteration.IsCompleted)
            {
                arrival.Ended();
            }
            else
            {
                iteration.GetAwaiter().UnsafeOnCompleted(arrival._ended);
            }
        }

        private void Ended()
        {
            try
            {
                _iteration.GetAwaiter().GetResult();
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // The iteration records its own failures; this runs on the reactor, which must go on.
            }
            finally
            {
                _recorder.IterationEnded();
                _iteration = default;
                Free.Enqueue(this);
            }
        }
    }
}
