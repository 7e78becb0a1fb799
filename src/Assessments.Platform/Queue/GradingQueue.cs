using Assessments.Client;
using Npgsql;
using Assessments.Platform.Database;
using Assessments.Platform.Webhooks;

namespace Assessments.Platform.Queue;

/// <summary>
/// The grading queue in PostgreSQL. Workers claim with <c>FOR UPDATE SKIP LOCKED</c>, hold a lease they
/// renew by heartbeat, and every result is written only while (owner, attempt) still hold the job, so a
/// worker whose lease was taken over cannot overwrite its successor.
/// </summary>
public sealed class GradingQueue(NpgsqlDataSource dataSource)
{
    public static async Task<Guid> EnqueueAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid submissionId, Guid? invitationId, int maxAttempts, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        await using var command = new NpgsqlCommand(
            "insert into grading_jobs (id, submission_id, invitation_id, state, max_attempts) values ($1, $2, $3, 'queued', $4)",
            connection,
            transaction).With(id, submissionId, invitationId, maxAttempts);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return id;
    }

    // Any constant shared by every process that admits gradings into this database.
    private const long AdmissionLockKey = 0x4153_5145_5545;

    /// <summary>
    /// Whether <paramref name="adding"/> more gradings fit under <paramref name="cap"/> waiting ones.
    /// Takes the queue's admission lock first (<see cref="LockAdmissionsAsync"/>), so that counting and
    /// the inserts that follow are one step: concurrent uploads wait here instead of all seeing room for one.
    /// </summary>
    public static async Task<bool> AdmitAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int adding, int cap, CancellationToken cancellationToken)
    {
        await LockAdmissionsAsync(connection, transaction, cancellationToken);
        return await HasRoomAsync(connection, transaction, adding, cap, cancellationToken);
    }

    /// <summary>The queue's admission lock, held until the transaction ends; every insert of waiting gradings takes it.</summary>
    public static async Task LockAdmissionsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var admission = new NpgsqlCommand($"select pg_advisory_xact_lock({AdmissionLockKey})", connection, transaction);
        await admission.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Counted in a statement of its own after the lock is held, so its snapshot sees what the previous holder committed.</summary>
    public static async Task<bool> HasRoomAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int adding, int cap, CancellationToken cancellationToken)
    {
        await using var count = new NpgsqlCommand("select count(*) from grading_jobs where state = 'queued'", connection, transaction);
        return (long)(await count.ExecuteScalarAsync(cancellationToken))! + adding <= cap;
    }

    /// <summary>Gradings waiting for a worker (not those running).</summary>
    public async Task<long> CountWaitingAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select count(*) from grading_jobs where state = 'queued'");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<IReadOnlyDictionary<string, long>> CountByStateAsync(CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            [SubmissionStates.Queued] = 0, [SubmissionStates.Running] = 0, [SubmissionStates.Finished] = 0, [SubmissionStates.Failed] = 0,
        };
        await using var command = dataSource.CreateCommand("select state, count(*) from grading_jobs group by state");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    /// <summary>
    /// Claims the oldest due job for owner $1 with lease $2, and in the same statement dead-letters the jobs
    /// whose lease ran out on their last attempt. Public so that bench/api can EXPLAIN it.
    /// </summary>
    /// <remarks>
    /// One statement, so a claim is one round trip and one commit: at 100k jobs on a busy machine the time
    /// of a claim went to waiting for the CPU between statements, not to executing them (well under a
    /// millisecond each). The two parts cannot meet on a row: the sweep takes running jobs with
    /// <c>attempt &gt;= max_attempts</c>, the claim running ones with <c>attempt &lt; max_attempts</c> or queued ones.
    /// </remarks>
    public const string ClaimSql = """
        with dead as (
            update grading_jobs
               set state = 'failed', finished_at = now(), owner = null, lease_until = null,
                   last_error = concat_ws('; ', last_error, 'attempt ' || attempt || ' of ' || max_attempts || ': the worker stopped renewing its lease')
             where id in (select id from grading_jobs
                           where state = 'running' and lease_until < now() and attempt >= max_attempts
                           for update skip locked)
            returning submission_id, last_error),
        announced as (
            insert into webhook_events (id, type, payload)
            select gen_random_uuid(), 'grading.failed', grading_event_payload(dead.submission_id) || jsonb_build_object('error', dead.last_error)
              from dead),
        next as (
            select id from grading_jobs
             where (state = 'queued' and run_after <= now())
                or (state = 'running' and lease_until < now() and attempt < max_attempts)
             order by enqueued_at, id
             limit 1
             for update skip locked)
        update grading_jobs j
           set state = 'running', attempt = j.attempt + 1, owner = $1, lease_until = now() + $2, started_at = now()
          from next
         where j.id = next.id
        returning j.id, j.submission_id, (select s.challenge_id from submissions s where s.id = j.submission_id), j.attempt, j.max_attempts
        """;

    /// <summary>
    /// Takes the oldest job that is queued and due, or running with an expired lease (its worker died),
    /// and starts its next attempt; null when there is none. A job whose lease expired on its last
    /// attempt is dead-lettered instead of being tried again.
    /// </summary>
    public async Task<ClaimedJob?> ClaimAsync(string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var claim = new NpgsqlCommand(ClaimSql, connection).With(owner, lease);
        // Npgsql keeps a prepared statement on the physical connection across pool opens, so this is a
        // round trip once per connection; every later claim skips parsing and planning (about 1 ms of CPU).
        // The claim commits synchronously on purpose. Asynchronous commit could lose a claim in a
        // database crash, and the job would go back to its previous attempt number; the slots of one
        // worker share its owner name, so another slot could claim it again as the same (owner, attempt)
        // and the fence would no longer tell the two gradings apart. (Nor did it measurably help in
        // bench/api, every commit asynchronous, on the development cluster, which runs with fsync off.)
        await claim.PrepareAsync(cancellationToken);
        await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new ClaimedJob(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetInt32(3), reader.GetInt32(4), owner)
            : null;
    }

    /// <summary>Extends the lease; false when the job is no longer this worker's attempt (it must stop).</summary>
    public async Task<bool> HeartbeatAsync(ClaimedJob job, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "update grading_jobs set lease_until = now() + $4 where id = $1 and owner = $2 and attempt = $3 and state = 'running'")
            .With(job.Id, job.Owner, job.Attempt, lease);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<byte[]> ReadArchiveAsync(Guid submissionId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select archive from submissions where id = $1").With(submissionId);
        return (byte[])(await command.ExecuteScalarAsync(cancellationToken) ?? throw new InvalidOperationException($"submission {submissionId} has no archive"));
    }

    /// <summary>Stores the one report of a submission and finishes the job; false (nothing written) when fenced out.</summary>
    public async Task<bool> CompleteAsync(ClaimedJob job, FinishedGrading result, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var finish = new NpgsqlCommand(
            "update grading_jobs set state = 'finished', finished_at = now(), owner = null, lease_until = null where id = $1 and owner = $2 and attempt = $3 and state = 'running'",
            connection,
            transaction).With(job.Id, job.Owner, job.Attempt))
        {
            // Prepared like the claim: every job ends here, and its parsing and planning took the CPU
            // that the claims running beside it wait for.
            await finish.PrepareAsync(cancellationToken);
            if (await finish.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                return false;
            }
        }

        await using (var store = new NpgsqlCommand(
            "insert into reports (submission_id, job_id, attempt, status, level, score, report, html) values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8)",
            connection,
            transaction).With(job.SubmissionId, job.Id, job.Attempt, result.Status, result.Level, result.Score, result.ReportJson, result.ReportHtml))
        {
            await store.PrepareAsync(cancellationToken);
            await store.ExecuteNonQueryAsync(cancellationToken);
        }

        await WebhookEvents.RecordGradingCompletedAsync(connection, transaction, job.SubmissionId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>A platform fault: queue the job again after <paramref name="backoff"/>, or dead-letter it on its last attempt.</summary>
    public async Task<RetryOutcome> RetryAsync(ClaimedJob job, string error, TimeSpan backoff, CancellationToken cancellationToken)
    {
        // A dead letter announces grading.failed in the same statement, so the event cannot be lost or doubled.
        await using var command = dataSource.CreateCommand("""
            with job as (
                update grading_jobs
                   set state = case when attempt >= max_attempts then 'failed' else 'queued' end,
                       finished_at = case when attempt >= max_attempts then now() end,
                       run_after = now() + $4, owner = null, lease_until = null,
                       last_error = concat_ws('; ', last_error, 'attempt ' || attempt || ': ' || $5)
                 where id = $1 and owner = $2 and attempt = $3 and state = 'running'
                returning state, submission_id, last_error),
            announced as (
                insert into webhook_events (id, type, payload)
                select gen_random_uuid(), 'grading.failed', grading_event_payload(job.submission_id) || jsonb_build_object('error', job.last_error)
                  from job where job.state = 'failed')
            select state from job
            """).With(job.Id, job.Owner, job.Attempt, backoff, error);
        return await command.ExecuteScalarAsync(cancellationToken) switch
        {
            "queued" => RetryOutcome.Requeued,
            "failed" => RetryOutcome.DeadLettered,
            _ => RetryOutcome.Fenced,
        };
    }

    public async Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select j.id, j.submission_id, s.challenge_id, j.attempt, j.last_error, j.enqueued_at
              from grading_jobs j join submissions s on s.id = j.submission_id
             where j.state = 'failed'
             order by j.enqueued_at
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var letters = new List<DeadLetter>();
        while (await reader.ReadAsync(cancellationToken))
        {
            letters.Add(new DeadLetter(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetInt32(3), reader.NullableField<string>(4), reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return letters;
    }

    /// <summary>An admin gives a dead-lettered job a fresh set of attempts; null when no such dead letter.</summary>
    public async Task<Guid?> RequeueDeadLetterAsync(Guid jobId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            update grading_jobs
               set state = 'queued', run_after = now(), max_attempts = attempt + greatest(max_attempts, 1), finished_at = null
             where id = $1 and state = 'failed'
            returning submission_id
            """).With(jobId);
        return await command.ExecuteScalarAsync(cancellationToken) as Guid?;
    }
}
