using Assessments.Load.Output;
using Assessments.Domain.Thresholds;

namespace Assessments.Load.Thresholds;

/// <summary>
/// Judges verdicts measured while the generator (or the runner) was itself delayed. Pure. A delay
/// only ever adds to a latency measured from the intended send time, so the service's true figure
/// lies between the measured one minus the worst delay and the measured one; likewise a generator
/// that started too few requests can only have lowered throughput. A verdict that is the same at
/// both ends of that range cannot have been caused by the delay, and is judged with its margin; one
/// that differs could flip, and only that is worth measuring again.
/// </summary>
public static class DelayRobustness
{
    /// <summary>The worst delay the generator added to any one measured latency: dispatch lag plus waiting for a thread.</summary>
    public static double WorstDelayMs(LoadResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Math.Round(result.Generator.DispatchLag.Max + result.Generator.PoolDelay.Max, 3);
    }

    /// <summary>Share of the scheduled requests the generator never started (0 when it kept the rate or had no schedule).</summary>
    public static double Shortfall(LoadResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var generator = result.Generator;
        return generator.Scheduled <= 0 ? 0 : Math.Clamp((double)(generator.Scheduled - generator.Started) / generator.Scheduled, 0, 1);
    }

    /// <summary>Every threshold of <paramref name="result"/> with the range its true value lies in and whether its verdict could flip.</summary>
    public static IReadOnlyList<ThresholdMargin> Judge(LoadResult result, double allowedShortfall = 0.01)
    {
        ArgumentNullException.ThrowIfNull(result);
        var delay = WorstDelayMs(result);
        var shortfall = Shortfall(result);
        return result.Thresholds.Select(t => Judge(t, ThresholdParser.Parse(t.Expression), delay, shortfall, allowedShortfall)).ToList();
    }

    public static ThresholdMargin Judge(ThresholdResult result, ThresholdExpression expression, double delayMs, double shortfall, double allowedShortfall = 0.01)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(expression);
        if (result.Actual is not { } actual)
        {
            return new ThresholdMargin(result.Expression, result.Passed, false, null, null, 0, "nothing was measured, so the delay may be why");
        }

        var (low, high) = Range(expression, actual, delayMs, shortfall, allowedShortfall);
        var atLow = expression.Comparison.Holds(low, expression.Limit);
        var atHigh = expression.Comparison.Holds(high, expression.Limit);
        var certain = atLow == atHigh && expression.Comparison is not (Comparison.Equal or Comparison.NotEqual) || low == high;
        var margin = Math.Round(Math.Min(Math.Abs(low - expression.Limit), Math.Abs(high - expression.Limit)), 3);
        return new ThresholdMargin(result.Expression, result.Passed, certain, Math.Round(low, 3), Math.Round(high, 3), certain ? margin : 0, Explain(result, expression, certain, margin, delayMs, low, high));
    }

    /// <summary>A response-time limit (<c>maxMs</c>) measured while the runner was delayed by up to <paramref name="delayMs"/>.</summary>
    public static ThresholdMargin JudgeMaxMs(double measuredMs, double maxMs, double delayMs)
    {
        var result = new ThresholdResult($"time <= {maxMs}ms", null, measuredMs <= maxMs, measuredMs, maxMs, "ms", false, false, null);
        return Judge(result, new ThresholdExpression(ThresholdMetric.Max, null, null, "response", null, Comparison.LessOrEqual, maxMs), delayMs, 0);
    }

    private static (double Low, double High) Range(ThresholdExpression expression, double actual, double delayMs, double shortfall, double allowedShortfall)
    {
        if (expression.IsLatency)
        {
            // A spread can grow or shrink with the delay; every other latency figure only grows.
            return expression.Metric == ThresholdMetric.StdDev
                ? (Math.Max(0, actual - delayMs), actual + delayMs)
                : (Math.Max(0, actual - delayMs), actual);
        }

        var missing = shortfall >= 1 ? double.PositiveInfinity : 1 / (1 - shortfall);
        return expression.Metric switch
        {
            // Requests never started were never completed: the service might have done that many more.
            ThresholdMetric.Rps or ThresholdMetric.Count => (actual, actual * missing),

            // A ratio does not move with a delay, but a service that was sent less load than planned
            // may have failed less than it would have: then nothing is known about it.
            _ => shortfall <= allowedShortfall ? (actual, actual) : (0, expression.Metric == ThresholdMetric.Rate ? 1 : double.PositiveInfinity),
        };
    }

    private static string Explain(ThresholdResult result, ThresholdExpression expression, bool certain, double margin, double delayMs, double low, double high)
    {
        var unit = expression.Unit == "ms" ? " ms" : expression.Unit == "ratio" ? string.Empty : " " + expression.Unit;
        if (!certain)
        {
            return $"could flip: its true value lies between {low:0.###} and {high:0.###}{unit} given the generator's worst delay of {delayMs:0.###} ms, and the limit {expression.Limit:0.###}{unit} is in between";
        }

        return result.Passed
            ? $"held with {margin:0.###}{unit} to spare; the generator's worst delay ({delayMs:0.###} ms) cannot have made it pass"
            : $"failed by {margin:0.###}{unit} even after taking off the generator's worst delay ({delayMs:0.###} ms)";
    }
}
