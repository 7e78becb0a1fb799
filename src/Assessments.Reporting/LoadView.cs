using Assessments.Domain.Reports;
using Assessments.Load.Output;

namespace Assessments.Reporting;

/// <summary>The load engine's result kept in a report, read back for the human reports' charts and summary.</summary>
internal static class LoadView
{
    public static LoadResult? Result(GradingReport report) =>
        report.Load.Result is { } json ? LoadResultWriter.FromJson(json.GetRawText()) : null;

    /// <summary>
    /// The target named as the candidate's service (its address inside the grading network means
    /// nothing to a reader), and the reference's p99 to draw beside the threshold.
    /// </summary>
    public static LoadChartContext Context(GradingReport report, LoadResult load)
    {
        var path = Uri.TryCreate(load.Target, UriKind.Absolute, out var uri) ? uri.PathAndQuery : load.Target;
        return new LoadChartContext($"{path} on the submitted service", report.Load.Baseline?.Figures?.P99, $"{report.Load.Baseline?.Reference ?? "reference"} reference");
    }
}
