using Assessments.Domain.Challenges;
using Assessments.Domain.Hosts;
using Assessments.Domain.Reports;
using Assessments.Runner.Docker;
using Assessments.Runner.Grading;
using Assessments.Pipeline;
using Assessments.Platform.Workers;
using Assessments.Submissions;
using Assessments.Submissions.Sandbox;
using Docker.DotNet;

namespace Assessments.Worker;

/// <summary>The real grader against the Docker engine (DOCKER_HOST or the local socket), with the whole pipeline.</summary>
public sealed partial class DockerGradingEngine(ILogger<Grader> logger) : IGradingEngine, IDisposable
{
    // The same pipeline as the CLI's: a grade must not depend on how it was asked for.
    private static GradingPipeline Pipeline => GradingPipelines.Full;

    private readonly DockerClient _docker = DockerConnection.Open();

    // Shared with every other process on the host (the CLI, other workers) through the slots' lock files.
    private readonly HostSlots _slots = HostSlots.ForThisHost();

    public int Capacity => _slots.Slots.Count * _slots.Seats;

    public async Task<GradingReservation> ReserveAsync(CancellationToken cancellationToken)
    {
        var lease = await _slots.AcquireAsync(message => LogWaiting(logger, message), cancellationToken);
        return new GradingReservation(lease.Slot, lease);
    }

    public Task<GradingReport> GradeAsync(Challenge challenge, string submissionPath, string gradingId, int seed, CancellationToken cancellationToken) =>
        GradeAsync(challenge, submissionPath, gradingId, seed, GradingReservation.None, cancellationToken);

    public Task<GradingReport> GradeAsync(
        Challenge challenge, string submissionPath, string gradingId, int seed, GradingReservation reservation, CancellationToken cancellationToken) =>
        new Grader(_docker, SandboxLimits.Default, SubmissionLimits.Default, Pipeline, logger, _slots)
            .GradeAsync(new GradingRequest(challenge, submissionPath, seed, gradingId) { Slot = reservation.Slot, Seat = reservation.Seat }, progress: null, cancellationToken);

    public Task RemoveLeftoversAsync(string gradingId, CancellationToken cancellationToken) =>
        new Reaper(_docker).RemoveAsync(gradingId, cancellationToken);

    public void Dispose() => _docker.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker {Message}")]
    private static partial void LogWaiting(ILogger logger, string message);
}
