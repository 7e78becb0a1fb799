using HdrHistogram;

namespace Assessments.Load.Thresholds;

/// <summary>The numbers a threshold can be judged on, for the whole run or one step.</summary>
public sealed record ThresholdMetrics(
    HistogramBase ResponseTime,
    HistogramBase ServiceTime,
    long Requests,
    long Failed,
    TimeSpan Measured,
    long ChecksPassed,
    long ChecksFailed,
    IReadOnlyDictionary<string, long> StatusClasses);
