using Assessments.Domain.Reports;
using Assessments.Domain.Scenarios;
using Assessments.Domain.Scoring;
using Assessments.Runner.Checks;

namespace Assessments.Runner.Grading;

/// <summary>
/// Runs the challenge's authored scenarios (scenarios.yaml) in order. Each starts with the upstream
/// stub reset (a scenario that failed half-way must not leave an outage behind for the next), and one
/// that acted on the container is followed by a readiness wait, so the next starts on a ready service.
/// Where the grading shares its slot, it gives way between scenarios (<see cref="ISlotTurns"/>), and a
/// scenario that judges time (<c>maxMs</c>) runs alone.
/// </summary>
public sealed class ScenarioStage : IGradingStage
{
    public string Phase => Phases.Checks;

    public async Task<IReadOnlyList<CheckOutcome>> RunAsync(ServiceUnderTest service, CancellationToken cancellationToken)
    {
        var challenge = service.Challenge;
        using var lag = RunnerLagProbe.Start();
        var recorder = new ExchangeRecorder(service.Http, () => service.BaseAddress, challenge.Service.Port) { Lag = lag };
        var runner = new ScenarioRunner(recorder, service.Upstream, service.Container);
        var variables = new Dictionary<string, string> { [ScenarioVariables.RunId] = $"r{service.Seed}" };
        var outcomes = new List<CheckOutcome>();
        foreach (var scenario in challenge.Scenarios)
        {
            // Scenarios are independent of each other: between two, a neighbour may measure; one that
            // judges time measures itself, so it runs alone.
            if (service.Turns is { } turns)
            {
                await turns.GiveWayAsync(scenario.JudgesTime, cancellationToken);
            }

            service.Progress?.Report(new GradingProgress(Phase, scenario.Title));
            if (service.Upstream is { } upstream)
            {
                await upstream.ResetAsync(cancellationToken);
            }

            var (outcome, timing) = await runner.RunTimedAsync(scenario, variables, cancellationToken);
            service.Artifacts.Scenarios.Add(timing);
            if (service.Container is { } container && scenario.Steps.Any(s => s is ServiceStep))
            {
                var readiness = await container.EnsureReadyAsync(cancellationToken);
                outcome = outcome with { Evidence = [.. outcome.Evidence, Evidence.Note($"after the scenario the service was {(readiness.IsReady ? "ready" : "NOT ready")}: {readiness.Detail}")] };
            }

            outcomes.Add(outcome with { Title = scenario.Title, Visibility = scenario.Visibility });
        }

        if (service.Upstream is { } stub)
        {
            // Later stages (contract, load) meet the stub as the challenge declared it.
            await stub.ResetAsync(cancellationToken);
        }

        return outcomes;
    }
}
