namespace Assessments.Domain.Thresholds;

/// <summary>What a threshold measures.</summary>
public enum ThresholdMetric
{
    /// <summary><c>p(N)</c>: the N-th percentile of a latency, in milliseconds.</summary>
    Percentile,
    Average,
    Median,
    Min,
    Max,
    StdDev,

    /// <summary><c>rps</c>: completed requests per measured second.</summary>
    Rps,

    /// <summary><c>count</c> or <c>count(failed)</c>, <c>count(checks)</c>, <c>count(5xx)</c>.</summary>
    Count,

    /// <summary><c>rate(failed)</c>, <c>rate(checks)</c> (pass rate) or <c>rate(5xx)</c>, as a fraction.</summary>
    Rate,
}
