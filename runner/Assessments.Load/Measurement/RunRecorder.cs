using HdrHistogram;

namespace Assessments.Load.Measurement;

/// <summary>
/// The whole run's measurement state. Samples whose intended start falls in the warm-up reach the
/// timeline only; later ones reach the step recorders too. The generator's own dispatch lag and
/// schedule-keeping counters live here, apart from anything the service is judged on.
/// </summary>
public sealed class RunRecorder
{
    private readonly Recorder _intervalResponseTime = Histograms.CreateRecorder();
    private readonly Recorder _intervalDispatchLag = Histograms.CreateRecorder();
    private readonly HistogramBase _dispatchLag = Histograms.CreateConcurrent();
    private readonly HistogramBase _poolDelay = Histograms.CreateConcurrent();
    private long _intervalCompleted;
    private long _intervalFailed;
    private long _scheduledInWindow;
    private long _startedInWindow;
    private long _inFlight;
    private long _recording;
    private int _closed;

    public RunRecorder(long startTimestamp, TimeSpan warmup)
    {
        StartTimestamp = startTimestamp;
        MeasuredFromTimestamp = startTimestamp + Clock.Ticks(warmup);
    }

    public long StartTimestamp { get; }

    public long MeasuredFromTimestamp { get; }

    /// <summary>End of the measured window; the run sets it to the planned end, or earlier when it aborts.</summary>
    public long MeasuredToTimestamp { get; set; } = long.MaxValue;

    public HistogramBase DispatchLag => _dispatchLag;

    /// <summary>How long the generator's own work waited for a thread-pool thread (see ThreadPoolProbe).</summary>
    public HistogramBase PoolDelay => _poolDelay;

    public long ScheduledInWindow => Interlocked.Read(ref _scheduledInWindow);

    public long StartedInWindow => Interlocked.Read(ref _startedInWindow);

    public long InFlight => Interlocked.Read(ref _inFlight);

    public bool IsMeasured(long timestamp) => timestamp >= MeasuredFromTimestamp && timestamp < MeasuredToTimestamp;

    /// <summary>Called by the dispatcher for every arrival it takes from the schedule.</summary>
    public void Scheduled(long intendedTimestamp)
    {
        if (IsMeasured(intendedTimestamp))
        {
            Interlocked.Increment(ref _scheduledInWindow);
        }
    }

    /// <summary>Called when an open-model iteration begins to run; the lag is the generator's, not the service's.</summary>
    public void IterationStarted(long intendedTimestamp, long startedTimestamp)
    {
        Interlocked.Increment(ref _inFlight);
        if (IsMeasured(startedTimestamp))
        {
            Interlocked.Increment(ref _startedInWindow);
        }

        // An iteration abandoned at the drain may still start after Close: its lag must not be recorded then.
        Interlocked.Increment(ref _recording);
        try
        {
            if (Volatile.Read(ref _closed) == 0)
            {
                var lag = Histograms.Clamp(Clock.Microseconds(intendedTimestamp, startedTimestamp));
                _intervalDispatchLag.RecordValue(lag);
                if (IsMeasured(intendedTimestamp))
                {
                    _dispatchLag.RecordValue(lag);
                }
            }
        }
        finally
        {
            Interlocked.Decrement(ref _recording);
        }
    }

    public void PoolDelayObserved(long queuedTimestamp, long ranTimestamp)
    {
        Interlocked.Increment(ref _recording);
        try
        {
            if (Volatile.Read(ref _closed) == 0 && IsMeasured(queuedTimestamp))
            {
                _poolDelay.RecordValue(Histograms.Clamp(Clock.Microseconds(queuedTimestamp, ranTimestamp)));
            }
        }
        finally
        {
            Interlocked.Decrement(ref _recording);
        }
    }

    /// <summary>Closed-model iterations have no schedule to lag behind; they only count as in flight.</summary>
    public void ClosedIterationStarted() => Interlocked.Increment(ref _inFlight);

    public void IterationEnded() => Interlocked.Decrement(ref _inFlight);

    public void Record(StepRecorder step, long intendedTimestamp, in RequestSample sample)
    {
        // Announce before checking, so Close either sees this recording or this recording sees Close.
        Interlocked.Increment(ref _recording);
        try
        {
            if (Volatile.Read(ref _closed) == 0)
            {
                RecordOpen(step, intendedTimestamp, sample);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _recording);
        }
    }

    /// <summary>
    /// Stops all recording and waits for recordings under way: requests abandoned after the drain
    /// must not change histograms while the result is read from them (HdrHistogram's iterators refuse that).
    /// </summary>
    public void Close()
    {
        Volatile.Write(ref _closed, 1);
        var spinner = default(SpinWait);
        while (Interlocked.Read(ref _recording) > 0)
        {
            spinner.SpinOnce();
        }
    }

    private void RecordOpen(StepRecorder step, long intendedTimestamp, in RequestSample sample)
    {
        _intervalResponseTime.RecordValue(Histograms.Clamp(sample.ResponseMicroseconds));
        Interlocked.Increment(ref _intervalCompleted);
        if (sample.Error is not null)
        {
            Interlocked.Increment(ref _intervalFailed);
        }

        if (IsMeasured(intendedTimestamp))
        {
            step.Record(sample);
        }
    }

    /// <summary>Takes what was recorded since the last call, recycling the histograms it is handed.</summary>
    public IntervalSnapshot TakeInterval(HistogramBase? recycledResponse, HistogramBase? recycledLag) => new(
        Take(_intervalResponseTime, recycledResponse),
        Take(_intervalDispatchLag, recycledLag),
        Interlocked.Exchange(ref _intervalCompleted, 0),
        Interlocked.Exchange(ref _intervalFailed, 0),
        InFlight);

    private static HistogramBase Take(Recorder recorder, HistogramBase? recycled) =>
        recycled is null ? recorder.GetIntervalHistogram() : recorder.GetIntervalHistogram(recycled);
}

public sealed record IntervalSnapshot(HistogramBase ResponseTime, HistogramBase DispatchLag, long Completed, long Failed, long InFlight);
