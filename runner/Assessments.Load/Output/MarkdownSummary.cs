using System.Globalization;
using System.Text;

namespace Assessments.Load.Output;

/// <summary>A short Markdown account of a run for reports and pull requests.</summary>
public static class MarkdownSummary
{
    public static string Render(LoadResult result, LoadChartContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var md = new StringBuilder();
        md.AppendLine($"### Load test of `{context?.TargetName ?? result.Target}`").AppendLine();
        md.AppendLine(result.Valid
            ? "**Valid run**: the generator kept its schedule."
            : $"**Invalid run**: {result.InvalidReason}. These numbers describe the generator, not the service.");
        if (result.Aborted)
        {
            md.AppendLine().AppendLine($"**Aborted early**: {result.AbortReason}.");
        }

        md.AppendLine();
        md.AppendLine("| model | measured | warm-up | requests | req/s | errors |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|");
        md.AppendLine($"| {result.Model} | {N(result.DurationSeconds)} s | {N(result.WarmupSeconds)} s | {result.Requests} | {N(result.Rps)} | {result.Errors} |");
        md.AppendLine();
        md.AppendLine("| latency (ms) | p50 | p90 | p99 | p99.9 | max |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|");
        md.AppendLine(LatencyRow("response time (from intended start)", result.Latency));
        md.AppendLine(LatencyRow("service time (from send)", result.ServiceTime));
        md.AppendLine(LatencyRow("generator dispatch lag", result.Generator.DispatchLag));

        if (result.Generator.TargetRate is { } target)
        {
            md.AppendLine().AppendLine(
                $"Schedule: {N(target)} req/s intended, {N(result.Generator.AchievedRate ?? 0)} req/s started " +
                $"(error {(result.Generator.RateError ?? 0).ToString("P2", CultureInfo.InvariantCulture)}).");
        }

        if (result.Thresholds.Count > 0)
        {
            md.AppendLine().AppendLine("| threshold | actual | verdict |").AppendLine("|---|---:|---|");
            foreach (var threshold in result.Thresholds)
            {
                var actual = threshold.Actual is { } value ? ThresholdFigures.Format(value, threshold.Unit) : threshold.Detail ?? "n/a";
                md.AppendLine($"| `{threshold.Expression}` | {actual} | {(threshold.Passed ? "pass" : "FAIL")}{(threshold.AbortedRun ? " (aborted run)" : "")} |");
            }
        }

        if (result.ErrorKinds.Count > 0)
        {
            md.AppendLine().AppendLine("Errors: " + string.Join(", ", result.ErrorKinds.Select(e => $"{e.Key} × {e.Value}")) + ".");
        }

        if (result.Steps.Count > 1)
        {
            md.AppendLine().AppendLine("| step | requests | failed | p50 | p99 | max |").AppendLine("|---|---:|---:|---:|---:|---:|");
            foreach (var step in result.Steps)
            {
                md.AppendLine($"| {step.Scenario}/{step.Step} | {step.Requests} | {step.Failed} | {N(step.ResponseTime.P50)} | {N(step.ResponseTime.P99)} | {N(step.ResponseTime.Max)} |");
            }
        }

        return md.ToString();
    }

    private static string LatencyRow(string name, Statistics.LatencyStatistics l) =>
        l.Count == 0 ? $"| {name} | – | – | – | – | – |" : $"| {name} | {N(l.P50)} | {N(l.P90)} | {N(l.P99)} | {N(l.P999)} | {N(l.Max)} |";

    private static string N(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
