using System.Globalization;
using System.Text.RegularExpressions;

namespace Assessments.Domain.Thresholds;

/// <summary>
/// Parses thresholds in the spirit of k6: <c>p(99) &lt; 50ms</c>, <c>rate(failed) &lt; 1%</c>,
/// <c>rps &gt;= 500</c>, <c>service.avg &lt; 10ms</c>, <c>p(95){step:login} &lt; 200ms</c>. Pure.
/// </summary>
public static partial class ThresholdParser
{
    private static readonly string[] RateSubjects = ["failed", "checks", "1xx", "2xx", "3xx", "4xx", "5xx", "none"];

    public static ThresholdExpression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = Grammar().Match(text);
        if (!match.Success)
        {
            throw new ThresholdSyntaxException(
                $"Cannot read threshold '{text}': expected '<metric>[{{step:name}}] <op> <value>', e.g. 'p(99) < 50ms' or 'rate(failed) < 1%'.");
        }

        var metricName = match.Groups["metric"].Value;
        var argument = match.Groups["arg"].Success ? match.Groups["arg"].Value.Trim() : null;
        var source = match.Groups["source"].Success ? match.Groups["source"].Value : "response";
        var step = match.Groups["tag"].Success ? match.Groups["tag"].Value : null;
        var comparison = ParseComparison(match.Groups["op"].Value);
        var number = double.Parse(match.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
        var unit = match.Groups["unit"].Value;

        var (metric, percentile, subject) = ParseMetric(text, metricName, argument);
        if (source == "service" && metric is ThresholdMetric.Rate or ThresholdMetric.Count or ThresholdMetric.Rps)
        {
            throw new ThresholdSyntaxException($"In '{text}': 'service.' applies only to latencies (p(N), avg, med, min, max, stddev).");
        }

        var limit = metric switch
        {
            ThresholdMetric.Rate => RateLimit(text, number, unit),
            ThresholdMetric.Rps => NoUnit(text, number, unit, "/s"),
            ThresholdMetric.Count => NoUnit(text, number, unit, null),
            _ => LatencyLimit(text, number, unit),
        };

        return new ThresholdExpression(metric, percentile, subject, source, step, comparison, limit);
    }

    private static (ThresholdMetric Metric, double? Percentile, string? Subject) ParseMetric(string text, string name, string? argument)
    {
        switch (name)
        {
            case "p":
                if (argument is null || !double.TryParse(argument, NumberStyles.Float, CultureInfo.InvariantCulture, out var percentile)
                    || percentile is <= 0 or > 100)
                {
                    throw new ThresholdSyntaxException($"In '{text}': p(N) needs a percentile above 0 and at most 100, e.g. p(99.9).");
                }

                return (ThresholdMetric.Percentile, percentile, null);
            case "rate":
            case "count" when argument is not null:
                if (argument is null || !RateSubjects.Contains(argument))
                {
                    throw new ThresholdSyntaxException($"In '{text}': {name}(…) takes one of {string.Join(", ", RateSubjects)}.");
                }

                return (name == "rate" ? ThresholdMetric.Rate : ThresholdMetric.Count, null, argument);
            default:
                if (argument is not null)
                {
                    throw new ThresholdSyntaxException($"In '{text}': '{name}' takes no argument.");
                }

                return name switch
                {
                    "avg" => (ThresholdMetric.Average, null, null),
                    "med" => (ThresholdMetric.Median, null, null),
                    "min" => (ThresholdMetric.Min, null, null),
                    "max" => (ThresholdMetric.Max, null, null),
                    "stddev" => (ThresholdMetric.StdDev, null, null),
                    "rps" => (ThresholdMetric.Rps, null, null),
                    "count" => (ThresholdMetric.Count, null, null),
                    _ => throw new ThresholdSyntaxException(
                        $"In '{text}': unknown metric '{name}'; use p(N), avg, med, min, max, stddev, rps, count, count(x) or rate(x)."),
                };
        }
    }

    private static double LatencyLimit(string text, double number, string unit)
    {
        if (unit.Length == 0)
        {
            return number;
        }

        return DurationText.TryParseMilliseconds(number.ToString(CultureInfo.InvariantCulture) + unit, out var milliseconds)
            ? milliseconds
            : throw new ThresholdSyntaxException($"In '{text}': '{unit}' is not a time unit; use us, ms, s or m.");
    }

    private static double RateLimit(string text, double number, string unit) => unit switch
    {
        "%" => number / 100,
        "" when number <= 1 => number,
        "" => throw new ThresholdSyntaxException($"In '{text}': a rate is a fraction up to 1 or a percentage such as 1%."),
        _ => throw new ThresholdSyntaxException($"In '{text}': a rate takes '%' or no unit, not '{unit}'."),
    };

    private static double NoUnit(string text, double number, string unit, string? allowed) =>
        unit.Length == 0 || unit == allowed
            ? number
            : throw new ThresholdSyntaxException($"In '{text}': unexpected unit '{unit}'.");

    private static Comparison ParseComparison(string op) => op switch
    {
        "<" => Comparison.LessThan,
        "<=" => Comparison.LessOrEqual,
        ">" => Comparison.GreaterThan,
        ">=" => Comparison.GreaterOrEqual,
        "==" => Comparison.Equal,
        _ => Comparison.NotEqual,
    };

    [GeneratedRegex(
        @"^\s*(?:(?<source>response|service)\.)?(?<metric>[a-z]+)\s*(?:\((?<arg>[^)]*)\))?\s*(?:\{\s*(?:step|name)\s*:\s*(?<tag>[^}]+?)\s*\})?\s*(?<op><=|>=|==|!=|<|>)\s*(?<value>[0-9]+(?:\.[0-9]+)?)\s*(?<unit>[a-zµ%/]*)\s*$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Grammar();
}
