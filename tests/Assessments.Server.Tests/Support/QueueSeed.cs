using Assessments.Platform.Database;

namespace Assessments.Server.Tests.Support;

/// <summary>Puts gradings straight into the queue (no upload), for tests of the queue itself.</summary>
public static class QueueSeed
{
    public static readonly byte[] Archive = Archives.Zip(("Dockerfile", Archives.Dockerfile));

    /// <summary>Queues <paramref name="count"/> gradings of the api-design challenge; returns their job ids.</summary>
    public static async Task<IReadOnlyList<Guid>> EnqueueAsync(TestDatabase database, int count, int maxAttempts = 3)
    {
        var run = Guid.NewGuid();
        await using (var calibration = database.DataSource.CreateCommand("insert into calibration_runs (id, challenge_id) values ($1, 'api-design')").With(run))
        {
            await calibration.ExecuteNonQueryAsync();
        }

        await using var command = database.DataSource.CreateCommand("""
            with queued as (
                insert into submissions (id, challenge_id, kind, calibration_run_id, reference_name, expected_level, archive, archive_bytes, content_sha256)
                select gen_random_uuid(), 'api-design', 'calibration', $1, 'job-' || n, 'junior', $2, length($2), '' from generate_series(1, $3) n
                returning id)
            insert into grading_jobs (id, submission_id, state, max_attempts)
            select gen_random_uuid(), id, 'queued', $4 from queued
            returning id
            """).With(run, Archive, count, maxAttempts);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<Guid>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    public static async Task<(string State, int Attempt, string? LastError)> JobAsync(TestDatabase database, Guid jobId)
    {
        await using var command = database.DataSource.CreateCommand("select state, attempt, last_error from grading_jobs where id = $1").With(jobId);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetString(0), reader.GetInt32(1), reader.NullableField<string>(2));
    }
}
