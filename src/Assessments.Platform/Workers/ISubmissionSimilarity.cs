using Assessments.Domain.Challenges;
using Assessments.Platform.Queue;

namespace Assessments.Platform.Workers;

/// <summary>
/// What a worker does with a submission once its report is stored: add it to its challenge's
/// similarity index and record the pairs it forms with earlier submissions and the references.
/// Optional (the queue tests run workers without it); a failure here never undoes the grading.
/// </summary>
public interface ISubmissionSimilarity
{
    Task RecordAsync(ClaimedJob job, Challenge challenge, string archivePath, CancellationToken cancellationToken);
}
