using System.CommandLine;
using Assessments.Domain.Challenges;
using Assessments.Domain.Hosts;
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
/// Grades several submissions and prints expected against given, so a batch shows at a glance whether
/// the rubric behaves. One after another by default; with <c>atOnce</c> above one, that many share the
/// host's grading slots (<see cref="HostSlots.WithSeats"/>): their builds, starts and scenario checks
/// overlap, while each load measurement still runs alone with the others' containers frozen.
/// </summary>
internal static class BatchGrading
{
    /// <summary>
    /// Two at once by default: on a 2-core host that takes about a third off a batch (the checks of one
    /// overlap the build and checks of the next), and measured stages still run alone.
    /// </summary>
    public const int DefaultAtOnce = 2;

    /// <summary>The <c>--at-once</c> option of the commands that grade a batch.</summary>
    public static Option<int?> AtOnceOption() => new("--at-once")
    {
        Description = $"Grade this many side by side (1 to {HostSlots.MaxSeats}; {DefaultAtOnce} unless said otherwise): builds and scenario checks overlap, each load measurement and each scenario that judges time runs alone with the others frozen.",
    };

    /// <param name="fallback">When the option is not given.</param>
    /// <exception cref="ArgumentException">Out of range.</exception>
    public static int AtOnce(ParseResult result, Option<int?> option, int fallback = DefaultAtOnce) =>
        (result.GetValue(option) ?? fallback) is var n && n is >= 1 and <= HostSlots.MaxSeats ? n : throw new ArgumentException($"--at-once must be between 1 and {HostSlots.MaxSeats}");

    /// <summary>Returns how many items did not get their expected outcome.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<BatchItem> items, string outRoot, CancellationToken cancellationToken, int atOnce = 1) =>
        await RunAsync(items, outRoot, SandboxLimits.Default, cancellationToken, atOnce) is { } results ? results.Count(r => !r.Matches) : items.Count;

    /// <summary>Grades every item under the given limits; null when Docker is not there (already said why).</summary>
    /// <param name="atOnce">How many gradings run side by side (1 to <see cref="HostSlots.MaxSeats"/>).</param>
    public static async Task<IReadOnlyList<BatchResult>?> RunAsync(
        IReadOnlyList<BatchItem> items, string outRoot, SandboxLimits limits, CancellationToken cancellationToken, int atOnce = 1)
    {
        var host = atOnce > 1 ? HostSlots.ForThisHost() : null;
        var slots = host?.WithSeats(Math.Max(host.Seats, atOnce));
        using var console = new GradingConsole(limits, slots: slots);
        if (await console.ProblemWithDockerAsync(cancellationToken) is { } problem)
        {
            AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(problem)}");
            return null;
        }

        using var turns = new SemaphoreSlim(atOnce);
        var gradings = StartOrder(items).Select(async item =>
        {
            await turns.WaitAsync(cancellationToken);
            try
            {
                var outDir = System.IO.Path.Combine(outRoot, item.Challenge.Id, item.Name);
                var report = await console.GradeAsync(new GradingRequest(item.Challenge, item.Path), $"{item.Challenge.Id}/{item.Name}", cancellationToken);
                await ReportFiles.WriteAsync(report, outDir, cancellationToken);
                return new BatchResult(item, report, outDir);
            }
            finally
            {
                turns.Release();
            }
        }).ToList();
        var graded = await Task.WhenAll(gradings);
        var results = items.Select(item => graded.First(r => ReferenceEquals(r.Item, item))).ToList();

        var table = new Table().AddColumns("Challenge", "Submission", "Status", "Level", "Score", "Expected", "Time", "Report");
        foreach (var result in results)
        {
            var (item, report, outDir) = (result.Item, result.Report, result.ReportFolder);
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

    /// <summary>
    /// The longest first, so that the batch does not end with one long grading running alone: a
    /// grading's length is mostly what its checks wait out (<see cref="Challenge.WaitBudget"/>), and
    /// submissions short of senior wait out most of it (a senior's waits end as soon as its work is
    /// done; a not-yet answers 501 and is not waited for). In the calibration set of 2026-12-07 the
    /// queues junior waited out some 140 s of checks and each api-design reference under one.
    /// Equal estimates keep the batch's order.
    /// </summary>
    private static IEnumerable<BatchItem> StartOrder(IReadOnlyList<BatchItem> items) =>
        items.OrderByDescending(ExpectedWait);

    private static TimeSpan ExpectedWait(BatchItem item)
    {
        var share = !LevelNames.TryParse(item.Expected, out var level) ? 0.2 // a build or start failure ends before the checks
            : level switch
            {
                Level.Junior or Level.EngineerII => 1.0,
                Level.Senior => 0.5,
                _ => 0.4,
            };
        return item.Challenge.WaitBudget * share;
    }

    /// <summary>An expectation is a level (the submission was graded at it) or a status name.</summary>
    public static bool Matches(GradingReport report, string expected) =>
        LevelNames.TryParse(expected, out var level)
            ? report.Status == ReportStatus.Graded && report.Level == level
            : report.Status.ToName() == expected;
}
