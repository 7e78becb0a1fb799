using System.Diagnostics;
using Assessments.Client;
using Assessments.Domain.Challenges;
using Assessments.Platform.Database;
using Assessments.Submissions;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Assessments.Similarity;

/// <summary>
/// Rebuilds a challenge's similarity index from the stored archives, in the order the gradings
/// finished (the order the worker indexed them), after the algorithm's version or the starter kit
/// changed. Reviewed pairs keep their review; unreviewed pairs the new comparison no longer flags go.
/// </summary>
public sealed partial class SimilarityReindexer(NpgsqlDataSource dataSource, PairStore pairStore, CohortSimilarity similarity, ILogger<SimilarityReindexer> logger)
{
    public async Task<SimilarityReindex> ReindexAsync(Challenge challenge, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using (var clear = dataSource.CreateCommand("delete from similarity_documents where challenge_id = $1").With(challenge.Id))
        {
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }

        var submissions = new List<Guid>();
        await using (var list = dataSource.CreateCommand("""
            select s.id from submissions s join reports r on r.submission_id = s.id
             where s.challenge_id = $1 and s.kind = 'candidate'
             order by r.created_at, s.id
            """).With(challenge.Id))
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                submissions.Add(reader.GetGuid(0));
            }
        }

        var skipped = new List<string>();
        foreach (var id in submissions)
        {
            await using var read = dataSource.CreateCommand("select archive from submissions where id = $1").With(id);
            var archive = (byte[])(await read.ExecuteScalarAsync(cancellationToken))!;
            try
            {
                await similarity.IndexSubmissionAsync(challenge, id, SubmissionSources.FromArchive(archive), cancellationToken);
            }
            catch (SubmissionRejectedException e)
            {
                // Stored archives passed intake at upload; one that no longer does is reported, not fatal.
                skipped.Add($"{id}: {e.Message}");
            }
        }

        var pairs = (await pairStore.ForChallengeAsync(challenge.Id, 0, cancellationToken)).Count;
        LogReindexed(logger, challenge.Id, submissions.Count - skipped.Count, pairs, clock.Elapsed.TotalSeconds);
        return new SimilarityReindex(challenge.Id, SimilarityAlgorithm.Version, submissions.Count - skipped.Count, challenge.References.Count, pairs, Math.Round(clock.Elapsed.TotalSeconds, 2), skipped);
    }

    /// <summary>Documents in a challenge's index, and how many of them another algorithm version or another starter kit made.</summary>
    public async Task<(int Documents, int Stale)> CountDocumentsAsync(Challenge challenge, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select count(*)::int, count(*) filter (where algorithm_version <> $2 or starter_sha256 <> $3)::int from similarity_documents where challenge_id = $1")
            .With(challenge.Id, SimilarityAlgorithm.Version, ChallengeFingerprints.StarterOf(challenge).Sha256);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt32(0), reader.GetInt32(1));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Similarity index of {ChallengeId} rebuilt: {Submissions} submissions, {Pairs} pairs, {Seconds} s")]
    private static partial void LogReindexed(ILogger logger, string challengeId, int submissions, int pairs, double seconds);
}
