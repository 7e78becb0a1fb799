using Assessments.Domain.Reports;
using Assessments.Domain.Scoring;
using Assessments.Reporting.Ci;
using Assessments.Reporting.Summary;
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

        // Each failed criterion with the reason it failed: the failed check's own words, never a passing exchange or a count.
        foreach (var failed in Verdict.Of(report).Failed.Where(_ => report.Status == ReportStatus.Graded))
        {
            AnsiConsole.MarkupLine($"  [red]✘[/] {Markup.Escape(failed.Title)} [grey]({Markup.Escape(failed.Competency)})[/]: {Markup.Escape(failed.Reason)}");
        }

        AnsiConsole.MarkupLine($"  Reports: [link]{Markup.Escape(Path.GetFullPath(outDirectory))}[/] ({string.Join(", ", formats.Select(ReportFormats.FileName))})");
    }
}
