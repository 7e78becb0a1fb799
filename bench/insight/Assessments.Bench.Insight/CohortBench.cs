using System.Diagnostics;
using Assessments.Domain.Challenges.Loading;
using Assessments.Insight.Similarity;
using Assessments.Insight.Similarity.Calibration;
using Assessments.Platform.Database;
using Assessments.Similarity;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

/// <summary>
/// The cohort case: a challenge's similarity index in PostgreSQL filled with N generated submissions
/// (a few of them disguised copies of earlier ones), then new submissions compared against all of them
/// by the call the worker makes on completion. Reports p50/p95 of that call and the index's size per
/// submission. Runs on a database of its own, dropped at the end.
/// </summary>
internal static class CohortBench
{
    public static async Task<int> RunAsync(string challenges, int count, string server)
    {
        var database = $"bench_similarity_{Environment.ProcessId}";
        await using (var admin = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString))
        await using (var create = admin.CreateCommand($"create database {database}"))
        {
            await create.ExecuteNonQueryAsync();
        }

        try
        {
            await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString);
            await Migrator.ApplyAsync(dataSource, CancellationToken.None);
            return await MeasureAsync(dataSource, challenges, count);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
            await using var drop = admin.CreateCommand($"drop database if exists {database} with (force)");
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static async Task<int> MeasureAsync(NpgsqlDataSource dataSource, string challenges, int count)
    {
        var challenge = ChallengeLoader.Load(Path.Combine(challenges, "api-design"));
        var similarity = new CohortSimilarity(dataSource, NullLogger<CohortSimilarity>.Instance);
        var probes = 40;
        var ids = await SeedSubmissionsAsync(dataSource, challenge.Id, count + probes);
        var starter = ChallengeFingerprints.StarterOf(challenge);

        // Fill: fingerprints on every core, written with COPY; every 50th submission is a disguised copy of an earlier one.
        var clock = Stopwatch.StartNew();
        var challengeKey = 0;
        const int batch = 200;
        for (var start = 0; start < count; start += batch)
        {
            var documents = Enumerable.Range(start, Math.Min(batch, count - start)).AsParallel().AsOrdered().Select(i =>
            {
                var files = Generate(i);
                var fingerprint = ChallengeFingerprints.Of(ids[i].ToString(), TokenStream.Of(files), starter);
                return new NewDocument(ids[i], null, ids[i], SimilarityAlgorithm.Version, starter.Sha256, fingerprint.CountedTokens, fingerprint.Tokens.Paths,
                    TokenStreamCodec.Encode(fingerprint.Tokens), fingerprint.WinnowedHashes, []);
            }).ToList();
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            challengeKey = await FingerprintIndex.LockChallengeAsync(connection, transaction, challenge.Id, CancellationToken.None);
            foreach (var document in documents)
            {
                await FingerprintIndex.AddDocumentAsync(connection, transaction, challengeKey, challenge.Id, document, CancellationToken.None);
            }

            await transaction.CommitAsync();
        }

        Console.WriteLine($"cohort: indexed {count:N0} generated submissions of {challenge.Id} in {clock.Elapsed.TotalSeconds:0.0} s");
        // One statement: VACUUM may not share a command (Npgsql sends several statements as one pipeline).
        await using (var vacuum = dataSource.CreateCommand("vacuum analyze similarity_postings, similarity_documents"))
        {
            await vacuum.ExecuteNonQueryAsync();
        }

        // Compare: new submissions, half independent, half disguised copies of indexed ones, each through the worker's call.
        var times = new List<double>();
        var flaggedCopies = 0;
        var flaggedIndependent = 0;
        for (var p = 0; p < probes; p++)
        {
            var copy = p % 2 == 0;
            var files = copy ? Generate(p * 97 % count).Select(f => f with { Text = Disguise.Apply(f.Text, 1000 + p) }).ToList() : Generate(count + p);
            clock.Restart();
            var result = await similarity.IndexSubmissionAsync(challenge, ids[count + p], new SubmissionSources(files, []), CancellationToken.None);
            times.Add(clock.Elapsed.TotalMilliseconds);
            if (result!.Flagged > 0)
            {
                _ = copy ? flaggedCopies++ : flaggedIndependent++;
            }
        }

        times.Sort();
        var p95 = times[(int)Math.Ceiling(0.95 * times.Count) - 1];
        Console.WriteLine($"cohort: compare one new submission against {count:N0}: p50 {times[times.Count / 2]:0} ms, p95 {p95:0} ms, max {times[^1]:0} ms (fingerprint + index + lookup + exact scoring + record; target p95 < 1000 ms)");
        Console.WriteLine($"cohort: disguised copies flagged {flaggedCopies}/{probes / 2}, independent ones flagged {flaggedIndependent}/{probes / 2}");
        await using (var size = dataSource.CreateCommand("""
            select pg_total_relation_size('similarity_postings'), pg_total_relation_size('similarity_documents'), (select count(*) from similarity_postings), (select count(*) from similarity_documents)
            """))
        await using (var reader = await size.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            var documents = reader.GetInt64(3);
            Console.WriteLine($"cohort: index size per submission {(reader.GetInt64(0) + reader.GetInt64(1)) / 1024.0 / documents:0.0} KiB " +
                $"(postings {reader.GetInt64(0) / 1024.0 / documents:0.0} KiB, {reader.GetInt64(2) / (double)documents:0} fingerprints; documents with token streams {reader.GetInt64(1) / 1024.0 / documents:0.0} KiB)");
        }

        return p95 < 1000 && flaggedCopies == probes / 2 && flaggedIndependent == 0 ? 0 : 1;
    }

    /// <summary>Every 50th one a disguised copy of the one 25 before it: a cohort with some copying in it.</summary>
    private static IReadOnlyList<Assessments.Insight.Sources.SourceFile> Generate(int i) =>
        i % 50 == 49
            ? SyntheticSubmission.Generate(i - 25, methods: 6).Select(f => f with { Text = Disguise.Apply(f.Text, i) }).ToList()
            : SyntheticSubmission.Generate(i, methods: 6);

    private static async Task<IReadOnlyList<Guid>> SeedSubmissionsAsync(NpgsqlDataSource dataSource, string challengeId, int count)
    {
        // One invitation per submission: every submission is another candidate's.
        await using var command = dataSource.CreateCommand("""
            with inv as (
                insert into invitations (id, challenge_id, candidate_name, token_hash, expires_at)
                select gen_random_uuid(), $1, 'bench ' || n, sha256(n::text::bytea), now() + interval '1 day' from generate_series(1, $2) n
                returning id)
            insert into submissions (id, challenge_id, kind, invitation_id, archive, archive_bytes, content_sha256)
            select gen_random_uuid(), $1, 'candidate', id, ''::bytea, 0, '' from inv
            returning id
            """).With(challengeId, count);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<Guid>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }
}
