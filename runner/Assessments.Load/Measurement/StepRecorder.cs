using Assessments.Load.Checks;
using Assessments.Load.Statistics;
using HdrHistogram;

namespace Assessments.Load.Measurement;

/// <summary>
/// Accumulates one step's measured (post-warm-up) samples from many threads at once: concurrent
/// histograms and interlocked counters, so memory stays the same however many requests are made.
/// </summary>
public sealed class StepRecorder(string scenario, string step)
{
    private readonly HistogramBase _responseTime = Histograms.CreateConcurrent();
    private readonly HistogramBase _serviceTime = Histograms.CreateConcurrent();
    private readonly HistogramBase?[] _byStatusClass = new HistogramBase?[StatusClass.Count];
    private readonly long[] _statusCodes = new long[600];
    private readonly long[] _errors = new long[ErrorKindNames.Count];
    private long _requests;
    private long _failed;
    private long _bytesSent;
    private long _bytesReceived;
    private long _checksPassed;
    private long _checksFailed;

    public string Scenario { get; } = scenario;

    public string Step { get; } = step;

    public HistogramBase ResponseTime => _responseTime;

    public HistogramBase ServiceTime => _serviceTime;

    public long Requests => Interlocked.Read(ref _requests);

    public long Failed => Interlocked.Read(ref _failed);

    public CheckStatistics Checks => new(Interlocked.Read(ref _checksPassed), Interlocked.Read(ref _checksFailed));

    public void Record(in RequestSample sample)
    {
        var response = Histograms.Clamp(sample.ResponseMicroseconds);
        _responseTime.RecordValue(response);
        ClassHistogram(StatusClass.IndexOf(sample.StatusCode)).RecordValue(response);
        if (sample.ServiceMicroseconds is { } service)
        {
            _serviceTime.RecordValue(Histograms.Clamp(service));
        }

        Interlocked.Increment(ref _requests);
        Interlocked.Add(ref _bytesSent, sample.BytesSent);
        Interlocked.Add(ref _bytesReceived, sample.BytesReceived);
        if (sample.StatusCode is > 0 and < 600)
        {
            Interlocked.Increment(ref _statusCodes[sample.StatusCode]);
        }

        if (sample.Error is { } error)
        {
            Interlocked.Increment(ref _failed);
            Interlocked.Increment(ref _errors[(int)error]);
        }

        if (sample.Check is { } check)
        {
            Interlocked.Increment(ref check == CheckOutcome.Passed ? ref _checksPassed : ref _checksFailed);
        }
    }

    public StepStatistics Summarise(TimeSpan measured)
    {
        var requests = Requests;
        var failed = Failed;
        return new StepStatistics(
            Scenario,
            Step,
            requests,
            requests - failed,
            failed,
            measured > TimeSpan.Zero ? Math.Round(requests / measured.TotalSeconds, 2) : 0,
            Interlocked.Read(ref _bytesSent),
            Interlocked.Read(ref _bytesReceived),
            NonZero(_statusCodes, code => code.ToString()),
            NonZero(_errors, kind => ((ErrorKind)kind).Name()),
            LatencySummary.From(_responseTime),
            LatencySummary.From(_serviceTime),
            ByStatusClass(),
            Checks);
    }

    public IReadOnlyDictionary<string, long> StatusClassCounts()
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < _byStatusClass.Length; i++)
        {
            if (Volatile.Read(ref _byStatusClass[i]) is { TotalCount: > 0 } histogram)
            {
                counts[StatusClass.Name(i)] = histogram.TotalCount;
            }
        }

        return counts;
    }

    private IReadOnlyDictionary<string, LatencyStatistics> ByStatusClass()
    {
        var byClass = new SortedDictionary<string, LatencyStatistics>(StringComparer.Ordinal);
        for (var i = 0; i < _byStatusClass.Length; i++)
        {
            if (Volatile.Read(ref _byStatusClass[i]) is { TotalCount: > 0 } histogram)
            {
                byClass[StatusClass.Name(i)] = LatencySummary.From(histogram);
            }
        }

        return byClass;
    }

    // Created on first use: most steps only ever see one or two status classes.
    private HistogramBase ClassHistogram(int index)
    {
        var existing = Volatile.Read(ref _byStatusClass[index]);
        if (existing is not null)
        {
            return existing;
        }

        Interlocked.CompareExchange(ref _byStatusClass[index], Histograms.CreateConcurrent(), null);
        return _byStatusClass[index]!;
    }

    private static SortedDictionary<string, long> NonZero(long[] counts, Func<int, string> name)
    {
        var result = new SortedDictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < counts.Length; i++)
        {
            var count = Interlocked.Read(ref counts[i]);
            if (count > 0)
            {
                result[name(i)] = count;
            }
        }

        return result;
    }
}
