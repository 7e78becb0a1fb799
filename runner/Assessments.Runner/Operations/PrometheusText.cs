using System.Globalization;
using System.Text.RegularExpressions;

namespace Assessments.Runner.Operations;

/// <summary>
/// Reads the Prometheus text exposition format (also what OpenMetrics text looks like to a scraper):
/// comment lines, then samples <c>name{label="v",…} value [timestamp]</c>. Pure.
/// </summary>
public static partial class PrometheusText
{
    public static PrometheusScrape Parse(string text)
    {
        var samples = new List<MetricSample>();
        var invalid = new List<string>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r').Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var match = Sample().Match(line);
            if (match.Success && IsNumber(match.Groups["value"].Value))
            {
                samples.Add(new MetricSample(match.Groups["name"].Value, match.Groups["labels"].Value, line));
            }
            else
            {
                invalid.Add(line);
            }
        }

        return new PrometheusScrape(samples, invalid);
    }

    /// <summary>Whether a metric name is about HTTP traffic (http_server_requests_seconds, requests_total…).</summary>
    public static bool IsAboutRequests(string name) =>
        name.Contains("http", StringComparison.OrdinalIgnoreCase) || name.Contains("request", StringComparison.OrdinalIgnoreCase);

    private static bool IsNumber(string value) =>
        value is "NaN" or "+Inf" or "-Inf" || double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>([a-zA-Z_][a-zA-Z0-9_]*\s*=\s*"([^"\\]|\\.)*"\s*,?\s*)*)\})?\s+(?<value>\S+)(\s+-?\d+)?$""")]
    private static partial Regex Sample();
}

public sealed record MetricSample(string Name, string Labels, string Line);

/// <summary>The samples a scrape held, and the lines that were neither comments nor samples.</summary>
public sealed record PrometheusScrape(IReadOnlyList<MetricSample> Samples, IReadOnlyList<string> InvalidLines)
{
    public MetricSample? FirstRequestSample => Samples.FirstOrDefault(s => PrometheusText.IsAboutRequests(s.Name));
}
