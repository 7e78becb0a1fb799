using Assessments.Load.Statistics;
using HdrHistogram;
using Assessments.Domain.Thresholds;

namespace Assessments.Load.Thresholds;

/// <summary>Judges thresholds against measured metrics. Pure: the same metrics always give the same verdict.</summary>
public static class ThresholdEvaluator
{
    /// <param name="metricsFor">The whole run's metrics for null, a step's for its name, null when no such step exists.</param>
    public static ThresholdResult Evaluate(ThresholdSpec spec, Func<string?, ThresholdMetrics?> metricsFor, bool abortedRun = false)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(metricsFor);
        var expression = spec.Parsed;
        var metrics = metricsFor(expression.Step);
        if (metrics is null)
        {
            return Result(spec, null, $"No step named '{expression.Step}' in this run.", abortedRun);
        }

        var actual = Measure(expression, metrics);
        return actual is null
            ? Result(spec, null, "No samples to judge.", abortedRun)
            : Result(spec, actual, null, abortedRun);
    }

    public static double? Measure(ThresholdExpression expression, ThresholdMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(metrics);
        if (expression.IsLatency)
        {
            var histogram = expression.Source == "service" ? metrics.ServiceTime : metrics.ResponseTime;
            return histogram.TotalCount == 0 ? null : Latency(expression, histogram);
        }

        return expression.Metric switch
        {
            ThresholdMetric.Rps => metrics.Measured > TimeSpan.Zero ? metrics.Requests / metrics.Measured.TotalSeconds : null,
            ThresholdMetric.Count => Count(expression.Subject, metrics),
            ThresholdMetric.Rate => Rate(expression.Subject, metrics),
            _ => throw new ArgumentOutOfRangeException(nameof(expression)),
        };
    }

    private static double Latency(ThresholdExpression expression, HistogramBase histogram) => expression.Metric switch
    {
        ThresholdMetric.Percentile => LatencySummary.Percentile(histogram, expression.Argument!.Value),
        ThresholdMetric.Median => LatencySummary.Percentile(histogram, 50),
        ThresholdMetric.Average => histogram.GetMean() / 1000.0,
        ThresholdMetric.Max => LatencySummary.From(histogram).Max,
        ThresholdMetric.Min => LatencySummary.From(histogram).Min,
        _ => histogram.GetStdDeviation() / 1000.0,
    };

    private static double Count(string? subject, ThresholdMetrics metrics) => subject switch
    {
        null => metrics.Requests,
        "failed" => metrics.Failed,
        "checks" => metrics.ChecksPassed + metrics.ChecksFailed,
        _ => metrics.StatusClasses.GetValueOrDefault(subject),
    };

    private static double? Rate(string? subject, ThresholdMetrics metrics)
    {
        if (subject == "checks")
        {
            var checks = metrics.ChecksPassed + metrics.ChecksFailed;
            return checks == 0 ? null : (double)metrics.ChecksPassed / checks;
        }

        return metrics.Requests == 0 ? null : Count(subject, metrics) / metrics.Requests;
    }

    private static ThresholdResult Result(ThresholdSpec spec, double? actual, string? detail, bool abortedRun)
    {
        var expression = spec.Parsed;
        var passed = actual is { } value && expression.Comparison.Holds(value, expression.Limit);
        return new ThresholdResult(
            spec.Expression,
            expression.Step,
            passed,
            actual is { } a ? Math.Round(a, 6) : null,
            expression.Limit,
            expression.Unit,
            spec.AbortOnFail,
            abortedRun,
            detail);
    }
}
