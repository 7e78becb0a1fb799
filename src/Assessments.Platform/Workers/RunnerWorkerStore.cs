using Assessments.Client;
using Assessments.Platform.Database;
using Npgsql;

namespace Assessments.Platform.Workers;

/// <summary>
/// The table <c>runner_workers</c>: every running worker's grading slots, written by the worker
/// (<see cref="GradingWorker"/>) and read by the server's metrics and admin API, so an operator sees
/// how many slots the platform has and how many are grading without asking each runner host.
/// </summary>
public sealed class RunnerWorkerStore(NpgsqlDataSource dataSource)
{
    /// <summary>How many missed heartbeats make a worker stale.</summary>
    public const int HeartbeatsBeforeStale = 3;

    public async Task AnnounceAsync(string workerId, int slots, TimeSpan heartbeat, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            insert into runner_workers (worker_id, host, cpus, slots, busy, heartbeat_seconds, started_at, seen_at) values ($1, $2, $3, $4, 0, $5, now(), now())
            on conflict (worker_id) do update set host = excluded.host, cpus = excluded.cpus, slots = excluded.slots, busy = 0,
                heartbeat_seconds = excluded.heartbeat_seconds, started_at = now(), seen_at = now()
            """).With(workerId, Environment.MachineName, Environment.ProcessorCount, slots, heartbeat.TotalSeconds);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Records how many of the worker's slots grade now, and that it is alive.</summary>
    public async Task SeenAsync(string workerId, int busy, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("update runner_workers set busy = $2, seen_at = now() where worker_id = $1").With(workerId, busy);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task LeaveAsync(string workerId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("delete from runner_workers where worker_id = $1").With(workerId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Every worker on record, stale ones included (flagged), by id.</summary>
    public async Task<IReadOnlyList<RunnerWorker>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select worker_id, host, cpus, slots, busy, started_at, seen_at, seen_at < now() - make_interval(secs => heartbeat_seconds * $1)
            from runner_workers order by worker_id
            """).With(HeartbeatsBeforeStale);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var workers = new List<RunnerWorker>();
        while (await reader.ReadAsync(cancellationToken))
        {
            workers.Add(new RunnerWorker(
                reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4),
                reader.GetFieldValue<DateTimeOffset>(5), reader.GetFieldValue<DateTimeOffset>(6), reader.GetBoolean(7)));
        }

        return workers;
    }
}
