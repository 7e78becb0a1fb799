using Assessments.Domain.Reports;
using Assessments.Load.Output;

namespace Assessments.Reporting;

/// <summary>The load engine's result kept in a report, read back for the human reports' charts and summary.</summary>
internal static class LoadView
{
    public static LoadResult? Result(GradingReport report) =>
        report.Load.Result is { } json ? LoadResultWriter.FromJson(json.GetRawText()) : null;
}
