using Assessments.Domain.Reports;
using Assessments.Reporting.Ci;

namespace Assessments.Reporting;

/// <summary>Writes a grading's report files into an output folder: by default report.json, .md and .html.</summary>
public static class ReportFiles
{
    public const string Json = "report.json";
    public const string Markdown = "report.md";
    public const string Html = "report.html";
    public const string JUnit = "report.junit.xml";
    public const string Sarif = "report.sarif";

    public static Task WriteAsync(GradingReport report, string directory, CancellationToken cancellationToken) =>
        WriteAsync(report, directory, ReportFormats.Default, cancellationToken);

    public static async Task WriteAsync(GradingReport report, string directory, IReadOnlyList<ReportFormat> formats, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        foreach (var format in formats)
        {
            await File.WriteAllTextAsync(Path.Combine(directory, ReportFormats.FileName(format)), Render(report, format), cancellationToken);
        }
    }

    public static string Render(GradingReport report, ReportFormat format) => format switch
    {
        ReportFormat.Json => ReportJson.Serialize(report),
        ReportFormat.Markdown => MarkdownReport.Render(report),
        ReportFormat.Html => HtmlReport.Render(report),
        ReportFormat.JUnit => JUnitReport.Render(report),
        ReportFormat.Sarif => SarifReport.Render(report),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "no such report format"),
    };
}
