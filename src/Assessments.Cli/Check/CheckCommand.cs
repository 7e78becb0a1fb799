using System.CommandLine;
using Assessments.Cli.Server;
using Assessments.Cli.Terminal;
using Assessments.Domain.Challenges.Loading;
using Assessments.Domain.Kits;
using Assessments.Domain.Reports;
using Assessments.Pipeline;
using Assessments.Runner.Grading;
using Spectre.Console;

namespace Assessments.Cli.Check;

/// <summary>
/// <c>assess check</c>: a candidate's self-check. Builds their service with Docker, starts it under the
/// sandbox's limits (with the grader's stubs), runs the visible checks of their kit and prints what the
/// platform would show them: each check with its exchanges and curl commands, failures first, and the
/// visible points. No level, and nothing hidden: the kit holds only visible checks.
/// Exit codes: 0 every visible check passed; 1 some failed (or the service did not build or start);
/// 2 nothing could be checked (no kit, no Docker engine, a platform fault).
/// </summary>
internal static class CheckCommand
{
    public const int NotChecked = 2;

    public static Command Create()
    {
        var connection = new ServerConnection();
        var service = new Argument<string>("service") { Description = "Your service's folder (with its Dockerfile), a .zip or a .tar.gz.", DefaultValueFactory = _ => "." };
        var kit = new Option<string?>("--kit") { Description = "The candidate kit's folder (default: the nearest folder above the service holding challenge.yaml)." };
        var seed = new Option<int>("--seed") { Description = "Seed for generated data.", DefaultValueFactory = _ => 1 };
        var command = new Command("check", "Run the visible checks of your candidate kit against your own build, as the platform would.") { service, kit, seed };
        connection.AddTo(command);
        command.SetAction((result, cancellationToken) =>
        {
            var fetch = result.GetResult(connection.Server) is { Implicit: false } || result.GetResult(connection.Token) is { Implicit: false };
            return fetch
                ? ServerConnection.Run(async () =>
                {
                    using var downloaded = await KitDownload.FetchAsync(connection.Open(result), cancellationToken);
                    return await RunAsync(result.GetValue(service)!, downloaded.Folder, result.GetValue(seed), cancellationToken);
                })
                : RunAsync(result.GetValue(service)!, result.GetValue(kit), result.GetValue(seed), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(string service, string? kitFolder, int seed, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(service) && !File.Exists(service))
        {
            return Fail($"'{service}' does not exist: name your service's folder (with its Dockerfile) or archive.");
        }

        var folder = kitFolder ?? KitLocator.Find(service);
        if (folder is null)
        {
            return Fail($"No candidate kit above '{service}': unpack the kit and check a folder inside it, pass --kit <kit folder>, or fetch it with --server and --token.");
        }

        Assessments.Domain.Challenges.Challenge challenge;
        try
        {
            challenge = KitChallenge.VisibleOnly(ChallengeLoader.Load(folder));
        }
        catch (InvalidChallengeException e)
        {
            return Fail($"'{folder}' is not a usable kit: {e.Message}");
        }

        using var console = new GradingConsole(pipeline: GradingPipelines.ServiceChecksOnly);
        if (await console.ProblemWithDockerAsync(cancellationToken) is { } problem)
        {
            return Fail(problem);
        }

        var report = await console.GradeAsync(new GradingRequest(challenge, service, seed), Path.GetFileName(Path.GetFullPath(service).TrimEnd('/')), cancellationToken);
        if (report.Status == ReportStatus.InfrastructureError)
        {
            return Fail($"the check could not run (a fault of the machine or Docker, not of your service): {report.Failure?.Message}");
        }

        var feedback = VisibleFeedback.From(challenge.Rubric, report.Contract.Checks, id => VisibleChecks.IsVisible(challenge, id));
        FeedbackPrinter.Print(report, feedback);
        return report.Status == ReportStatus.Graded && feedback.Checks.All(c => c.Check.Passed) ? 0 : 1;
    }

    private static int Fail(string message)
    {
        AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");
        return NotChecked;
    }
}
