using Assessments.Domain.Reports;

namespace Assessments.Reporting;

/// <summary>Writes the three report files into an output folder.</summary>
public static class ReportFiles
{
    public const string Json = "report.json";
    public const string Markdown = "report.md";
    public const string Html = "report.html";

    public static async Task WriteAsync(GradingReport report, string directory, CancellationToken cancellationToken, Summary.LevelOverride? levelOverride = null)
    {
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, Json), ReportJson.Serialize(report), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, Markdown), MarkdownReport.Render(report, levelOverride), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, Html), HtmlReport.Render(report, levelOverride), cancellationToken);
    }
}
