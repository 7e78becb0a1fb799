using Assessments.Load.Dispatch.Wire;
using Assessments.Load.Measurement;

namespace Assessments.Load.Dispatch;

/// <summary>
/// Every two milliseconds, measures how late a piece of ordinary-priority work in the generator gets
/// to run: the wake-up of a normal thread plus the wait for a thread-pool thread. Responses are read
/// and checked the same way, so this delay is added to every latency measured; a generator busy
/// with its own work (expensive checks, too little CPU) shows here even when the raised-priority
/// dispatcher still sends on time. With the wire client, responses are read and checked on its
/// reactor thread instead, so the same probe goes there too and its delay is recorded alike; when
/// every step goes through the wire client the pool is not probed at all (no response waits for it,
/// and waking a pool thread 500 times a second costs the CPU the responses need).
/// </summary>
public sealed class ThreadPoolProbe(RunRecorder recorder, WireTransport? wire = null, bool probePool = true)
{
    private const long IntervalNanoseconds = 2_000_000;

    public Task RunAsync(CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            var next = Clock.Now;
            var interval = Clock.TicksFromNanoseconds(IntervalNanoseconds);
            while (PreciseWait.Until(next, cancellationToken))
            {
                // Timed from when the probe was due, not when it was queued: a thread that cannot get
                // the CPU to wake up is as late as one waiting in the pool's queue.
                if (probePool)
                {
                    ThreadPool.UnsafeQueueUserWorkItem(new Probe(recorder, next), preferLocal: false);
                }

                wire?.Probe(next, interval);
                next += interval;
            }

            done.SetResult();
        })
        {
            IsBackground = true,
            Name = "load-pool-probe",
        };
        thread.Start();
        return done.Task;
    }

    private sealed class Probe(RunRecorder recorder, long queued) : IThreadPoolWorkItem
    {
        public void Execute() => recorder.PoolDelayObserved(queued, Clock.Now);
    }
}
