using Assessments.Platform.Database;
using Npgsql;
using NpgsqlTypes;

namespace Assessments.Similarity;

/// <summary>
/// The inverted index in PostgreSQL: documents (token streams) and postings (winnowed fingerprint →
/// document), per challenge. Every method runs on the caller's connection and transaction, so that
/// indexing a submission and looking up its candidates happen under one per-challenge lock.
/// </summary>
public static class FingerprintIndex
{
    /// <summary>
    /// Serialises indexing within a challenge until the transaction ends: two submissions completing at
    /// once would otherwise each miss the other (neither sees the other's uncommitted postings).
    /// </summary>
    public static async Task<int> LockChallengeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string challengeId, CancellationToken cancellationToken)
    {
        await using (var register = new NpgsqlCommand(
            "insert into similarity_challenges (challenge_id) values ($1) on conflict (challenge_id) do nothing", connection, transaction).With(challengeId))
        {
            await register.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var key = new NpgsqlCommand("select key from similarity_challenges where challenge_id = $1", connection, transaction).With(challengeId);
        var challengeKey = (int)(await key.ExecuteScalarAsync(cancellationToken))!;
        // A lock space of our own (high word) so these never collide with the migrator's advisory lock.
        await using var lockCommand = new NpgsqlCommand("select pg_advisory_xact_lock(23, $1)", connection, transaction).With(challengeKey);
        await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        return challengeKey;
    }

    public static async Task<int> AddDocumentAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        int challengeKey,
        string challengeId,
        NewDocument document,
        CancellationToken cancellationToken)
    {
        await using (var remove = new NpgsqlCommand(
            document.SubmissionId is { } s
                ? "delete from similarity_documents where submission_id = $1"
                : "delete from similarity_documents where challenge_id = $2 and reference_name = $1",
            connection,
            transaction).With(document.SubmissionId is { } id ? id : document.ReferenceName, challengeId))
        {
            await remove.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var insert = new NpgsqlCommand("""
            insert into similarity_documents (challenge_id, submission_id, reference_name, invitation_id, algorithm_version, starter_sha256, counted_tokens, paths, stream, limits_reached)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            returning id
            """, connection, transaction).With(
            challengeId, document.SubmissionId, document.ReferenceName, document.InvitationId, document.AlgorithmVersion, document.StarterSha256,
            document.CountedTokens, document.Paths.ToArray(), document.Stream, document.LimitsReached.ToArray());
        var documentId = (int)(await insert.ExecuteScalarAsync(cancellationToken))!;

        await using var importer = await connection.BeginBinaryImportAsync("copy similarity_postings (hash, challenge_key, document_id) from stdin (format binary)", cancellationToken);
        foreach (var hash in document.Fingerprints)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(unchecked((long)hash), NpgsqlDbType.Bigint, cancellationToken);
            await importer.WriteAsync(challengeKey, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(documentId, NpgsqlDbType.Integer, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
        return documentId;
    }

    /// <summary>
    /// Documents of the same algorithm version sharing enough fingerprints with <paramref name="hashes"/>
    /// to possibly reach the flag (see <see cref="CandidateBound"/>), most shared first, at most <paramref name="limit"/>.
    /// </summary>
    public static async Task<IReadOnlyList<Candidate>> CandidatesAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        int challengeKey,
        string algorithmVersion,
        IReadOnlyCollection<ulong> hashes,
        int countedTokens,
        int excludeDocument,
        int limit,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            with shared as (
                select document_id, count(*)::int as shared
                  from similarity_postings
                 where hash = any($1) and challenge_key = $2 and document_id <> $3
                 group by document_id)
            select d.id, d.submission_id, d.reference_name, d.invitation_id, d.counted_tokens, d.paths, d.stream, s.shared
              from shared s join similarity_documents d on d.id = s.document_id
             where d.algorithm_version = $4
               and s.shared >= greatest(1, floor(least(d.counted_tokens, $5) * $6))
             order by s.shared desc, d.id
             limit $7
            """, connection, transaction).With(
            hashes.Select(h => unchecked((long)h)).ToArray(), challengeKey, excludeDocument, algorithmVersion, countedTokens, CandidateBound.PerCountedToken(SimilarityAlgorithm.Options), limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new List<Candidate>();
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(new Candidate(ReadDocument(reader), reader.GetInt32(7)));
        }

        return found;
    }

    public static async Task<IndexedDocument?> FindAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string challengeId, Guid? submissionId, string? referenceName, string algorithmVersion, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            select id, submission_id, reference_name, invitation_id, counted_tokens, paths, stream
              from similarity_documents
             where challenge_id = $1 and algorithm_version = $4 and (submission_id = $2 or reference_name = $3)
            """, connection, transaction).With(challengeId, submissionId, referenceName, algorithmVersion);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadDocument(reader) : null;
    }

    private static IndexedDocument ReadDocument(NpgsqlDataReader reader) => new(
        reader.GetInt32(0),
        reader.IsDBNull(1) ? null : reader.GetGuid(1),
        reader.NullableField<string>(2),
        reader.IsDBNull(3) ? null : reader.GetGuid(3),
        reader.GetInt32(4),
        reader.GetFieldValue<string[]>(5),
        reader.GetFieldValue<byte[]>(6));
}

/// <summary>What the worker adds to the index for one submission or reference.</summary>
public sealed record NewDocument(
    Guid? SubmissionId,
    string? ReferenceName,
    Guid? InvitationId,
    string AlgorithmVersion,
    string StarterSha256,
    int CountedTokens,
    IReadOnlyList<string> Paths,
    byte[] Stream,
    IReadOnlyCollection<ulong> Fingerprints,
    IReadOnlyList<string> LimitsReached);
