using Assessments.Platform.Database;
using Npgsql;

namespace Assessments.Bench.Queue;

/// <summary>Fills the queue in bulk (one statement, not N uploads): the benchmark is about claiming, not admitting.</summary>
internal static class QueueSeeder
{
    /// <summary>
    /// Queues <paramref name="count"/> gradings and returns each job's place in the order the queue owes
    /// them (oldest first, ties by id). Pairs of jobs share an <c>enqueued_at</c>, so the tie-break is
    /// exercised too, and ids are random, so that order is not the order of insertion.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, int>> SeedAsync(NpgsqlDataSource dataSource, int count, CancellationToken cancellationToken)
    {
        var run = Guid.NewGuid();
        await using (var calibration = dataSource.CreateCommand("insert into calibration_runs (id, challenge_id) values ($1, 'api-design')").With(run))
        {
            await calibration.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var seed = dataSource.CreateCommand("""
            with queued as (
                insert into submissions (id, challenge_id, kind, calibration_run_id, reference_name, expected_level, archive, archive_bytes, content_sha256)
                select gen_random_uuid(), 'api-design', 'calibration', $1, 'job-' || n, 'junior', '\x504b0506', 4, '' from generate_series(1, $2) n
                returning id, reference_name)
            insert into grading_jobs (id, submission_id, state, max_attempts, enqueued_at)
            select gen_random_uuid(), id, 'queued', 3,
                   now() - interval '1 day' + (split_part(reference_name, '-', 2)::int / 2) * interval '1 ms'
              from queued
            """).With(run, count))
        {
            seed.CommandTimeout = 600;
            await seed.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var analyze = dataSource.CreateCommand("analyze grading_jobs"))
        {
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }

        var places = new Dictionary<Guid, int>(count);
        await using var read = dataSource.CreateCommand("select id from grading_jobs order by enqueued_at, id");
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            places.Add(reader.GetGuid(0), places.Count);
        }

        return places;
    }
}
