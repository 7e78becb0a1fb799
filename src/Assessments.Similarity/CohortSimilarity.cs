using System.Diagnostics;
using Assessments.Domain.Challenges;
using Assessments.Insight.Similarity;
using Assessments.Platform.Database;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Assessments.Similarity;

/// <summary>
/// Adds one submission to its challenge's similarity index and compares it, through the index, with
/// every earlier submission and every reference solution of the challenge: candidates are the
/// documents sharing enough fingerprints, each scored exactly with <see cref="PairComparer"/>; pairs
/// at or above the flag are recorded. A candidate's own earlier submissions are never paired with it.
/// This is what the worker calls once a grading is stored, and what a reindex calls per submission.
/// </summary>
public sealed partial class CohortSimilarity(NpgsqlDataSource dataSource, ILogger<CohortSimilarity> logger)
{
    public async Task<Comparison?> IndexSubmissionAsync(Challenge challenge, Guid submissionId, SubmissionSources sources, CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        var owner = await OwnerAsync(submissionId, cancellationToken);
        if (owner is null)
        {
            // Calibration gradings are the references themselves: indexed from the challenge folder instead.
            return null;
        }

        var starter = ChallengeFingerprints.StarterOf(challenge);
        var fingerprint = ChallengeFingerprints.Of(submissionId.ToString(), TokenStream.Of(sources.Files, cancellationToken), starter);
        var fingerprinted = total.Elapsed;

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var challengeKey = await FingerprintIndex.LockChallengeAsync(connection, transaction, challenge.Id, cancellationToken);
        await EnsureReferencesAsync(connection, transaction, challengeKey, challenge, starter, cancellationToken);
        var documentId = await FingerprintIndex.AddDocumentAsync(
            connection,
            transaction,
            challengeKey,
            challenge.Id,
            new NewDocument(submissionId, null, owner.Value, SimilarityAlgorithm.Version, starter.Sha256, fingerprint.CountedTokens,
                fingerprint.Tokens.Paths, TokenStreamCodec.Encode(fingerprint.Tokens), fingerprint.WinnowedHashes, sources.LimitsReached),
            cancellationToken);
        var indexed = total.Elapsed;

        var candidates = await FingerprintIndex.CandidatesAsync(
            connection, transaction, challengeKey, SimilarityAlgorithm.Version, fingerprint.AllHashes, fingerprint.CountedTokens, documentId, SimilarityAlgorithm.MaxCandidates, cancellationToken);
        var looked = total.Elapsed;
        var others = candidates.Where(c => c.Document.InvitationId is null || c.Document.InvitationId != owner.Value).ToList();
        var scored = new SimilarityPair[others.Count];
        Parallel.For(0, others.Count, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var document = others[i].Document;
            var earlier = ChallengeFingerprints.Of(document.Id.ToString(), TokenStreamCodec.Decode(document.Stream, document.Paths), starter);
            scored[i] = PairComparer.Compare(earlier, fingerprint, SimilarityAlgorithm.Options, SimilarityAlgorithm.MaxRegions);
        });

        var flagged = 0;
        for (var i = 0; i < others.Count; i++)
        {
            if (scored[i].Flagged)
            {
                await PairStore.RecordAsync(connection, transaction, challenge.Id, others[i].Document, submissionId, scored[i], cancellationToken);
                flagged++;
            }
        }

        await PairStore.ForgetUnconfirmedAsync(connection, transaction, submissionId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var comparison = new Comparison(documentId, fingerprint.CountedTokens, fingerprint.WinnowedHashes.Count, candidates.Count, candidates.Count - others.Count, flagged,
            fingerprinted, indexed - fingerprinted, looked - indexed, total.Elapsed - looked);
        LogIndexed(logger, submissionId, challenge.Id, comparison.CountedTokens, comparison.Candidates, comparison.Flagged, total.Elapsed.TotalMilliseconds);
        return comparison;
    }

    /// <summary>The challenge's reference solutions, indexed once per algorithm version (they compare with later submissions only).</summary>
    private static async Task EnsureReferencesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int challengeKey, Challenge challenge, ChallengeFingerprints.Starter starter, CancellationToken cancellationToken)
    {
        foreach (var reference in challenge.References)
        {
            // The reference's own name, not its level: two references of one level are two documents.
            var name = reference.Name;
            if (await FingerprintIndex.FindAsync(connection, transaction, challenge.Id, null, name, SimilarityAlgorithm.Version, cancellationToken) is not null)
            {
                continue;
            }

            var sources = SubmissionSources.FromFolder(reference.Directory);
            var fingerprint = ChallengeFingerprints.Of(name, TokenStream.Of(sources.Files, cancellationToken), starter);
            await FingerprintIndex.AddDocumentAsync(
                connection,
                transaction,
                challengeKey,
                challenge.Id,
                new NewDocument(null, name, null, SimilarityAlgorithm.Version, starter.Sha256, fingerprint.CountedTokens, fingerprint.Tokens.Paths,
                    TokenStreamCodec.Encode(fingerprint.Tokens), fingerprint.WinnowedHashes, sources.LimitsReached),
                cancellationToken);
        }
    }

    /// <summary>The candidate's invitation, or null for a calibration grading (or an unknown submission).</summary>
    private async Task<Guid?> OwnerAsync(Guid submissionId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select invitation_id from submissions where id = $1 and kind = 'candidate'").With(submissionId);
        return await command.ExecuteScalarAsync(cancellationToken) is Guid invitation ? invitation : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Similarity of submission {SubmissionId} ({ChallengeId}): {Tokens} tokens, {Candidates} candidates, {Flagged} flagged, {Milliseconds} ms")]
    private static partial void LogIndexed(ILogger logger, Guid submissionId, string challengeId, int tokens, int candidates, int flagged, double milliseconds);
}

/// <summary>What indexing one submission did and how long each part took.</summary>
public sealed record Comparison(
    int DocumentId,
    int CountedTokens,
    int Fingerprints,
    int Candidates,
    int SameCandidate,
    int Flagged,
    TimeSpan Fingerprinting,
    TimeSpan Indexing,
    TimeSpan Lookup,
    TimeSpan Scoring);
