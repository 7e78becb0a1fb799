using Assessments.Domain.Challenges;
using Assessments.Domain.Reports;
using Assessments.Runner.Docker;
using Assessments.Runner.Grading;
using Assessments.Runner.Sandbox;
using Assessments.Runner.Submissions;
using Assessments.Pipeline;
using Assessments.Platform.Workers;
using Docker.DotNet;

namespace Assessments.Worker;

/// <summary>The real grader against the Docker engine (DOCKER_HOST or the local socket), with the whole pipeline.</summary>
public sealed class DockerGradingEngine(ILogger<Grader> logger) : IGradingEngine, IDisposable
{
    // The same stages, in the same order, as the CLI: a grade must not depend on how it was asked for.
    private static IReadOnlyList<IGradingStage> Stages => GradingPipeline.Stages;

    private readonly DockerClient _docker = DockerConnection.Open();

    public Task<GradingReport> GradeAsync(Challenge challenge, string submissionPath, string gradingId, int seed, CancellationToken cancellationToken) =>
        new Grader(_docker, SandboxLimits.Default, SubmissionLimits.Default, Stages, logger)
            .GradeAsync(new GradingRequest(challenge, submissionPath, seed, gradingId), progress: null, cancellationToken);

    public Task RemoveLeftoversAsync(string gradingId, CancellationToken cancellationToken) =>
        new Reaper(_docker).RemoveAsync(gradingId, cancellationToken);

    public void Dispose() => _docker.Dispose();
}
