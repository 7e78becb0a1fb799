using System.Security.Claims;
using Assessments.Client;
using Assessments.Server.Audit;
using Assessments.Server.Auth;
using Assessments.Server.Challenges;
using Assessments.Server.Submissions;
using Assessments.Similarity;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace Assessments.Server.Similarity;

/// <summary>
/// Similarity across a challenge's cohort: the pairs a submission is in, a challenge's flagged pairs,
/// an interviewer's review of a pair (audited), and an admin's rebuild of a challenge's index.
/// </summary>
public static class SimilarityApi
{
    public const int MaxNoteLength = 2000;

    public static IServiceCollection AddSimilarity(this IServiceCollection services) =>
        services.AddSingleton<PairStore>().AddSingleton<CohortSimilarity>().AddSingleton<SimilarityReindexer>();

    public static IEndpointRouteBuilder MapSimilarity(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api").WithTags("Similarity").RequireAuthorization(Policies.Staff);
        staff.MapGet("/submissions/{id:guid}/similar", SimilarAsync).WithName("ListSimilar").WithSummary("The flagged pairs a submission is in.")
            .WithDescription("Staff. Pairs at or above the flag (0.5) that this submission forms with earlier submissions, later ones and the challenge's reference solutions, most similar first, each with the matching regions (file and lines on each side) and any interviewer's review. A candidate's own resubmissions are never paired. A flag is a reason to read both side by side, never a verdict. 404 for an unknown submission.");
        staff.MapGet("/challenges/{id}/similarity", ChallengeAsync).WithName("GetChallengeSimilarity").WithSummary("A challenge's flagged pairs, most similar first.")
            .WithDescription("Staff. Every flagged pair of the challenge with similarity at or above `min` (0 to 1, default 0.5; 400 outside), at most 1,000, and the state of the challenge's index: documents, and how many were fingerprinted by another algorithm version or starter kit (an admin reindex rebuilds them). 404 for an unknown challenge.");
        staff.MapPut("/similarity/pairs/{id:guid}/review", ReviewAsync).WithName("ReviewPair").WithSummary("Marks a flagged pair reviewed: independent or copied, with a note.")
            .WithDescription("Staff. `review` is `independent` or `copied`; `note` (1 to 2,000 characters) says why. The review replaces an earlier one; before and after go to the audit log. 400 for an invalid review, 404 for an unknown pair.");
        app.MapPost("/api/admin/similarity/{challengeId}/reindex", ReindexAsync).WithTags("Admin").RequireAuthorization(Policies.Admin)
            .WithName("ReindexSimilarity").WithSummary("Rebuilds a challenge's similarity index from the stored submissions.")
            .WithDescription("Admin only. Fingerprints every graded submission of the challenge again with the current algorithm (after its version or the starter kit changed), in the order they were graded, and compares each through the index. Reviewed pairs keep their review; unreviewed pairs no longer flagged are removed. Runs to the end before it answers (seconds per hundred submissions). Audited. 404 for an unknown challenge.");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<SimilarPair>>, NotFound>> SimilarAsync(Guid id, SubmissionStore store, PairStore pairs, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(await pairs.ForSubmissionAsync(id, cancellationToken));

    private static async Task<Results<Ok<ChallengeSimilarity>, NotFound, ValidationProblem>> ChallengeAsync(
        string id, double? min, ChallengeCatalog catalog, SimilarityReindexer reindexer, PairStore pairStore, CancellationToken cancellationToken)
    {
        if (catalog.Find(id) is not { } challenge)
        {
            return TypedResults.NotFound();
        }

        var threshold = min ?? SimilarityAlgorithm.Options.FlagAt;
        if (!(threshold is >= 0 and <= 1))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["min"] = ["must be between 0 and 1"] });
        }

        var (documents, stale) = await reindexer.CountDocumentsAsync(challenge, cancellationToken);
        var pairs = await pairStore.ForChallengeAsync(id, threshold, cancellationToken);
        return TypedResults.Ok(new ChallengeSimilarity(id, SimilarityAlgorithm.Version, threshold, documents, stale, pairs));
    }

    private static async Task<Results<Ok<SimilarPair>, NotFound, ValidationProblem>> ReviewAsync(
        Guid id, PairReviewRequest request, ClaimsPrincipal user, PairStore pairs, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Review is not (PairReviews.Independent or PairReviews.Copied))
        {
            errors["review"] = ["must be independent or copied"];
        }

        if (string.IsNullOrWhiteSpace(request.Note) || request.Note.Trim().Length > MaxNoteLength)
        {
            errors["note"] = [$"a review needs a note of 1 to {MaxNoteLength:N0} characters"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await pairs.FindAsync(id, cancellationToken) is not { } before)
        {
            return TypedResults.NotFound();
        }

        var note = request.Note.Trim();
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            await PairStore.ReviewAsync(connection, transaction, id, request.Review, note, user.Name(), cancellationToken);
            await AuditLog.WriteAsync(connection, transaction, user, "similarity.review", "similarity_pair", id.ToString(),
                new { review = before.Review, note = before.ReviewNote }, new { review = request.Review, note }, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return TypedResults.Ok((await pairs.FindAsync(id, cancellationToken))!);
    }

    private static async Task<Results<Ok<SimilarityReindex>, NotFound>> ReindexAsync(
        string challengeId, ClaimsPrincipal user, ChallengeCatalog catalog, SimilarityReindexer reindexer, AuditLog auditLog, CancellationToken cancellationToken)
    {
        if (catalog.Find(challengeId) is not { } challenge)
        {
            return TypedResults.NotFound();
        }

        var result = await reindexer.ReindexAsync(challenge, cancellationToken);
        await auditLog.WriteAsync(user, "similarity.reindex", "challenge", challengeId, null,
            new { result.AlgorithmVersion, result.Submissions, result.Pairs }, cancellationToken);

        return TypedResults.Ok(result);
    }
}
