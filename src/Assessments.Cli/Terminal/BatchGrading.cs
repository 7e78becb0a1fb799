using Assessments.Domain.Challenges;
using Assessments.Domain.Reports;
using Assessments.Domain.Scoring;
using Assessments.Reporting;
using Assessments.Runner.Grading;
using Assessments.Submissions.Sandbox;
using Spectre.Console;

namespace Assessments.Cli.Terminal;

/// <summary>A submission graded as part of a batch, with the outcome it is expected to get.</summary>
internal sealed record BatchItem(Challenge Challenge, string Name, string Path, string Expected);

/// <summary>What one batch item got, and where its reports are.</summary>
internal sealed record BatchResult(BatchItem Item, GradingReport Report, string ReportFolder)
{
    public bool Matches => BatchGrading.Matches(Report, Item.Expected);
}

/// <summary>
/// Grades several submissions one after another (they would only compete for the same CPUs) and
/// prints expected against given, so a batch shows at a glance whether the rubric behaves.
/// </summary>
internal static class BatchGrading
{
    /// <summary>Returns how many items did not get their expected outcome.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<BatchItem> items, string outRoot, CancellationToken cancellationToken) =>
        await RunAsync(items, outRoot, SandboxLimits.Default, cancellationToken) is { } results ? results.Count(r => !r.Matches) : items.Count;

    /// <summary>Grades every item under the given limits; null when Docker is not there (already said why).</summary>
    public static async Task<IReadOnlyList<BatchResult>?> RunAsync(IReadOnlyList<BatchItem> items, string outRoot, SandboxLimits limits, CancellationToken cancellationToken)
    {
        using var console = new GradingConsole(limits);
        if (await console.ProblemWithDockerAsync(cancellationToken) is { } problem)
        {
            AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(problem)}");
            return null;
        }

        var table = new Table().AddColumns("Challenge", "Submission", "Status", "Level", "Score", "Expected", "Time", "Report");
        var results = new List<BatchResult>();
        foreach (var item in items)
        {
            var outDir = System.IO.Path.Combine(outRoot, item.Challenge.Id, item.Name);
            var report = await console.GradeAsync(new GradingRequest(item.Challenge, item.Path), $"{item.Challenge.Id}/{item.Name}", cancellationToken);
            await ReportFiles.WriteAsync(report, outDir, cancellationToken);
            var result = new BatchResult(item, report, outDir);
            results.Add(result);
            var matches = result.Matches;
            table.AddRow(
                Markup.Escape(item.Challenge.Id),
                Markup.Escape(item.Name),
                Markup.Escape(report.Status.ToName()),
                report.Level.ToName(),
                report.Score.ToString(),
                matches ? $"[green]{Markup.Escape(item.Expected)} ✔[/]" : $"[red]{Markup.Escape(item.Expected)} ✘[/]",
                $"{report.Timings.TotalMs / 1000:0.0} s",
                Markup.Escape(System.IO.Path.Combine(System.IO.Path.GetRelativePath(Environment.CurrentDirectory, outDir), ReportFiles.Html)));
        }

        AnsiConsole.Write(table);
        return results;
    }

    /// <summary>An expectation is a level (the submission was graded at it) or a status name.</summary>
    public static bool Matches(GradingReport report, string expected) =>
        LevelNames.TryParse(expected, out var level)
            ? report.Status == ReportStatus.Graded && report.Level == level
            : report.Status.ToName() == expected;
}
