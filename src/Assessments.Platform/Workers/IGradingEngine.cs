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

    /// <summary>Removes what an earlier attempt of the same job left behind (its worker died mid-grading).</summary>
    Task RemoveLeftoversAsync(string gradingId, CancellationToken cancellationToken);
}
