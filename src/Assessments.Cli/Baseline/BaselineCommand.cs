using System.CommandLine;
using Assessments.Domain.Challenges.Loading;
using Assessments.Domain.Hosts;
using Assessments.Runner;
using Assessments.Runner.Grading;
using Assessments.Runner.Grading.Baselines;
using Assessments.Submissions;
using Assessments.Submissions.Sandbox;
using Spectre.Console;

namespace Assessments.Cli.Baseline;

/// <summary>
/// <c>assess baseline --challenge &lt;id|all&gt;</c>: measures the reference baseline of each challenge
/// whose load thresholds are relative to it, now, so that no grading waits for it later (run it at
/// <c>make up</c> or when a worker host starts). One already stored and young enough is kept. Exits 0
/// when every challenge has its baseline, 1 when one could not be measured, 2 without Docker.
/// </summary>
internal static class BaselineCommand
{
    public static Command Create()
    {
        var challenge = new Option<string>("--challenge", "-c") { Description = "Challenge id or folder, or 'all'.", Required = true };
        var command = new Command("baseline", "Measure (or keep) the reference baseline that relative load thresholds compare with, ahead of any grading.") { challenge };
        command.SetAction((result, cancellationToken) => RunAsync(result.GetValue(challenge)!, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string challengeArg, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> folders;
        HostSlots slots;
        try
        {
            slots = HostSlots.ForThisHost();
            folders = challengeArg == "all"
                ? ChallengeLocator.Roots().Take(1).SelectMany(Directory.GetDirectories).Order(StringComparer.Ordinal).ToList()
                : [ChallengeLocator.Resolve(challengeArg)];
        }
        catch (Exception e) when (e is InvalidChallengeException or DirectoryNotFoundException or ArgumentException)
        {
            AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
            return 1;
        }

        using var console = new Terminal.GradingConsole();
        if (await console.ProblemWithDockerAsync(cancellationToken) is { } problem)
        {
            AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(problem)}");
            return 2;
        }

        using var docker = Runner.Docker.DockerConnection.Open();
        var prewarm = new BaselinePrewarm(docker, SandboxLimits.Default, SubmissionLimits.Default, slots);
        var failed = 0;
        foreach (var folder in folders)
        {
            var challenge = ChallengeLoader.Load(folder);
            var progress = new SynchronousProgress<GradingProgress>(p => Console.Error.WriteLine($"[{challenge.Id}] {p.Phase}: {p.Message}"));
            BaselineLookup? lookup;
            try
            {
                lookup = await prewarm.EnsureAsync(challenge, progress, cancellationToken);
            }
            catch (Runner.Docker.InfrastructureException e)
            {
                lookup = BaselineLookup.Failed($"a platform fault: {e.Message}");
            }

            var line = lookup switch
            {
                null => "no relative load thresholds: nothing to measure",
                { Figures: null } => $"NOT measured: {lookup.Problem}",
                { MeasuredNow: true } => $"measured now in {lookup.MeasuredMs / 1000:0.0} s: p99 {lookup.Figures.P99:0.##} ms, {lookup.Figures.Rps:0.#} req/s",
                _ => $"stored, measured {(DateTimeOffset.UtcNow - lookup.Figures.MeasuredAt).TotalHours:0.#} h ago: p99 {lookup.Figures.P99:0.##} ms",
            };
            failed += lookup is { Figures: null } ? 1 : 0;
            Console.WriteLine($"{challenge.Id} v{challenge.Version}: {line}");
        }

        return failed == 0 ? 0 : 1;
    }
}
