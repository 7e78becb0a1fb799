using Assessments.Domain.Scenarios;
using Assessments.Domain.Scoring;
using Assessments.Runner.Checks;

namespace Assessments.Runner.Grading;

/// <summary>Runs the challenge's authored scenarios (scenarios.yaml) in order.</summary>
public sealed class ScenarioStage : IGradingStage
{
    public string Phase => Phases.Checks;

    public async Task<IReadOnlyList<CheckOutcome>> RunAsync(ServiceUnderTest service, CancellationToken cancellationToken)
    {
        var challenge = service.Challenge;
        var runner = new ScenarioRunner(new ExchangeRecorder(service.Http, service.BaseAddress, challenge.Service.Port));
        var variables = new Dictionary<string, string> { [ScenarioVariables.RunId] = $"r{service.Seed}" };
        var outcomes = new List<CheckOutcome>();
        foreach (var scenario in challenge.Scenarios)
        {
            service.Progress?.Report(new GradingProgress(Phase, scenario.Title));
            var outcome = await runner.RunAsync(scenario, variables, cancellationToken);
            outcomes.Add(outcome with { Title = scenario.Title, Visibility = scenario.Visibility });
        }

        return outcomes;
    }
}
