using Assessments.Load.Output;
using Assessments.Load.Statistics;
using HdrHistogram;

namespace Assessments.Load.Measurement;

/// <summary>
/// Once a second, turns what the run recorded since the last tick into a timeline point (and an
/// .hlog interval), then lets the runner look at the totals, which is when abortOnFail thresholds fire.
/// </summary>
public sealed class TimelineSampler(RunRecorder recorder, DateTimeOffset startedAt, HistogramLog? log)
{
    private readonly List<TimelinePoint> _points = [];
    private HistogramBase? _recycledResponse;
    private HistogramBase? _recycledLag;
    private long _lastTick;

    public IReadOnlyList<TimelinePoint> Points => _points;

    public async Task RunAsync(TimeSpan interval, Action onTick, CancellationToken cancellationToken)
    {
        _lastTick = recorder.StartTimestamp;
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                TakePoint();
                onTick();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping is the normal end; the runner takes a final point itself.
        }
    }

    /// <summary>Closes the interval that is open now; also called once after the run for the last partial second.</summary>
    public void TakePoint()
    {
        var now = Clock.Now;
        var snapshot = recorder.TakeInterval(_recycledResponse, _recycledLag);
        _recycledResponse = snapshot.ResponseTime;
        _recycledLag = snapshot.DispatchLag;
        var seconds = Clock.Elapsed(_lastTick, now).TotalSeconds;
        if (seconds <= 0.001 && snapshot.Completed == 0)
        {
            return;
        }

        var response = snapshot.ResponseTime;
        _points.Add(new TimelinePoint(
            Math.Round(Clock.Elapsed(recorder.StartTimestamp, now).TotalSeconds, 3),
            Math.Round(seconds, 3),
            now <= recorder.MeasuredFromTimestamp,
            snapshot.Completed,
            snapshot.Failed,
            Math.Round(snapshot.Completed / seconds, 1),
            LatencySummary.Percentile(response, 50),
            LatencySummary.Percentile(response, 90),
            LatencySummary.Percentile(response, 99),
            response.TotalCount == 0 ? 0 : Math.Round(response.GetMaxValue() / 1000.0, 3),
            LatencySummary.Percentile(snapshot.DispatchLag, 99),
            snapshot.InFlight));

        if (log is not null)
        {
            var from = startedAt + Clock.Elapsed(recorder.StartTimestamp, _lastTick);
            var to = startedAt + Clock.Elapsed(recorder.StartTimestamp, now);
            log.Append(response, "response_time", from, to);
        }

        _lastTick = now;
    }
}
