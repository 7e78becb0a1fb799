using System.Text.Json;
using Assessments.Client;
using Assessments.Insight.Similarity;
using Assessments.Platform.Database;
using Npgsql;

namespace Assessments.Similarity;

/// <summary>
/// Flagged pairs in PostgreSQL: recorded by the worker, read by the API and pages, reviewed by interviewers.
/// Writes take the caller's connection and transaction (they commit with the comparison or the audit
/// entry that goes with them); reads use the data source this store is built with.
/// </summary>
public sealed class PairStore(NpgsqlDataSource dataSource)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Records (or refreshes) a flagged pair. A refresh keeps an interviewer's review: the figures may
    /// move with a reindex, the human judgement stays.
    /// </summary>
    public static async Task RecordAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string challengeId, IndexedDocument a, Guid submissionB, SimilarityPair pair, CancellationToken cancellationToken)
    {
        var regions = JsonSerializer.Serialize(pair.Regions.Select(r => new SimilarRegion(Span(r.A), Span(r.B), r.Tokens)), Json);
        var conflict = a.SubmissionId is null
            ? "(submission_b, reference_a) where reference_a is not null"
            : "(least(submission_a, submission_b), greatest(submission_a, submission_b)) where submission_a is not null";
        await using var command = new NpgsqlCommand($"""
            insert into similarity_pairs (id, challenge_id, submission_a, reference_a, submission_b, similarity, shared_tokens_a, shared_tokens_b, tokens_a, tokens_b, regions, algorithm_version)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12)
            on conflict {conflict} do update
               set submission_a = excluded.submission_a, submission_b = excluded.submission_b, similarity = excluded.similarity, shared_tokens_a = excluded.shared_tokens_a, shared_tokens_b = excluded.shared_tokens_b,
                   tokens_a = excluded.tokens_a, tokens_b = excluded.tokens_b, regions = excluded.regions,
                   algorithm_version = excluded.algorithm_version, found_at = now()
            """, connection, transaction).With(
            Guid.CreateVersion7(), challengeId, a.SubmissionId, a.ReferenceName, submissionB, (float)pair.Similarity,
            pair.SharedTokensA, pair.SharedTokensB, pair.TokensA, pair.TokensB, regions, SimilarityAlgorithm.Version);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Pairs of this submission that the comparison in this transaction did not confirm, and nobody
    /// reviewed, go (now() is the transaction's start, which is what confirmed pairs carry).
    /// </summary>
    public static async Task ForgetUnconfirmedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid submissionB, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "delete from similarity_pairs where submission_b = $1 and review = 'unreviewed' and found_at < now()",
            connection,
            transaction).With(submissionB);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// A pair's similarity as the API shows it: three decimals, rounded here in one place so that the
    /// <c>min</c> filter compares the very figure an interviewer reads (the stored real has more digits:
    /// a pair shown at 0.873 but stored at 0.8726 used to vanish at <c>min=0.873</c>).
    /// </summary>
    private const string ShownSimilarity = "round(p.similarity::numeric, 3)";

    private const string Select = $"""
        select p.id, p.challenge_id, p.submission_a, p.reference_a, ia.candidate_name, p.submission_b, ib.candidate_name,
               {ShownSimilarity}::float8, p.shared_tokens_a, p.shared_tokens_b, p.tokens_a, p.tokens_b, p.regions::text,
               p.review, p.review_note, p.reviewed_by, p.reviewed_at, p.found_at
          from similarity_pairs p
          left join submissions sa on sa.id = p.submission_a
          left join invitations ia on ia.id = sa.invitation_id
          join submissions sb on sb.id = p.submission_b
          left join invitations ib on ib.id = sb.invitation_id
        """;

    public Task<IReadOnlyList<SimilarPair>> ForSubmissionAsync(Guid submissionId, CancellationToken cancellationToken) =>
        QueryAsync($"{Select} where p.submission_a = $1 or p.submission_b = $1 order by p.similarity desc, p.id", cancellationToken, submissionId);

    public Task<IReadOnlyList<SimilarPair>> ForChallengeAsync(string challengeId, double min, CancellationToken cancellationToken) =>
        QueryAsync($"{Select} where p.challenge_id = $1 and {ShownSimilarity} >= $2 order by p.similarity desc, p.id limit 1000", cancellationToken, challengeId, min);

    public async Task<SimilarPair?> FindAsync(Guid pairId, CancellationToken cancellationToken) =>
        (await QueryAsync($"{Select} where p.id = $1", cancellationToken, pairId)).FirstOrDefault();

    /// <summary>How many pairs each of these submissions is in, unreviewed and in all (for flags on lists).</summary>
    public async Task<IReadOnlyDictionary<Guid, (int Unreviewed, int All)>> CountsAsync(IReadOnlyCollection<Guid> submissions, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select s, count(*) filter (where review = 'unreviewed')::int, count(*)::int
              from similarity_pairs, unnest(array[submission_a, submission_b]) s
             where s = any($1)
             group by s
            """).With(submissions.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new Dictionary<Guid, (int, int)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetGuid(0)] = (reader.GetInt32(1), reader.GetInt32(2));
        }

        return counts;
    }

    /// <summary>Sets an interviewer's review; false when there is no such pair.</summary>
    public static async Task<bool> ReviewAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid pairId, string review, string note, string reviewer, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "update similarity_pairs set review = $2, review_note = $3, reviewed_by = $4, reviewed_at = now() where id = $1",
            connection,
            transaction).With(pairId, review, note, reviewer);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private async Task<IReadOnlyList<SimilarPair>> QueryAsync(string sql, CancellationToken cancellationToken, params object?[] values)
    {
        await using var command = dataSource.CreateCommand(sql).With(values);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var pairs = new List<SimilarPair>();
        while (await reader.ReadAsync(cancellationToken))
        {
            pairs.Add(new SimilarPair(
                reader.GetGuid(0),
                reader.GetString(1),
                new PairSide(reader.IsDBNull(2) ? null : reader.GetGuid(2), reader.NullableField<string>(3), reader.NullableField<string>(4)),
                new PairSide(reader.GetGuid(5), null, reader.NullableField<string>(6)),
                reader.GetDouble(7),
                reader.GetInt32(8),
                reader.GetInt32(9),
                reader.GetInt32(10),
                reader.GetInt32(11),
                JsonSerializer.Deserialize<List<SimilarRegion>>(reader.GetString(12), Json) ?? [],
                reader.GetString(13),
                reader.NullableField<string>(14),
                reader.NullableField<string>(15),
                reader.IsDBNull(16) ? null : reader.GetFieldValue<DateTimeOffset>(16),
                reader.GetFieldValue<DateTimeOffset>(17)));
        }

        return pairs;
    }

    private static RegionSpan Span(SourceSpan span) => new(span.File, span.StartLine, span.EndLine);
}
