namespace Assessments.Domain.Thresholds;

/// <summary>
/// A parsed threshold. <see cref="Limit"/> is normalised: milliseconds for latencies, a fraction for
/// rates (1% is 0.01), requests per second for rps, a number for counts.
/// </summary>
/// <param name="Argument">The percentile for <c>p(N)</c>.</param>
/// <param name="Subject">What a rate or count is of: <c>failed</c>, <c>checks</c>, a status class like <c>5xx</c>, or null for all requests.</param>
/// <param name="Source"><c>response</c> (from the intended start, the default) or <c>service</c> (from the actual send).</param>
/// <param name="Step">The step the threshold is scoped to by a <c>{step:name}</c> tag; null for the whole run.</param>
public sealed record ThresholdExpression(
    ThresholdMetric Metric,
    double? Argument,
    string? Subject,
    string Source,
    string? Step,
    Comparison Comparison,
    double Limit)
{
    public bool IsLatency => Metric is ThresholdMetric.Percentile or ThresholdMetric.Average or ThresholdMetric.Median
        or ThresholdMetric.Min or ThresholdMetric.Max or ThresholdMetric.StdDev;

    public string Unit => Metric switch
    {
        ThresholdMetric.Rate => "ratio",
        ThresholdMetric.Rps => "req/s",
        ThresholdMetric.Count => "count",
        _ => "ms",
    };
}
