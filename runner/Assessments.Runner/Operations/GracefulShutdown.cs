using System.Diagnostics;
using Assessments.Domain.Challenges;
using Assessments.Domain.Reports;
using Assessments.Domain.Scenarios;
using Assessments.Domain.Scoring;
using Assessments.Runner.Checks;
using Assessments.Runner.Grading;
using Docker.DotNet.Models;

namespace Assessments.Runner.Operations;

/// <summary>
/// Sends SIGTERM to the service with the shutdown probe (a slow request) in flight, as an orchestrator
/// does when it rolls a deployment. Passes when the request still completes with 2xx and the process
/// exits by itself with code 0 within the grace period. Exit code 143 means the signal killed it:
/// the process never handled SIGTERM.
/// </summary>
internal sealed class GracefulShutdown(GradingHost host, ExchangeRecorder recorder)
{
    public const string Title = "On SIGTERM the service finishes in-flight work and exits with code 0 in time";

    private const int KilledBySigterm = 128 + 15;

    // Long enough for the request to reach the service before the signal does.
    private static readonly TimeSpan ProbeHeadStart = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    public async Task<CheckOutcome> RunAsync(OperationsSpec operations, CancellationToken cancellationToken)
    {
        var state = (await host.Docker.Containers.InspectContainerAsync(host.ContainerId, cancellationToken)).State;
        if (!state.Running)
        {
            return Outcome(false, $"the service was no longer running (exit code {state.ExitCode}) when it was to be stopped", []);
        }

        Task<RecordedExchange>? inFlight = null;
        if (operations.ShutdownProbe is { } probe)
        {
            inFlight = recorder.SendAsync(probe.Method, probe.Path, new Dictionary<string, string>(), probe.JsonBody, probe.JsonBody is null ? null : "application/json", cancellationToken);
            await Task.WhenAny(inFlight, Task.Delay(ProbeHeadStart, cancellationToken));
        }

        var clock = Stopwatch.StartNew();
        await host.Docker.Containers.KillContainerAsync(host.ContainerId, new ContainerKillParameters { Signal = "SIGTERM" }, cancellationToken);
        while (state.Running && clock.Elapsed < operations.ShutdownGrace)
        {
            await Task.Delay(PollInterval, cancellationToken);
            state = (await host.Docker.Containers.InspectContainerAsync(host.ContainerId, cancellationToken)).State;
        }

        var exited = clock.Elapsed;
        var evidence = new List<Evidence>();
        var probeProblem = inFlight is null ? null : await JudgeProbeAsync(inFlight, evidence);
        if (state.Running)
        {
            evidence.Add(Evidence.Measurement("still running after SIGTERM", Math.Round(exited.TotalSeconds, 1), "s"));
            return Outcome(false, $"the service was still running {operations.ShutdownGrace.TotalSeconds:0} s after SIGTERM", evidence);
        }

        evidence.Add(Evidence.Measurement($"exited with code {state.ExitCode} after SIGTERM", Math.Round(exited.TotalMilliseconds), "ms"));
        var exitProblem = state.ExitCode switch
        {
            0 => null,
            KilledBySigterm => "exit code 143: SIGTERM killed the process, which did not handle it",
            var code => $"exit code {code} instead of 0",
        };
        var problems = new[] { exitProblem, probeProblem }.OfType<string>().ToList();
        return problems.Count == 0
            ? Outcome(true, $"exited with code 0 {exited.TotalSeconds:0.0} s after SIGTERM{(inFlight is null ? string.Empty : ", the in-flight request completed")}", evidence)
            : Outcome(false, string.Join("; ", problems), evidence);
    }

    private static async Task<string?> JudgeProbeAsync(Task<RecordedExchange> inFlight, List<Evidence> evidence)
    {
        var exchange = await inFlight;
        var status = exchange.Evidence.Response?.Status;
        var ok = status is >= 200 and < 300;
        var summary = ok ? $"the request in flight during SIGTERM completed with {status}" : $"the request in flight during SIGTERM {OperationsStage.Seen(exchange)}";
        evidence.Add(Evidence.Of(exchange.Evidence, summary));
        return ok ? null : summary;
    }

    private static CheckOutcome Outcome(bool passed, string summary, IReadOnlyList<Evidence> evidence) =>
        OperationsStage.Outcome(OperationsChecks.GracefulShutdown, passed, summary, evidence, Title);
}
