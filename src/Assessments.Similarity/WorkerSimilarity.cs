using Assessments.Domain.Challenges;
using Assessments.Platform.Queue;
using Assessments.Platform.Workers;
using Microsoft.Extensions.DependencyInjection;

namespace Assessments.Similarity;

/// <summary>The worker's hook: once a grading is stored, its submission joins the challenge's similarity index.</summary>
public sealed class WorkerSimilarity(CohortSimilarity similarity) : ISubmissionSimilarity
{
    public async Task RecordAsync(ClaimedJob job, Challenge challenge, string archivePath, CancellationToken cancellationToken) =>
        await similarity.IndexSubmissionAsync(challenge, job.SubmissionId, SubmissionSources.Read(archivePath), cancellationToken);
}

public static class SimilarityServices
{
    /// <summary>Cohort similarity on completion (a worker host); needs the worker's <c>NpgsqlDataSource</c>.</summary>
    public static IServiceCollection AddCohortSimilarity(this IServiceCollection services)
    {
        services.AddSingleton<CohortSimilarity>();
        services.AddSingleton<ISubmissionSimilarity, WorkerSimilarity>();
        return services;
    }
}
