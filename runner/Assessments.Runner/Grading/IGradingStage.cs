using Assessments.Domain.Challenges;
using Assessments.Runner.Dependencies;
using Assessments.Domain.Scoring;

namespace Assessments.Runner.Grading;

/// <summary>
/// One kind of checking run against a service that is up and ready (scenarios, contract, load…).
/// Stages run in order on the same container; each returns check outcomes the rubric can name.
/// </summary>
public interface IGradingStage
{
    /// <summary>The phase name its duration is recorded under in the report's timings.</summary>
    string Phase { get; }

    /// <summary>
    /// True for a stage whose verdicts depend on latency (the load profile): where gradings share a
    /// slot, it runs alone, with the other gradings' containers frozen.
    /// </summary>
    bool Measures => false;

    Task<IReadOnlyList<CheckOutcome>> RunAsync(ServiceUnderTest service, CancellationToken cancellationToken);
}

/// <summary>The running candidate service as stages see it.</summary>
/// <param name="Http">The runner's client for candidate services: no proxy, no redirects, tight timeouts.</param>
/// <param name="BaseAddress">Where the service answered when it first became ready; <see cref="BaseAddress"/> follows restarts.</param>
/// <param name="Seed">The grading's seed: stages that generate data derive it from this, so reruns repeat.</param>
/// <param name="Artifacts">Where stages leave what the report shows besides check outcomes.</param>
public sealed record ServiceUnderTest(
    Challenge Challenge,
    HttpClient Http,
    Uri BaseAddress,
    int Seed,
    IProgress<GradingProgress>? Progress,
    GradingArtifacts Artifacts)
{
    /// <summary>The service's current address: read it when a stage starts, as a restart may move it.</summary>
    public ServiceEndpoint Endpoint { get; init; } = new(BaseAddress);

    /// <summary>Where the service answers now (its address on the grading network, after any restart).</summary>
    public Uri BaseAddress => Endpoint.Address;

    /// <summary>The service's container, for steps that signal, restart or inspect it; null outside a grading.</summary>
    public ServiceControl? Container { get; init; }

    /// <summary>The upstream stub's control plane; null when the challenge declares no upstream.</summary>
    public UpstreamControl? Upstream { get; init; }

    /// <summary>The container behind the service, for stages that read its output or signal it.</summary>
    public GradingHost? Host { get; init; }

    /// <summary>Where the grading shares its slot: a long stage gives way between its steps; null outside a grading.</summary>
    public ISlotTurns? Turns { get; init; }
}
