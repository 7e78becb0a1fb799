using Assessments.Domain.Reports;
using Assessments.Domain.Scoring;
using Assessments.Reporting.Ci;
using Spectre.Console;

namespace Assessments.Cli.Terminal;

/// <summary>The short, readable summary printed after a grading.</summary>
internal static class ReportSummary
{
    public static void Print(GradingReport report, string outDirectory, IReadOnlyList<ReportFormat> formats)
    {
        var colour = report.Status == ReportStatus.Graded ? "green" : "yellow";
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(report.Challenge.Title)}[/]: [{colour}]{Markup.Escape(report.Status.ToName())}[/], level [bold]{report.Level.ToName()}[/], score [bold]{report.Score}[/]/100 in {report.Timings.TotalMs / 1000:0.0} s");
        if (report.Failure is { } failure)
        {
            AnsiConsole.MarkupLine($"  [yellow]{Markup.Escape(failure.Message)}[/]{(failure.ExitCode is { } code ? $" (exit code {code})" : string.Empty)}");
            foreach (var line in failure.LogTail.TakeLast(5))
            {
                AnsiConsole.MarkupLine($"  [grey]{Markup.Escape(line)}[/]");
            }
        }

        foreach (var criterion in report.Criteria.Where(c => !c.Passed && report.Status == ReportStatus.Graded))
        {
            AnsiConsole.MarkupLine($"  [red]✘[/] {Markup.Escape(criterion.Title)}: {Markup.Escape(criterion.Evidence.LastOrDefault()?.Summary ?? string.Empty)}");
        }

        AnsiConsole.MarkupLine($"  Reports: [link]{Markup.Escape(Path.GetFullPath(outDirectory))}[/] ({string.Join(", ", formats.Select(ReportFormats.FileName))})");
    }
}
