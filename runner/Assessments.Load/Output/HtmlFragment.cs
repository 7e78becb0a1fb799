using System.Globalization;
using System.Net;
using System.Text;

namespace Assessments.Load.Output;

/// <summary>
/// An HTML fragment (no html/head/body) the report embeds: verdict, figures, thresholds, and two
/// inline-SVG charts over time, latency percentiles and throughput, warm-up shaded.
/// </summary>
public static class HtmlFragment
{
    public static string Render(LoadResult result, LoadChartContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var html = new StringBuilder();
        html.Append("<section class=\"load-result\">");
        html.Append(CultureInfo.InvariantCulture, $"<h3>Load test of <code>{E(context?.TargetName ?? result.Target)}</code></h3>");
        html.Append(result.Valid
            ? "<p class=\"valid\">Valid run: the generator kept its schedule.</p>"
            : $"<p class=\"invalid\"><strong>Invalid run</strong>: {E(result.InvalidReason ?? "")}.</p>");
        if (result.Aborted)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"aborted\"><strong>Aborted early</strong>: {E(result.AbortReason ?? "")}.</p>");
        }

        html.Append("<div class=\"scroll\"><table><tr><th>model</th><th>requests</th><th>req/s</th><th>errors</th><th>p50</th><th>p90</th><th>p99</th><th>max</th></tr>");
        html.Append(CultureInfo.InvariantCulture,
            $"<tr><td>{E(result.Model)}</td><td>{result.Requests}</td><td>{N(result.Rps)}</td><td>{result.Errors}</td><td>{N(result.Latency.P50)} ms</td><td>{N(result.Latency.P90)} ms</td><td>{N(result.Latency.P99)} ms</td><td>{N(result.Latency.Max)} ms</td></tr></table></div>");

        if (result.Thresholds.Count > 0)
        {
            html.Append("<div class=\"scroll\"><table><tr><th>threshold</th><th>actual</th><th>verdict</th></tr>");
            foreach (var t in result.Thresholds)
            {
                var actual = t.Actual is { } value ? ThresholdFigures.Format(value, t.Unit) : t.Detail ?? "n/a";
                html.Append(CultureInfo.InvariantCulture, $"<tr><td><code>{E(t.Expression)}</code></td><td>{E(actual)}</td><td>{(t.Passed ? "pass" : "FAIL")}</td></tr>");
            }

            html.Append("</table></div>");
        }

        var warmupEnd = result.Timeline.Where(p => p.Warmup).Select(p => p.Second).DefaultIfEmpty(0).Max();
        html.Append(SvgChart.Lines("Response time from intended start", "ms",
        [
            new("p50", "#1f77b4", Points(result, p => p.P50)),
            new("p90", "#2ca02c", Points(result, p => p.P90)),
            new("p99", "#ff7f0e", Points(result, p => p.P99)),
            new("max", "#d62728", Points(result, p => p.Max)),
        ], warmupEnd, LatencyMarkers(result, context)));
        html.Append(SvgChart.Lines("Throughput", "req/s",
        [
            new("completed", "#1f77b4", Points(result, p => p.Rps)),
            new("failed", "#d62728", Points(result, p => p.IntervalSeconds > 0 ? p.Failed / p.IntervalSeconds : 0)),
        ], warmupEnd));
        return html.Append("</section>").ToString();
    }

    /// <summary>The p99 threshold and the reference's p99, when known, as lines on the latency chart.</summary>
    private static List<SvgChart.Marker> LatencyMarkers(LoadResult result, LoadChartContext? context)
    {
        var markers = result.Thresholds
            .Where(t => t.Unit == "ms" && t.Expression.StartsWith("p(99)", StringComparison.Ordinal))
            .Select(t => new SvgChart.Marker("p99 threshold", t.Limit, "#a40e26"))
            .Take(1)
            .ToList();
        if (context?.ReferenceP99 is { } reference)
        {
            markers.Add(new SvgChart.Marker($"{context.ReferenceName} p99", reference, "#6f42c1"));
        }

        return markers;
    }

    private static List<(double X, double Y)> Points(LoadResult result, Func<TimelinePoint, double> value) =>
        result.Timeline.Select(p => (p.Second, value(p))).ToList();

    private static string N(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
