using System.CommandLine;
using Assessments.Cli.Terminal;
using Assessments.Domain.Challenges.Loading;
using Assessments.Domain.Hosts;
using Assessments.Domain.Reports;
using Assessments.Reporting;
using Assessments.Reporting.Ci;
using Assessments.Runner.Grading;
using Spectre.Console;

namespace Assessments.Cli.Grade;

/// <summary>
/// <c>assess grade</c>: grades one submission locally, no database needed. Exits 0 whenever a report
/// was produced, whatever the grade; 2 when the report says the platform failed
/// (<c>infrastructure_error</c>, worth retrying); 1 when no report could be produced.
/// </summary>
internal static class GradeCommand
{
    public const int InfrastructureErrorExitCode = 2;

    public static Command Create()
    {
        var challenge = new Option<string>("--challenge", "-c") { Description = "Challenge id (looked up in challenges/) or folder.", Required = true };
        var submission = new Option<string>("--submission", "-s") { Description = "Submission folder, .zip or .tar.gz.", Required = true };
        var output = new Option<string>("--out", "-o") { Description = "Folder to write report.json, report.md and report.html into.", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed for generated data; recorded in the report.", DefaultValueFactory = _ => 1 };
        var format = new Option<string>("--format", "-f")
        {
            Description = $"Report files to write, comma-separated: {ReportFormats.Known} (report.junit.xml, report.sarif).",
            DefaultValueFactory = _ => "json,md,html",
        };
        var noWait = new Option<bool>("--no-wait") { Description = "Refuse at once, instead of waiting, when every grading slot of this host is busy (ASSESS_SLOTS)." };
        var command = new Command("grade", "Build, run and grade a submission against a challenge, and write its reports.") { challenge, submission, output, seed, format, noWait };
        command.SetAction((result, cancellationToken) => RunAsync(
            new GradeArguments(result.GetValue(challenge)!, result.GetValue(submission)!, result.GetValue(output)!, result.GetValue(seed), result.GetValue(format)!, !result.GetValue(noWait)),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(GradeArguments arguments, CancellationToken cancellationToken)
    {
        var (challengeArg, submission, output, seed, formatList, waitForSlot) = arguments;
        if (!ReportFormats.TryParse(formatList, out var formats, out var formatError))
        {
            return Fail(formatError!);
        }

        try
        {
            _ = HostSlots.ForThisHost(); // a wrong ASSESS_SLOTS is refused before anything starts
            var challenge = ChallengeLoader.Load(ChallengeLocator.Resolve(challengeArg));
            if (!Directory.Exists(submission) && !File.Exists(submission))
            {
                return Fail($"Submission '{submission}' does not exist.");
            }

            using var console = new GradingConsole(waitForSlot: waitForSlot);
            if (await console.ProblemWithDockerAsync(cancellationToken) is { } problem)
            {
                return Fail(problem);
            }

            var report = await console.GradeAsync(new GradingRequest(challenge, submission, seed), Path.GetFileName(Path.GetFullPath(submission).TrimEnd('/')), cancellationToken);
            await ReportFiles.WriteAsync(report, output, formats, cancellationToken);
            ReportSummary.Print(report, output, formats);
            return report.Status == ReportStatus.InfrastructureError ? InfrastructureErrorExitCode : 0;
        }
        catch (Exception e) when (e is InvalidChallengeException or DirectoryNotFoundException or UnauthorizedAccessException or IOException or SlotsBusyException or ArgumentException)
        {
            return Fail(e.Message);
        }
    }

    private static int Fail(string message)
    {
        AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");
        return 1;
    }
}

internal sealed record GradeArguments(string Challenge, string Submission, string Output, int Seed, string Formats, bool WaitForSlot);
