using Assessments.Platform.Database;
using Npgsql;

namespace Assessments.Platform.Queue;

/// <summary>
/// Keeps the queue table small: finished jobs older than the retention move to <c>grading_jobs_archive</c>.
/// Only <c>finished</c> jobs move; queued and running ones are the queue itself, and failed ones stay
/// where an admin can requeue them (<see cref="GradingQueue.RequeueDeadLetterAsync"/>).
/// </summary>
public sealed class QueueRetention(NpgsqlDataSource dataSource)
{
    /// <summary>Rows per statement: each batch is a short transaction, so claims never wait behind a long move.</summary>
    public const int BatchSize = 1000;

    /// <summary>Moves every finished job whose <c>finished_at</c> is older than <paramref name="retention"/>; returns how many moved.</summary>
    public async Task<long> ArchiveFinishedAsync(TimeSpan retention, CancellationToken cancellationToken)
    {
        long moved = 0;
        while (true)
        {
            var batch = await ArchiveBatchAsync(retention, cancellationToken);
            moved += batch;
            if (batch < BatchSize)
            {
                return moved;
            }
        }
    }

    private async Task<int> ArchiveBatchAsync(TimeSpan retention, CancellationToken cancellationToken)
    {
        // SKIP LOCKED: workers archiving at the same time take different rows instead of waiting.
        // Delete and insert are one statement, so a reader sees the job in one table or the other, never neither.
        await using var command = dataSource.CreateCommand("""
            with moved as (
                delete from grading_jobs
                 where id in (select id from grading_jobs
                               where state = 'finished' and finished_at < now() - $1
                               order by finished_at
                               limit $2
                               for update skip locked)
                returning id, submission_id, invitation_id, state, attempt, max_attempts, run_after, owner,
                          lease_until, last_error, enqueued_at, started_at, finished_at)
            insert into grading_jobs_archive (id, submission_id, invitation_id, state, attempt, max_attempts, run_after, owner,
                                              lease_until, last_error, enqueued_at, started_at, finished_at)
            select * from moved
            """).With(retention, BatchSize);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
