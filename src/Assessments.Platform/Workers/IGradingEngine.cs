using Assessments.Domain.Challenges;
using Assessments.Domain.Reports;

namespace Assessments.Platform.Workers;

/// <summary>
/// What grades a claimed job. The real one builds and runs the submission in Docker; the queue tests
/// put a fast fake here to exercise claims, leases and fencing by the hundred.
/// </summary>
public interface IGradingEngine
{
    /// <param name="gradingId">Labels every Docker resource of this attempt: <c>&lt;job id&gt;-&lt;attempt&gt;</c>.</param>
    Task<GradingReport> GradeAsync(Challenge challenge, string submissionPath, string gradingId, int seed, CancellationToken cancellationToken);

    /// <summary>How many gradings this engine can run at once on this host (its grading slots).</summary>
    int Capacity => 1;

    /// <summary>
    /// Waits until the engine has room for one more grading (a free grading slot) and holds it; the
    /// worker claims a job only after this, so it never takes work it would have to run on busy cores.
    /// </summary>
    Task<GradingReservation> ReserveAsync(CancellationToken cancellationToken) => Task.FromResult(GradingReservation.None);

    /// <summary>Grades in the room <paramref name="reservation"/> holds (its grading slot).</summary>
    Task<GradingReport> GradeAsync(Challenge challenge, string submissionPath, string gradingId, int seed, GradingReservation reservation, CancellationToken cancellationToken) =>
        GradeAsync(challenge, submissionPath, gradingId, seed, cancellationToken);

    /// <summary>Removes what an earlier attempt of the same job left behind (its worker died mid-grading).</summary>
    Task RemoveLeftoversAsync(string gradingId, CancellationToken cancellationToken);
}
