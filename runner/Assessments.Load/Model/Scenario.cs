namespace Assessments.Load.Model;

/// <summary>
/// Named steps run in order once per iteration, driven by load simulations that run one after
/// another. Init runs before any load and Clean after all of it, outside every measurement.
/// </summary>
public sealed record Scenario(string Name, IReadOnlyList<Step> Steps, IReadOnlyList<LoadSimulation> Simulations)
{
    public Func<ScenarioContext, CancellationToken, Task>? Init { get; init; }

    public Func<ScenarioContext, CancellationToken, Task>? Clean { get; init; }

    public ArrivalPattern Arrivals { get; init; } = ArrivalPattern.Uniform;

    /// <summary>Seeds Poisson arrivals, so a run can be repeated exactly.</summary>
    public int Seed { get; init; } = 1;
}
